"""Run the notebooks and worked solutions under a grid of seed shifts, CPU code
paths and thread counts; tabulate which asserts hold and how close every
asserted claim came to its bound.

A claim in a notebook is only worth its assert if the assert survives another
seed (``GLUON_RNN_SEED``), another CPU's arithmetic and another thread count.
oneDNN and OpenBLAS choose their kernels by the CPU's instruction set, so the
same seed rounds differently on different machines, and training amplifies the
difference. Environment variables make one machine take another CPU's path:
``DNNL_MAX_CPU_ISA`` caps oneDNN's kernels and ``OPENBLAS_CORETYPE`` picks
OpenBLAS's. ``OMP_NUM_THREADS=1`` is how ``make test`` runs each notebook;
``all`` leaves the thread count to MXNet, as JupyterLab does. Both modes run two
notebooks side by side (``--jobs``), so timing claims also meet a competing process.

Each configuration runs nbval (the same pytest command as ``make test``) and
saves one JSON file in ``docs/robustness-runs/`` (committed): per notebook, pass or its
failing cells, and every ``utils.claim`` the notebooks made (value, bound,
margin). ``--report`` merges every saved run, from this machine or others
copied there, into ``docs/robustness.md``: the grid, and per claim the
smallest, median and largest value with the worst margin.

    python tools/robustness.py                                # the full grid, then the report
    python tools/robustness.py notebooks/05_*.ipynb --shifts 0 1 --paths SSE41 --threads 1
    python tools/robustness.py --missing                      # only what the grid still lacks
    python tools/robustness.py --report                       # only rewrite docs/robustness.md
"""
import argparse
import datetime
import fcntl
import hashlib
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("notebooks", "solutions")
REPORT = ROOT / "docs" / "robustness.md"
RUNS = ROOT / "docs" / "robustness-runs"
SCRATCH = ROOT / "build" / "robustness"
DECISIVE = 0.10  # a claim whose worst margin is below this is flagged

# Named CPU code paths: environment settings that make MXNet's libraries take
# the kernels another CPU would take.
CPU_PATHS: Dict[str, Dict[str, str]] = {
    "default": {},
    "AVX2": {"DNNL_MAX_CPU_ISA": "AVX2"},
    "SSE41": {"DNNL_MAX_CPU_ISA": "SSE41", "OPENBLAS_CORETYPE": "Sandybridge"},
}
THREADS = ("1", "all")
SHIFTS = tuple(range(6))  # GLUON_RNN_SEED values of the full grid


