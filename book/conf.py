"""Sphinx configuration of the book (`make book`, see tools/build_book.py).

The book is built from the committed notebooks and their saved outputs: nothing is
executed. Everything a page needs ships in the build: the furo theme loads no web
fonts or scripts from the internet, and sphinx-mathjax-offline copies MathJax 3 into
_static/mathjax/, so the mathematics renders without a network (tests/test_book.py
checks both in headless Chromium).
"""
project = "gluon-rnn-notebooks"
author = "the gluon-rnn-notebooks authors"
copyright = "the gluon-rnn-notebooks authors; text and figures CC BY-SA 4.0, code MIT"
html_title = "Recurrent neural networks with MXNet Gluon"

extensions = [
    "myst_nb",  # reads .ipynb and .md; renders the saved outputs
    "sphinx-mathjax-offline",  # MathJax 3.2.2 copied into the book; sets mathjax_path
]

root_doc = "index"
exclude_patterns = ["**.ipynb_checkpoints"]

# Never run a notebook: the book shows the outputs committed with it.
nb_execution_mode = "off"
nb_merge_streams = True
# Jupyter-style markdown: $...$ and $$...$$ maths, \begin{aligned} blocks.
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

html_theme = "furo"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": True,
}

# The Chinese book's search index splits words with jieba. Every term of the glossary
# (zh/GLOSSARY.md, the column this collection uses) is added to jieba's dictionary, so that
# a reader who searches for 遗忘门 finds it instead of 遗忘 and a dropped 门.
import logging
import re
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "zh" / "GLOSSARY.md"


def glossary_terms(text: str) -> list:
    """The Chinese terms of the glossary's terms table (its second column), split at '/',
    with bracketed glosses as terms of their own; only runs of Chinese characters."""
    section = text.split("## 术语", 1)[-1].split("\n## ", 1)[0]
    terms = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or set(cells[0]) <= {"-", " ", ""} or cells[0] == "English":
            continue
        for part in re.split(r"[/（）()]", cells[1]):
            terms += re.findall(r"[\u4e00-\u9fff]{2,}", part)
    return list(dict.fromkeys(terms))


try:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if GLOSSARY.exists():
        for term in glossary_terms(GLOSSARY.read_text(encoding="utf-8")):
            jieba.add_word(term)
except ImportError:
    pass


def setup(app):
    """Sphinx 9.0 writes `window.Stemmer = ChineseStemmer` into the Chinese book's
    language_data.js, but ships only the English stemmer it means (sphinx-doc/sphinx#14229,
    fixed upstream after 9.0.4): search stops with a ReferenceError. The Chinese search
    language below writes the same stemmer code with the class it defines."""
    from sphinx.search import _MINIFIED_JS_PATH
    from sphinx.search.zh import SearchChinese

    class ChineseSearch(SearchChinese):
        js_stemmer_rawcode = None  # use js_stemmer_code below
        js_stemmer_code = "\n".join((
            (_MINIFIED_JS_PATH / "base-stemmer.js").read_text(encoding="utf-8"),
            (_MINIFIED_JS_PATH / SearchChinese.js_stemmer_rawcode).read_text(encoding="utf-8"),
            "window.Stemmer = EnglishStemmer;",
        ))

    app.add_search_language(ChineseSearch)
