"""The Chinese edition: gettext catalogs of the English text, and the notebooks made from them.

    python tools/translate.py            # refresh every catalog from the English, list what needs work
    python tools/translate.py --start notebooks/00_sequences_and_memory.ipynb   # open a new catalog
    python tools/translate.py --generate # write zh/notebooks, zh/solutions, zh/README.md
    python tools/translate.py --generate --only notebooks/03_elman_network.ipynb   # just these
    python tools/translate.py --only zh/po/exercises.po   # just the checks' messages

The English notebooks and README are the source. Each translated document has a catalog,
``zh/po/<folder>/<name>.po`` (``zh/po/README.po`` for the README), with one entry per
markdown cell: ``msgctxt`` is the cell's id, ``msgid`` its English source, ``msgstr`` the
Chinese. Translators edit the catalogs (any gettext editor, e.g. Poedit, or a text editor).

Refreshing a catalog (what ``make translate`` does) keeps every translation whose English is
unchanged; when a cell's English changed, its old translation is kept but marked *fuzzy*, with
the old English as ``#| msgid`` so the translator sees what changed; new cells get an empty
entry; entries of deleted cells become obsolete (``#~``). A catalog is *complete* when no entry
is empty or fuzzy. ``--generate`` writes the Chinese notebook of each complete catalog: the
English notebook with its markdown cells replaced, code cells and saved outputs untouched. The
generated files are never edited by hand; tests/test_translations.py fails when one is out of
date, a catalog is incomplete, or a translation lost a formula, a code span or a link.

The messages of the exercises' checks have one catalog, ``zh/po/exercises.po``: every check
writes its message as ``_("template {x:.2f}", x=...)`` (utils/exercises), and each refresh (the
run without ``--only``, or ``--only zh/po/exercises.po``) collects the first string argument of
every call to ``_`` in ``utils/exercises/*.py`` into it, with the same life cycle (unchanged,
fuzzy, new, obsolete). A translation keeps the template's ``{placeholders}``; the checks read
the catalog when they run, so nothing is generated from it.
"""
import argparse
import ast
import copy
import difflib
import json
import re
import string
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
ZH = ROOT / "zh"
PO = ZH / "po"
FOLDERS = ("notebooks", "solutions")
README = ROOT / "README.md"
EXERCISES = ROOT / "utils" / "exercises"  # the checks' messages: zh/po/exercises.po
TRANSLATOR = "_"                          # utils.exercises._, the checks' translation function
# README sections a reader needs; those for contributors (the lock, contributing) stay English.
README_SECTIONS = ("Start (two commands)", "The notebooks", "Learning path", "Read it as a book",
                   "Running on a GPU", "Teaching with it", "Same numbers on your machine? Seeds and CPUs",
                   "Troubleshooting", "Gluon pitfalls the notebooks run into")
# What a translation must carry over unchanged: formulas and code spans (either may wrap onto a
# second line, as markdown allows), link targets.
KEPT = re.compile(r"\$\$.*?\$\$|\$[^$\n]+(?:\n[^$\n]+)?\$|`[^`\n]+(?:\n[^`\n]+)?`|\]\([^)\s]+\)", re.S)



def kept(text: str) -> set:
    """The formulas, code spans and link targets of ``text``, with a line break inside one
    counted as a space (a translation may rewrap the line)."""
    return {" ".join(span.split()) for span in KEPT.findall(text)}
def english_documents() -> list:
    """Every English document that can be translated, in book order."""
    docs = [p for folder in FOLDERS for p in sorted((ROOT / folder).glob("*.ipynb"))]
    return docs + [README, EXERCISES]


def catalog_path(english: Path) -> Path:
    if english == README:
        return PO / "README.po"
    if english == EXERCISES:
        return PO / "exercises.po"
    return PO / english.parent.name / (english.stem + ".po")


def output_path(english: Path) -> Path:
    if english == README:
        return ZH / "README.md"
    return ZH / english.parent.name / english.name


def readme_blocks(text: str) -> list:
    """The README's reader-facing sections split into blocks (paragraphs, lists, tables, code
    blocks): [(context, English)], the context naming the section."""
    blocks = []
    for section in re.split(r"(?m)^(?=## )", text):
        if not section.startswith("## "):  # the introduction under the title (the title is fixed)
            blocks += [("README: introduction", block) for block in split_blocks(section)
                       if not block.startswith("# ")]
            continue
        title = section.splitlines()[0][3:].strip()
        if title not in README_SECTIONS:
            continue
        for block in split_blocks(section):
            blocks.append((f"README: {title}", block))
    return blocks