@dataclass(frozen=True)
class Configuration:
    """One run of the notebooks: a seed shift, a CPU path and a thread mode
    (``"1"``: one OpenMP thread per notebook, as ``make test``; ``"all"``: MXNet's
    default thread count, as JupyterLab). Either way two notebooks run side by side."""
    seed_shift: int
    cpu_path: str
    threads: str = "1"

    @property
    def name(self) -> str:
        return f"seed {self.seed_shift}, {self.cpu_path}, {self.threads} thread" + ("s" if self.threads == "all" else "")

    @property
    def key(self) -> str:
        return f"s{self.seed_shift}-{self.cpu_path}-t{self.threads}"

    def environment(self, base: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        if self.cpu_path not in CPU_PATHS:
            raise ValueError(f"cpu_path must be one of {', '.join(CPU_PATHS)}; got {self.cpu_path!r}")
        if self.threads not in THREADS:
            raise ValueError(f"threads must be one of {', '.join(THREADS)}; got {self.threads!r}")
        env = dict(os.environ if base is None else base)
        for variable in ("DNNL_MAX_CPU_ISA", "OPENBLAS_CORETYPE", "OMP_NUM_THREADS", "GLUON_RNN_FULL"):
            env.pop(variable, None)  # GLUON_RNN_FULL: the tests' short version, as in make test
        env.update(CPU_PATHS[self.cpu_path])
        if self.threads == "1":
            env["OMP_NUM_THREADS"] = "1"
        env["GLUON_RNN_SEED"] = str(self.seed_shift)
        return env


def configurations(shifts: Sequence[int], paths: Sequence[str], threads: Sequence[str] = ("1",)) -> List[Configuration]:
    """The cross product of seed shifts, CPU paths and thread modes."""
    if not shifts or not paths or not threads:
        raise ValueError("need at least one seed shift, one CPU path and one thread mode")
    for path in paths:
        if path not in CPU_PATHS:
            raise ValueError(f"CPU path must be one of {', '.join(CPU_PATHS)}; got {path!r}")
    for mode in threads:
        if mode not in THREADS:
            raise ValueError(f"threads must be one of {', '.join(THREADS)}; got {mode!r}")
    for shift in shifts:
        if shift < 0:
            raise ValueError(f"seed shifts must be non-negative; got {shift}")
    return [Configuration(s, p, t) for t, p, s in itertools.product(threads, paths, shifts)]


@dataclass
class Outcome:
    """What one notebook did in one configuration."""
    passed: bool
    failures: List[str] = field(default_factory=list)  # "Cell N: first error line"
    seconds: float = 0.0
    code: str = ""  # code_hash of the notebook that ran
    utils: str = ""  # utils_hash of the helpers it imported

    def cell_text(self) -> str:
        return "pass" if self.passed else "FAIL " + "; ".join(self.failures)


def _error_line(text: str) -> str:
    """The most telling line of an nbval failure: the line IPython marks with
    ``---->`` (the statement that failed), else the assert or the error."""
    text = re.sub(r"(\x1b|#x1B)\[[0-9;]*m", "", text)  # IPython's colours (JUnit writes ESC as #x1B)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines):  # utils.claim names the claim, its value and its bound
        if line.startswith("AssertionError: ") and "does not hold" in line:
            return line[len("AssertionError: "):][:200]
    for line in lines:
        if line.startswith("---->"):
            return line.split(None, 2)[-1][:200]  # drop the arrow and the line number
    for line in reversed(lines):
        if line.startswith(("AssertionError", "assert ")) or "Error:" in line or line.endswith("Error"):
            return line[:200]
    return lines[-1][:200] if lines else "failed"


def notebook_key(classname: str) -> str:
    """JUnit's ``notebooks.05_name.ipynb`` -> ``notebooks/05_name.ipynb``."""
    parts = classname.split(".")
    return "/".join(parts[:-2] + [".".join(parts[-2:])])


def parse_junit(path: Path) -> Dict[str, Outcome]:
    """Read pytest's JUnit XML and return an ``Outcome`` per notebook (keyed by
    ``folder/file``); tests that are not notebook cells are ignored."""
    outcomes: Dict[str, Outcome] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        classname = case.get("classname", "")
        if not classname.endswith(".ipynb"):
            continue
        outcome = outcomes.setdefault(notebook_key(classname), Outcome(passed=True))
        outcome.seconds += float(case.get("time", 0) or 0)
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            outcome.passed = False
            text = (problem.get("message") or "") + "\n" + (problem.text or "")
            outcome.failures.append(f"{case.get('name', '?')}: {_error_line(text)}")
    return outcomes


def code_hash(notebook: Path) -> str:
    """A short hash of a notebook's code cells: a saved run whose hash differs from the
    notebook's now is stale, and the report leaves it out."""
    cells = json.loads(notebook.read_text())["cells"]
    code = "\n\0".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return hashlib.sha256(code.encode()).hexdigest()[:12]


def utils_hash(root: Path = ROOT) -> str:
    """A short hash of the shared helpers (``utils/``, every file): a run made with other
    helpers is still listed, but the report counts it apart (the notebook's own hash cannot
    see a change in a helper it calls)."""
    digest = hashlib.sha256()
    for path in sorted((root / "utils").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def grid_size() -> int:
    """Configurations in the full grid: seed shifts 0-5 x CPU paths x thread modes."""
    return len(SHIFTS) * len(CPU_PATHS) * len(THREADS)


def notebook_paths(root: Path = ROOT) -> List[Path]:
    """Every notebook and worked solution."""
    return sorted(p for folder in FOLDERS for p in (root / folder).glob("*.ipynb"))


def run_file(config: Configuration, cpu: str, runs: Path = RUNS) -> Path:
    """Where the runs of ``config`` on a CPU of model ``cpu`` are saved."""
    return runs / f"{config.key}-{cpu_kind(cpu)}.json"


def notebook_id(notebook: Path) -> str:
    """``folder/file``, the key of a notebook in outcomes and reports."""
    return f"{notebook.parent.name}/{notebook.name}"


def claim_in(name: str, keys) -> bool:
    """Whether the claim called ``name`` belongs to one of the notebooks ``keys``."""
    prefix = claim_notebook(name)
    return prefix is not None and any(k.startswith(prefix) for k in keys)


def claim_notebook(name: str) -> Optional[str]:
    """The notebook a claim belongs to, from its name: ``"05 ..."`` -> ``"notebooks/05"``,
    ``"s05 ..."`` -> ``"solutions/05"`` (a prefix of the notebook's key)."""
    match = re.match(r"(s?)(\d\d)\b", name)
    if not match:
        return None
    return ("solutions/" if match.group(1) else "notebooks/") + match.group(2)


def read_claims(path: Path) -> List[dict]:
    """The JSON lines ``utils.claim`` wrote (none if the file is missing)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def cpu_flags() -> str:
    """The widest vector instructions this CPU has, for the report."""
    try:
        flags = set(next(line for line in Path("/proc/cpuinfo").read_text().splitlines()
                         if line.startswith("flags")).split())
    except (OSError, StopIteration):
        return "unknown"
    best = [name for name, flag in [("AMX", "amx_tile"), ("AVX-512", "avx512f"), ("AVX2", "avx2")]
            if flag in flags]
    return ", ".join(best) or "SSE"


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def run_configuration(config: Configuration, notebooks: Sequence[Path], runs: Path = RUNS,
                      jobs: int = 2, scratch: Path = SCRATCH) -> dict:
    """Run nbval over ``notebooks`` in ``config``; save the run's record in ``runs`` and return it."""
    scratch.mkdir(parents=True, exist_ok=True)
    # per process, so that two runners (other notebooks, the same configuration) never share a file
    stem = f"{config.key}.{os.getpid()}"
    junit, claims = scratch / f"{stem}.xml", scratch / f"{stem}.claims.jsonl"
    for stale in (junit, claims):
        stale.unlink(missing_ok=True)
    # Both thread modes run `jobs` notebooks side by side: the rounding depends on the number of
    # threads each kernel uses, not on whether another notebook shares the cores.
    workers = ["-n", str(jobs), "--dist", "loadfile"] if jobs > 1 else ["-p", "no:xdist"]
    command = [sys.executable, "-m", "pytest", "-q", *workers, f"--junitxml={junit}",
               *map(str, notebooks)]
    hashes = {notebook_id(nb): code_hash(nb) for nb in notebooks}  # the code that runs
    helpers = utils_hash()
    env = config.environment()
    env["GLUON_RNN_CLAIMS"] = str(claims)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    outcomes = parse_junit(junit) if junit.exists() else {}
    for notebook in notebooks:  # a notebook that never reported (crash, collection error)
        if notebook_id(notebook) not in outcomes:
            outcomes[notebook_id(notebook)] = Outcome(False, [f"no result: {_error_line(result.stdout)}"])
    for key, outcome in outcomes.items():
        outcome.code, outcome.utils = hashes.get(key, ""), helpers
    record = {"configuration": asdict(config), "cpu": cpu_model(), "isa": cpu_flags(),
              "commit": commit(), "date": datetime.date.today().isoformat(),
              "seconds": round(time.perf_counter() - start, 1),
              "outcomes": {k: asdict(v) for k, v in sorted(outcomes.items())},
              "claims": read_claims(claims)}
    runs.mkdir(parents=True, exist_ok=True)
    path = run_file(config, record["cpu"], runs)
    with open(runs / ".lock", "w") as lock:  # read, merge and write as one step
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():  # a run of some notebooks replaces theirs and keeps the others'
            record = merge_runs(json.loads(path.read_text()), record)
        path.write_text(json.dumps(record, indent=1))
    return record


def merge_runs(old: dict, new: dict) -> dict:
    """``new`` plus what ``old`` (the same configuration, other notebooks) has that ``new``
    did not run: its outcomes and the claims of those notebooks. Seconds add up."""
    kept = {k: o for k, o in old["outcomes"].items() if k not in new["outcomes"]}
    rerun = set(new["outcomes"])
    claims = [c for c in old["claims"] if not claim_in(c["name"], rerun)]
    merged = dict(new, outcomes=dict(sorted({**kept, **new["outcomes"]}.items())),
                  claims=claims + new["claims"], seconds=round(old["seconds"] + new["seconds"], 1))
    commits = dict.fromkeys(old["commit"].split("+") + [new["commit"]]) if kept else [new["commit"]]
    merged["commit"] = "+".join(commits)
    return merged


def missing(config: Configuration, notebooks: Sequence[Path], runs: Path = RUNS,
            cpu: Optional[str] = None) -> List[Path]:
    """The ``notebooks`` that have no run of their current code in ``config`` on this kind of
    CPU (``cpu``: a CPU model, this machine's by default): what ``--missing`` still has to run."""
    path = run_file(config, cpu or cpu_model(), runs)
    outcomes = json.loads(path.read_text())["outcomes"] if path.exists() else {}
    return [nb for nb in notebooks
            if outcomes.get(notebook_id(nb), {}).get("code") != code_hash(nb)]


def cpu_kind(model: str) -> str:
    """A short name for a CPU model: ``Intel Xeon``, ``AMD EPYC`` ... (used in file names)."""
    words = re.sub(r"\(R\)|\(TM\)|Processor|CPU|\d+-Core", " ", model).split()
    return "-".join(words[:2]) or "cpu"


def load_runs(folder: Path, root: Path = ROOT) -> List[dict]:
    """The saved runs, each without its stale parts: a notebook whose code changed since the
    run (or that no longer exists), and the claims of such notebooks."""
    current = {notebook_id(nb): code_hash(nb) for nb in notebook_paths(root)}
    helpers = utils_hash(root)
    runs = []
    for path in sorted(folder.glob("*.json")):
        run = json.loads(path.read_text())
        fresh = {k: o for k, o in run["outcomes"].items() if current.get(k) == o.get("code")}
        run["stale"] = sorted(set(run["outcomes"]) - set(fresh))
        run["outcomes"] = fresh
        run["old_utils"] = sorted(k for k, o in fresh.items() if o.get("utils") != helpers)
        run["claims"] = [c for c in run["claims"] if claim_in(c["name"], fresh)]
        if fresh:
            runs.append(run)
    return runs


def column_name(run: dict) -> str:
    c = run["configuration"]
    return f"{c['seed_shift']}·{c['cpu_path']}·{c['threads']}"


def summarize_claims(runs: Sequence[dict]) -> List[dict]:
    """One row per claim name over every run: count, min / median / max value, worst margin,
    and how many runs it failed in."""
    by_name: Dict[str, List[dict]] = {}
    for run in runs:
        for record in run["claims"]:
            by_name.setdefault(record["name"], []).append(record)
    rows = []
    for name, records in sorted(by_name.items()):
        values = [r["value"] for r in records]
        worst = min(records, key=lambda r: r["margin"])
        rows.append({"name": name, "relation": worst["relation"], "bound": worst["bound"],
                     "runs": len(records), "min": min(values), "median": statistics.median(values),
                     "max": max(values), "worst_margin": worst["margin"],
                     "failed": sum(not r["passed"] for r in records)})
    return rows


def _number(x: float) -> str:
    return f"{x:.3g}" if abs(x) < 1e4 else f"{x:.2e}"


def format_report(runs: Sequence[dict], notebooks: Sequence[str] = ()) -> str:
    """The Markdown report: what ran where, the grid (notebook x configuration), the claims.
    ``notebooks``: the ids of every notebook the grid should cover (default: those that ran)."""
    if not runs:
        return "# Robustness of the asserted claims\n\nNo run has been recorded yet.\n"
    order = {path: i for i, path in enumerate(CPU_PATHS)}
    runs = sorted(runs, key=lambda r: (r["cpu"], r["configuration"]["threads"], r["configuration"]["seed_shift"],
                                       order.get(r["configuration"]["cpu_path"], 99)))
    lines = ["# Robustness of the asserted claims", "",
             "Generated by `make robustness` (`tools/robustness.py`) from the runs saved in "
             "`docs/robustness-runs/`; do not edit by hand. Each configuration runs every notebook "
             "and worked solution under nbval, as `make test` does, with a seed shift "
             "(`GLUON_RNN_SEED`), a CPU code path (`default`; `AVX2`: `DNNL_MAX_CPU_ISA=AVX2`; "
             "`SSE41`: `DNNL_MAX_CPU_ISA=SSE41`, `OPENBLAS_CORETYPE=Sandybridge`) and a thread mode "
             "(`1`: `OMP_NUM_THREADS=1`, as `make test`; `all`: MXNet's default thread count, as "
             "JupyterLab), two notebooks side by side. A column is named "
             "*shift·path·threads*.", ""]
    failed_cells = sum(not o["passed"] for r in runs for o in r["outcomes"].values())
    notebooks_run = sum(len(r["outcomes"]) for r in runs)
    passed = {}  # per CPU and notebook: configurations with a passing run
    for r in runs:
        for nb, o in r["outcomes"].items():
            passed.setdefault((r["cpu"], nb), set()).update([column_name(r)] if o["passed"] else [])
    claims = summarize_claims(runs)
    lines += ["## Summary", ""]
    cpus = sorted({r["cpu"] for r in runs})
    for cpu in cpus:
        mine = [r for r in runs if r["cpu"] == cpu]
        lines.append(f"- {cpu} ({mine[0]['isa']}): {len(mine)} configurations, "
                     f"{sum(r['seconds'] for r in mine) / 60:.0f} min in all, commits "
                     f"{', '.join(sorted({c for r in mine for c in r['commit'].split('+')}))}, "
                     f"{min(r['date'] for r in mine)} to {max(r['date'] for r in mine)}.")
    lines.append(f"- {notebooks_run - failed_cells} of {notebooks_run} notebook runs passed; "
                 f"{failed_cells} failed.")
    everything = sorted(set(notebooks) | {nb for r in runs for nb in r["outcomes"]})
    for cpu in cpus:
        done = [len(passed.get((cpu, nb), ())) for nb in everything]
        whole = sum(n >= grid_size() for n in done)
        lines.append(f"- The full grid ({grid_size()} configurations) on {cpu}: {sum(done)} of "
                     f"{grid_size() * len(everything)} notebook runs pass; {whole} of "
                     f"{len(everything)} notebooks pass in every configuration.")
    if len(cpus) > 1:  # the code a notebook has now, through the whole grid on one CPU or another
        anywhere = sum(any(len(passed.get((cpu, nb), ())) >= grid_size() for cpu in cpus)
                       for nb in everything)
        lines.append(f"- {anywhere} of {len(everything)} notebooks pass in every configuration "
                     f"on at least one of these {len(cpus)} CPUs.")
    old_utils = sum(len(r.get("old_utils", [])) for r in runs)
    if old_utils:
        lines.append(f"- {old_utils} of these runs used an earlier `utils/` (or predate its "
                     "hash being recorded); the notebook's own code was as it is now.")
    stale = sum(len(r.get("stale", [])) for r in runs)
    if stale:
        lines.append(f"- Left out: {stale} notebook runs of code that has changed since (see "
                     "`docs/robustness-runs/`); their notebooks count only where they ran again.")
    if claims:
        closest = min(claims, key=lambda c: c["worst_margin"])
        flagged = [c for c in claims if c["worst_margin"] < DECISIVE]
        lines.append(f"- {len(claims)} claims recorded; the closest: *{closest['name'].replace('|', chr(92) + '|')}*, worst margin "
                     f"{closest['worst_margin']:.2f}. Claims with a worst margin below "
                     f"{DECISIVE:.2f} (not yet decisive): {len(flagged)}.")
    lines.append("")
    for cpu in cpus:
        mine = [r for r in runs if r["cpu"] == cpu]
        lines += [f"## The grid on {cpu}", "",
                  f"| notebook | of {grid_size()} | " + " | ".join(column_name(r) for r in mine) + " |",
                  "|---|---|" + "---|" * len(mine)]
        for nb in everything:
            cells = []
            for r in mine:
                o = r["outcomes"].get(nb)
                cells.append("–" if o is None else "pass" if o["passed"] else
                             "**FAIL** " + "; ".join(o["failures"]).replace("|", "\\|"))
            lines.append(f"| {nb} | {len(passed.get((cpu, nb), ()))} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += ["## The claims and their margins", "",
              "Every `utils.claim` the notebooks made, over every run above: the value's smallest, "
              "median and largest, and the worst margin, the distance of the worst value from the "
              f"bound as a fraction of the bound (negative: it failed). Below {DECISIVE:.2f} a claim "
              "is flagged ⚠: it holds, but a new machine could fail it.", "",
              "| claim | bound | runs | min | median | max | worst margin | failed |",
              "|---|---|---|---|---|---|---|---|"]
    for c in claims:
        flag = " ⚠" if c["worst_margin"] < DECISIVE else ""
        lines.append(f"| {c['name'].replace('|', chr(92) + '|')} | {c['relation']} {_number(c['bound'])} | {c['runs']} | "
                     f"{_number(c['min'])} | {_number(c['median'])} | {_number(c['max'])} | "
                     f"{c['worst_margin']:.2f}{flag} | {c['failed']} |")
    return "\n".join(lines) + "\n"


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to run (default: every notebook and worked solution)")
    parser.add_argument("--shifts", type=int, nargs="+", default=list(SHIFTS),
                        help="values of GLUON_RNN_SEED (default: 0 to 5)")
    parser.add_argument("--paths", nargs="+", default=list(CPU_PATHS), choices=list(CPU_PATHS),
                        help="CPU code paths (default: all three)")
    parser.add_argument("--threads", nargs="+", default=list(THREADS), choices=list(THREADS),
                        help="thread modes (default: 1 all)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks side by side in thread mode 1")
    parser.add_argument("--runs", type=Path, default=RUNS, help="where runs are saved and read")
    parser.add_argument("--missing", action="store_true",
                        help="in each configuration, run only the notebooks with no saved run of "
                             "their current code on this CPU (resume a grid across sessions)")
    parser.add_argument("--report", action="store_true",
                        help="run nothing: write docs/robustness.md from the saved runs")
    args = parser.parse_args(argv)
    if not args.report:
        notebooks = [p.resolve() for p in args.notebooks] or notebook_paths()
        failed = 0
        for config in configurations(args.shifts, args.paths, args.threads):
            todo = missing(config, notebooks, args.runs) if args.missing else notebooks
            if not todo:
                continue
            start = time.perf_counter()
            record = run_configuration(config, todo, args.runs, args.jobs)
            ran = {notebook_id(nb) for nb in todo}
            bad = [nb for nb, o in record["outcomes"].items() if nb in ran and not o["passed"]]
            failed += len(bad)
            print(f"{config.name}: {len(todo) - len(bad)}/{len(todo)} pass "
                  f"({time.perf_counter() - start:.0f} s)" + (f"; FAIL {', '.join(bad)}" if bad else ""), flush=True)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(format_report(load_runs(args.runs), [notebook_id(p) for p in notebook_paths()]))
    print(f"wrote {REPORT.relative_to(ROOT)}")
    return 0 if args.report or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
