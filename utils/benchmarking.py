"""Time one LSTM language-model training step in four implementations.

Shared by notebook 11 and ``benchmarks/rnn_benchmark.py``; notebook 04's cost study uses
the measuring helpers (``cost_clock``, ``best_seconds``, ``peak_memory_kb``). The model is the
same in all four: token ids -> embedding (size ``d``) -> one LSTM layer
(hidden size ``h``) -> dense decoder to ``V`` logits per step -> softmax
cross-entropy against the next token. One *step* is forward, backward and an
SGD update. The four implementations differ only in how the LSTM runs:

* ``scratch``: NDArray operations in a Python loop over time, one gate at a
  time, exactly as the equations read;
* ``cell``: ``rnn.LSTMCell`` unrolled over time (imperative Gluon);
* ``cell_hybrid``: the same block after ``hybridize(static_alloc=True,
  static_shape=True)``, so MXNet runs one graph instead of Python calls;
* ``fused_hybrid``: the fused ``rnn.LSTM`` layer (one kernel for the whole
  sequence), hybridized the same way.

Shapes: a batch is ``X`` of token ids with shape ``(n, T)`` and ``Y`` (the
next tokens) of the same shape; the models work in the ``TNC`` layout.
"""
import csv
import os
import platform
import re
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import mxnet as mx
import numpy as np
from mxnet import autograd, gluon, nd, profiler
from mxnet.gluon import nn, rnn

from .plotting import FIGSIZE, PALETTE
from .seed import rng as seeded_rng

IMPLEMENTATIONS = ("scratch", "cell", "cell_hybrid", "fused_hybrid")
"""The four implementations, slowest (expected) first."""

LABELS = {
    "scratch": "from scratch (NDArray loop)",
    "cell": "LSTMCell.unroll",
    "cell_hybrid": "LSTMCell.unroll, hybridized",
    "fused_hybrid": "fused rnn.LSTM, hybridized",
}
"""Legend names of the implementations."""

WEIGHT_SHAPES = {
    "embedding": ("V", "d"), "W_x": ("4h", "d"), "W_h": ("4h", "h"),
    "b_x": ("4h",), "b_h": ("4h",), "W_out": ("V", "h"), "b_out": ("V",),
}
"""Names and shapes of the weights every implementation loads. ``W_x``,
``W_h``, ``b_x`` and ``b_h`` stack the gates in Gluon's order: rows
``[0, h)`` input gate, ``[h, 2h)`` forget gate, ``[2h, 3h)`` candidate,
``[3h, 4h)`` output gate."""


@dataclass(frozen=True)
class BenchmarkConfig:
    """Sizes of one benchmark point: batch ``n``, steps ``T``, hidden ``h``,
    embedding ``d`` and vocabulary ``V``."""
    batch_size: int
    seq_len: int
    hidden_size: int
    embed_size: int
    vocab_size: int = 128

    def __post_init__(self):
        for name, value in asdict(self).items():
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                raise ValueError(f"{name} must be an integer >= 1; got {value!r}")


def _check_implementation(implementation: str) -> None:
    if implementation not in IMPLEMENTATIONS:
        raise ValueError(f"implementation must be one of {', '.join(IMPLEMENTATIONS)}; "
                         f"got {implementation!r}")


def initial_weights(config: BenchmarkConfig, seed: int = 0) -> Dict[str, np.ndarray]:
    """Draw one set of float32 weights (shapes in ``WEIGHT_SHAPES``) that every
    implementation can load, uniform in ``[-1/sqrt(h), 1/sqrt(h)]``."""
    rng = seeded_rng(seed)
    n, T, h, d, V = (config.batch_size, config.seq_len, config.hidden_size,
                     config.embed_size, config.vocab_size)
    sizes = {"V": V, "d": d, "h": h, "4h": 4 * h}
    scale = 1.0 / np.sqrt(h)
    return {name: rng.uniform(-scale, scale, size=tuple(sizes[s] for s in shape)
                              ).astype(np.float32)
            for name, shape in WEIGHT_SHAPES.items()}


def make_batch(config: BenchmarkConfig, seed: int = 0) -> Tuple[np.ndarray, np.ndarray]:
    """A batch of random token ids ``X`` of shape ``(n, T)`` and its targets
    ``Y`` (``X`` shifted by one step), both float32 as Gluon's losses expect.
    The values do not change the cost of a step; only the shapes do."""
    rng = seeded_rng(seed)
    tokens = rng.integers(0, config.vocab_size, size=(config.batch_size, config.seq_len + 1))
    return tokens[:, :-1].astype(np.float32), tokens[:, 1:].astype(np.float32)


