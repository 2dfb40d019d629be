"""Checks for the exercises of notebook 05 (exploding and vanishing gradients).

The Jacobian sweeps are recomputed in NumPy with the notebook's matrices and inputs
(h = 32, d = 1, T = 200; W_hh from ``utils.rng(0)``, x and W_xh from ``utils.rng(1)``), so a
seed shift (``GLUON_RNN_SEED``) moves the checks together with the notebook.
"""
import numpy as np

from . import close, exercise

H, D, T = 32, 1, 200
START = 100   # the notebook's fitted_rate skips distances below this
RHOS = (0.5, 0.9, 1.0, 1.1, 1.5)


def matrix_with_spectral_radius(rho, h=H, seed=0):
    """The notebook's random Gaussian (h, h) matrix, rescaled to spectral radius rho."""
    from ..seed import rng
    W = rng(seed).normal(size=(h, h))
    return W * rho / np.abs(np.linalg.eigvals(W)).max()


def _inputs():
    """The notebook's input sequence x (T, d) and input weights W_xh (d, h)."""
    from ..seed import rng
    generator = rng(1)
    x = generator.normal(size=(1, T, D))[0]
    W_xh = generator.normal(size=(D, H))
    return x, W_xh


def jacobian_norms(rho, input_scale=None):
    """||d h_T / d h_t||_2 for distances T - t = 0 .. T-1: linear network when input_scale is
    None, tanh network driven by input_scale * W_xh otherwise."""
    W = matrix_with_spectral_radius(rho)
    if input_scale is None:
        slopes = np.ones((T + 1, H))
    else:
        x, W_xh = _inputs()
        states = [np.zeros(H)]
        for t in range(T):
            states.append(np.tanh(x[t] @ (input_scale * W_xh) + states[-1] @ W))
        slopes = 1 - np.array(states) ** 2       # tanh'(z_t) = 1 - h_t^2, row t
    product, norms = np.eye(H), [1.0]
    for k in range(T, 1, -1):                  # extend d h_T / d h_k to d h_T / d h_{k-1}
        product = product @ (slopes[k][:, None] * W.T)
        norms.append(np.linalg.norm(product, 2))
    return np.array(norms)


def fitted_rate(norms, start=START):
    """Slope of log(norm) against the distance, for distances >= start."""
    distance = np.arange(len(norms))
    keep = distance >= start
    return np.polyfit(distance[keep], np.log(norms[keep]), 1)[0]


@exercise("05.1")
def _(answer):
    changes = {rho: fitted_rate(jacobian_norms(rho), 0) - fitted_rate(jacobian_norms(rho))
               for rho in RHOS}
    largest = max(abs(c) for c in changes.values())
    W = matrix_with_spectral_radius(1.0)
    transient = [np.linalg.norm(np.linalg.matrix_power(W, k), 2) for k in (1, 10, T - 1)]
    reason = (f"W_hh for radius rho is rho times the same matrix, so log||W^k|| = k log rho + "
              f"log||W_1^k||: the transient term is the same for every rho and every rate moves "
              f"by the same {largest:.1e}. The transient is an offset, not a slope: "
              f"||W_1^k||_2 is {transient[0]:.2f}, {transient[1]:.2f}, {transient[2]:.2f} at "
              f"k = 1, 10, {T - 1} for rho = 1: a bounded factor above rho^k (the matrix is "
              "non-normal), which lifts the line but hardly tilts it.")
    value = float(answer)
    if value == 0:
        return False, ("the rates do change, if only slightly: print the change with more digits "
                       "(format it as :.1e).")
    if value < 0 and close(-value, largest, 0.3 * largest):
        return False, "give the change in absolute value (the question asks for its size)."
    # 30 %: the answer read off a rate difference printed to one or two significant digits
    if close(value, largest, 0.3 * largest):
        return True, reason
    return False, (f"the largest change of a fitted rate is {largest:.1e}"
                   + (", much smaller than that. " if value > largest else ", larger than that. ")
                   + reason)


def mean_tanh_slope(rho, input_scale):
    """Mean of tanh'(z_t) = 1 - h_t^2 over the steps and units of the notebook's trajectory."""
    x, W_xh = _inputs()
    W = matrix_with_spectral_radius(rho)
    state, slopes = np.zeros(H), []
    for t in range(T):
        state = np.tanh(x[t] @ (input_scale * W_xh) + state @ W)
        slopes.append(1 - state ** 2)
    return float(np.mean(slopes))


