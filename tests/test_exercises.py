import pytest

from utils import exercises


@pytest.fixture
def toy_check():
    key = "99.1"
    exercises._CHECKS.pop(key, None)

    @exercises.exercise(key)
    def _(answer):
        return exercises.close(answer, 0.5, 0.01), "the expected accuracy is 1/2"
    yield key
    exercises._CHECKS.pop(key, None)


def test_silent_while_unanswered(toy_check, capsys):
    assert exercises.check(toy_check, None) is None
    assert capsys.readouterr().out == ""


def test_right_and_wrong_answers_say_why(toy_check, capsys):
    assert exercises.check(toy_check, 0.5) is True
    assert "Right" in capsys.readouterr().out
    assert exercises.check(toy_check, 0.9) is False
    out = capsys.readouterr().out
    assert "Not yet" in out and "1/2" in out
    assert exercises.check(toy_check, "half") is False  # wrong form, no traceback
    assert "wrong form" in capsys.readouterr().out


def test_unknown_exercise_is_an_error():
    with pytest.raises(KeyError):
        exercises.check("98.7", None)


def test_a_check_cannot_be_registered_twice(toy_check):
    with pytest.raises(ValueError):
        exercises.exercise(toy_check)(lambda answer: (True, ""))
