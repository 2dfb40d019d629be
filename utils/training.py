"""A small training loop for sequence models, shared by the notebooks."""
import time
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, nd

from .device import get_context
from .plotting import FIGSIZE, LINE_STYLES, PALETTE
from .seed import set_seed
from .tasks import make_digit_sum


@dataclass
class History:
    """What :func:`fit` measured.

    ``train_loss`` and every list in ``metrics`` have one entry per epoch;
    ``grad_norms`` has one entry per step: the global L2 norm of all
    gradients before clipping (``nan``/``inf`` when training diverged).
    """
    train_loss: List[float] = field(default_factory=list)
    metrics: Dict[str, List[float]] = field(default_factory=dict)
    grad_norms: List[float] = field(default_factory=list)
    seconds_per_epoch: List[float] = field(default_factory=list)
    samples_per_second: float = 0.0


def fit(net: gluon.Block, train_data, loss_fn: gluon.loss.Loss,
        trainer: gluon.Trainer, num_epochs: int, ctx: Optional[mx.Context] = None,
        clip_norm: Optional[float] = None,
        evaluate: Optional[Callable[[gluon.Block], Dict[str, float]]] = None,
        show_progress: bool = True, yscale: str = "linear",
        title: Optional[str] = None, verbose: bool = True,
        loss_reference: Optional[Tuple[str, float]] = None,
        metric_label: Optional[str] = None) -> History:
    """Train ``net`` for ``num_epochs`` passes over ``train_data``.

    ``train_data`` yields ``(X, Y)`` batches (e.g. a ``gluon.data.DataLoader``);
    each step computes ``loss_fn(net(X), Y)``, backpropagates its mean,
    optionally rescales the gradients with ``gluon.utils.clip_global_norm`` to
    at most ``clip_norm`` and calls ``trainer.step(1)``. ``evaluate(net)``
    returns named metrics (e.g. ``{"test acc": 0.97}``) after each epoch.
    With ``show_progress`` a d2l ``Animator`` plots the curves live (under
    ``title``, which should state the takeaway; ``loss_reference``, a
    ``(label, value)`` pair such as ``("ln 2", 0.693)``, draws a labelled
    dashed line on the loss axis; ``metric_label`` names the metrics' axis,
    by default the metrics' names joined); the
    return value holds every number it plotted, the gradient norm of every
    step and the seconds each epoch took (training only, without
    evaluation). With ``verbose`` (the default) it prints a one-line summary
    at the end; sweeps that train many networks pass ``verbose=False`` and
    print one table instead.
    """
    if not isinstance(num_epochs, int) or num_epochs < 1:
        raise ValueError(f"num_epochs must be an integer >= 1; got {num_epochs!r}")
    if clip_norm is not None and not clip_norm > 0:
        raise ValueError(f"clip_norm must be positive or None; got {clip_norm!r}")
    if loss_reference is not None and (len(loss_reference) != 2
                                       or not np.isfinite(loss_reference[1])):
        raise ValueError("loss_reference must be a (label, finite value) pair; "
                         f"got {loss_reference!r}")
    ctx = ctx or get_context()
    params = [p for p in net.collect_params().values() if p.grad_req != "null"]
    history, animator = History(), None
    num_samples = 0
    for epoch in range(1, num_epochs + 1):
        loss_sum, count = 0.0, 0
        start = time.perf_counter()
        for X, Y in train_data:
            X, Y = X.as_in_context(ctx), Y.as_in_context(ctx)
            with autograd.record():
                loss = loss_fn(net(X), Y)
                mean_loss = loss.mean()
            mean_loss.backward()
            grads = [p.grad(ctx) for p in params]
            norm = gluon.utils.clip_global_norm(
                grads, clip_norm if clip_norm is not None else float("inf"),
                check_isfinite=False)
            history.grad_norms.append(float(norm.asscalar()))
            trainer.step(1)
            loss_sum += float(loss.sum().asscalar())
            count += loss.shape[0]
        nd.waitall()
        history.seconds_per_epoch.append(time.perf_counter() - start)
        num_samples += count
        history.train_loss.append(loss_sum / max(count, 1))
        for name, value in (evaluate(net) if evaluate else {}).items():
            history.metrics.setdefault(name, []).append(float(value))
        if show_progress:
            animator = animator or _make_animator(num_epochs, history, yscale, title,
                                                  loss_reference, metric_label)
            animator.add(epoch, [history.train_loss[-1]]
                         + [v[-1] for v in history.metrics.values()])
    history.samples_per_second = num_samples / sum(history.seconds_per_epoch)
    summary = ", ".join(f"{name} {values[-1]:.4f}"
                        for name, values in history.metrics.items())
    if verbose:
        print(f"epoch {num_epochs}: train loss {history.train_loss[-1]:.4f}"
              + (f", {summary}" if summary else "")
              + f"; {np.mean(history.seconds_per_epoch):.2f} s/epoch, "
              f"{history.samples_per_second:,.0f} samples/s on {ctx}")
    return history


