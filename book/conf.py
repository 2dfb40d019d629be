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

# The Chinese book's search index splits words with jieba; keep its start-up chatter quiet.
try:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
except ImportError:
    pass
