"""The Chinese edition (zh/) is made from gettext catalogs of the English text and never goes stale.

For every English document with a catalog (zh/po/): every markdown cell has a translation, none
is older than its English (fuzzy), none lost a formula, code span or link target, and the
generated Chinese notebook is exactly what tools/translate.py makes: the English notebook's code
cells and saved outputs with the markdown in Chinese, so the English nbval run covers it.
"""
import json
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import translate  # noqa: E402

TRANSLATED = translate.translated_documents()


def test_progress_is_listed(capsys):
    """Print which documents are translated (`make translate` shows the same list)."""
    translate.status()
    print(capsys.readouterr().out)


@pytest.mark.parametrize("english", TRANSLATED, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_is_complete_and_current(english):
    todo = translate.problems(english)
    assert not todo, "run `make translate` and translate:\n" + "\n".join(todo)


@pytest.mark.parametrize("english", TRANSLATED, ids=lambda p: str(p.relative_to(ROOT)))
def test_generated_document_is_up_to_date(english):
    out = translate.output_path(english)
    assert out.exists(), f"{out.relative_to(ROOT)} missing: run `make translate`"
    assert out.read_text() == translate.rendered(english), \
        f"{out.relative_to(ROOT)} is not what its catalog gives: run `make translate` (never edit it)"


@pytest.mark.parametrize("english", [e for e in TRANSLATED if e.suffix == ".ipynb"],
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
