"""Each check of notebook 05's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import numpy as np

from utils.exercises import nb05

# the truths depend on the seed shift (GLUON_RNN_SEED), so they are computed as the notebook does
_CHANGE = max(abs(nb05.fitted_rate(nb05.jacobian_norms(rho), 0) - nb05.fitted_rate(nb05.jacobian_norms(rho)))
              for rho in nb05.RHOS)
_WEAK_RATE = nb05.fitted_rate(nb05.jacobian_norms(1.5, 0.1))
_UNIT_RATE = nb05.fitted_rate(nb05.jacobian_norms(1.5, 1.0))

RIGHT_AND_WRONG = {
    "05.1": (_CHANGE, [0, -_CHANGE, 10 * _CHANGE, 0.1]),      # 0: "nothing changes"
    "05.2": (round(_WEAK_RATE, 3), [np.log(1.5), _UNIT_RATE, _WEAK_RATE + 0.05]),
    "05.4": ((0.005, 117), [(1.1 ** 50, 0.9 ** 50), (0.9 ** 75, 1.1 ** 75), (0.0045, 117)]),  # two digits
    "05.5": (74.5, [50, 25]),
}


def test_05_5_truth_is_the_generators_mean():
    """check 05.5 uses the exact mean distance (T/2 + T - 1)/2; the generator must agree."""
    from utils.tasks import make_adding_problem
    X, _ = make_adding_problem(20000, 100, seed=0)
    distance = 99 - np.argmax(X[:, :, 1], axis=1)
    assert distance.min() == 50 and distance.max() == 99
    assert abs(distance.mean() - 74.5) < 4 * distance.std() / np.sqrt(len(distance))