def _make_animator(num_epochs: int, history: History, yscale: str,
                   title: Optional[str], loss_reference=None, metric_label=None):
    return _LiveCurves(num_epochs, list(history.metrics), yscale, title, loss_reference,
                       metric_label)


class _LiveCurves:
    """The live learning curves of ``fit``: the training loss on the left and,
    when there are metrics, the metrics on the right, so that each axis shows
    one quantity (d2l's ``Animator`` draws every curve on one axis). Redrawn
    after every epoch, as the ``Animator`` does."""

    def __init__(self, num_epochs: int, metric_names, yscale: str, title: Optional[str],
                 loss_reference: Optional[Tuple[str, float]] = None,
                 metric_label: Optional[str] = None):
        import matplotlib.pyplot as plt
        from IPython import display
        self._display = display
        self.num_epochs, self.metric_names, self.yscale = num_epochs, metric_names, yscale
        self.loss_reference = loss_reference
        self.metric_label = metric_label or " / ".join(metric_names)
        self._values = []  # one row per epoch: training loss, then the metrics
        panels = 2 if metric_names else 1
        self.fig, axes = plt.subplots(1, panels, figsize=(FIGSIZE[0] * panels, FIGSIZE[1]),
                                      layout="tight")
        self.axes = np.atleast_1d(axes)
        if title:  # a figure title survives the redraws, an axes title does not
            self.fig.suptitle(title, fontsize=10)

    def add(self, epoch: int, values) -> None:
        self._values.append(list(values))
        epochs = np.arange(1, len(self._values) + 1)
        columns = np.array(self._values, dtype=float).T
        panels = [(self.axes[0], ["train loss"], columns[:1], "training loss")]
        if self.metric_names:
            panels.append((self.axes[1], self.metric_names, columns[1:], self.metric_label))
        for k, (ax, names, curves, label) in enumerate(panels):
            ax.cla()
            for j, (name, curve) in enumerate(zip(names, curves)):
                ax.plot(epochs, curve, LINE_STYLES[j % len(LINE_STYLES)],
                        color=PALETTE[(k + j) % len(PALETTE)], label=name)
            ax.set_xlim(1, max(self.num_epochs, 2))
            ax.set_yscale(self.yscale)
            ax.set_xlabel("epoch")
            ax.set_ylabel(label)
            ax.grid(True, alpha=0.3)
            reference = self.loss_reference if k == 0 else None  # the loss axis only
            if reference is not None:
                ax.axhline(reference[1], color="0.4", ls="--", lw=1, label=reference[0])
            if len(names) > 1 or reference is not None:
                ax.legend(loc="best")
        self._display.display(self.fig)
        self._display.clear_output(wait=True)