class ScratchLSTMLM(gluon.Block):
    """The LSTM language model with one weight matrix per gate and a Python
    loop over time. ``forward(X)`` maps ids ``(T, n)`` to logits ``(T, n, V)``."""

    GATES = ("i", "f", "c", "o")  # Gluon's order of the row blocks

    def __init__(self, config: BenchmarkConfig, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        h, d, V = config.hidden_size, config.embed_size, config.vocab_size
        with self.name_scope():
            self.embedding = self.params.get("embedding", shape=(V, d))
            for g in self.GATES:
                setattr(self, f"W_x{g}", self.params.get(f"W_x{g}", shape=(d, h)))
                setattr(self, f"W_h{g}", self.params.get(f"W_h{g}", shape=(h, h)))
                setattr(self, f"b_{g}", self.params.get(f"b_{g}", shape=(h,)))
            self.W_hq = self.params.get("W_hq", shape=(h, V))
            self.b_q = self.params.get("b_q", shape=(V,))

    def forward(self, X):
        ctx = X.context
        p = {name[len(self.prefix):]: param.data(ctx) for name, param in self.params.items()}
        n, h = X.shape[1], self.config.hidden_size
        H = nd.zeros((n, h), ctx=ctx)
        C = nd.zeros((n, h), ctx=ctx)
        outputs = []
        for X_t in nd.take(p["embedding"], X):  # (T, n, d): look up each token's row
            I = nd.sigmoid(nd.dot(X_t, p["W_xi"]) + nd.dot(H, p["W_hi"]) + p["b_i"])
            F = nd.sigmoid(nd.dot(X_t, p["W_xf"]) + nd.dot(H, p["W_hf"]) + p["b_f"])
            O = nd.sigmoid(nd.dot(X_t, p["W_xo"]) + nd.dot(H, p["W_ho"]) + p["b_o"])
            C_tilde = nd.tanh(nd.dot(X_t, p["W_xc"]) + nd.dot(H, p["W_hc"]) + p["b_c"])
            C = F * C + I * C_tilde
            H = O * nd.tanh(C)
            outputs.append(nd.dot(H, p["W_hq"]) + p["b_q"])
        return nd.stack(*outputs)

    def load(self, weights: Dict[str, np.ndarray], ctx: mx.Context) -> None:
        """Copy ``weights`` (Gluon layout, see ``WEIGHT_SHAPES``) into the
        per-gate matrices: gate ``g`` takes rows ``[k h, (k+1) h)`` transposed."""
        h = self.config.hidden_size
        values = {"embedding": weights["embedding"], "W_hq": weights["W_out"].T,
                  "b_q": weights["b_out"]}
        for k, g in enumerate(self.GATES):
            rows = slice(k * h, (k + 1) * h)
            values[f"W_x{g}"] = weights["W_x"][rows].T
            values[f"W_h{g}"] = weights["W_h"][rows].T
            values[f"b_{g}"] = weights["b_x"][rows] + weights["b_h"][rows]
        self.initialize(ctx=ctx)
        for name, param in self.params.items():
            param.set_data(nd.array(values[name[len(self.prefix):]], ctx=ctx))

    def gradients(self) -> Dict[str, np.ndarray]:
        """The gradients of the last backward pass in the layout of
        ``WEIGHT_SHAPES``; the one bias per gate here stands for ``b_x + b_h``,
        so its gradient is the gradient of each of them."""
        p = {name[len(self.prefix):]: param.grad().asnumpy()
             for name, param in self.params.items()}
        b = np.concatenate([p[f"b_{g}"] for g in self.GATES])
        return {"embedding": p["embedding"],
                "W_x": np.concatenate([p[f"W_x{g}"].T for g in self.GATES]),
                "W_h": np.concatenate([p[f"W_h{g}"].T for g in self.GATES]),
                "b_x": b, "b_h": b, "W_out": p["W_hq"].T, "b_out": p["b_q"]}


class _GluonLSTMLM(gluon.HybridBlock):
    """What the two Gluon models share: an ``embedding``, an ``lstm`` whose
    weights are named with ``LAYER_PREFIX``, and a ``decoder``."""
    LAYER_PREFIX = ""

    def _parameters(self):
        """Pairs (name in ``WEIGHT_SHAPES``, Gluon parameter)."""
        layer = self.LAYER_PREFIX
        return [("embedding", self.embedding.weight),
                ("W_x", getattr(self.lstm, f"{layer}i2h_weight")),
                ("W_h", getattr(self.lstm, f"{layer}h2h_weight")),
                ("b_x", getattr(self.lstm, f"{layer}i2h_bias")),
                ("b_h", getattr(self.lstm, f"{layer}h2h_bias")),
                ("W_out", self.decoder.weight), ("b_out", self.decoder.bias)]

    def load(self, weights: Dict[str, np.ndarray], ctx: mx.Context) -> None:
        """Copy ``weights`` (see ``WEIGHT_SHAPES``) into the Gluon parameters."""
        self.initialize(ctx=ctx)
        for name, param in self._parameters():
            _set(param, weights[name], ctx)

    def gradients(self) -> Dict[str, np.ndarray]:
        """The gradients of the last backward pass, named as in ``WEIGHT_SHAPES``."""
        return {name: param.grad().asnumpy() for name, param in self._parameters()}


class CellLSTMLM(_GluonLSTMLM):
    """The model with ``rnn.LSTMCell`` unrolled over ``T`` steps (ids
    ``(T, n)`` -> logits ``(T, n, V)``); hybridizable."""
    LAYER_PREFIX = ""  # the cell names its weights i2h_weight, ...

    def __init__(self, config: BenchmarkConfig, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        with self.name_scope():
            self.embedding = nn.Embedding(config.vocab_size, config.embed_size)
            self.lstm = rnn.LSTMCell(config.hidden_size, input_size=config.embed_size)
            self.decoder = nn.Dense(config.vocab_size, in_units=config.hidden_size,
                                    flatten=False)

    def hybrid_forward(self, F, X):
        outputs, _ = self.lstm.unroll(self.config.seq_len, self.embedding(X), layout="TNC",
                                      merge_outputs=True)
        return self.decoder(outputs)


class FusedLSTMLM(_GluonLSTMLM):
    """The model with the fused ``rnn.LSTM`` layer (ids ``(T, n)`` -> logits
    ``(T, n, V)``)."""
    LAYER_PREFIX = "l0_"  # the fused layer names them per layer: l0_i2h_weight, ...

    def __init__(self, config: BenchmarkConfig, **kwargs):
        super().__init__(**kwargs)
        self.config = config
        with self.name_scope():
            self.embedding = nn.Embedding(config.vocab_size, config.embed_size)
            self.lstm = rnn.LSTM(config.hidden_size, layout="TNC",
                                 input_size=config.embed_size)
            self.decoder = nn.Dense(config.vocab_size, in_units=config.hidden_size,
                                    flatten=False)

    def hybrid_forward(self, F, X):
        return self.decoder(self.lstm(self.embedding(X)))


def _set(param: gluon.Parameter, value: np.ndarray, ctx: mx.Context) -> None:
    param.set_data(nd.array(value, ctx=ctx))


def build_model(implementation: str, config: BenchmarkConfig, ctx: mx.Context,
                weights: Optional[Dict[str, np.ndarray]] = None) -> gluon.Block:
    """Build one implementation on ``ctx`` with ``weights`` (default:
    ``initial_weights(config)``), hybridized where its name says so."""
    _check_implementation(implementation)
    weights = initial_weights(config) if weights is None else weights
    for name, value in weights.items():
        if name not in WEIGHT_SHAPES:
            raise ValueError(f"weights has an unknown entry {name!r}")
    model_class = {"scratch": ScratchLSTMLM, "cell": CellLSTMLM,
                   "cell_hybrid": CellLSTMLM, "fused_hybrid": FusedLSTMLM}[implementation]
    net = model_class(config)
    net.load(weights, ctx)
    if implementation.endswith("_hybrid"):
        net.hybridize(static_alloc=True, static_shape=True)
    return net


def make_train_step(implementation: str, config: BenchmarkConfig, ctx: mx.Context,
                    weights: Optional[Dict[str, np.ndarray]] = None,
                    learning_rate: float = 0.1) -> Tuple[Callable, gluon.Block]:
    """Return ``(step, net)``. ``step(X, Y)`` takes NDArrays of token ids of
    shape ``(n, T)`` on ``ctx``, runs forward, backward and one SGD update,
    and returns the mean cross-entropy (a scalar NDArray, computed before the
    update) without waiting for it."""
    if not learning_rate > 0:
        raise ValueError(f"learning_rate must be positive; got {learning_rate!r}")
    net = build_model(implementation, config, ctx, weights)
    loss_fn = gluon.loss.SoftmaxCrossEntropyLoss()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": learning_rate})

    def step(X, Y):
        if X.shape != (config.batch_size, config.seq_len) or Y.shape != X.shape:
            raise ValueError(f"X and Y must have shape (n, T) = "
                             f"{(config.batch_size, config.seq_len)}; got {X.shape}, {Y.shape}")
        with autograd.record():
            loss = loss_fn(net(X.T), Y.T).mean()
        loss.backward()
        trainer.step(1)
        return loss

    return step, net


def compare_implementations(config: BenchmarkConfig, ctx: mx.Context, seed: int = 0,
                            implementations: Sequence[str] = IMPLEMENTATIONS
                            ) -> Dict[str, Dict[str, float]]:
    """Run one training step of each implementation from the same weights on
    the same batch. For each return the loss and ``max_rel_diff``: the largest
    difference to the first implementation, relative to the largest magnitude,
    over the loss and the gradient of every weight (all four share the same
    ``gluon.Trainer`` update, so equal gradients mean equal steps)."""
    for implementation in implementations:
        _check_implementation(implementation)
    weights = initial_weights(config, seed)
    X, Y = (nd.array(a, ctx=ctx) for a in make_batch(config, seed))
    results, reference = {}, None
    for implementation in implementations:
        step, net = make_train_step(implementation, config, ctx, weights)
        loss = float(step(X, Y).asscalar())
        grads = net.gradients()  # the update leaves them in place
        if reference is None:
            reference = (loss, grads)
        diffs = [abs(loss - reference[0]) / abs(reference[0])]
        diffs += [float(np.abs(grads[k] - reference[1][k]).max() / np.abs(reference[1][k]).max())
                  for k in grads]
        results[implementation] = {"loss": loss, "max_rel_diff": max(diffs)}
    return results


def step_flops(config: BenchmarkConfig) -> float:
    """Floating-point operations of the matrix products in one training step
    (a multiply-add counts as 2). Forward: per time step ``2 n 4h (d + h)``
    for the gates and ``2 n h V`` for the decoder; the backward pass computes
    two products of the same size for each (gradients of the input and of
    the weights), so a step costs 3 x forward. Element-wise work (gates,
    softmax, update) is O(n h) per time step and left out, so this is a lower
    bound on the work done."""
    n, T, h, d, V = (config.batch_size, config.seq_len, config.hidden_size,
                     config.embed_size, config.vocab_size)
    forward = T * (2 * n * 4 * h * (d + h) + 2 * n * h * V)
    return 3.0 * forward


@dataclass
class Timing:
    """Seconds per training step measured by :func:`time_train_step`."""
    median_seconds: float
    min_seconds: float
    num_steps: int

    @property
    def steps_per_second(self) -> float:
        return 1.0 / self.median_seconds


def time_train_step(step: Callable, X, Y, warmup: int = 2, min_steps: int = 3,
                    min_time: float = 0.5, max_steps: int = 1000) -> Timing:
    """Time ``step(X, Y)``: ``warmup`` untimed calls (graph building, memory
    allocation), then timed calls, each followed by ``nd.waitall()``, until at
    least ``min_steps`` calls and ``min_time`` seconds (at most ``max_steps``).
    The median is robust to the odd slow step on a shared machine."""
    if warmup < 0:
        raise ValueError(f"warmup must be >= 0; got {warmup!r}")
    if min_steps < 1 or max_steps < min_steps:
        raise ValueError(f"need 1 <= min_steps <= max_steps; got min_steps={min_steps!r}, "
                         f"max_steps={max_steps!r}")
    for _ in range(warmup):
        step(X, Y)
    nd.waitall()
    times: List[float] = []
    while len(times) < max_steps and (len(times) < min_steps or sum(times) < min_time):
        start = time.perf_counter()
        step(X, Y)
        nd.waitall()
        times.append(time.perf_counter() - start)
    return Timing(statistics.median(times), min(times), len(times))


def cost_clock(ctx: mx.Context) -> Tuple[Callable[[], float], str]:
    """The clock that measures what a computation on ``ctx`` costs, and its name.

    On a CPU: the CPU time of the process (all of MXNet's threads), much less disturbed than the
    wall-clock time when other programs share the machine. On a GPU the work runs outside the
    process, so there the wall-clock time."""
    if ctx.device_type == "cpu":
        return time.process_time, "CPU time"
    return time.perf_counter, "time"


def best_seconds(functions: Sequence[Callable[[], object]], rounds: int = 3,
                 clock: Callable[[], float] = time.perf_counter) -> np.ndarray:
    """Fastest of ``rounds`` timings of each function (an array, one entry per function). The
    rounds are interleaved, so a burst of load from elsewhere spoils one timing of each
    function, not all timings of one."""
    if rounds < 1:
        raise ValueError(f"rounds must be >= 1; got {rounds!r}")
    times: List[List[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for timings, fn in zip(times, functions):
            nd.waitall()
            start = clock()
            fn()
            nd.waitall()
            timings.append(clock() - start)
    return np.array([min(timings) for timings in times])


def peak_memory_kb(fn: Callable[[], object], ctx: mx.Context) -> float:
    """Peak MXNet memory (kB) allocated on ``ctx`` while ``fn()`` runs, above what was in use
    before, read from the profiler's aggregate memory statistics (NaN if it reports none)."""
    profiler.set_config(profile_memory=True, profile_imperative=False, profile_symbolic=False,
                        profile_api=False, aggregate_stats=True,
                        filename=os.path.join(tempfile.gettempdir(), "gluon_rnn_memory.json"))
    nd.waitall()
    profiler.set_state("run")
    nd.zeros((1,), ctx=ctx).wait_to_read()  # a marker: records the memory in use before fn
    fn()
    nd.waitall()
    profiler.set_state("stop")
    stats = profiler.dumps(reset=True)
    device = f"{ctx.device_type}/{ctx.device_id}"
    found = re.search(rf"Memory: {device}\s+\d+\s+([\d.]+)\s+([\d.]+)", stats)
    return float(found.group(2)) - float(found.group(1)) if found else float("nan")


def matmul_gflops(ctx: mx.Context, size: int = 2048, repeats: int = 5,
                  operator: str = "FullyConnected") -> float:
    """Measured GFLOP/s (best of ``repeats``) of a ``size x size`` float32
    matrix product through ``nd.FullyConnected`` (the kernel of ``Dense`` and
    the fused layers; oneDNN in the CPU wheel) or ``nd.dot`` (what code
    written from scratch calls; BLAS in the CPU wheel). The faster of the two
    is a practical peak for this machine and MXNet build."""
    if size < 1 or repeats < 1:
        raise ValueError(f"size and repeats must be >= 1; got {size!r}, {repeats!r}")
    products = {"FullyConnected": lambda A, B: nd.FullyConnected(A, B, no_bias=True,
                                                                  num_hidden=size),
                "dot": lambda A, B: nd.dot(A, B)}
    if operator not in products:
        raise ValueError(f"operator must be one of {', '.join(products)}; got {operator!r}")
    product = products[operator]
    A = nd.random.uniform(shape=(size, size), ctx=ctx)
    B = nd.random.uniform(shape=(size, size), ctx=ctx)
    product(A, B).wait_to_read()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        product(A, B).wait_to_read()
        best = min(best, time.perf_counter() - start)
    return 2.0 * size ** 3 / best / 1e9


def cpu_description(cpuinfo_path: str = "/proc/cpuinfo") -> Dict[str, object]:
    """The CPU's model name, number of physical cores, clock (MHz) and float32
    FLOPs per cycle per core, with ``basis``, the assumption behind them.

    Physical cores: ``cpu cores`` times the number of sockets (logical CPUs,
    SMT siblings included, share one core's multiply-add units). FLOPs per
    cycle come from the vendor and the vector flags, assuming two fused
    multiply-add (FMA) pipes per core: Intel with AVX-512, 2 x 16 lanes x 2
    = 64 (Xeon Gold/Platinum; parts with one 512-bit pipe reach 32); AMD with
    AVX-512 (Zen 4, which runs it on 256-bit pipes) or AVX2, and Intel with
    AVX2, 2 x 8 x 2 = 32 (AMD Zen 1: 16); otherwise 8 (SSE). The clock is the
    one ``/proc/cpuinfo`` shows, not the boost clock, so the peak is an
    estimate, not a bound."""
    info = {"model": platform.processor() or platform.machine(), "cores": os.cpu_count() or 1,
            "mhz": float("nan"), "flops_per_cycle": 8, "basis": "no /proc/cpuinfo: SSE assumed"}
    try:
        with open(cpuinfo_path) as f:
            text = f.read()
    except OSError:
        return info
    fields, sockets = {}, set()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
        if key.strip() == "physical id":
            sockets.add(value.strip())
    flags = set(fields.get("flags", "").split())
    amd = fields.get("vendor_id") == "AuthenticAMD"
    info["model"] = fields.get("model name", info["model"])
    logical = max(text.count("processor\t:"), 1) if "processor" in fields else info["cores"]
    info["cores"] = (int(fields["cpu cores"]) * max(len(sockets), 1)
                     if fields.get("cpu cores", "").isdigit() else logical)
    if "cpu MHz" in fields:
        info["mhz"] = float(fields["cpu MHz"])
    if "avx512f" in flags and "fma" in flags and not amd:
        info["flops_per_cycle"], info["basis"] = 64, "Intel AVX-512: two 512-bit FMA pipes assumed"
    elif "avx512f" in flags and "fma" in flags:
        info["flops_per_cycle"], info["basis"] = 32, "AMD AVX-512 (Zen 4): run on two 256-bit FMA pipes"
    elif "avx2" in flags and "fma" in flags:
        info["flops_per_cycle"], info["basis"] = 32, "AVX2: two 256-bit FMA pipes assumed"
    else:
        info["basis"] = "no FMA flags: SSE assumed"
    return info


def theoretical_peak_gflops(cores: int, mhz: float, flops_per_cycle: int) -> float:
    """cores x clock x FLOPs per cycle, in GFLOP/s."""
    for name, value in (("cores", cores), ("mhz", mhz), ("flops_per_cycle", flops_per_cycle)):
        if not value > 0:
            raise ValueError(f"{name} must be positive; got {value!r}")
    return cores * mhz * 1e6 * flops_per_cycle / 1e9


def run_grid(configs: Iterable[BenchmarkConfig], ctx: mx.Context,
             implementations: Sequence[str] = IMPLEMENTATIONS,
             min_time: float = 0.5, min_steps: int = 3, max_steps: int = 1000,
             progress: Optional[Callable[[Dict[str, object]], None]] = None,
             rounds: int = 1) -> List[Dict[str, object]]:
    """Time every implementation on every config (same weights and batch for
    all implementations of a config). Returns one row per (config,
    implementation) with the sizes, ``steps_per_s``, ``tokens_per_s``
    (``n T`` per step), ``gflop_per_step`` and achieved ``gflops``.

    With ``rounds > 1`` the implementations of a config are timed in turn,
    ``rounds`` times, and each keeps its fastest round (by median step time):
    a burst of load from elsewhere then spoils one timing of each
    implementation, not the only timing of one. Short timings (small
    ``min_time``) on a shared machine need that. ``progress(row)`` is called
    after each config's rows are final."""
    for implementation in implementations:
        _check_implementation(implementation)
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ValueError(f"rounds must be an integer >= 1; got {rounds!r}")
    rows = []
    for config in configs:
        weights = initial_weights(config)
        X, Y = (nd.array(a, ctx=ctx) for a in make_batch(config))
        flops = step_flops(config)
        steps = {implementation: make_train_step(implementation, config, ctx, weights)[0]
                 for implementation in implementations}
        best: Dict[str, Timing] = {}
        for round_index in range(rounds):
            for implementation, step in steps.items():
                timing = time_train_step(step, X, Y, warmup=2 if round_index == 0 else 0,
                                         min_time=min_time, min_steps=min_steps,
                                         max_steps=max_steps)
                if (implementation not in best
                        or timing.median_seconds < best[implementation].median_seconds):
                    best[implementation] = timing
        for implementation in implementations:
            timing = best[implementation]
            row = {"device": str(ctx), "implementation": implementation, **asdict(config),
                   "steps_per_s": timing.steps_per_second,
                   "tokens_per_s": timing.steps_per_second * config.batch_size * config.seq_len,
                   "ms_per_step": 1e3 * timing.median_seconds,
                   "timed_steps": timing.num_steps,
                   "gflop_per_step": flops / 1e9,
                   "gflops": flops * timing.steps_per_second / 1e9}
            rows.append(row)
            if progress:
                progress(row)
    return rows


def write_csv(rows: Sequence[Dict[str, object]], path: str) -> None:
    """Write the rows of :func:`run_grid` (plus any extra columns) to ``path``."""
    if not rows:
        raise ValueError("rows must not be empty")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: f"{v:.6g}" if isinstance(v, float) else v
                             for k, v in row.items()})


def speedups(rows: Sequence[Dict[str, object]], baseline: str = "scratch"
             ) -> List[Dict[str, object]]:
    """One row per config: steps/s of each implementation divided by that of
    ``baseline`` (configs without a baseline measurement are left out)."""
    _check_implementation(baseline)
    keys = ("device", "batch_size", "seq_len", "hidden_size", "embed_size", "vocab_size")
    grouped: Dict[tuple, Dict[str, float]] = {}
    for row in rows:
        grouped.setdefault(tuple(row[k] for k in keys), {})[row["implementation"]] = \
            row["steps_per_s"]
    result = []
    for key, rates in grouped.items():
        if baseline in rates:
            result.append({**dict(zip(keys, key)),
                           **{name: rate / rates[baseline] for name, rate in rates.items()}})
    return result


def markdown_table(rows: Sequence[Dict[str, object]], peak_gflops: Optional[float] = None
                   ) -> str:
    """A Markdown table with one line per config: steps/s of each
    implementation, the fused/scratch speed-up and (with ``peak_gflops``) the
    fused layer's percentage of that peak."""
    keys = ("batch_size", "seq_len", "hidden_size")
    present = [i for i in IMPLEMENTATIONS if any(r["implementation"] == i for r in rows)]
    grouped: Dict[tuple, Dict[str, Dict[str, object]]] = {}
    for row in rows:
        grouped.setdefault(tuple(row[k] for k in keys), {})[row["implementation"]] = row
    header = ["n", "T", "h"] + [f"{i} steps/s" for i in present]
    if {"scratch", "fused_hybrid"} <= set(present):
        header.append("fused / scratch")
    if peak_gflops and "fused_hybrid" in present:
        header += ["fused GFLOP/s", "fused % of GEMM peak"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    for key, by_impl in grouped.items():
        cells = [str(k) for k in key]
        cells += [f"{by_impl[i]['steps_per_s']:.3g}" if i in by_impl else "—" for i in present]
        if "fused / scratch" in header:
            if "fused_hybrid" in by_impl and "scratch" in by_impl:
                cells.append(f"{by_impl['fused_hybrid']['steps_per_s'] / by_impl['scratch']['steps_per_s']:.1f}×")
            else:
                cells.append("—")
        if "fused GFLOP/s" in header:
            fused = by_impl.get("fused_hybrid")
            cells += ([f"{fused['gflops']:.1f}", f"{100 * fused['gflops'] / peak_gflops:.1f}"]
                      if fused else ["—", "—"])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def profile_operators(step: Callable, X, Y, num_steps: int = 3, top: int = 10
                      ) -> List[Dict[str, object]]:
    """Run ``step(X, Y)`` ``num_steps`` times under MXNet's profiler (after one
    untimed call) and return the ``top`` operators by total time, each as
    ``{"operator", "label", "calls", "total_ms", "share"}`` (``label``: a short
    name for a hybridized segment of several operators; ``share``: of the time
    of all operators), plus, in every row, the number of operator calls per step
    (``"calls_per_step"``), the summed time of all operators per step
    (``"operator_ms_per_step"``) and the wall-clock time per step of the same
    ``num_steps`` steps run again without the profiler (``"wall_ms_per_step"``).
    The two do not split a step into "inside" and "outside" operators: operators
    overlap on MXNet's threads and the profiler inflates short calls, so the
    operator time can exceed the wall time (notebook 11 shows both)."""
    if num_steps < 1 or top < 1:
        raise ValueError(f"num_steps and top must be >= 1; got {num_steps!r}, {top!r}")
    import json
    step(X, Y)
    nd.waitall()
    # MXNet's profiler may still be writing its file from its own thread when the block ends;
    # a folder that is not yet empty then is left behind rather than failing the measurement.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        profiler.set_config(profile_all=True, aggregate_stats=True,
                            filename=os.path.join(folder, "profile.json"))
        profiler.dumps(reset=True)  # drop anything recorded before
        profiler.set_state("run")
        for _ in range(num_steps):
            step(X, Y)
        nd.waitall()
        profiler.set_state("stop")
        stats = json.loads(profiler.dumps(reset=True, format="json"))
    start = time.perf_counter()
    for _ in range(num_steps):
        step(X, Y)
    nd.waitall()
    wall_ms = 1e3 * (time.perf_counter() - start) / num_steps
    operators = {}
    for domain, entries in stats.get("Time", {}).items():
        if "operator" not in domain.lower():
            continue
        for name, entry in entries.items():
            total = operators.setdefault(name, {"calls": 0, "total_ms": 0.0})
            total["calls"] += entry["Count"]
            total["total_ms"] += entry["Total"]
    all_ms = sum(v["total_ms"] for v in operators.values()) or 1.0
    all_calls = sum(v["calls"] for v in operators.values())
    ranked = sorted(operators.items(), key=lambda kv: -kv[1]["total_ms"])[:top]
    return [{"operator": name, "label": _operator_label(name), "calls": v["calls"],
             "total_ms": v["total_ms"], "share": v["total_ms"] / all_ms,
             "calls_per_step": all_calls / num_steps,
             "operator_ms_per_step": all_ms / num_steps, "wall_ms_per_step": wall_ms}
            for name, v in ranked]


def _operator_label(name: str) -> str:
    """A hybridized graph runs as segments named by all their operators,
    joined by commas; name such a segment by its main (last, or RNN) one."""
    parts = name.split(",")
    if len(parts) == 1:
        return name
    main = next((p for p in parts if "RNN" in p), parts[-1])
    return f"{main} (+{len(parts) - 1} small ops in one segment)"


def plot_grid(rows: Sequence[Dict[str, object]], peak_gflops: float, title: str,
              batch_size: Optional[int] = None, seq_len: Optional[int] = None):
    """Two panels against hidden size ``h`` (log scales): training tokens
    (time steps of one sequence) per second and achieved GFLOP/s (right axis:
    % of ``peak_gflops``), one line
    per implementation, for one ``(batch_size, seq_len)`` (default: the
    largest in ``rows``). Returns the figure."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullLocator
    if not rows:
        raise ValueError("rows must not be empty")
    if not peak_gflops > 0:
        raise ValueError(f"peak_gflops must be positive; got {peak_gflops!r}")
    batch_size = batch_size or max(r["batch_size"] for r in rows)
    seq_len = seq_len or max(r["seq_len"] for r in rows)
    chosen = [r for r in rows if r["batch_size"] == batch_size and r["seq_len"] == seq_len]
    if not chosen:
        raise ValueError(f"no rows with batch_size={batch_size} and seq_len={seq_len}")
    fig, axes = plt.subplots(1, 2, figsize=(2 * FIGSIZE[0], FIGSIZE[1]))
    markers = ("o", "s", "^", "D")
    for k, implementation in enumerate(IMPLEMENTATIONS):
        points = sorted((r["hidden_size"], r["steps_per_s"] * batch_size * seq_len, r["gflops"])
                        for r in chosen if r["implementation"] == implementation)
        if not points:
            continue
        hs, rates, gflops = zip(*points)
        style = dict(color=PALETTE[k], marker=markers[k], label=LABELS[implementation])
        axes[0].plot(hs, rates, **style)
        axes[1].plot(hs, gflops, **style)
    axes[0].set(xscale="log", yscale="log", xlabel="hidden size $h$",
                ylabel="training tokens / s", title=f"Tokens per second (n={batch_size}, T={seq_len})")
    axes[1].set(xscale="log", yscale="log", xlabel="hidden size $h$",
                ylabel="achieved GFLOP/s", title="Throughput against the machine's peak")
    axes[1].axhline(peak_gflops, color="gray", linestyle="--",
                    label=f"peak: large matrix product, {peak_gflops:.0f} GFLOP/s")
    right = axes[1].secondary_yaxis("right", functions=(lambda g: 100 * g / peak_gflops,
                                                        lambda p: p * peak_gflops / 100))
    right.set_ylabel("% of measured GEMM peak")
    _label_log_axis(right.yaxis)
    hs = sorted({r["hidden_size"] for r in chosen})
    for ax in axes:
        ax.set_xticks(hs)
        ax.set_xticklabels([str(h) for h in hs])
        ax.xaxis.set_minor_locator(NullLocator())
        _label_log_axis(ax.yaxis)
    axes[1].legend(handles=axes[1].get_lines()[-1:], fontsize=9, loc="lower right")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    fig.legend(handles=axes[0].get_lines(), fontsize=9, ncol=len(axes[0].get_lines()),
               loc="upper center", bbox_to_anchor=(0.5, 0.0))  # below both panels, off the data
    return fig


def _label_log_axis(axis) -> None:
    """Major ticks of a log axis at 1, 2 and 5 times powers of ten, labelled
    as plain numbers; no minor ticks."""
    from matplotlib.ticker import FormatStrFormatter, LogLocator, NullLocator
    axis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(FormatStrFormatter("%g"))
    axis.set_minor_locator(NullLocator())
