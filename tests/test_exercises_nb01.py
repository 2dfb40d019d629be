"""The checks of notebook 01's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""
import pytest

from utils import exercises

KEYS = ["01.1", "01.3", "01.5", "01.6"]
RIGHT = {"01.1": (1.0, 1.0, 0.1), "01.3": True, "01.5": (5 + 11 / 2) / 16, "01.6": 6}
WRONG = {
    "01.1": [(1.0, 0.1, 0.1), (1.0, 1.0, 1.0), (0.1, 0.1, 0.1),   # edge off by one; no edge
             (1.0, 1.0, 0.0)],                                     # beyond it, not even guessing
    "01.3": [False],
    "01.5": [5 / 16, (4 + 12 / 2) / 16, (7 + 9 / 2) / 16, 0.5],    # no guessing; off by one; R = 7
    "01.6": [7, 0, 25, 5],
}


def test_every_exercise_with_a_definite_answer_has_a_check():
    assert exercises.keys("01") == KEYS


@pytest.mark.parametrize("key", KEYS)
def test_right_answer_passes(key, capsys):
    assert exercises.check(key, RIGHT[key]) is True
    assert "Right" in capsys.readouterr().out


@pytest.mark.parametrize("key, answer", [(key, answer) for key in KEYS for answer in WRONG[key]])
def test_wrong_answer_fails_with_a_reason(key, answer, capsys):
    assert exercises.check(key, answer) is False
    out = capsys.readouterr().out
    assert "Not yet" in out and len(out) > 40


@pytest.mark.parametrize("key", KEYS)
def test_silent_while_unanswered(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_measured_accuracies_pass():
    assert exercises.check("01.1", (0.99, 0.97, 0.11))   # a measured cliff
    assert not exercises.check("01.1", (1.0, 1.0))        # wrong form: two lengths
    assert not exercises.check("01.3", "yes")             # wrong form
