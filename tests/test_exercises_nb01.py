"""The checks of notebook 01's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""

from utils import exercises

RIGHT = {"01.1": (1.0, 1.0, 0.1), "01.3": True, "01.5": (5 + 11 / 2) / 16, "01.6": 6}
WRONG = {
    "01.1": [(1.0, 0.1, 0.1), (1.0, 1.0, 1.0), (0.1, 0.1, 0.1),   # edge off by one; no edge
             (1.0, 1.0, 0.0),                                      # beyond it, not even guessing
             (5, 5, 0.1)],                                         # not accuracies
    "01.3": [False],
    "01.5": [5 / 16, (4 + 12 / 2) / 16, (7 + 9 / 2) / 16, 0.5,     # no guessing; off by one; R = 7
             0.619],                                               # a run that missed step 5
    "01.6": [7, 0, 25, 5],
}


def test_measured_accuracies_pass():
    assert exercises.check("01.1", (0.99, 0.97, 0.11))   # a measured cliff
    assert not exercises.check("01.1", (1.0, 1.0))        # wrong form: two lengths
    assert not exercises.check("01.3", "yes")             # wrong form
