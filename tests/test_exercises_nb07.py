"""Each check of notebook 07's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import math


from utils import exercises

SIGMA_MINUS_2 = 1 / (1 + math.exp(2.0))
OUTCOMES = [(-0.5, 0.5 * math.tanh(-0.5)), (-1.0, 0.5 * math.tanh(-1.0)), (0.0, 0.0), (-0.5, math.tanh(-0.5))]
RIGHT_AND_WRONG = {
    "07.1": (SIGMA_MINUS_2 ** 25, [0.5 ** 25, SIGMA_MINUS_2, 0.13 ** 25, 0.11 ** 25, 10 * SIGMA_MINUS_2 ** 25]),
    "07.3": (2 * 32 + 32 * 32 + 32, [2 * 32 + 32 * 32 + 2 * 32, 4 * (2 * 32 + 32 * 32 + 32)]),
    # 07.5: Gluon's order and (C_1, H_1) after one step from C_0 = -1, H_0 = 0 with block
    # 0, 1, 2, 3 of i2h_bias at +10
    "07.5": (("ifco", OUTCOMES), [
        ("ifoc", OUTCOMES),                                  # wrong order, right measurements
        ("ifco", [(-0.5, -0.231)] * 4),                      # the order copied, no experiment
        "ifco",                                              # the order alone (printed in section 4)
        (["input", "forget", "output", "candidate"], OUTCOMES),
    ]),
}


def test_gate_order_accepts_other_spellings():
    rounded = [(round(C, 2), round(H, 2)) for C, H in OUTCOMES]   # two decimals are enough
    for spelling in ("i, f, c, o", ["i", "f", "g", "o"], "input forget candidate output"):
        assert exercises.check("07.5", (spelling, rounded)) is True


def test_forget_share_accepts_the_order_of_magnitude():
    for answer in (0.12 ** 25, 1e-23, 8e-24):
        assert exercises.check("07.1", answer) is True
