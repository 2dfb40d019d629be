"""The checks of notebook 11's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import pytest

from utils import exercises

RIGHT = {
    "11.1": 0.106954752,
    "11.2": 16_777_216 / 4_276_224,
    "11.3": (9, 3),
    "11.4": 192.0,
}
WRONG = {
    "11.1": [0.0357, 3.4225, 1.0],
    "11.2": [15.69, 64.0, 0.5],
    "11.3": [(8, 3), (9, 1), (9, 2), (4, 1)],
    "11.4": [96.0, 384.0, 6.0],
}


def test_every_check_is_tested():
    assert exercises.keys("11") == sorted(RIGHT)


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


def test_wrong_form_is_rejected():
    assert exercises.check("11.3", 9) is False
