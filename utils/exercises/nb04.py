"""Checks for the exercises of notebook 04 (backpropagation through time)."""
import numpy as np

from . import _, close, exercise

# Two correct float64 computations of the same gradient differ by rounding only (about 1e-15
# relative for these sizes); a wrong formula is off by 1e-3 or more. 1e-10 sits between the two.
GRADIENT_TOLERANCE = 1e-10
NAMES = ("W_xh", "W_hh", "b_h", "W_hq", "b_q")


def _problem(seed=0, d=2, h=5, q=3, T=7, n=4):
    """Random float64 parameters and data in the layout of notebook 04: X (T, n, d), Y (T, n)."""
    from mxnet import nd

    from ..device import get_context
    from ..seed import rng
    ctx = get_context()
    generator = rng(seed)
    shapes = {"W_xh": (d, h), "W_hh": (h, h), "b_h": (h,), "W_hq": (h, q), "b_q": (q,)}
    params = {name: nd.array(generator.normal(0, 0.5, shape), ctx=ctx, dtype="float64")
              for name, shape in shapes.items()}
    X = nd.array(generator.normal(0, 1, (T, n, d)), ctx=ctx, dtype="float64")
    Y = nd.array(generator.integers(0, q, (T, n)), ctx=ctx, dtype="float64")
    return params, X, Y


def _autograd_gradients(params, X, Y, activation, last_only):
    """Gradients of L = sum_t L_t (or L = L_T) by MXNet's autograd, as NumPy arrays."""
    from mxnet import autograd, nd
    leaves = {name: value.copy() for name, value in params.items()}
    for value in leaves.values():
        value.attach_grad()
    with autograd.record():
        H = nd.zeros((X.shape[1], leaves["W_hh"].shape[0]), ctx=X.context, dtype=X.dtype)
        losses = []
        for X_t, Y_t in zip(X, Y):
            H = activation(nd.dot(X_t, leaves["W_xh"]) + nd.dot(H, leaves["W_hh"]) + leaves["b_h"])
            O = nd.dot(H, leaves["W_hq"]) + leaves["b_q"]
            losses.append(-nd.pick(nd.log_softmax(O), Y_t).mean())
        loss = losses[-1] if last_only else nd.add_n(*losses)
    loss.backward()
    return {name: value.grad.asnumpy() for name, value in leaves.items()}


def _as_numpy(value):
    return value.asnumpy() if hasattr(value, "asnumpy") else np.asarray(value, dtype=float)


def _compare(function, activation, last_only, hint):
    """Run the learner's function on two random problems and compare with autograd."""
    worst = {}
    for seed in (0, 1):
        params, X, Y = _problem(seed)
        reference = _autograd_gradients(params, X, Y, activation, last_only)
        answer = function({name: value.copy() for name, value in params.items()}, X, Y)
        for name in NAMES:
            mine = _as_numpy(answer[name]).reshape(reference[name].shape)
            error = np.linalg.norm(mine - reference[name]) / np.linalg.norm(reference[name])
            worst[name] = max(worst.get(name, 0.0), float(error))
    wrong = [name for name in NAMES if not worst[name] < GRADIENT_TOLERANCE]
    errors = _(", ").join(f"{name} {worst[name]:.1e}" for name in NAMES)
    if not wrong:
        return True, _("on two random float64 problems every gradient agrees with autograd to "
                       "rounding (relative errors {errors}; a wrong formula is off by 1e-3 or more).",
                       errors=errors)
    return False, _("relative error against autograd: {errors}. {hint}", errors=errors, hint=hint(wrong))


def _relu_hint(wrong):
    if set(wrong) <= {"W_hq", "b_q"}:
        return _("Only the output weights are off: their gradient is sum_t H_t^T dL/dO_t.")
    if {"W_hq", "b_q"} & set(wrong):
        return _("The output weights are off too, so the forward pass is not yet ReLU: "
                 "H_t = max(Z_t, 0).")
    return _("The forward pass is right but the error terms are not: with ReLU, "
             "delta_t = (dL/dO_t W_hq^T + delta_{t+1} W_hh^T) * [Z_t > 0]. Since H_t = max(Z_t, 0), "
             "H_t > 0 exactly where Z_t > 0, so the stored states still suffice; 1 - H_t^2 is the "
             "tanh slope and is wrong here.")


