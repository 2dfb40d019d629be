"""The Chinese edition (zh/) is made from gettext catalogs of the English text and never goes stale.

For every English document with a catalog (zh/po/): every markdown cell has a translation, none
is older than its English (fuzzy), none lost a formula, code span or link target, and the
generated Chinese notebook is exactly what tools/translate.py makes: the English notebook's code
cells and saved outputs with the markdown in Chinese, so the English nbval run covers it.

The exercises' checks speak Chinese from zh/po/exercises.po: every template in utils/exercises has
a current translation with the same {placeholders}, and a check run in Chinese prints Chinese.
"""
import ast
import json
import re
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402

TRANSLATED = translate.translated_documents()
GENERATED = [e for e in TRANSLATED if e != translate.EXERCISES]  # the checks' catalog makes no file


def test_progress_is_listed(capsys):
    """Print which documents are translated (`make translate` shows the same list)."""
    translate.status()
    print(capsys.readouterr().out)


@pytest.mark.parametrize("english", TRANSLATED, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_is_complete_and_current(english):
    todo = translate.problems(english)
    assert not todo, "run `make translate` and translate:\n" + "\n".join(todo)


@pytest.mark.parametrize("english", GENERATED, ids=lambda p: str(p.relative_to(ROOT)))
def test_generated_document_is_up_to_date(english):
    out = translate.output_path(english)
    assert out.exists(), f"{out.relative_to(ROOT)} missing: run `make translate`"
    assert out.read_text() == translate.rendered(english), \
        f"{out.relative_to(ROOT)} is not what its catalog gives: run `make translate` (never edit it)"


@pytest.mark.parametrize("english", [e for e in GENERATED if e.suffix == ".ipynb"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_chinese_notebook_shares_code_and_outputs(english):
    ours = json.loads(translate.output_path(english).read_text())["cells"]
    theirs = json.loads(english.read_text())["cells"]
    assert [(c["id"], c["cell_type"]) for c in ours] == [(c["id"], c["cell_type"]) for c in theirs]
    for mine, source in zip(ours, theirs):
        if source["cell_type"] == "code":
            assert mine == source, f"code cell {source['id']} differs from the English one"


def test_no_generated_file_without_a_catalog():
    for folder in translate.FOLDERS:
        for path in (translate.ZH / folder).glob("*.ipynb"):
            english = ROOT / folder / path.name
            assert english.exists() and translate.catalog_path(english).exists(), \
                f"{path.relative_to(ROOT)} has no English source or no catalog"


# ---------------------------------------------------------------- the exercises' checks

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_exercise_catalog_is_complete_and_current():
    """Every template of the checks has a translation, none fuzzy, none lost a placeholder, and the
    catalog holds no current entry for a template the code no longer has."""
    path = translate.catalog_path(translate.EXERCISES)
    assert path.exists(), f"{path.relative_to(ROOT)} missing: run `make translate`"
    todo = translate.problems(translate.EXERCISES)
    assert not todo, "run `make translate ONLY=zh/po/exercises.po` and translate:\n" + "\n".join(todo)
    current = {e.msgid for e in polib.pofile(str(path)) if not e.obsolete}
    assert current == set(translate.exercise_templates()), "run `make translate ONLY=zh/po/exercises.po`"


def test_exercise_translations_keep_their_placeholders():
    catalog = polib.pofile(str(translate.catalog_path(translate.EXERCISES)))
    changed = [f"{e.msgid[:60]!r}: {translate.placeholders(e.msgid)} -> {translate.placeholders(e.msgstr)}"
               for e in catalog if e.msgstr and not e.obsolete
               and translate.placeholders(e.msgstr) != translate.placeholders(e.msgid)]
    assert not changed, "\n".join(changed)


def test_no_check_shadows_the_translator():
    """A check named _ (or a variable _) would hide utils.exercises._ in its module."""
    for path in sorted(translate.EXERCISES.glob("nb*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            assert not (isinstance(node, ast.FunctionDef) and node.name == "_"), f"{path.name}:{node.lineno}"
            assert not (isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)), \
                f"{path.name}:{node.lineno} assigns _"


@pytest.fixture
def chinese(monkeypatch):
    from utils import exercises
    monkeypatch.setenv("GLUON_RNN_LANG", "zh")
    exercises._translations.cache_clear()
    yield exercises
    exercises._translations.cache_clear()


def test_a_check_speaks_chinese(chinese, monkeypatch, capsys):
    assert chinese.check("09.1", 20) is True
    out = capsys.readouterr().out
    assert out.startswith("练习 09.1：正确。") and "几何平均" in out and "20" in out, out
    assert chinese.check("09.1", 52) is False
    out = capsys.readouterr().out
    assert out.startswith("练习 09.1：还不对。") and "52" in out and "perplexities" not in out, out
    assert chinese.check("12.1", 2.5) is False  # a wrong form: the check's own ValueError
    out = capsys.readouterr().out
    assert "答案的形式不对" in out and "整数" in out, out
    monkeypatch.setenv("GLUON_RNN_LANG", "en")
    assert chinese.check("09.1", 20) is True
    assert capsys.readouterr().out.startswith("Exercise 09.1: Right. perplexity is exp")


def test_every_check_speaks_chinese(chinese, capsys):
    """Every answer of tests/test_exercises_nb*.py gets its reason in Chinese: no message is left
    without a template or a translation."""
    from test_exercises import ANSWERS
    english = []
    for pairs in ANSWERS.values():
        for key, (right, wrongs) in pairs.items():
            for answer in [right, *wrongs]:
                chinese.check(key, answer)
                out = capsys.readouterr().out
                reason = out.split("。", 1)[-1]
                if not CHINESE.search(reason):
                    english.append(out.strip())
    assert not english, "\n".join(english)


def test_exercise_templates_follow_the_code(tmp_path, monkeypatch):
    """zh/po/exercises.po has the life cycle of the notebooks' catalogs: an unchanged template
    keeps its translation, a changed one becomes fuzzy with its old English, a new one is empty,
    a removed one obsolete; a translation must keep the placeholders."""
    code = tmp_path / "utils" / "exercises"
    code.mkdir(parents=True)
    for name, value in (("ROOT", tmp_path), ("ZH", tmp_path / "zh"), ("PO", tmp_path / "zh" / "po"),
                        ("README", tmp_path / "README.md"), ("EXERCISES", code)):
        monkeypatch.setattr(translate, name, value)
    module = code / "nb00.py"
    module.write_text(
        'from . import _, exercise\n\n\n@exercise("00.1")\ndef check_1(answer):\n'
        '    if answer:\n        return True, _("the bound is {x:.2f}", x=0.5)\n'
        '    return False, _("the state holds {n} bits, "\n                    "not more", n=2)\n\n\n'
        'def _hint():\n    return _("Gone soon.")\n')
    assert translate.exercise_templates() == {
        "the bound is {x:.2f}": [("utils/exercises/nb00.py", "00.1")],
        "the state holds {n} bits, not more": [("utils/exercises/nb00.py", "00.1")],
        "Gone soon.": [("utils/exercises/nb00.py", "")]}
    translate.main(["--only", "zh/po/exercises.po"])
    path = translate.catalog_path(translate.EXERCISES)
    catalog = polib.pofile(str(path))
    assert [e.msgid for e in catalog] == list(translate.exercise_templates())
    assert catalog[0].occurrences == [("utils/exercises/nb00.py", "")] and catalog[0].comment == "exercise 00.1"
    chinese = {"the bound is {x:.2f}": "界是 {x:.2f}", "the state holds {n} bits, not more": "状态存 {n} 比特，不多",
               "Gone soon.": "即将删除。"}
    for entry in catalog:
        entry.msgstr = chinese[entry.msgid]
    catalog.save()
    assert translate.problems(translate.EXERCISES) == []
    module.write_text(module.read_text().replace("holds {n} bits", "holds {n} bits at most")
                      .replace('"Gone soon."', '"New."'))
    translate.main([])  # make translate: every catalog, the checks' included
    catalog = polib.pofile(str(path))
    assert catalog.find("the bound is {x:.2f}").msgstr == "界是 {x:.2f}"
    changed = catalog.find("the state holds {n} bits at most, not more")
    assert "fuzzy" in changed.flags and changed.previous_msgid == "the state holds {n} bits, not more"
    assert catalog.find("New.").msgstr == ""
    assert [e.msgid for e in catalog.obsolete_entries()] == ["Gone soon."]
    todo = translate.problems(translate.EXERCISES)
    assert len(todo) == 2 and "fuzzy" in todo[0] and "no translation" in todo[1]
    changed.msgstr, changed.flags = "状态最多存 {m} 比特", []
    catalog.find("New.").msgstr = "新的。"
    catalog.save()
    (lost,) = translate.problems(translate.EXERCISES)
    assert "placeholders" in lost and "{m}" in lost and "{n}" in lost
    module.write_text(module.read_text().replace('_("New.")', '_("New." + "!")'))
    with pytest.raises(ValueError, match="string literal"):
        translate.exercise_templates()


# ---------------------------------------------------------------- the catalog's life cycle

def notebook(cells):
    return {"cells": [{"id": i, "cell_type": t, "metadata": {}, "source": s,
                       **({"outputs": [], "execution_count": None} if t == "code" else {})}
                      for i, t, s in cells],
            "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


@pytest.fixture
def sandbox(tmp_path, monkeypatch):
    monkeypatch.setattr(translate, "ROOT", tmp_path)
    monkeypatch.setattr(translate, "ZH", tmp_path / "zh")
    monkeypatch.setattr(translate, "PO", tmp_path / "zh" / "po")
    (tmp_path / "notebooks").mkdir()
    path = tmp_path / "notebooks" / "00_x.ipynb"
    path.write_text(json.dumps(notebook([
        ("a", "markdown", "# Memory"), ("b", "code", "x = 1"),
        ("c", "markdown", "The state $H_t$ keeps `x`."), ("d", "markdown", "Gone soon.")])))
    return path


def translate_all(path, text):
    catalog = polib.pofile(str(translate.catalog_path(path)))
    for entry in catalog:
        entry.msgstr = text[entry.msgid]
    catalog.save()


def test_a_changed_cell_becomes_fuzzy_with_its_old_english(sandbox):
    translate.refresh(sandbox, create=True)
    assert len(translate.problems(sandbox)) == 3  # three cells, none translated
    translate_all(sandbox, {"# Memory": "# 记忆", "The state $H_t$ keeps `x`.": "状态 $H_t$ 保存 `x`。",
                            "Gone soon.": "即将删除。"})
    assert translate.problems(sandbox) == []
    cells = json.loads(sandbox.read_text())
    cells["cells"][2]["source"] = "The hidden state $H_t$ keeps `x`."
    del cells["cells"][3]
    cells["cells"].append({"id": "e", "cell_type": "markdown", "metadata": {}, "source": "New."})
    sandbox.write_text(json.dumps(cells))
    catalog = translate.refresh(sandbox)
    entry = catalog.find("The hidden state $H_t$ keeps `x`.", msgctxt="c")
    assert "fuzzy" in entry.flags and entry.previous_msgid == "The state $H_t$ keeps `x`."
    assert entry.msgstr == "状态 $H_t$ 保存 `x`。"
    assert catalog.find("New.", msgctxt="e").msgstr == ""
    assert [e.msgid for e in catalog.obsolete_entries()] == ["Gone soon."]
    todo = translate.problems(sandbox)
    assert len(todo) == 2 and "fuzzy" in todo[0] and "no translation" in todo[1]


def test_a_translation_must_keep_formulas_and_code(sandbox):
    translate.refresh(sandbox, create=True)
    translate_all(sandbox, {"# Memory": "# 记忆", "The state $H_t$ keeps `x`.": "状态 $h_t$ 保存 x。",
                            "Gone soon.": "即将删除。"})
    (lost,) = translate.problems(sandbox)
    assert "lost" in lost and "$H_t$" in lost and "`x`" in lost


def test_generated_notebook_replaces_only_markdown(sandbox):
    translate.refresh(sandbox, create=True)
    translate_all(sandbox, {"# Memory": "# 记忆", "The state $H_t$ keeps `x`.": "状态 $H_t$ 保存 `x`。",
                            "Gone soon.": "即将删除。"})
    made = translate.translated_notebook(sandbox)
    assert ["".join(c["source"]) for c in made["cells"]] == \
        ["# 记忆", "x = 1", "状态 $H_t$ 保存 `x`。", "即将删除。"]
    assert made["metadata"]["language"] == "zh_CN"


def test_readme_links_are_written_as_seen_from_zh(tmp_path, monkeypatch):
    """zh/README.md: a section anchor goes to its Chinese heading (or the English README), a
    file without a Chinese version to the English one; the Chinese book's landing page sends
    those to the English book's pages or, outside the book, to no link at all."""
    import build_book

    monkeypatch.setattr(translate, "ZH", tmp_path)
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "00_x.ipynb").write_text("{}")
    text = ("见[排错](#troubleshooting)、[锁](#the-lock-file)、[00](notebooks/00_x.ipynb)、"
            "[01](notebooks/01_y.ipynb)、[报告](docs/r.md)、[S](https://x.org)")
    local = translate.localized_links(text, {"troubleshooting": "#故障排除"})
    assert local == ("见[排错](#故障排除)、[锁](../README.md#the-lock-file)、[00](notebooks/00_x.ipynb)、"
                     "[01](../notebooks/01_y.ipynb)、[报告](../docs/r.md)、[S](https://x.org)")
    assert translate.slug("在你的机器上数字一样吗？随机种子与 CPU") == "在你的机器上数字一样吗随机种子与-cpu"
    assert build_book.english_links(local + "[English README](../README.md)") == (
        '见[排错](#故障排除)、锁、[00](notebooks/00_x.ipynb)、'
        '<a href="../notebooks/01_y.html">01</a>、报告、[S](https://x.org)'
        '<a href="../index.html">English README</a>')
