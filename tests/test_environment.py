"""The environment files agree, and setup stops early on unsupported Pythons."""
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pins_in_requirements():
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def pins_in_environment_yml():
    text = (ROOT / "environment.yml").read_text()
    pip_block = text.split("- pip:", 1)[1]
    pins = re.findall(r"^\s+-\s+(\S+==\S+)\s*$", pip_block, flags=re.M)
    return sorted(pins)


def test_requirements_and_environment_yml_pin_the_same_packages():
    assert pins_in_requirements(), "requirements.txt lists no pins"
    assert pins_in_requirements() == pins_in_environment_yml()
    assert re.search(r"^\s+- python=3\.11\s*$", (ROOT / "environment.yml").read_text(), re.M)


def test_every_requirement_is_pinned_and_numpy_fits_mxnet():
    pins = dict(line.split("==") for line in pins_in_requirements())
    assert pins["mxnet"] == "1.9.1"
    major, minor = map(int, pins["numpy"].split(".")[:2])
    assert (major, minor) < (1, 24)


def load_check_python():
    spec = importlib.util.spec_from_file_location("check_python", ROOT / "tools" / "check_python.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("version", [(3, 8), (3, 9), (3, 10), (3, 11)])
def test_supported_pythons_pass(version):
    assert load_check_python().problem(version + (0,)) is None


@pytest.mark.parametrize("version", [(3, 7), (3, 12), (3, 13), (2, 7)])
def test_other_pythons_get_a_clear_message(version):
    message = load_check_python().problem(version + (0,))
    assert f"Python {version[0]}.{version[1]} cannot run" in message
    assert "environment.yml" in message and "3.11" in message


def test_this_python_is_supported():
    assert load_check_python().problem(sys.version_info) is None
