"""Build the book, a static website of the collection, from the committed notebooks.

    python tools/build_book.py [--out build/book] [--lang en|zh|all]

Nothing is executed: every page shows the outputs saved in its notebook, so the
build takes seconds. The landing page is made from the README (its first
paragraph, the table of notebooks and the learning path); the notebooks follow in
order, then the worked solutions when a solutions/ folder exists. Sphinx reads a
source tree assembled in build/book-src/; its settings are in book/conf.py.

The Chinese book (build/book/zh/) is built the same way from the generated Chinese
notebooks in zh/ (tools/translate.py) whenever there are any, with Chinese full-text
search (Sphinx splits Chinese words with jieba); each landing page links the other.
"""
import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "book"
SOURCE = ROOT / "build" / "book-src"
SECTIONS = ("notebooks", "solutions")  # folders of notebooks that become book sections
ZH = ROOT / "zh"  # the Chinese edition's generated notebooks (tools/translate.py)


def readme_section(readme: str, heading: str) -> str:
    """Return the body of the README section ``## heading`` (up to the next ``## ``)."""
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if match is None:
        raise ValueError(f"README.md has no section '## {heading}'")
    return match.group(1).strip()


def first_paragraph(readme: str) -> str:
    """Return the paragraph under the README's title."""
    body = readme.split("\n", 1)[1].strip()
    return body.split("\n\n", 1)[0].strip()


def toctree(caption: str, folder: str) -> str:
    return f"```{{toctree}}\n:caption: {caption}\n:maxdepth: 1\n:glob:\n\n{folder}/*\n```\n"


def has_chinese() -> bool:
    return any((ZH / folder).glob("*.ipynb") for folder in SECTIONS)


def landing_page(readme: str, has_solutions: bool) -> str:
    """The book's index.md: what the collection is, the notebooks, how to read them."""
    parts = [
        "# Recurrent neural networks with MXNet Gluon",
        first_paragraph(readme),
        *(['<p lang="zh"><a href="zh/index.html">中文版</a></p>'] if has_chinese() else []),
        "## The notebooks",
        readme_section(readme, "The notebooks"),
        "## Learning path",
        readme_section(readme, "Learning path"),
    ]
    if has_solutions:
        parts += ["## Worked solutions",
                  "Each notebook's exercises are worked in a solutions notebook of the same "
                  "number, listed under *Worked solutions* in the navigation."]
    parts += [
        "## Running the notebooks",
        "This book shows every notebook with the outputs it was committed with; nothing "
        "runs here. To run them, clone the repository and type `make lab` (see its "
        "README). Licence: the code is MIT-licensed, the text and figures CC BY-SA 4.0.",
        toctree("Notebooks", "notebooks"),
    ]
    if has_solutions:
        parts.append(toctree("Worked solutions", "solutions"))
    return "\n\n".join(parts) + "\n"


def landing_page_zh(has_solutions: bool) -> str:
    """The Chinese book's index.md: the translated README when there is one, then the notebooks."""
    readme = ZH / "README.md"
    body = readme.read_text().split("\n", 2)[2] if readme.exists() else (
        "这是 gluon-rnn-notebooks 的中文版：用 MXNet Gluon 讲解循环神经网络的一组 Jupyter 笔记本。"
        "代码单元和输出与英文版相同，只有文字是中文。下面列出已经译成中文的笔记本。")
    parts = ["# 用 MXNet Gluon 学循环神经网络",
             '<p lang="en"><a href="../index.html">English</a></p>',
             english_links(body).strip(),
             toctree("笔记本", "notebooks")]
    if has_solutions:
        parts.append(toctree("习题解答", "solutions"))
    return "\n\n".join(parts) + "\n"


