"""The checks of notebook 08's exercises accept the right answer, reject plausible wrong
ones, and stay silent while unanswered."""
import math


from utils import exercises

sigmoid = lambda x: 1 / (1 + math.exp(-x))

RIGHT = {
    "08.1": sigmoid(2) ** 10,
    "08.2": (38, 76),
    "08.3": {"LSTM": 5632, "GRU": 4224, "Elman": 1408},
    "08.4": (74, 130),
}
WRONG = {
    "08.1": [sigmoid(2), 0.5 ** 10, 1 - sigmoid(2) ** 10, 0.5],
    "08.2": [(0, 38), (76, 114), (32, 64), (0, 2)],
    "08.3": [{"LSTM": 5504, "GRU": 4128, "Elman": 1376}, {"LSTM": 5632, "GRU": 4224, "Elman": 1400}],
    "08.4": [(85, 256), (64, 64), (74, 129)],
}


def test_wrong_form_is_rejected(capsys):
    assert exercises.check("08.3", (5632, 4224, 1408)) is False
    assert exercises.check("08.2", 38) is False
