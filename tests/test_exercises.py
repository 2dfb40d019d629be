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


# Every notebook's answers: tests/test_exercises_nbNN.py holds RIGHT (key -> the right answer)
# and WRONG (key -> plausible wrong answers), or RIGHT_AND_WRONG (key -> (right, wrongs)),
# plus the tests particular to that notebook; the tests below hold for every check.
def _answers():
    import importlib
    from pathlib import Path
    table = {}
    for path in sorted(Path(__file__).parent.glob("test_exercises_nb*.py")):
        module = importlib.import_module(path.stem)
        pairs = getattr(module, "RIGHT_AND_WRONG", None)
        if pairs is None:
            pairs = {key: (module.RIGHT[key], module.WRONG.get(key, [])) for key in module.RIGHT}
        table[path.stem[-2:]] = pairs
    return table


ANSWERS = _answers()
KEYS = [key for pairs in ANSWERS.values() for key in pairs]


@pytest.mark.parametrize("notebook", sorted(ANSWERS))
def test_every_check_has_a_right_and_a_wrong_answer(notebook):
    assert exercises.keys(notebook) == sorted(ANSWERS[notebook])
    assert all(wrongs for right, wrongs in ANSWERS[notebook].values())


def test_every_notebook_has_three_checked_exercises():
    from pathlib import Path
    notebooks = sorted(p.name[:2] for p in (Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))
    assert {nb: len(exercises.keys(nb)) >= 3 for nb in notebooks} == {nb: True for nb in notebooks}


@pytest.mark.parametrize("key", KEYS)
def test_right_answer_passes(key, capsys):
    right, _ = ANSWERS[key[:2]][key]
    assert exercises.check(key, right) is True
    assert "Right" in capsys.readouterr().out


@pytest.mark.parametrize("key, answer", [(key, wrong) for key in KEYS
                                         for wrong in ANSWERS[key[:2]][key][1]])
def test_wrong_answer_fails_with_a_reason(key, answer, capsys):
    assert exercises.check(key, answer) is False
    out = capsys.readouterr().out
    assert "Not yet" in out and len(out) > 40


@pytest.mark.parametrize("key", KEYS)
def test_silent_while_unanswered(key, capsys):
    assert exercises.check(key, None) is None
    assert capsys.readouterr().out == ""


def test_checks_speak_the_notebooks_language(tmp_path, monkeypatch, capsys):
    from utils import exercises

    monkeypatch.delenv("GLUON_RNN_LANG", raising=False)
    assert exercises.language() == "en"
    (tmp_path / "zh" / "notebooks").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "zh" / "notebooks")  # a kernel runs in its notebook's folder
    assert exercises.language() == "zh"
    exercises._translations.cache_clear()
    monkeypatch.setattr(exercises, "_translations", lambda: {"{n} is too big": "{n} 太大了"})
    assert exercises._("{n} is too big", n=3) == "3 太大了"
    assert exercises._("no translation yet") == "no translation yet"  # English until translated
    monkeypatch.setenv("GLUON_RNN_LANG", "en")
    assert exercises._("{n} is too big", n=3) == "3 is too big"
    monkeypatch.setenv("GLUON_RNN_LANG", "fr")
    with pytest.raises(ValueError, match="GLUON_RNN_LANG"):
        exercises.language()
