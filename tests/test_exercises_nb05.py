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
    "05.4": ((0.9 ** 50, 1.1 ** 50), [(1.1 ** 50, 0.9 ** 50), (0.9 ** 75, 1.1 ** 75)]),
    "05.5": (74.5, [50, 25]),
}
