"""Run the notebooks under several seed shifts and CPU code paths, and tabulate
which asserts hold.

A claim in a notebook is only worth its assert if the assert survives another
seed (``GLUON_RNN_SEED``) and another CPU's arithmetic. oneDNN and OpenBLAS
choose their kernels by the CPU's instruction set, so the same seed rounds
differently on different machines and training amplifies the difference.
Environment variables make one machine take another CPU's code path:
``DNNL_MAX_CPU_ISA`` caps oneDNN's kernels and ``OPENBLAS_CORETYPE`` picks
OpenBLAS's.

Each configuration runs nbval (the same ``pytest`` command as ``make test``)
over the chosen notebooks; the table says, per notebook and configuration,
``pass`` or the first failing cell with its error line. It is printed and
written to ``build/robustness/`` as Markdown and CSV.

    python tools/robustness.py                       # shifts 0 1 2 x paths default AVX2
    python tools/robustness.py --paths default SSE41 --busy notebooks/05_*.ipynb
"""
import argparse
import csv
import itertools
import multiprocessing
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]

# Named CPU code paths: environment settings that make MXNet's libraries take
# the kernels another CPU would take.
CPU_PATHS: Dict[str, Dict[str, str]] = {
    "default": {},
    "AVX2": {"DNNL_MAX_CPU_ISA": "AVX2"},
    "SSE41": {"DNNL_MAX_CPU_ISA": "SSE41", "OPENBLAS_CORETYPE": "Sandybridge"},
}


@dataclass(frozen=True)
class Configuration:
    """One run of the notebooks: a seed shift, a CPU path, and whether a busy
    process competes for the CPU."""
    seed_shift: int
    cpu_path: str
    busy: bool = False

    @property
    def name(self) -> str:
        return f"seed {self.seed_shift}, {self.cpu_path}" + (", busy" if self.busy else "")

    def environment(self, base: Optional[Dict[str, str]] = None) -> Dict[str, str]:
        if self.cpu_path not in CPU_PATHS:
            raise ValueError(f"cpu_path must be one of {', '.join(CPU_PATHS)}; got {self.cpu_path!r}")
        env = dict(os.environ if base is None else base)
        for variable in ("DNNL_MAX_CPU_ISA", "OPENBLAS_CORETYPE"):
            env.pop(variable, None)
        env.update(CPU_PATHS[self.cpu_path])
        env["GLUON_RNN_SEED"] = str(self.seed_shift)
        env.pop("GLUON_RNN_FULL", None)  # the tests' short version, as in make test
        return env


def configurations(shifts: Sequence[int], paths: Sequence[str], busy: bool) -> List[Configuration]:
    """The cross product of seed shifts and CPU paths; with ``busy``, one more
    configuration (the first shift and path) with a competing process."""
    if not shifts or not paths:
        raise ValueError("need at least one seed shift and one CPU path")
    for path in paths:
        if path not in CPU_PATHS:
            raise ValueError(f"CPU path must be one of {', '.join(CPU_PATHS)}; got {path!r}")
    for shift in shifts:
        if shift < 0:
            raise ValueError(f"seed shifts must be non-negative; got {shift}")
    configs = [Configuration(s, p) for s, p in itertools.product(shifts, paths)]
    if busy:
        configs.append(Configuration(shifts[0], paths[0], busy=True))
    return configs


@dataclass
class Outcome:
    """What one notebook did in one configuration."""
    passed: bool
    failures: List[str] = field(default_factory=list)  # "cell N: first error line"
    seconds: float = 0.0

    def cell_text(self) -> str:
        return "pass" if self.passed else "FAIL " + "; ".join(self.failures)


def _error_line(text: str) -> str:
    """The most telling line of an nbval failure: the line IPython marks with
    ``---->`` (the statement that failed), else the assert or the error."""
    text = re.sub(r"(\x1b|#x1B)\[[0-9;]*m", "", text)  # IPython's colours (JUnit writes ESC as #x1B)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if line.startswith("---->"):
            return line.split(None, 2)[-1][:200]  # drop the arrow and the line number
    for line in reversed(lines):
        if line.startswith(("AssertionError", "assert ")) or "Error:" in line or line.endswith("Error"):
            return line[:200]
    return lines[-1][:200] if lines else "failed"


