"""Print the lock file with the CPU mxnet entry swapped for another MXNet build.

`make setup MXNET=mxnet-cu117` installs the output of
`python tools/lock_variant.py mxnet-cu117`: requirements.txt without its
`mxnet==` entry, plus the hashed entry of requirements-mxnet-cu117.txt. The CUDA
builds of MXNet 1.9.1 depend on the same packages as the CPU build, which the
lock already pins.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.txt"


def entries(text):
    """Split a pip-compile style lock into (name, block-of-lines) pairs, in order."""
    blocks, name, lines = [], None, []
    for line in text.splitlines(keepends=True):
        if line[:1].isalnum():  # a requirement starts in column 0; hashes and comments are indented
            if lines:
                blocks.append((name, "".join(lines)))
            name, lines = line.split("==", 1)[0].strip().lower(), [line]
        else:
            lines.append(line)
    if lines:
        blocks.append((name, "".join(lines)))
    return blocks


def lock_for(build, lock_text=None):
    """Return the lock text for the MXNet ``build`` (``mxnet``, ``mxnet-cu117``, ...)."""
    lock_text = LOCK.read_text() if lock_text is None else lock_text
    if build == "mxnet":
        return lock_text
    variant = ROOT / f"requirements-{build}.txt"
    if not variant.exists():
        builds = sorted(p.stem[len("requirements-"):] for p in ROOT.glob("requirements-mxnet*.txt"))
        raise ValueError(f"MXNET={build!r}: no {variant.name}; choose mxnet or one of {builds}")
    blocks = entries(lock_text)
    if [name for name, _ in blocks].count("mxnet") != 1:
        raise ValueError(f"{LOCK.name} must pin mxnet exactly once")
    kept = "".join(block for name, block in blocks if name != "mxnet")
    return kept + variant.read_text()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/lock_variant.py mxnet|mxnet-cu117|mxnet-cu112")
    try:
        sys.stdout.write(lock_for(sys.argv[1]))
    except ValueError as error:
        sys.exit(str(error))
