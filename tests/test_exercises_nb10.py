"""The checks of notebook 10's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""

from utils import exercises

RIGHT = {
    "10.1": 335_400 / (166_400 + 99_328 + 335_400),
    "10.2": (2 / 3, 0.0, 0.0),
    "10.3": 1_331_200 / (1_331_200 + 655_360),
}
WRONG = {
    "10.1": [335_400 / (99_328 + 335_400), 0.2, 0.5],
    "10.2": [(0.75, 0.75, 0.0), (1.0, 0.0, 0.0), (2 / 3, 2 / 3, 0.0)],
    "10.3": [0.772, 0.5, 0.8],
}


def test_wrong_form_is_rejected():
    assert exercises.check("10.2", (2 / 3, 0.0)) is False
