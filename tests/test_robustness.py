"""The robustness runner's parts that run in a second: configurations, the
JUnit reading, stale runs and the report."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import robustness  # noqa: E402

JUNIT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">
<testcase classname="notebooks.05_gradients.ipynb" name="Cell 0" time="1.5" />
<testcase classname="notebooks.05_gradients.ipynb" name="Cell 7" time="2.0">
  <failure message="Cell 7 failed">Traceback (most recent call last):
  File "x", line 3, in &lt;module&gt;
    assert mse &lt; 0.5 * baseline
AssertionError: IRNN with clipping 0.128</failure></testcase>
<testcase classname="solutions.05_gradients.ipynb" name="Cell 2" time="0.5">
  <failure message="Cell 2 failed">----&gt; 4 utils.claim("s05 ratio", r, "&lt;", 2.0)
AssertionError: s05 ratio: 2.1 &lt; 2 does not hold</failure></testcase>
<testcase classname="notebooks.00_sequences.ipynb" name="Cell 0" time="0.5" />
<testcase classname="tests.test_tasks" name="test_parity" time="0.1" />
</testsuite></testsuites>"""


def test_configurations_cross_shifts_paths_and_threads():
    configs = robustness.configurations([0, 1, 2], ["default", "AVX2"], ["1", "all"])
    assert len(configs) == 12 and len(set(configs)) == 12
    assert [c.name for c in configs[:2]] == ["seed 0, default, 1 thread", "seed 1, default, 1 thread"]
    assert configs[-1].name == "seed 2, AVX2, all threads" and configs[-1].key == "s2-AVX2-tall"
    with pytest.raises(ValueError, match="CPU path"):
        robustness.configurations([0], ["AVX9"])
    with pytest.raises(ValueError, match="shift"):
        robustness.configurations([-1], ["default"])
    with pytest.raises(ValueError, match="threads"):
        robustness.configurations([0], ["default"], ["2"])


def test_environment_sets_seed_path_threads_and_drops_full_mode():
    base = {"PATH": "/bin", "DNNL_MAX_CPU_ISA": "AVX512_CORE", "GLUON_RNN_FULL": "1", "OMP_NUM_THREADS": "7"}
    env = robustness.Configuration(2, "SSE41", "1").environment(base)
    assert env["GLUON_RNN_SEED"] == "2" and env["PATH"] == "/bin" and env["OMP_NUM_THREADS"] == "1"
    assert env["DNNL_MAX_CPU_ISA"] == "SSE41" and env["OPENBLAS_CORETYPE"] == "Sandybridge"
    assert "GLUON_RNN_FULL" not in env
    env = robustness.Configuration(0, "default", "all").environment(base)
    assert "DNNL_MAX_CPU_ISA" not in env and "OMP_NUM_THREADS" not in env


