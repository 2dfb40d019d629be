"""One call that makes a notebook's random numbers repeatable, and one variable
that moves every seed of the collection at once.

``GLUON_RNN_SEED`` (a non-negative integer, default 0) shifts every seed the
notebooks and ``utils`` use: seed ``s`` becomes ``s + 10000 * GLUON_RNN_SEED``.
Shift 0 reproduces the committed outputs; shifts 1, 2, ... give whole new
draws of data, initial weights and shuffling, to check that a result is not
an accident of one seed.
"""
import os
import random

import mxnet as mx
import numpy as np

SEED_VARIABLE = "GLUON_RNN_SEED"
SEED_STRIDE = 10_000


def _check_seed(seed) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    return int(seed)


def seed_shift() -> int:
    """The value of ``GLUON_RNN_SEED`` (0 when unset); ``ValueError`` unless it
    is a non-negative integer."""
    text = os.environ.get(SEED_VARIABLE, "0").strip() or "0"
    try:
        shift = int(text)
    except ValueError:
        shift = -1
    if shift < 0:
        raise ValueError(f"environment variable {SEED_VARIABLE} must be a non-negative "
                         f"integer; got {text!r}")
    return shift


def shifted_seed(seed: int) -> int:
    """``seed + 10000 * GLUON_RNN_SEED``: the seed actually used for ``seed``."""
    return _check_seed(seed) + SEED_STRIDE * seed_shift()


def rng(seed: int) -> np.random.Generator:
    """A NumPy generator for ``seed``, shifted by ``GLUON_RNN_SEED``.

    Use it in place of ``np.random.default_rng(seed)`` so that the seed shift
    reaches every draw."""
    return np.random.default_rng(shifted_seed(seed))


def set_seed(seed: int) -> None:
    """Seed Python's ``random``, NumPy and MXNet (on every context).

    A rerun on the same machine then draws the same data, initial weights and
    dropout masks. ``seed`` must be a non-negative integer; it is shifted by
    ``GLUON_RNN_SEED`` (see the module docstring).
    """
    seed = shifted_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    mx.random.seed(seed, ctx="all")
