"""The checks of notebook 03's exercises accept the right answer, reject plausible wrong ones,
and stay silent while unanswered."""
import numpy as np

import utils
from utils import exercises
from utils.exercises import nb03

RIGHT = {"03.1": 2, "03.4": 3, "03.6": 8}
WRONG = {
    "03.1": [1, 4, 16, 0],   # one bit = one unit? more than needed; none
    "03.4": [2, 4, 1, 6],    # the plain adder; carry and a_t without merging; one; H_t with the output
    "03.6": [1, 256, 16],    # parity's one bit; cases instead of bits; twice T
}


def test_two_units_set_by_hand_keep_the_parity():
    bits = utils.rng(3).integers(0, 2, size=(100, 500))
    assert (nb03.parity_with_two_units(bits) == np.cumsum(bits, axis=1) % 2).all()


def test_wrong_form_is_rejected():
    assert not exercises.check("03.1", 2.5) and not exercises.check("03.4", "three")
