"""Each check of notebook 07's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import math

import pytest

from utils import exercises

SIGMA_MINUS_2 = 1 / (1 + math.exp(2.0))
RIGHT_AND_WRONG = {
    "07.1": (SIGMA_MINUS_2 ** 25, [0.5 ** 25, SIGMA_MINUS_2]),
    "07.3": (2 * 32 + 32 * 32 + 32, [2 * 32 + 32 * 32 + 2 * 32, 4 * (2 * 32 + 32 * 32 + 32)]),
    "07.5": ("ifco", ["ifoc", ["input", "forget", "output", "candidate"]]),
}


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_right_answer_passes_and_wrong_ones_fail(key, capsys):
    right, wrongs = RIGHT_AND_WRONG[key]
    assert exercises.check(key, right) is True
    for wrong in wrongs:
        assert exercises.check(key, wrong) is False
    assert "Not yet" in capsys.readouterr().out


def test_gate_order_accepts_other_spellings():
    for spelling in ("i, f, c, o", ["i", "f", "g", "o"], "input forget candidate output"):
        assert exercises.check("07.5", spelling) is True


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_silent_on_none(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_every_check_is_tested():
    assert exercises.keys("07") == sorted(RIGHT_AND_WRONG)
