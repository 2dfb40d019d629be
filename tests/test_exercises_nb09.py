"""The checks of notebook 09's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import math


from utils import exercises

RIGHT = {
    "09.1": 20.0,
    "09.2": 10_000 * math.log2(3.3),
    "09.3": 32.5,
    "09.4": (math.exp(4) / (math.exp(4) + math.exp(2) + 2), 1 / (1 + math.exp(-1))),
    "09.5": 72 / 13,
}
WRONG = {
    "09.1": [52.0, 100.0, 4.0, 10.0],
    "09.2": [10_000 * math.log(3.3), 80_000, 33_000, 16_500, 17_800, 2_153],
    "09.3": [64, 32, 31.5],
    "09.4": [(0.644, 0.731), (0.853, 0.644), (0.731, 0.853)],
    "09.5": [6.0, 6.5, 9.0, 4.0],
}


def test_rounded_answers_are_accepted():
    assert exercises.check("09.2", 17225) is True
    assert exercises.check("09.2", 17_200) is True  # "about": the precision of 3.3
    assert exercises.check("09.2", 17_000) is True
    assert exercises.check("09.5", 5.54) is True
    assert exercises.check("09.4", (0.853, 0.731)) is True


def test_wrong_form_is_rejected():
    assert exercises.check("09.4", 0.853) is False