def test_parse_junit_keys_by_folder_and_names_the_failing_claim(tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(JUNIT)
    outcomes = robustness.parse_junit(path)
    assert set(outcomes) == {"notebooks/05_gradients.ipynb", "solutions/05_gradients.ipynb",
                             "notebooks/00_sequences.ipynb"}
    assert outcomes["notebooks/00_sequences.ipynb"].passed
    failed = outcomes["notebooks/05_gradients.ipynb"]
    assert not failed.passed and failed.seconds == pytest.approx(3.5)
    assert failed.failures == ["Cell 7: AssertionError: IRNN with clipping 0.128"]
    assert outcomes["solutions/05_gradients.ipynb"].failures == ["Cell 2: s05 ratio: 2.1 < 2 does not hold"]


def test_error_line_prefers_the_statement_ipython_marks():
    text = ("\x1b[32m     10\x1b[39m assert tdnn.min() > 0.97\n"
            "\x1b[32m----> \x1b[39m\x1b[32m11\x1b[39m assert seen > unseen + 0.15\n"
            "\x1b[31mAssertionError\x1b[39m: ")
    assert robustness._error_line(text) == "assert seen > unseen + 0.15"


def _notebook(path, code):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": [code]}]}))


def _run(shift, outcomes, claims):
    return {"configuration": {"seed_shift": shift, "cpu_path": "default", "threads": "1"},
            "cpu": "Test CPU", "isa": "AVX2", "commit": "abc", "date": "2026-12-04", "seconds": 60.0,
            "outcomes": outcomes, "claims": claims}


def test_report_leaves_out_stale_runs_and_flags_close_claims(tmp_path):
    nb = tmp_path / "notebooks" / "05_gradients.ipynb"
    _notebook(nb, "x = 1")
    (tmp_path / "solutions").mkdir()
    fresh = robustness.code_hash(nb)
    claims = [{"name": "05 clipped", "value": v, "relation": "<", "bound": 0.125,
               "margin": (0.125 - v) / 0.125, "passed": v < 0.125} for v in (0.03, 0.12)]
    runs = tmp_path / "runs"
    runs.mkdir()
    ok = {"passed": True, "failures": [], "seconds": 50.0, "code": fresh}
    (runs / "a.json").write_text(json.dumps(_run(0, {"notebooks/05_gradients.ipynb": ok}, claims[:1])))
    (runs / "b.json").write_text(json.dumps(_run(1, {"notebooks/05_gradients.ipynb": ok}, claims[1:])))
    old = dict(ok, code="0" * 12, passed=False, failures=["Cell 7: stale failure"])
    (runs / "c.json").write_text(json.dumps(_run(2, {"notebooks/05_gradients.ipynb": old},
                                                 [dict(claims[0], value=0.5, passed=False)])))
    loaded = robustness.load_runs(runs, root=tmp_path)
    assert len(loaded) == 2  # the run of other code is stale
    rows = robustness.summarize_claims(loaded)
    assert len(rows) == 1 and rows[0]["runs"] == 2 and rows[0]["failed"] == 0
    assert rows[0]["min"] == 0.03 and rows[0]["max"] == 0.12
    assert rows[0]["worst_margin"] == pytest.approx(0.04)
    report = robustness.format_report(loaded, ["notebooks/05_gradients.ipynb"])
    assert "| notebooks/05_gradients.ipynb | 2 | pass | pass |" in report
    assert "| 05 clipped | < 0.125 | 2 | 0.03 | 0.075 | 0.12 | 0.04 ⚠ | 0 |" in report
    assert "2 of 2 notebook runs passed; 0 failed" in report
    assert "full grid (36 configurations) on Test CPU: 2 of 36 notebook runs pass; 0 of 1" in report
    assert "2 of these runs used an earlier `utils/`" in report  # the saved runs carry no utils hash
    assert "stale failure" not in report


def test_report_counts_notebooks_whose_whole_grid_passed_on_some_cpu():
    ok = {"passed": True, "failures": [], "seconds": 5.0, "code": "a"}
    a, b = "notebooks/00_a.ipynb", "notebooks/01_b.ipynb"
    runs = []
    for config in robustness.configurations(robustness.SHIFTS, list(robustness.CPU_PATHS), robustness.THREADS):
        one = _run(config.seed_shift, {a: ok}, [])
        one["configuration"] = {"seed_shift": config.seed_shift, "cpu_path": config.cpu_path,
                                "threads": config.threads}
        other = dict(one, cpu="Other CPU", outcomes={b: ok} if config.seed_shift else {a: ok, b: ok})
        runs += [one, other]
    report = robustness.format_report(runs, [a, b, "notebooks/02_c.ipynb"])
    assert "on Test CPU: 36 of 108 notebook runs pass; 1 of 3 notebooks" in report
    assert "on Other CPU: 42 of 108 notebook runs pass; 1 of 3 notebooks" in report
    assert "- 2 of 3 notebooks pass in every configuration on at least one of these 2 CPUs." in report
    assert "at least one of these" not in robustness.format_report(runs[::2], [a, b])


def test_claims_map_to_their_notebook():
    assert robustness.claim_notebook("05 clipped IRNN") == "notebooks/05"
    assert robustness.claim_notebook("s04 lag accuracy") == "solutions/04"
    assert robustness.claim_notebook("clipped") is None


def test_a_partial_rerun_replaces_only_its_notebooks():
    ok = {"passed": True, "failures": [], "seconds": 5.0, "code": "a"}
    bad = dict(ok, passed=False, failures=["Cell 4: s02 x: 0.2 < 0.1 does not hold"])
    old = _run(1, {"solutions/02_narx.ipynb": bad, "notebooks/05_g.ipynb": ok},
               [{"name": "s02 x", "value": 0.2}, {"name": "05 y", "value": 1.0}])
    new = _run(1, {"solutions/02_narx.ipynb": ok}, [{"name": "s02 x", "value": 0.05}])
    merged = robustness.merge_runs(old, new)
    assert merged["outcomes"] == {"notebooks/05_g.ipynb": ok, "solutions/02_narx.ipynb": ok}
    assert merged["claims"] == [{"name": "05 y", "value": 1.0}, {"name": "s02 x", "value": 0.05}]
    assert merged["seconds"] == 120.0


def test_the_committed_report_is_generated_from_the_committed_runs():
    """docs/robustness.md is what the saved runs give for the notebooks as they are now: after
    a notebook's code changes, `make robustness-report` (or a rerun) must regenerate it."""
    expected = robustness.format_report(robustness.load_runs(robustness.RUNS),
                                        [robustness.notebook_id(p) for p in robustness.notebook_paths()])
    assert robustness.REPORT.read_text() == expected, "run `make robustness-report` and commit it"


def test_missing_lists_what_a_configuration_has_not_run_at_the_current_code(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    cells = {"cells": [{"cell_type": "code", "source": ["x = 1"]}]}
    done, changed, new = (folder / f"{n}.ipynb" for n in ("a", "b", "c"))
    for nb in (done, changed, new):
        nb.write_text(json.dumps(cells))
    config = robustness.Configuration(2, "AVX2", "1")
    outcome = {"passed": True, "failures": [], "seconds": 1.0}
    saved = {"outcomes": {"notebooks/a.ipynb": dict(outcome, code=robustness.code_hash(done)),
                          "notebooks/b.ipynb": dict(outcome, code="an old hash")}}
    (tmp_path / "s2-AVX2-t1-Intel-Xeon.json").write_text(json.dumps(saved))
    assert robustness.missing(config, [done, changed, new], tmp_path, "Intel(R) Xeon(R) Processor") == [changed, new]
    assert robustness.missing(config, [done], tmp_path, "AMD EPYC 7B13") == [done]  # another CPU kind
    other = robustness.Configuration(2, "AVX2", "all")
    assert robustness.missing(other, [done], tmp_path, "Intel(R) Xeon(R) Processor") == [done]


def test_utils_hash_follows_every_helper_file(tmp_path):
    (tmp_path / "utils" / "exercises").mkdir(parents=True)
    (tmp_path / "utils" / "training.py").write_text("def fit(): pass\n")
    (tmp_path / "utils" / "exercises" / "checks.json").write_text("{}")
    before = robustness.utils_hash(tmp_path)
    assert robustness.utils_hash(tmp_path) == before
    (tmp_path / "utils" / "exercises" / "checks.json").write_text('{"a": 1}')
    assert robustness.utils_hash(tmp_path) != before
