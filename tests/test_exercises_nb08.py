"""The checks of notebook 08's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import math

import pytest

from utils import exercises

sigmoid = lambda x: 1 / (1 + math.exp(-x))

RIGHT = {
    "08.1": sigmoid(2) ** 10,
    "08.2": (38, 76),
    "08.3": {"LSTM": 5632, "GRU": 4224, "Elman": 1408},
    "08.4": (74, 130),
}
WRONG = {
    "08.1": [sigmoid(2), 0.5 ** 10, 1 - sigmoid(2) ** 10, 0.5],
    "08.2": [(0, 38), (76, 114), (32, 64), (0, 2)],
    "08.3": [{"LSTM": 5504, "GRU": 4128, "Elman": 1376}, {"LSTM": 5632, "GRU": 4224, "Elman": 1400}],
    "08.4": [(85, 256), (64, 64), (74, 129)],
}


def test_every_check_is_tested():
    assert exercises.keys("08") == sorted(RIGHT)


@pytest.mark.parametrize("key", sorted(RIGHT))
def test_right_answer_is_accepted(key, capsys):
    assert exercises.check(key, RIGHT[key]) is True
    assert "Right" in capsys.readouterr().out


@pytest.mark.parametrize("key,wrong", [(k, w) for k in WRONG for w in WRONG[k]])
def test_wrong_answer_is_rejected(key, wrong, capsys):
    assert exercises.check(key, wrong) is False
    assert "Not yet" in capsys.readouterr().out


@pytest.mark.parametrize("key", sorted(RIGHT))
def test_silent_on_none(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_wrong_form_is_rejected(capsys):
    assert exercises.check("08.3", (5632, 4224, 1408)) is False
    assert exercises.check("08.2", 38) is False
