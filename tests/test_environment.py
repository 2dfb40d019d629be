"""Setup stops early, with a clear message, on Pythons the lock cannot install.

The lock itself is tested in test_lock.py."""
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_check_python():
    spec = importlib.util.spec_from_file_location("check_python", ROOT / "tools" / "check_python.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("version", [(3, 11)])
def test_supported_pythons_pass(version):
    assert load_check_python().problem(version + (0,)) is None


@pytest.mark.parametrize("version", [(3, 7), (3, 10), (3, 12), (3, 13), (2, 7)])
def test_other_pythons_get_a_clear_message(version):
    message = load_check_python().problem(version + (0,))
    assert f"Python {version[0]}.{version[1]} cannot run" in message
    assert "environment.yml" in message and "3.11" in message


def test_this_python_is_supported():
    assert load_check_python().problem(sys.version_info) is None