def split_blocks(text: str) -> list:
    """Split markdown at blank lines, keeping fenced code blocks whole."""
    blocks, current, fenced = [], [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append("\n".join(current))
                current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def exercise_templates(folder: Path = None) -> dict:
    """The message templates of the exercises' checks, in the order of the code: the first
    argument of every call ``_(...)`` in ``folder/*.py`` (default utils/exercises), a string
    literal. Returns {template: [(file, exercise key or "")]}, the key of the check it is in."""
    folder = EXERCISES if folder is None else folder
    found = {}
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        where = {}  # node -> the key of the check (a function decorated with @exercise("NN.k"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef):
                keys = [d.args[0].value for d in function.decorator_list
                        if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "exercise"
                        and d.args and isinstance(d.args[0], ast.Constant)]
                for node in ast.walk(function):
                    where.setdefault(node, keys[0] if keys else "")
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id == TRANSLATOR]
        for call in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
            first = call.args[0] if call.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                raise ValueError(f"{path.relative_to(ROOT)}:{call.lineno}: the first argument of "
                                 f"{TRANSLATOR}() must be a string literal (the template)")
            place = (str(path.relative_to(ROOT)), where.get(call, ""))
            if place not in found.setdefault(first.value, []):
                found[first.value].append(place)
    return found


def placeholders(template: str) -> list:
    """The ``{fields}`` of a str.format template, with their conversions and format specs."""
    return sorted("{%s%s%s}" % (name, "!" + conversion if conversion else "", ":" + spec if spec else "")
                  for _, name, spec, conversion in string.Formatter().parse(template) if name is not None)


def segments(english: Path) -> list:
    """[(context, English text)] of a document: its markdown cells (context: the cell's id)."""
    if english == README:
        return readme_blocks(english.read_text())
    if english == EXERCISES:
        return [(None, template) for template in exercise_templates()]
    cells = json.loads(english.read_text())["cells"]
    missing = [i for i, c in enumerate(cells) if "id" not in c]
    if missing:
        raise ValueError(f"{english.name}: cells {missing} have no id (save it with nbformat >= 4.5)")
    return [(c["id"], "".join(c["source"])) for c in cells
            if c["cell_type"] == "markdown" and "".join(c["source"]).strip()]


