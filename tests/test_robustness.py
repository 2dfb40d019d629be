"""The robustness runner's parts that run in a second: configurations, the
JUnit reading and the table."""
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
<testcase classname="notebooks.00_sequences.ipynb" name="Cell 0" time="0.5" />
<testcase classname="tests.test_tasks" name="test_parity" time="0.1" />
</testsuite></testsuites>"""


def test_configurations_cross_shifts_and_paths():
    configs = robustness.configurations([0, 1, 2], ["default", "AVX2"], busy=True)
    assert len(configs) == 7
    assert configs[-1] == robustness.Configuration(0, "default", busy=True)
    assert [c.name for c in configs[:2]] == ["seed 0, default", "seed 0, AVX2"]
    with pytest.raises(ValueError, match="CPU path"):
        robustness.configurations([0], ["AVX9"], busy=False)
    with pytest.raises(ValueError, match="shift"):
        robustness.configurations([-1], ["default"], busy=False)


def test_environment_sets_seed_and_path_and_drops_full_mode():
    base = {"PATH": "/bin", "DNNL_MAX_CPU_ISA": "AVX512_CORE", "GLUON_RNN_FULL": "1"}
    env = robustness.Configuration(2, "SSE41").environment(base)
    assert env["GLUON_RNN_SEED"] == "2" and env["PATH"] == "/bin"
    assert env["DNNL_MAX_CPU_ISA"] == "SSE41" and env["OPENBLAS_CORETYPE"] == "Sandybridge"
    assert "GLUON_RNN_FULL" not in env
    assert "DNNL_MAX_CPU_ISA" not in robustness.Configuration(0, "default").environment(base)


def test_parse_junit_names_the_failing_cell_and_assert(tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(JUNIT)
    outcomes = robustness.parse_junit(path)
    assert set(outcomes) == {"05_gradients.ipynb", "00_sequences.ipynb"}
    assert outcomes["00_sequences.ipynb"].passed
    failed = outcomes["05_gradients.ipynb"]
    assert not failed.passed and failed.seconds == pytest.approx(3.5)
    assert failed.failures == ["Cell 7: AssertionError: IRNN with clipping 0.128"]


def test_table_has_a_column_per_configuration_and_a_total(tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(JUNIT)
    outcomes = robustness.parse_junit(path)
    configs = robustness.configurations([0, 1], ["default"], busy=False)
    table = robustness.format_table({configs[0]: outcomes, configs[1]: {"00_sequences.ipynb": outcomes["00_sequences.ipynb"]}})
    lines = table.splitlines()
    assert lines[0] == "| notebook | seed 0, default | seed 1, default |"
    assert "| 05_gradients.ipynb | FAIL Cell 7: AssertionError: IRNN with clipping 0.128 | not run |" in lines
    assert lines[-1] == "2 passed, 1 failed"


def test_error_line_prefers_the_statement_ipython_marks():
    text = ("\x1b[32m     10\x1b[39m assert tdnn.min() > 0.97\n"
            "\x1b[32m----> \x1b[39m\x1b[32m11\x1b[39m assert seen > unseen + 0.15\n"
            "\x1b[31mAssertionError\x1b[39m: ")
    assert robustness._error_line(text) == "assert seen > unseen + 0.15"
