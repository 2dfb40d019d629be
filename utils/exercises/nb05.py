"""Checks for the exercises of notebook 05 (exploding and vanishing gradients).

The Jacobian sweeps are recomputed in NumPy with the notebook's matrices and inputs
(h = 32, d = 1, T = 200; W_hh from ``utils.rng(0)``, x and W_xh from ``utils.rng(1)``), so a
seed shift (``GLUON_RNN_SEED``) moves the checks together with the notebook.
"""
import numpy as np

from . import _, close, exercise

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
def check_1(answer):
    changes = {rho: fitted_rate(jacobian_norms(rho), 0) - fitted_rate(jacobian_norms(rho))
               for rho in RHOS}
    largest = max(abs(c) for c in changes.values())
    W = matrix_with_spectral_radius(1.0)
    transient = [np.linalg.norm(np.linalg.matrix_power(W, k), 2) for k in (1, 10, T - 1)]
    reason = _("W_hh for radius rho is rho times the same matrix, so log||W^k|| = k log rho + "
               "log||W_1^k||: the transient term is the same for every rho and every rate moves "
               "by the same {largest:.1e}. The transient is an offset, not a slope: "
               "||W_1^k||_2 is {first:.2f}, {tenth:.2f}, {last:.2f} at "
               "k = 1, 10, {k_last} for rho = 1: a bounded factor above rho^k (the matrix is "
               "non-normal), which lifts the line but hardly tilts it.",
               largest=largest, first=transient[0], tenth=transient[1], last=transient[2], k_last=T - 1)
    value = float(answer)
    if value == 0:
        return False, _("the rates do change, if only slightly: print the change with more digits "
                        "(format it as :.1e).")
    if value < 0 and close(-value, largest, 0.3 * largest):
        return False, _("give the change in absolute value (the question asks for its size).")
    # 30 %: the answer read off a rate difference printed to one or two significant digits
    if close(value, largest, 0.3 * largest):
        return True, reason
    if value > largest:
        return False, _("the largest change of a fitted rate is {largest:.1e}, much smaller than that. "
                        "{reason}", largest=largest, reason=reason)
    return False, _("the largest change of a fitted rate is {largest:.1e}, larger than that. {reason}",
                    largest=largest, reason=reason)


def _trajectory(rho, input_scale):
    """h_1 .. h_T of the notebook's network (T, H) for spectral radius rho and input scale."""
    x, W_xh = _inputs()
    W = matrix_with_spectral_radius(rho)
    state, states = np.zeros(H), []
    for t in range(T):
        state = np.tanh(x[t] @ (input_scale * W_xh) + state @ W)
        states.append(state)
    return np.array(states)


def mean_tanh_slope(rho, input_scale):
    """Mean of tanh'(z_t) = 1 - h_t^2 over the steps and units of the notebook's trajectory."""
    return float(np.mean(1 - _trajectory(rho, input_scale) ** 2))


def rms_state(rho, input_scale):
    """Root mean square of h_t over the units and the second half of the notebook's trajectory."""
    return float(np.sqrt(np.mean(_trajectory(rho, input_scale)[T // 2:] ** 2)))


@exercise("05.2")
def check_2(answer):
    value = float(answer)
    rho, scale = 1.5, 0.1
    rate = fitted_rate(jacobian_norms(rho, scale))
    unit_rate = fitted_rate(jacobian_norms(rho, 1.0))
    slope, rms = mean_tanh_slope(rho, scale), rms_state(rho, scale)
    why = _("at input scale {scale} the units are not near zero (rms h_t {rms:.2f} over the second "
            "half, mean tanh' {slope:.2f}): with rho = 1.5 the origin is unstable, so the "
            "recurrence itself drives the units into the curved part of tanh whatever the input. "
            "A step then multiplies the product by about rho x mean tanh' = {factor:.2f}, "
            "close to 1, so the rate ({rate:+.3f} per step) is near zero, far from the linear "
            "network's log 1.5 = {linear:.3f} and above the {unit_rate:+.3f} of unit input.",
            scale=scale, rms=rms, slope=slope, factor=rho * slope, rate=rate, linear=np.log(rho),
            unit_rate=unit_rate)
    # the rate is exact up to float64 rounding; 0.0015 allows an answer read to three decimals
    if close(value, rate, 1.5e-3):
        return True, why
    if close(value, np.log(rho), 0.01):
        return False, _("that is the linear network's rate log 1.5: weak input does not make the "
                        "tanh network linear here. Measure the rate with norms_by_distance.")
    if close(value, unit_rate, 1.5e-3):
        return False, _("that is the rate at unit input scale; scale W_xh by 0.1.")
    return False, _("the fitted rate of the rho = 1.5 tanh network at input scale {scale} is not "
                    "{value:+.3f}: run norms_by_distance(nd.tanh, 0.1 * W_xh) and fit its rate.",
                    scale=scale, value=value)


@exercise("05.4")
def check_4(answer):
    low, high = (float(value) for value in answer)
    distance = 50                       # the first mark's most favourable position at T = 100
    truth = (0.9 ** distance, 1.1 ** distance)
    # exact powers; 5 % accepts two significant digits (0.0052 or 0.005, 117 or 120)
    if close(low, truth[0], 0.05 * truth[0]) and close(high, truth[1], 0.05 * truth[1]):
        return True, _("a ReLU unit that stays active multiplies the gradient by c per step, so "
                       "50 steps scale it by 0.9^50 = {low_truth:.2e} (vanishing) and 1.1^50 = "
                       "{high_truth:.0f} (exploding; the forward state grows by the same factor).",
                       low_truth=truth[0], high_truth=truth[1])
    if close(low, truth[1], 0.05 * truth[1]):
        return False, _("the pair is in the wrong order: first the factor for 0.9 I, then 1.1 I.")
    return False, _("with W_hh = c I and every unit active, each step's Jacobian is c I, so 50 "
                    "steps give c^50: compute 0.9^50 and 1.1^50 (you gave {low:.3g}, {high:.3g}).",
                    low=low, high=high)


@exercise("05.5")
def check_5(answer):
    length = 100
    # the first mark is uniform over steps 1 .. T/2, so T/2 .. T-1 steps before step T: the
    # expected distance is exact (tests/test_exercises_nb05.py checks it against the generator);
    # half a step of tolerance accepts an answer rounded to whole steps
    mean = (length // 2 + length - 1) / 2
    if close(answer, mean, 0.5):
        return True, _("the first mark is uniform over the first half, steps 1 to {half}, "
                       "so it lies {half} to {farthest} steps before the last step, "
                       "{mean:.1f} on average.",
                       half=length // 2, farthest=length - 1, mean=mean)
    if close(answer, length // 2, 0.5):
        return False, _("{half} steps back is the most favourable position, not the "
                        "average: the mark is uniform over the whole first half.", half=length // 2)
    return False, _("measure it: the first mark is at a uniform position in the first half, and "
                    "the distance is counted back from step T = {length}.", length=length)
