"""Each check of notebook 07's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import math


from utils import exercises

SIGMA_MINUS_2 = 1 / (1 + math.exp(2.0))
RIGHT_AND_WRONG = {
    "07.1": (SIGMA_MINUS_2 ** 25, [0.5 ** 25, SIGMA_MINUS_2, 0.13 ** 25, 0.11 ** 25, 10 * SIGMA_MINUS_2 ** 25]),
    "07.3": (2 * 32 + 32 * 32 + 32, [2 * 32 + 32 * 32 + 2 * 32, 4 * (2 * 32 + 32 * 32 + 32)]),
    "07.5": ("ifco", ["ifoc", ["input", "forget", "output", "candidate"]]),
}


def test_gate_order_accepts_other_spellings():
    for spelling in ("i, f, c, o", ["i", "f", "g", "o"], "input forget candidate output"):
        assert exercises.check("07.5", spelling) is True


def test_forget_share_accepts_the_order_of_magnitude():
    for answer in (0.12 ** 25, 1e-23, 8e-24):
        assert exercises.check("07.1", answer) is True
