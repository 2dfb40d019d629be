"""Every notebook is committed executed, in order, and keeps the house rules."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FORBIDDEN = {
    "npx.set_np": "the collection uses the mx.nd API (Gluon cells reject np arrays)",
    "mx.gpu(": "choose the context with utils.get_context / start_notebook",
    "mx.cpu(": "choose the context with utils.get_context / start_notebook",
    "urlopen": "notebooks must not download at run time",
    "d2l.download": "notebooks must not download at run time",
    "np.random.default_rng(": "use utils.rng(seed), which GLUON_RNN_SEED shifts",
    "mx.random.seed(": "use utils.set_seed(seed), which GLUON_RNN_SEED shifts",
}


def code_cells(path):
    cells = json.loads(path.read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code"]


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_name_is_numbered(path):
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_with_outputs_in_order(path):
    cells = [c for c in code_cells(path) if "".join(c["source"]).strip()]
    counts = [c["execution_count"] for c in cells]
    assert None not in counts, f"{path.name} has cells that were never run"
    assert counts == list(range(1, len(counts) + 1)), \
        f"{path.name} was not run top to bottom in one go: {counts}"
    assert any(c["outputs"] for c in cells), f"{path.name} has no outputs"
    errors = [o for c in cells for o in c["outputs"] if o.get("output_type") == "error"]
    assert not errors, f"{path.name} was saved with an error output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_house_rules(path):
    source = "\n".join("".join(c["source"]) for c in code_cells(path))
    for needle, why in FORBIDDEN.items():
        assert needle not in source, f"{path.name} uses {needle}: {why}"
    assert source.count("start_notebook(") == 1, \
        f"{path.name} must seed and pick its device once, with utils.start_notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_listed_in_readme(path):
    assert path.name in (ROOT / "README.md").read_text()


CLAIM = re.compile(r"utils\.claim\(\s*(f?)([\"'])(.*?)\2")


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((ROOT / "solutions").glob("*.ipynb")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_claims_are_named_after_their_notebook(path):
    """The robustness report keys each claim by its name and finds its notebook by the
    name's prefix: "05 ..." in notebooks/05_*, "s05 ..." in solutions/05_*."""
    prefix = ("s" if path.parent.name == "solutions" else "") + path.name[:2] + " "
    source = "\n".join("".join(c["source"]) for c in code_cells(path))
    for is_f, _, name in CLAIM.findall(source):
        assert name.startswith(prefix), f"{path.name}: claim {name!r} must start with {prefix!r}"


# One notebook is one lecture: the main line (everything before the "Exercises" heading) holds
# at most LECTURE_WORDS words of prose and reads in at most LECTURE_MINUTES minutes. Prose words
# are counted with the mathematics, code spans, links' targets and HTML tags taken out (a Chinese
# character counts as one word); reading time allows 150 words a minute for technical prose,
# half a minute for each display equation and each code cell (read, run, look at the output).
LECTURE_WORDS = 2500
LECTURE_MINUTES = 45
EXERCISES = re.compile(r"#+\s*(?:\d+\.?\s*)?(?:Exercises|练习)\b")
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", re.S)
INLINE = re.compile(r"\$[^$\n]+\$|`[^`\n]*`|<[^>\n]+>|\]\([^)\s]*\)")
WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’-][A-Za-z0-9]+)*|[\u3400-\u9fff]")


def lecture_size(path):
    """(prose words, display equations, code cells) of the notebook's main line."""
    words = equations = code = 0
    for cell in json.loads(path.read_text())["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            if EXERCISES.match(text.strip()):
                break
            equations += len(DISPLAY_MATH.findall(text))
            words += len(WORD.findall(INLINE.sub(" ", DISPLAY_MATH.sub(" ", text))))
        elif text.strip():
            code += 1
    return words, equations, code


def reading_minutes(words, equations, code):
    return words / 150 + 0.5 * (equations + code)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_fits_one_lecture(path):
    words, equations, code = lecture_size(path)
    minutes = reading_minutes(words, equations, code)
    print(f"{path.name}: {words} words, {equations} display equations, {code} code cells "
          f"before the exercises: about {minutes:.0f} minutes")
    assert words <= LECTURE_WORDS, \
        f"{path.name}: {words} words before the exercises (lecture budget {LECTURE_WORDS}); " \
        "move what is not the main line to an appendix after the exercises"
    assert minutes <= LECTURE_MINUTES, \
        f"{path.name}: about {minutes:.0f} minutes of reading (budget {LECTURE_MINUTES})"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_readme_reading_time_is_the_estimate(path):
    """The README's reading column is this estimate, give or take two minutes of prose edits."""
    row = re.search(rf"^\| [^|]+ \| \[{re.escape(path.name)}\][^\n]*\| ~(\d+) min \|", (ROOT / "README.md").read_text(), re.M)
    assert row, f"README.md: no '~N min' reading time in the row of {path.name}"
    minutes = reading_minutes(*lecture_size(path))
    assert abs(int(row.group(1)) - minutes) <= 2, \
        f"README.md says ~{row.group(1)} min for {path.name}; the estimate is {minutes:.0f} min"
