"""The checks of notebook 09's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import math

import pytest

from utils import exercises

RIGHT = {
    "09.1": 20.0,
    "09.2": 10_000 * math.log2(3.3),
    "09.3": 32.5,
    "09.4": (math.exp(4) / (math.exp(4) + math.exp(2) + 2), 1 / (1 + math.exp(-1))),
    "09.5": 6.0,
}
WRONG = {
    "09.1": [52.0, 100.0, 4.0, 10.0],
    "09.2": [10_000 * math.log(3.3), 80_000, 33_000],
    "09.3": [64, 32, 31.5],
    "09.4": [(0.644, 0.731), (0.853, 0.644), (0.731, 0.853)],
    "09.5": [6.5, 9.0, 4.0],
}


def test_every_check_is_tested():
    assert exercises.keys("09") == sorted(RIGHT)


@pytest.mark.parametrize("key", sorted(RIGHT))
def test_right_answer_is_accepted(key, capsys):
    assert exercises.check(key, RIGHT[key]) is True
    assert "Right" in capsys.readouterr().out


def test_rounded_answers_are_accepted():
    assert exercises.check("09.2", 17225) is True
    assert exercises.check("09.4", (0.853, 0.731)) is True


@pytest.mark.parametrize("key,wrong", [(k, w) for k in WRONG for w in WRONG[k]])
def test_wrong_answer_is_rejected(key, wrong, capsys):
    assert exercises.check(key, wrong) is False
    assert "Not yet" in capsys.readouterr().out


@pytest.mark.parametrize("key", sorted(RIGHT))
def test_silent_on_none(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_wrong_form_is_rejected():
    assert exercises.check("09.4", 0.853) is False