def parse_junit(path: Path) -> Dict[str, Outcome]:
    """Read pytest's JUnit XML and return an ``Outcome`` per notebook file
    (keyed by file name); non-notebook tests are ignored."""
    outcomes: Dict[str, Outcome] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        classname = case.get("classname", "")  # "notebooks.05_name.ipynb" for nbval's cells
        if not classname.endswith(".ipynb"):
            continue
        name = ".".join(classname.split(".")[-2:])
        outcome = outcomes.setdefault(name, Outcome(passed=True))
        outcome.seconds += float(case.get("time", 0) or 0)
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            outcome.passed = False
            text = (problem.get("message") or "") + "\n" + (problem.text or "")
            outcome.failures.append(f"{case.get('name', '?')}: {_error_line(text)}")
    return outcomes


def _spin():  # a competing process: one core kept busy
    while True:
        pass


def run_configuration(config: Configuration, notebooks: Sequence[Path], out_dir: Path) -> Dict[str, Outcome]:
    """Run nbval over ``notebooks`` in ``config`` and return the outcomes."""
    junit = out_dir / f"junit_seed{config.seed_shift}_{config.cpu_path}{'_busy' if config.busy else ''}.xml"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", f"--junitxml={junit}",
               *map(str, notebooks)]
    spinner = multiprocessing.Process(target=_spin, daemon=True) if config.busy else None
    if spinner:
        spinner.start()
    try:
        result = subprocess.run(command, cwd=ROOT, env=config.environment(),
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    finally:
        if spinner:
            spinner.terminate()
            spinner.join()
    outcomes = parse_junit(junit) if junit.exists() else {}
    for notebook in notebooks:  # a notebook that never reported (crash, collection error)
        if notebook.name not in outcomes:
            outcomes[notebook.name] = Outcome(False, [f"no result: {_error_line(result.stdout)}"])
    return outcomes


def format_table(results: Dict[Configuration, Dict[str, Outcome]]) -> str:
    """A Markdown table: one row per notebook, one column per configuration."""
    configs = list(results)
    notebooks = sorted({nb for outcomes in results.values() for nb in outcomes})
    header = "| notebook | " + " | ".join(c.name for c in configs) + " |"
    rule = "|---|" + "---|" * len(configs)
    rows = [header, rule]
    for nb in notebooks:
        cells = [results[c][nb].cell_text() if nb in results[c] else "not run" for c in configs]
        rows.append(f"| {nb} | " + " | ".join(cells) + " |")
    failures = sum(not o.passed for outcomes in results.values() for o in outcomes.values())
    runs = sum(len(outcomes) for outcomes in results.values())
    rows.append("")
    rows.append(f"{runs - failures} passed, {failures} failed")
    return "\n".join(rows)


def cpu_summary() -> str:
    """The machine, in one line, for the table's caption."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} logical CPUs"


def write_results(results: Dict[Configuration, Dict[str, Outcome]], caption: str, out: Path) -> None:
    """Write the table (Markdown) and one row per notebook and configuration (CSV) to ``out``."""
    (out / "robustness.md").write_text(caption + "\n\n" + format_table(results) + "\n")
    with open(out / "robustness.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["notebook", "seed_shift", "cpu_path", "busy", "passed", "seconds", "failures"])
        for config, outcomes in results.items():
            for nb, o in sorted(outcomes.items()):
                writer.writerow([nb, config.seed_shift, config.cpu_path, config.busy, o.passed,
                                 f"{o.seconds:.1f}", " | ".join(o.failures)])


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="notebooks to run (default: every notebook)")
    parser.add_argument("--shifts", type=int, nargs="+", default=[0, 1, 2],
                        help="values of GLUON_RNN_SEED (default: 0 1 2)")
    parser.add_argument("--paths", nargs="+", default=["default", "AVX2"], choices=sorted(CPU_PATHS),
                        help="CPU code paths (default: default AVX2)")
    parser.add_argument("--busy", action="store_true",
                        help="add a run of the first shift and path with a competing busy process")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "robustness")
    args = parser.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    args.out.mkdir(parents=True, exist_ok=True)
    results: Dict[Configuration, Dict[str, Outcome]] = {}
    caption = f"Robustness of the notebooks' asserts on {cpu_summary()}."
    for config in configurations(args.shifts, args.paths, args.busy):
        start = time.perf_counter()
        results[config] = run_configuration(config, notebooks, args.out)
        failed = sum(not o.passed for o in results[config].values())
        print(f"{config.name}: {len(notebooks) - failed}/{len(notebooks)} notebooks pass "
              f"({time.perf_counter() - start:.0f} s)", flush=True)
        write_results(results, caption, args.out)  # after every configuration: a long run can be read early
    table = format_table(results)
    print(caption)
    print(table)
    return 0 if all(o.passed for outcomes in results.values() for o in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
