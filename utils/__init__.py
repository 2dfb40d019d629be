"""Shared helpers of the gluon-rnn-notebooks collection.

The collection uses MXNet's classic NDArray API (``mx.nd``) throughout and
never calls ``npx.set_np()``: Gluon's recurrent *cells* accept only
``mx.nd`` arrays in MXNet 1.9.1.
"""
import sys

import mxnet as mx
import numpy as np

from . import exercises
from .claims import CLAIMS_VARIABLE, claim
from .device import DEVICE_VARIABLE, get_context
from .plotting import FIGSIZE, PALETTE, use_collection_style
from .seed import SEED_VARIABLE, rng, seed_shift, set_seed, shifted_seed
from .tasks import (NUMBER_WORDS, encode_binary_addition, from_bits, make_adding_problem,
                    make_binary_addition, make_digit_sum, make_number_words, make_parity,
                    number_to_words,
                    simulate_narendra_plant, to_bits)
from .training import (DIGIT_SUM_KEYS, History, accuracy, count_parameters,
                       digit_sum_accuracy, fit, predict)


def start_notebook(seed: int = 0) -> mx.Context:
    """Seed every generator, apply the figure style, print the versions and the
    seed shift ``GLUON_RNN_SEED``, and return the context chosen by
    ``GLUON_RNN_DEVICE`` (see ``get_context``)."""
    set_seed(seed)
    use_collection_style()
    ctx = get_context()
    shift = seed_shift()
    print(f"Python {sys.version.split()[0]}, MXNet {mx.__version__}, "
          f"NumPy {np.__version__}; running on {ctx}, seed {seed}, "
          f"{SEED_VARIABLE}={shift}" + (" (every seed shifted)" if shift else ""))
    return ctx


__all__ = [
    "CLAIMS_VARIABLE", "DEVICE_VARIABLE", "DIGIT_SUM_KEYS", "claim", "exercises", "SEED_VARIABLE", "FIGSIZE", "PALETTE", "History", "accuracy",
    "count_parameters", "digit_sum_accuracy", "encode_binary_addition", "fit", "from_bits",
    "get_context", "make_adding_problem", "make_binary_addition", "make_digit_sum",
    "make_number_words", "make_parity", "NUMBER_WORDS", "number_to_words", "predict", "rng", "seed_shift", "set_seed", "shifted_seed", "simulate_narendra_plant", "start_notebook",
    "to_bits", "use_collection_style",
]