def rms_state(rho, input_scale):
    """Root mean square of h_t over the units and the second half of the notebook's trajectory."""
    x, W_xh = _inputs()
    W = matrix_with_spectral_radius(rho)
    state, states = np.zeros(H), []
    for t in range(T):
        state = np.tanh(x[t] @ (input_scale * W_xh) + state @ W)
        states.append(state)
    return float(np.sqrt(np.mean(np.array(states[T // 2:]) ** 2)))


@exercise("05.2")
def _(answer):
    value = float(answer)
    rho, scale = 1.5, 0.1
    rate = fitted_rate(jacobian_norms(rho, scale))
    unit_rate = fitted_rate(jacobian_norms(rho, 1.0))
    slope, rms = mean_tanh_slope(rho, scale), rms_state(rho, scale)
    why = (f"at input scale {scale} the units are not near zero (rms h_t {rms:.2f} over the second "
           f"half, mean tanh' {slope:.2f}): with rho = 1.5 the origin is unstable, so the "
           f"recurrence itself drives the units into the curved part of tanh whatever the input. "
           f"A step then multiplies the product by about rho x mean tanh' = {rho * slope:.2f}, "
           f"close to 1, so the rate ({rate:+.3f} per step) is near zero, far from the linear "
           f"network's log 1.5 = {np.log(rho):.3f} and above the {unit_rate:+.3f} of unit input.")
    # the rate is exact up to float64 rounding; 0.0015 allows an answer read to three decimals
    if close(value, rate, 1.5e-3):
        return True, why
    if close(value, np.log(rho), 0.01):
        return False, ("that is the linear network's rate log 1.5: weak input does not make the "
                       "tanh network linear here. Measure the rate with norms_by_distance.")
    if close(value, unit_rate, 1.5e-3):
        return False, "that is the rate at unit input scale; scale W_xh by 0.1."
    return False, (f"the fitted rate of the rho = 1.5 tanh network at input scale {scale} is not "
                   f"{value:+.3f}: run norms_by_distance(nd.tanh, 0.1 * W_xh) and fit its rate.")


@exercise("05.4")
def _(answer):
    low, high = (float(value) for value in answer)
    distance = 50                       # the first mark's most favourable position at T = 100
    truth = (0.9 ** distance, 1.1 ** distance)
    # exact powers; 1 % allows a hand calculation to three significant digits
    if close(low, truth[0], 0.01 * truth[0]) and close(high, truth[1], 0.01 * truth[1]):
        return True, (f"a ReLU unit that stays active multiplies the gradient by c per step, so "
                      f"50 steps scale it by 0.9^50 = {truth[0]:.2e} (vanishing) and 1.1^50 = "
                      f"{truth[1]:.0f} (exploding; the forward state grows by the same factor).")
    if close(low, truth[1], 0.01 * truth[1]):
        return False, "the pair is in the wrong order: first the factor for 0.9 I, then 1.1 I."
    return False, (f"with W_hh = c I and every unit active, each step's Jacobian is c I, so 50 "
                   f"steps give c^50: compute 0.9^50 and 1.1^50 (you gave {low:.3g}, {high:.3g}).")


@exercise("05.5")
def _(answer):
    from ..tasks import make_adding_problem
    length, samples = 100, 20000
    X, _ = make_adding_problem(samples, length, seed=0)
    first = np.argmax(X[:, :, 1], axis=1)                  # 0-based position of the first mark
    distance = (length - 1) - first                         # steps back from the last step
    # sampling error of the mean: 4 standard errors; plus half a step for an answer rounded to
    # whole steps
    tolerance = 4 * distance.std() / np.sqrt(samples) + 0.5
    if close(answer, distance.mean(), tolerance):
        return True, (f"the first mark is uniform over the first half, steps 1 to {length // 2}, "
                      f"so it lies {length // 2} to {length - 1} steps before the last step, "
                      f"{distance.mean():.1f} on average (measured over {samples} sequences).")
    if close(answer, length // 2, 0.5):
        return False, (f"{length // 2} steps back is the most favourable position, not the "
                       "average: the mark is uniform over the whole first half.")
    return False, (f"measure it: the first mark is at a uniform position in the first half, and "
                   f"the distance is counted back from step T = {length}.")
