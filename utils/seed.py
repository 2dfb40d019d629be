"""One call that makes a notebook's random numbers repeatable."""
import random

import mxnet as mx
import numpy as np


def set_seed(seed: int) -> None:
    """Seed Python's ``random``, NumPy and MXNet (on every context).

    A rerun on the same machine then draws the same data, initial weights and
    dropout masks. ``seed`` must be a non-negative integer.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed)
    mx.random.seed(seed, ctx="all")