def _last_step_hint(wrong):
    if set(wrong) == set(NAMES):
        return _("Every gradient is off; if you still sum the losses of all steps, remember that "
                 "only dL/dO_T is non-zero now: dL/dO_t = 0 for t < T.")
    if {"W_hq", "b_q"} & set(wrong):
        return _("The output weights get a gradient from step T only: H_T^T dL/dO_T.")
    return _("The recursion keeps its form, delta_t = (dL/dO_t W_hq^T + delta_{t+1} W_hh^T) * "
             "phi'(Z_t), but the first term is zero for t < T: only the path from the future "
             "carries error to the earlier steps.")


@exercise("04.1")
def check_1(answer):
    from mxnet import nd
    return _compare(answer, nd.relu, last_only=False, hint=_relu_hint)


@exercise("04.2")
def check_2(answer):
    from mxnet import nd
    return _compare(answer, nd.tanh, last_only=True, hint=_last_step_hint)


def kept_pair_fraction(T, k):
    """Share of the pairs (t, s), 1 <= s <= t <= T, that lie in the same chunk of k steps."""
    t, s = np.meshgrid(np.arange(1, T + 1), np.arange(1, T + 1), indexing="ij")
    pairs = s <= t
    same_chunk = (t - 1) // k == (s - 1) // k
    return float((pairs & same_chunk).sum() / pairs.sum())


@exercise("04.4")
def check_4(answer):
    T, k = 1000, 10
    truth = kept_pair_fraction(T, k)  # counted over all 500,500 pairs
    # three significant digits suffice: a 1 % relative tolerance
    if close(answer, truth, 0.01 * truth):
        return True, _("of the {pairs:,} pairs (t, s) with s <= t only those inside one "
                       "chunk survive: {chunks} chunks of k(k+1)/2 = {per_chunk} pairs, a "
                       "share of (k+1)/(T+1) = {truth:.5f}. The gradient's error is less than half "
                       "the share of pairs dropped, because the far pairs contribute little: "
                       "their Jacobian products have shrunk.",
                       pairs=T * (T + 1) // 2, chunks=T // k, per_chunk=k * (k + 1) // 2, truth=truth)
    if close(answer, k / T, 1e-9):
        return False, _("k/T = {k_over_T} counts steps, not pairs: a chunk of k steps holds "
                        "k(k+1)/2 pairs (t, s) with s <= t, not k^2/2.", k_over_T=k / T)
    if close(answer, 1 - truth, 0.01 * truth):
        return False, _("that is the share of pairs truncation *drops*; the question asks for the kept ones.")
    return False, _("count the pairs (t, s) with s <= t that lie in the same chunk: each of the "
                    "T/k chunks holds k(k+1)/2 of them, out of T(T+1)/2 pairs in all.")


def rtrl_product_multiply_adds(n, d, h):
    """Multiply-adds of nd.dot(S, W_hh) with S of shape (n, P, h), P = (d + h + 1) h."""
    P = (d + h + 1) * h
    return n * P * h * h


@exercise("04.5")
def check_5(answer):
    n, d, h = 256, 2, 16
    truth = rtrl_product_multiply_adds(n, d, h)
    # an exact count; 1 % lets a rounded answer such as 2.0e7 through, not n h^4 (16 % off)
    if close(answer, truth, 0.01 * truth):
        return True, _("S has n P h entries with P = (d + h + 1) h = {P}, and each is "
                       "a sum of h products with a column of W_hh: n P h^2 = {truth:,} "
                       "multiply-adds per step.", P=(d + h + 1) * h, truth=truth)
    if close(answer, n * h ** 4, 0.01 * n * h ** 4):
        return False, _("n h^4 = {approximation:,} is the large-h approximation; the exact count uses "
                        "P = (d + h + 1) h = {P} parameters, not h^2 = {h_squared}.",
                        approximation=n * h ** 4, P=(d + h + 1) * h, h_squared=h * h)
    if close(answer, truth / n, 0.01 * truth / n):
        return False, _("that is the count for one sequence; the batch has n = 256 of them.")
    if close(answer, 2 * truth, 0.02 * truth):
        return False, _("that counts floating-point operations (a multiply and an add each); the "
                        "question asks for multiply-adds, half as many. Use your FLOP count for the "
                        "GFLOP/s part.")
    return False, _("nd.dot(S, W_hh) multiplies an (n P) x h matrix by an h x h matrix: "
                    "n P h^2 multiply-adds, with P = (d + h + 1) h.")
