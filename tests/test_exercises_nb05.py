"""Each check of notebook 05's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import pytest

from utils import exercises

RIGHT_AND_WRONG = {
    "05.1": (1e-4, [0.01, 0.1]),                    # the rates hardly move
    "05.2": (0.1, [1.0, 3.0]),                      # weak input: growth; unit input: vanishing
    "05.4": ((0.9 ** 50, 1.1 ** 50), [(1.1 ** 50, 0.9 ** 50), (0.9 ** 75, 1.1 ** 75)]),
    "05.5": (74.5, [50, 25]),
}


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_right_answer_passes_and_wrong_ones_fail(key, capsys):
    right, wrongs = RIGHT_AND_WRONG[key]
    assert exercises.check(key, right) is True
    for wrong in wrongs:
        assert exercises.check(key, wrong) is False
    assert "Not yet" in capsys.readouterr().out


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_silent_on_none(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_every_check_is_tested():
    assert exercises.keys("05") == sorted(RIGHT_AND_WRONG)
