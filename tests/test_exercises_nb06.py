"""Each check of notebook 06's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
import pytest

from utils import exercises


def elman_count(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return D * (h * (d + h + 2) + (num_layers - 1) * h * (D * h + h + 2))


def lstm_count(d, h, num_layers, bidirectional=False):
    return 4 * elman_count(d, h, num_layers, bidirectional)


def lstm_count_one_bias(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return 4 * D * (h * (d + h + 1) + (num_layers - 1) * h * (D * h + h + 1))


RIGHT_AND_WRONG = {
    "06.1": (1 - (7 / 8) ** 10, [(7 / 8) ** 10, 1 - (7 / 8) ** 5]),
    "06.2": (5, [4, 10]),
    "06.3": ("relu", ["tanh"]),
    "06.4": (lstm_count, [elman_count, lstm_count_one_bias]),
    "06.5": ((6, 5, 7), [(3, 5, 14), (6, 7, 5)]),
}


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_right_answer_passes_and_wrong_ones_fail(key, capsys):
    right, wrongs = RIGHT_AND_WRONG[key]
    assert exercises.check(key, right) is True
    for wrong in wrongs:
        assert exercises.check(key, wrong) is False
    assert "Not yet" in capsys.readouterr().out


@pytest.mark.parametrize("key", sorted(RIGHT_AND_WRONG))
def test_silent_on_none(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_every_check_is_tested():
    assert exercises.keys("06") == sorted(RIGHT_AND_WRONG)
