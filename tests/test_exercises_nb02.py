"""The checks of notebook 02's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""
import numpy as np

import utils
from utils import exercises


def least_squares_nrmse():
    """Open-loop test NRMSE of the least-squares ARX model, computed independently of the check."""
    u = utils.rng(1).uniform(-2.0, 2.0, size=8000)
    y = utils.simulate_narendra_plant(u)
    A = np.stack([np.ones(7999), u[1:], y[1:8000], y[:7999]], axis=1)
    w = np.linalg.lstsq(A, y[2:], rcond=None)[0]
    u_test = np.sin(2 * np.pi * np.arange(500) / 25)
    y_test = utils.simulate_narendra_plant(u_test)
    A_test = np.stack([np.ones(499), u_test[1:], y_test[1:500], y_test[:499]], axis=1)
    return np.sqrt(np.mean((A_test @ w - y_test[2:]) ** 2)) / np.std(y_test[2:])


RIGHT = {"02.1": 0.0, "02.2": 2.0, "02.3": 4, "02.6": least_squares_nrmse()}
WRONG = {
    "02.1": [-0.3, 0.6, 0.01],       # w_2, w_1, too far from 0 for N = 200,000
    "02.2": [4.0, 0.5, 1.0],         # without the 1/2, the unit-noise loss, sigma / 2
    "02.3": [3, 1, 5],               # delays instead of taps, no delay, more than needed
    "02.6": [0.01, 1.0, 0.3, 0.8,    # the MLP's level, the mean predictor, too low, closed loop
             0.119],                 # least squares fitted on the test windows
}


def test_least_squares_nrmse_is_far_from_the_mlp_and_the_mean():
    assert 0.2 < RIGHT["02.6"] < 0.8


def test_estimates_within_their_sampling_error_pass():
    assert exercises.check("02.1", -0.0046) and exercises.check("02.2", 2.0048)