def refresh(english: Path, create: bool = False) -> polib.POFile:
    """Bring a document's catalog up to date with its English (see the module's docstring)."""
    path = catalog_path(english)
    if not path.exists() and not create:
        raise ValueError(f"{english.relative_to(ROOT)} has no catalog; open one with --start")
    old = polib.pofile(str(path)) if path.exists() else polib.POFile()
    by_text = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete}
    by_context = {}
    for e in old:
        if e.msgstr and not e.obsolete:
            by_context.setdefault(e.msgctxt, e)
    new = polib.POFile(wrapwidth=0)
    new.metadata = old.metadata or {
        "Project-Id-Version": "gluon-rnn-notebooks",
        "Language": "zh_CN",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    pairs = list(dict.fromkeys(segments(english)))  # a block repeated in one section: one entry
    exact = [by_text.get(pair) for pair in pairs]
    used = {id(e) for e in exact if e is not None}
    for (context, text), same in zip(pairs, exact):
        entry = polib.POEntry(msgctxt=context, msgid=text, msgstr="")
        if same is not None:
            entry.msgstr, entry.flags = same.msgstr, list(same.flags)
            entry.previous_msgid = same.previous_msgid if "fuzzy" in same.flags else None
        else:  # changed English: keep the old translation, marked fuzzy, with the old English
            was = by_context.get(context) if context and not context.startswith("README") else None
            if was is None or id(was) in used:  # README, exercises, or a cell whose id changed
                was = closest(text, [e for e in old if e.msgstr and id(e) not in used])
            if was is not None:
                entry.msgstr, entry.flags, entry.previous_msgid = was.msgstr, ["fuzzy"], was.msgid
                used.add(id(was))
        new.append(entry)
    if english == EXERCISES:  # where each template is used, for the translator
        for entry, places in zip(new, exercise_templates().values()):
            entry.occurrences = [(file, "") for file in dict.fromkeys(f for f, _ in places)]
            keys = [key for _, key in places if key]
            entry.comment = "exercise " + ", ".join(keys) if keys else ""
    for e in old:
        if id(e) not in used and e.msgstr:
            e.obsolete = True
            new.append(e)
    path.parent.mkdir(parents=True, exist_ok=True)
    new.save(str(path))
    return new


def closest(text: str, entries: list):
    """The entry whose English is most like ``text`` (at least 60 % alike), or None."""
    best, best_ratio = None, 0.6
    for entry in entries:
        ratio = difflib.SequenceMatcher(None, text, entry.msgid, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = entry, ratio
    return best


def problems(english: Path) -> list:
    """What stops a catalog from being complete and faithful: one line per entry."""
    catalog = polib.pofile(str(catalog_path(english)))
    current = {(e.msgctxt, e.msgid): e for e in catalog if not e.obsolete}
    found = []
    for context, text in segments(english):
        entry = current.get((context, text))
        where = f"{catalog_path(english).relative_to(ROOT)}{f' [{context}]' if context else ''} {text[:50]!r}"
        if entry is None or not entry.msgstr:
            found.append(f"{where}: no translation")
        elif "fuzzy" in entry.flags:
            found.append(f"{where}: the English changed after it was translated (fuzzy)")
        elif english == EXERCISES:
            if placeholders(entry.msgstr) != placeholders(text):
                found.append(f"{where}: the translation has the placeholders "
                             f"{placeholders(entry.msgstr)}, the English {placeholders(text)}")
        else:
            lost = sorted(kept(text) - kept(entry.msgstr))
            if lost:
                found.append(f"{where}: the translation lost {lost[:3]}")
    return found


def translated_notebook(english: Path) -> dict:
    """The English notebook with its markdown cells in Chinese (code and outputs unchanged)."""
    catalog = polib.pofile(str(catalog_path(english)))
    text = {(e.msgctxt, e.msgid): e.msgstr for e in catalog if not e.obsolete}
    notebook = copy.deepcopy(json.loads(english.read_text()))
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and source.strip():
            cell["source"] = text[(cell["id"], source)].splitlines(keepends=True)
    notebook["metadata"]["language"] = "zh_CN"
    notebook["metadata"]["generated_from"] = str(english.relative_to(ROOT))
    return notebook


def translated_readme() -> str:
    catalog = polib.pofile(str(catalog_path(README)))
    text = {(e.msgctxt, e.msgid): e.msgstr for e in catalog if not e.obsolete}
    parts = ["<!-- Generated by tools/translate.py from README.md and zh/po/README.po: "
             "edit the catalog, not this file. -->",
             "# gluon-rnn-notebooks：用 MXNet Gluon 学循环神经网络", ""]
    blocks = [(context, block, text[(context, block)]) for context, block in readme_blocks(README.read_text())]
    # A link to a translated section goes to its Chinese heading; one to an English-only section
    # goes to the English README.
    anchors = {slug(block.splitlines()[0][3:]): "#" + slug(chinese.splitlines()[0].lstrip("# "))
               for _, block, chinese in blocks if block.startswith("## ")}
    for _, _, chinese in blocks:
        parts += [localized_links(chinese, anchors), ""]
    parts += ["[English README](../README.md)", ""]
    return "\n".join(parts)


def slug(title: str) -> str:
    """A heading's anchor as GitHub (and myst's ``myst_heading_anchors``) makes it."""
    return re.sub(r"[^\w\u4e00-\u9fff\- ]", "", title.strip().lower().replace(" ", "-"))


def localized_links(chinese: str, anchors: dict) -> str:
    """The README's links as seen from zh/README.md: a section anchor goes to the Chinese heading
    (or the English README's section), a file without a Chinese version to the English file."""
    def local(match):
        target = match.group(1)
        if target.startswith("#"):
            return f"]({anchors.get(target[1:], '../README.md' + target)})"
        if re.match(r"[a-z]+:", target) or target.startswith("../") or (ZH / target.split("#")[0]).exists():
            return match.group(0)
        return f"](../{target})"
    return re.sub(r"\]\(([^)\s]+)\)", local, chinese)


def rendered(english: Path) -> str:
    """The generated Chinese document's text, exactly as --generate writes it."""
    if english == README:
        return translated_readme()
    return json.dumps(translated_notebook(english), indent=1, ensure_ascii=False) + "\n"


def translated_documents() -> list:
    """English documents that have a catalog."""
    return [e for e in english_documents() if catalog_path(e).exists()]


def status() -> int:
    """Print, per English document, how much of it is translated; return the open entries."""
    open_entries = 0
    for english in english_documents():
        name = english.relative_to(ROOT)
        if not catalog_path(english).exists():
            print(f"  not started  {name}")
            continue
        todo = problems(english)
        open_entries += len(todo)
        total = len(segments(english))
        print(f"  {total - len(todo):3d}/{total:<3d}     {name}")
        for line in todo:
            print(f"      {line}")
    return open_entries


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=Path, nargs="*", default=[],
                        help="English documents whose catalogs to create")
    parser.add_argument("--generate", action="store_true",
                        help="write the Chinese document of every complete catalog")
    parser.add_argument("--only", type=Path, nargs="*", default=[],
                        help="refresh and write only these English documents, or the documents of "
                             "these catalogs (zh/po/exercises.po: the checks' messages); default: all")
    args = parser.parse_args(argv)
    by_catalog = {catalog_path(e).resolve(): e for e in english_documents()}
    only = {by_catalog.get(path, path) for path in ((ROOT / p).resolve() for p in args.only)}
    for english in args.start:
        refresh((ROOT / english).resolve(), create=True)
    if not only or EXERCISES in only:  # the checks' catalog follows the code, no --start needed
        refresh(EXERCISES, create=True)
    chosen = [e for e in translated_documents() if (not only or e in only) and e != EXERCISES]
    for english in chosen:
        refresh(english)
    if args.generate:
        for english in chosen:
            if problems(english):
                print(f"skipped {english.relative_to(ROOT)}: its catalog is not complete")
                continue
            out = output_path(english)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(rendered(english))
            print(f"wrote {out.relative_to(ROOT)}")
    open_entries = status()
    started, total = len(translated_documents()), len(english_documents())
    print(f"{started} of {total} documents have a catalog; "
          f"{open_entries} of their entries need work")
    return 0


if __name__ == "__main__":
    sys.exit(main())