def predict(net: gluon.Block, X, batch_size: int = 512,
            ctx: Optional[mx.Context] = None) -> np.ndarray:
    """Run ``net`` on ``X`` (NumPy or NDArray, samples on axis 0) in batches
    without recording gradients; return the outputs as one NumPy array."""
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be an integer >= 1; got {batch_size!r}")
    if len(X) == 0:
        raise ValueError("X must hold at least one sample")
    ctx = ctx or get_context()
    outputs = [net(nd.array(X[i:i + batch_size], ctx=ctx)).asnumpy()
               for i in range(0, len(X), batch_size)]
    return np.concatenate(outputs)


def accuracy(net: gluon.Block, X, Y, ctx: Optional[mx.Context] = None):
    """Share of the ``argmax`` predictions of ``net`` on ``X`` that equal the
    labels ``Y``, averaged over the samples (axis 0).

    One label per sample (``Y`` of shape ``(n,)``, scores ``(n, classes)``)
    gives a float; one label per step (``Y (n, T)``, scores ``(n, T, classes)``)
    gives the accuracy at each step, shape ``(T,)``.
    """
    predictions = predict(net, X, ctx=ctx).argmax(axis=-1)
    Y = np.asarray(Y)
    if predictions.shape != Y.shape:
        raise ValueError(f"Y must have the shape of the predictions, {predictions.shape}; "
                         f"got {Y.shape}")
    return (predictions == Y).mean(axis=0)


def count_parameters(block: gluon.Block) -> int:
    """Number of scalars in all parameters of ``block``. Their shapes must be
    known: give the input size, or run one forward pass first."""
    total = 0
    for name, param in block.collect_params().items():
        if param.shape is None or any(size <= 0 for size in param.shape):
            raise ValueError(f"the shape of {name} is not known yet ({param.shape}): give the "
                             "input size or run one forward pass first")
        total += int(np.prod(param.shape))
    return total


DIGIT_SUM_KEYS = ("num_train", "num_test", "num_digits", "batch_size", "learning_rate",
                  "num_epochs", "clip_norm")


def digit_sum_accuracy(make_net: Callable[[], gluon.HybridBlock], length: int,
                       model_seed: int, settings: Dict[str, object],
                       ctx: Optional[mx.Context] = None) -> float:
    """Train a fresh network ``make_net()`` on the digit-sum task of one
    ``length`` (:func:`utils.make_digit_sum`) and return its test accuracy.

    The protocol the memory tables of the notebooks share: training data seed
    ``length``, test data seed ``1000 + length``; ``set_seed(model_seed)``
    before the network is built (it seeds the initialisation and the
    shuffling); Xavier initialisation, ``hybridize()``, Adam, softmax
    cross-entropy, global-norm clipping, no output (the notebooks print one
    table). ``settings`` holds the keys in ``DIGIT_SUM_KEYS``; others are
    ignored.
    """
    missing = [key for key in DIGIT_SUM_KEYS if key not in settings]
    if missing:
        raise ValueError(f"settings must hold {', '.join(DIGIT_SUM_KEYS)}; missing "
                         f"{', '.join(missing)}")
    ctx = ctx or get_context()
    s = settings
    X, Y = make_digit_sum(s["num_train"], length, s["num_digits"], seed=length)
    test_X, test_Y = make_digit_sum(s["num_test"], length, s["num_digits"], seed=1000 + length)
    set_seed(model_seed)
    net = make_net()
    net.initialize(mx.init.Xavier(), ctx=ctx)
    net.hybridize()
    data = gluon.data.DataLoader(gluon.data.ArrayDataset(X, Y), batch_size=s["batch_size"],
                                 shuffle=True)
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": s["learning_rate"]})
    fit(net, data, gluon.loss.SoftmaxCrossEntropyLoss(), trainer, s["num_epochs"], ctx=ctx,
        clip_norm=s["clip_norm"], show_progress=False, verbose=False)
    return float(accuracy(net, test_X, test_Y, ctx=ctx))
