"""The checks of notebook 11's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""

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


def test_wrong_form_is_rejected():
    assert exercises.check("11.3", 9) is False
