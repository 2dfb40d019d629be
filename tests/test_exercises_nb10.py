"""The checks of notebook 10's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""

from utils import exercises

RIGHT = {
    "10.1": 1500 * 128 + 4 * (2 * 128 * 128 + 2 * 128) + 1500,  # 325,596
    "10.2": 0.75,
    "10.3": 1_331_200 / (1_331_200 + 655_360),
}
WRONG = {
    "10.1": [325_596 + 1500 * 128, 325_596 - 1500, 325_596 - 512, 300_000],
    "10.2": [1.0, 0.5, 0.25],
    "10.3": [0.772, 0.5, 0.8],
}


def test_the_tang_reading_of_chunxiao_is_explained():
    right, why = exercises._load("10.2")(1.0)
    assert right is False and "入声" in why
