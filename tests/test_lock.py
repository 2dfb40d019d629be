"""The environment is exactly the lock, and the lock is complete, hashed and made from requirements.in."""
import importlib.util
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.txt"
IGNORED = {"pip", "setuptools", "wheel", "gluon-rnn-notebooks"}  # the venv's own and the project
GPU_LOCKS = sorted(ROOT.glob("requirements-mxnet-*.txt"))


def lock_entries(text):
    """(requirement line, hashes) for every entry of a pip-compile style lock."""
    entries, current = [], None
    for line in text.splitlines():
        if line[:1].isalnum():
            current = [line.rstrip(" \\"), []]
            entries.append(current)
        elif current and line.strip().startswith("--hash="):
            current[1].append(line.strip().rstrip(" \\"))
    return entries


def pins(text):
    """{name: version} of the entries whose environment markers hold on this machine."""
    result = {}
    for line, _ in lock_entries(text):
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", line
            result[canonicalize_name(requirement.name)] = specifier.version
    return result


def direct_requirements():
    lines = (ROOT / "requirements.in").read_text().splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def installed():
    return {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}


def test_every_lock_entry_is_pinned_with_a_hash():
    entries = lock_entries(LOCK.read_text())
    assert len(entries) > len(direct_requirements())
    for line, hashes in entries:
        assert re.match(r"^[A-Za-z0-9._-]+==\S+( ;.*)?$", line), f"not an exact pin: {line}"
        assert hashes and all(h.startswith("--hash=sha256:") for h in hashes), f"no hash: {line}"


def test_every_direct_requirement_is_pinned_and_locked_at_its_version():
    locked = pins(LOCK.read_text())
    for requirement in direct_requirements():
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"requirements.in must pin {requirement.name} exactly"
        assert locked.get(canonicalize_name(requirement.name)) == specifier.version, \
            f"requirements.txt is out of date for {requirement}: run `make lock`"


def test_numpy_fits_mxnet():
    locked = pins(LOCK.read_text())
    assert locked["mxnet"] == "1.9.1"
    assert tuple(map(int, locked["numpy"].split(".")[:2])) < (1, 24)


@pytest.mark.parametrize("gpu_lock", GPU_LOCKS, ids=lambda p: p.name)
def test_gpu_locks_pin_the_same_mxnet_release_with_hashes(gpu_lock):
    entries = lock_entries(gpu_lock.read_text())
    assert len(entries) == 1 and entries[0][1], f"{gpu_lock.name} must hold one hashed entry"
    build = gpu_lock.stem[len("requirements-"):]
    assert entries[0][0] == f"{build}=={pins(LOCK.read_text())['mxnet']}"


def load_lock_variant():
    spec = importlib.util.spec_from_file_location("lock_variant", ROOT / "tools" / "lock_variant.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_gpu_variant_swaps_only_the_mxnet_entry():
    lock_for = load_lock_variant().lock_for
    assert lock_for("mxnet") == LOCK.read_text()
    cpu = pins(LOCK.read_text())
    for gpu_lock in GPU_LOCKS:
        build = gpu_lock.stem[len("requirements-"):]
        gpu = pins(lock_for(build))
        assert gpu.pop(build) == cpu["mxnet"]
        assert gpu == {name: v for name, v in cpu.items() if name != "mxnet"}
    with pytest.raises(ValueError, match="MXNET='mxnet-cu999'"):
        lock_for("mxnet-cu999")


def test_the_installed_environment_is_exactly_the_lock():
    expected = pins(LOCK.read_text())
    have = installed()
    gpu_builds = [name for name in have if name.startswith("mxnet-cu")]
    if gpu_builds:  # installed with `make setup MXNET=mxnet-cu...`
        (build,) = gpu_builds
        expected = pins(load_lock_variant().lock_for(build))
    for name in IGNORED - set(expected):
        have.pop(name, None)
    missing = {n: v for n, v in expected.items() if n not in have}
    extra = {n: v for n, v in have.items() if n not in expected}
    other = {n: f"{have[n]} installed, {v} locked" for n, v in expected.items()
             if n in have and have[n] != v}
    assert not (missing or extra or other), (
        f"the environment of {sys.prefix} differs from requirements.txt "
        f"(run `make clean setup`): missing {missing}, not in the lock {extra}, "
        f"other versions {other}")


def test_environment_yml_installs_the_lock():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- python=3\.11\s*$", text, re.M)
    pip_block = text.split("- pip:", 1)[1]
    assert re.findall(r"^\s+-\s+(.+?)\s*$", pip_block, re.M) == ["-r requirements.txt"]
