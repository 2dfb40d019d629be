"""The checks of notebook 03's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""
import numpy as np
import pytest

import utils
from utils import exercises
from utils.exercises import nb03

KEYS = ["03.1", "03.4", "03.6"]
RIGHT = {"03.1": 2, "03.4": 3, "03.6": 8}
WRONG = {
    "03.1": [1, 4, 16, 0],   # one bit = one unit? more than needed; none
    "03.4": [2, 4, 1],       # the plain adder; carry and a_t without merging; one
    "03.6": [1, 256, 16],    # parity's one bit; cases instead of bits; twice T
}


def test_every_exercise_with_a_definite_answer_has_a_check():
    assert exercises.keys("03") == KEYS


def test_two_units_set_by_hand_keep_the_parity():
    bits = utils.rng(3).integers(0, 2, size=(100, 500))
    assert (nb03.parity_with_two_units(bits) == np.cumsum(bits, axis=1) % 2).all()


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


def test_wrong_form_is_rejected():
    assert not exercises.check("03.1", 2.5) and not exercises.check("03.4", "three")
