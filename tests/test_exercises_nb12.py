"""The checks of notebook 12's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import math

from utils import exercises

RIGHT = {
    "12.1": 11_111_111_111,
    "12.2": math.log(1.25) / math.log(2),
    "12.3": 2064,
    "12.4": math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3)),
}
WRONG = {
    "12.1": [11 ** 10, 10 ** 10, 1_111_111_111, 127],
    "12.2": [math.log(1.25), 0.75, 1.0, 0.0],
    "12.3": [2097, 2048, 1040, 0],
    "12.4": [math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3) + 2 * math.exp(7)), 1 / 3, 0.5],
}


def test_wrong_form_is_rejected():
    assert exercises.check("12.1", "many") is False
    assert exercises.check("12.3", 2064.5) is False


def test_the_count_matches_section_5():
    from utils.exercises.nb12 import _candidates
    assert _candidates(2, 6) == 127     # the tiny decoder of section 5
