import math

import matplotlib.pyplot as plt
import mxnet as mx
import numpy as np
import pytest
from mxnet import gluon
from mxnet.gluon import nn, rnn

from utils import accuracy, count_parameters, digit_sum_accuracy, fit, predict, set_seed


def regression_problem():
    set_seed(0)
    X = np.random.rand(256, 3).astype(np.float32)
    Y = X @ np.array([1.0, -2.0, 0.5], dtype=np.float32)
    data = gluon.data.DataLoader(gluon.data.ArrayDataset(X, Y), batch_size=32, shuffle=True)
    net = nn.Dense(1, in_units=3)
    net.initialize(ctx=mx.cpu())
    return X, Y, data, net


def test_fit_learns_and_records_every_step():
    X, Y, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    history = fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=30, ctx=mx.cpu(),
                  evaluate=lambda n: {"mse": float(((predict(n, X, ctx=mx.cpu())[:, 0] - Y) ** 2).mean())},
                  show_progress=False)
    assert len(history.train_loss) == 30 and len(history.metrics["mse"]) == 30
    assert len(history.grad_norms) == 30 * 8
    assert len(history.seconds_per_epoch) == 30 and history.samples_per_second > 0
    assert history.metrics["mse"][-1] < 0.01 < history.metrics["mse"][0]


def test_fit_clips_the_global_gradient_norm():
    X, Y, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.0})
    clipped = []
    original_step = trainer.step

    def step_and_measure(batch_size):
        grads = [p.grad() for p in net.collect_params().values()]
        clipped.append(math.sqrt(sum(float((g ** 2).sum().asscalar()) for g in grads)))
        original_step(batch_size)

    trainer.step = step_and_measure
    history = fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(),
                  clip_norm=1e-3, show_progress=False)
    assert min(history.grad_norms) > 1e-3  # the norms recorded are before clipping
    np.testing.assert_allclose(clipped, 1e-3, rtol=1e-3)


def test_fit_draws_one_progress_figure(capsys):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    plt.close("all")
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=2, ctx=mx.cpu(), title="Takeaway")
    assert len(plt.get_fignums()) == 1
    figure = plt.figure(plt.get_fignums()[0])
    assert figure._suptitle.get_text() == "Takeaway"
    assert figure.axes[0].get_ylabel() == "training loss"
    assert "s/epoch" in capsys.readouterr().out
    plt.close("all")


def test_fit_puts_metrics_on_their_own_axis():
    X, Y, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    plt.close("all")
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=2, ctx=mx.cpu(), verbose=False,
        evaluate=lambda net: {"test MSE": 0.5})
    figure = plt.figure(plt.get_fignums()[0])
    assert [ax.get_ylabel() for ax in figure.axes] == ["training loss", "test MSE"]
    assert [len(ax.get_lines()) for ax in figure.axes] == [1, 1]
    plt.close("all")
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(), verbose=False,
        evaluate=lambda net: {"a": 0.5, "b": 0.4}, metric_label="share right")
    figure = plt.figure(plt.get_fignums()[0])
    assert figure.axes[1].get_ylabel() == "share right"  # metric_label names the metrics' axis
    plt.close("all")


def test_fit_draws_a_labelled_loss_reference():
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    plt.close("all")
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=2, ctx=mx.cpu(), verbose=False,
        loss_reference=("ln 2", math.log(2)))
    ax = plt.figure(plt.get_fignums()[0]).axes[0]
    reference = [line for line in ax.get_lines() if line.get_label() == "ln 2"]
    assert len(reference) == 1 and reference[0].get_ydata()[0] == pytest.approx(math.log(2))
    plt.close("all")


def test_fit_is_silent_when_not_verbose(capsys):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.01})
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(),
        show_progress=False, verbose=False)
    assert capsys.readouterr().out == ""
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(), show_progress=False)
    assert "s/epoch" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs, name", [({"num_epochs": 0}, "num_epochs"),
                                          ({"num_epochs": 1, "clip_norm": 0}, "clip_norm"),
                                          ({"num_epochs": 1, "loss_reference": ("x", float("nan"))},
                                           "loss_reference")])