def english_links(markdown: str) -> str:
    """The Chinese README's links to English-only files (``](../...)``) as the Chinese book needs
    them: an English notebook goes to its page in the English book, the README to the English
    landing page, anything else the book does not hold (docs/, the English README's other
    sections) keeps its text without a link. (myst would make each a dead ``#../`` anchor.)"""
    def link(match):
        text, target = match.group(1), match.group(2)
        page = re.fullmatch(r"\.\./(notebooks|solutions)/([\w-]+)\.ipynb", target)
        if page:
            return f'<a href="../{page[1]}/{page[2]}.html">{text}</a>'
        if target == "../README.md":
            return f'<a href="../index.html">{text}</a>'
        return text
    return re.sub(r"\[([^\]]+)\]\((\.\./[^)\s]+)\)", link, markdown)


def write_if_changed(path: Path, text: str) -> None:
    """Write ``text``, leaving the file (and its time stamp) alone when it is unchanged."""
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def prepare_sources(source: Path = SOURCE, lang: str = "en") -> list:
    """Assemble the Sphinx source tree; return the notebooks it holds, in book order."""
    source.mkdir(parents=True, exist_ok=True)
    pages = []
    for folder in SECTIONS:
        notebooks = sorted(((ZH if lang == "zh" else ROOT) / folder).glob("*.ipynb"))
        target = source / folder
        if target.exists():
            shutil.rmtree(target)
        if notebooks:
            target.mkdir()
        for notebook in notebooks:
            shutil.copy2(notebook, target / notebook.name)  # keeps mtimes: rebuilds stay incremental
            pages.append(f"{folder}/{notebook.name}")
    readme = (ROOT / "README.md").read_text()
    has_solutions = any(page.startswith("solutions/") for page in pages)
    index = landing_page_zh(has_solutions) if lang == "zh" else landing_page(readme, has_solutions)
    write_if_changed(source / "index.md", index)
    return pages


def build(out: Path = OUT, quiet: bool = True, lang: str = "all") -> Path:
    """Build the book into ``out`` (the Chinese one into ``out/zh``, when there are Chinese
    notebooks and ``lang`` is "all" or "zh") and return the path of its landing page."""
    if lang not in ("en", "zh", "all"):
        raise ValueError(f"lang must be 'en', 'zh' or 'all', not {lang!r}")
    index = None
    if lang in ("en", "all"):
        index = build_one(out, SOURCE, "en", quiet)
    if lang == "zh" or (lang == "all" and has_chinese()):
        zh_index = build_one(out / "zh", SOURCE.with_name("book-src-zh"), "zh", quiet)
        index = index or zh_index
    return index


def build_one(out: Path, source: Path, lang: str, quiet: bool) -> Path:
    """Build one language's book from the source tree ``source`` into ``out``."""
    # jsonschema (imported by nbformat) checks the "iri" format when rfc3987_syntax is
    # importable, which compiles a grammar for seconds; notebooks have no such field, so
    # the book is built without it (about half of an up-to-date build's time).
    sys.modules.setdefault("rfc3987_syntax", None)
    from sphinx.cmd.build import build_main

    pages = prepare_sources(source, lang)
    if not pages:
        raise ValueError(f"no notebooks found for the {lang} book")
    args = ["-b", "html", "-c", str(ROOT / "book"), "-d", str(source.with_name(source.name + "-doctrees")),
            str(source), str(out)]
    if lang == "zh":
        args += ["-D", "language=zh_CN", "-D", "html_title=用 MXNet Gluon 学循环神经网络"]
    if quiet:
        args.insert(0, "-q")
    status = build_main(args)
    if status:
        raise RuntimeError(f"sphinx-build failed with status {status}")
    return out / "index.html"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default build/book)")
    parser.add_argument("--verbose", action="store_true", help="print Sphinx's progress")
    parser.add_argument("--lang", choices=("en", "zh", "all"), default="all",
                        help="which book: English, Chinese, or both (default; Chinese when translated)")
    args = parser.parse_args(argv)
    try:
        index = build(args.out.resolve(), quiet=not args.verbose, lang=args.lang)
    except (ValueError, RuntimeError) as error:
        print(f"build_book: {error}", file=sys.stderr)
        return 1
    print(f"The book is in {index.parent}/ (open {index.relative_to(ROOT) if index.is_relative_to(ROOT) else index}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
