"""The checks of notebook 00's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""

from utils import exercises

RIGHT = {"00.1": 0.5, "00.2": [1, 2], "00.3": 0.6616, "00.4": 1 / 6, "00.5": ("NTC", "relu")}
WRONG = {
    "00.1": [1.0, 0.75, 0.2],                 # as if x_(t-1) were seen; half-way; below chance
    "00.2": [[1], [1, 2, 3], [0, 1], [2]],     # one step short, one too many, 0-based, no step 1
    "00.3": [0.6931, 0.5199, 0.6912, 0.9544],  # ln 2, (3/4) ln 2, H(17/32) of T = 16, H(5/8) in bits
    "00.4": [1 / 12, 0.25, 1 / 3],            # one uniform's variance, and others
    "00.5": [("TNC", "relu"), ("NTC", "tanh"), ("TNC", "tanh")],
}


def test_tolerances():
    assert exercises.check("00.1", 0.51) and exercises.check("00.4", 0.1663)  # measured values
    assert exercises.check("00.5", ("ntc", "ReLU"))                           # any case
    assert not exercises.check("00.3", "ln 2")                                # wrong form