def test_fit_rejects_bad_arguments(kwargs, name):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd")
    with pytest.raises(ValueError, match=name):
        fit(net, data, gluon.loss.L2Loss(), trainer, ctx=mx.cpu(), **kwargs)


def test_predict_batches_like_one_call():
    X, _, _, net = regression_problem()
    whole = net(mx.nd.array(X)).asnumpy()
    np.testing.assert_allclose(predict(net, X, batch_size=7, ctx=mx.cpu()), whole, rtol=1e-6)
    with pytest.raises(ValueError, match="batch_size"):
        predict(net, X, batch_size=0)
    with pytest.raises(ValueError, match="X"):
        predict(net, X[:0])


class Constant(nn.HybridBlock):
    """Scores that always favour class ``label``: (n, ...) -> (n, ..., 3)."""

    def __init__(self, label, per_step=False, **kwargs):
        super().__init__(**kwargs)
        self.label, self.per_step = label, per_step

    def hybrid_forward(self, F, X):
        scores = F.one_hot(F.zeros_like(X) + self.label, 3)  # (n, T, 3)
        return scores if self.per_step else F.slice_axis(scores, axis=1, begin=0, end=1).reshape((0, 3))


def test_accuracy_per_sample_and_per_step():
    X = np.zeros((4, 5), dtype=np.float32)
    score = accuracy(Constant(2), X, np.array([2, 2, 0, 1]), ctx=mx.cpu())
    assert score == pytest.approx(0.5)
    Y = np.array([[2, 2, 0, 2, 1]] * 3 + [[2, 0, 0, 0, 0]])
    per_step = accuracy(Constant(2, per_step=True), X, Y, ctx=mx.cpu())
    assert per_step.shape == (5,)
    assert per_step.tolist() == [1.0, 0.75, 0.0, 0.75, 0.0]
    with pytest.raises(ValueError, match="shape"):
        accuracy(Constant(2), X, Y, ctx=mx.cpu())


def test_count_parameters_counts_every_scalar_and_needs_known_shapes():
    assert count_parameters(nn.Dense(4, in_units=3)) == 3 * 4 + 4
    layer = rnn.RNN(5, input_size=2)
    assert count_parameters(layer) == 5 * 2 + 5 * 5 + 2 * 5
    with pytest.raises(ValueError, match="not known"):
        count_parameters(nn.Dense(4))  # input size unknown until the first forward pass


class DigitReader(nn.HybridBlock):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.rnn = rnn.RNN(16, layout="NTC")
        self.output = nn.Dense(19)

    def hybrid_forward(self, F, X):
        H = self.rnn(F.one_hot(X, 10))
        return self.output(F.slice_axis(H, axis=1, begin=-1, end=None))


DIGITS = dict(num_train=200, num_test=100, num_digits=2, batch_size=50, learning_rate=0.01,
              num_epochs=2, clip_norm=1.0)


def test_digit_sum_accuracy_repeats_with_its_seed_whatever_ran_before(capsys):
    first = digit_sum_accuracy(DigitReader, 4, model_seed=3, settings=DIGITS, ctx=mx.cpu())
    np.random.rand(7)  # disturb the global generators, as an earlier cell would
    mx.random.uniform(shape=(3,))
    again = digit_sum_accuracy(DigitReader, 4, model_seed=3, settings=DIGITS, ctx=mx.cpu())
    assert 0.0 <= first <= 1.0 and first == again
    assert capsys.readouterr().out == ""  # silent: the notebooks print one table
    with pytest.raises(ValueError, match="clip_norm"):
        digit_sum_accuracy(DigitReader, 4, 3, {k: v for k, v in DIGITS.items() if k != "clip_norm"})
