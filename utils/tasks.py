"""Synthetic sequence tasks used across the notebooks.

Every generator is a pure function of its arguments and ``seed`` (shifted by
``GLUON_RNN_SEED``, see ``utils.seed``): the same call returns the same
arrays. Arrays are NumPy ``float32`` in batch-major layout (``NTC``: sample,
time step, feature), ready for ``mx.nd.array``.
Class labels are stored as ``float32`` holding whole numbers, which is what
Gluon's ``SoftmaxCrossEntropyLoss`` expects.
"""
import numpy as np

from .seed import rng


def _check_int(name: str, value, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} must be an integer >= {minimum}; got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    return int(value)


def _rng(seed) -> np.random.Generator:
    return rng(_check_int("seed", seed, 0))


def make_parity(num_sequences: int, length: int, seed: int = 0):
    """Random bit streams and their running parity.

    Returns ``X`` of shape ``(n, T, 1)`` with bits 0/1, and ``Y`` of shape
    ``(n, T)`` where ``Y[i, t]`` is the parity (XOR) of ``X[i, :t+1, 0]``, so
    ``Y[:, -1]`` is the parity of the whole sequence.
    """
    n = _check_int("num_sequences", num_sequences, 1)
    T = _check_int("length", length, 2)
    bits = _rng(seed).integers(0, 2, size=(n, T))
    parity = np.cumsum(bits, axis=1) % 2
    return bits[:, :, None].astype(np.float32), parity.astype(np.float32)


def encode_binary_addition(a, b, num_bits: int):
    """Encode pairs of integers as a bit-serial addition problem.

    ``a`` and ``b`` are integer arrays of shape ``(n,)`` with values in
    ``[0, 2**num_bits)``. The sequence has ``T = num_bits + 1`` steps, least
    significant bit first; the extra step lets the network write the final
    carry. Returns ``X`` of shape ``(n, T, 2)`` (bit of ``a``, bit of ``b``)
    and ``Y`` of shape ``(n, T)`` (bits of ``a + b``).
    """
    num_bits = _check_int("num_bits", num_bits, 1)
    a, b = np.asarray(a), np.asarray(b)
    for name, v in (("a", a), ("b", b)):
        if v.ndim != 1 or not np.issubdtype(v.dtype, np.integer):
            raise ValueError(f"{name} must be a 1-D integer array; got dtype "
                             f"{v.dtype} and shape {v.shape}")
        if v.size and (v.min() < 0 or v.max() >= 2 ** num_bits):
            raise ValueError(f"{name} must hold values in [0, 2**{num_bits})")
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape; got {a.shape} and {b.shape}")
    T = num_bits + 1
    a, b = a.astype(np.int64), b.astype(np.int64)
    X = np.stack([to_bits(a, T), to_bits(b, T)], axis=-1)
    return X.astype(np.float32), to_bits(a + b, T).astype(np.float32)


def make_binary_addition(num_samples: int, num_bits: int, seed: int = 0):
    """Random pairs of ``num_bits``-bit integers, encoded by
    :func:`encode_binary_addition`. Returns ``X (n, num_bits+1, 2)`` and
    ``Y (n, num_bits+1)``."""
    n = _check_int("num_samples", num_samples, 1)
    num_bits = _check_int("num_bits", num_bits, 1)
    a, b = _rng(seed).integers(0, 2 ** num_bits, size=(2, n))
    return encode_binary_addition(a, b, num_bits)


def to_bits(values, length: int) -> np.ndarray:
    """Integers ``(n,)`` to bits ``(n, length)``, least significant first."""
    length = _check_int("length", length, 1)
    values = np.asarray(values, dtype=np.int64)
    return (values[:, None] >> np.arange(length)) & 1


def from_bits(bits) -> np.ndarray:
    """Bits ``(n, T)``, least significant first, back to integers ``(n,)``."""
    bits = np.asarray(bits)
    if bits.ndim != 2:
        raise ValueError(f"bits must have shape (n, T); got shape {bits.shape}")
    return (np.rint(bits).astype(np.int64) << np.arange(bits.shape[1])).sum(axis=1)


def make_adding_problem(num_samples: int, length: int, seed: int = 0):
    """The adding problem of Hochreiter & Schmidhuber (1997).

    Each sequence has ``T`` steps of ``(value, marker)``: values are uniform
    in ``[0, 1)``; exactly two markers are 1, one in the first half
    (``t < T // 2``) and one in the second half. The target is the sum of the
    two marked values. Predicting the mean (1.0) gives MSE = 1/6 ≈ 0.167.
    Returns ``X (n, T, 2)`` and ``Y (n,)``.
    """
    n = _check_int("num_samples", num_samples, 1)
    T = _check_int("length", length, 2)
    rng = _rng(seed)
    values = rng.random((n, T))
    first = rng.integers(0, T // 2, size=n)
    second = rng.integers(T // 2, T, size=n)
    markers = np.zeros((n, T))
    markers[np.arange(n), first] = 1.0
    markers[np.arange(n), second] = 1.0
    X = np.stack([values, markers], axis=-1)
    Y = values[np.arange(n), first] + values[np.arange(n), second]
    return X.astype(np.float32), Y.astype(np.float32)


def make_digit_sum(num_samples: int, length: int, num_digits: int = 2, seed: int = 0):
    """Digit-sum memory task: remember the first digits across padding.

    Each sequence of length ``L`` starts with ``num_digits`` random digits
    0..9, followed by zeros. The label is the sum of those first digits
    (0 .. 9 * num_digits), so the model must carry them across ``L -
    num_digits`` uninformative steps. Returns ``X (n, L)`` of digits (for an
    embedding or one-hot input) and ``Y (n,)`` of class labels.
    """
    n = _check_int("num_samples", num_samples, 1)
    num_digits = _check_int("num_digits", num_digits, 1)
    L = _check_int("length", length, max(2, num_digits))
    digits = _rng(seed).integers(0, 10, size=(n, num_digits))
    X = np.zeros((n, L))
    X[:, :num_digits] = digits
    return X.astype(np.float32), digits.sum(axis=1).astype(np.float32)


def simulate_narendra_plant(u) -> np.ndarray:
    """Nonlinear plant of Narendra & Parthasarathy (1990), example 2.

    ``y(k+1) = y(k) y(k-1) (y(k) + 2.5) / (1 + y(k)^2 + y(k-1)^2) + u(k)``,
    started at rest (``y(-1) = y(0) = 0``). ``u`` is the input signal of shape
    ``(K,)``; the result ``y`` has shape ``(K + 1,)`` with ``y[0] = 0`` and
    ``y[k + 1]`` the response to ``u[:k + 1]``.
    """
    u = np.asarray(u, dtype=np.float64)
    if u.ndim != 1 or u.size == 0:
        raise ValueError(f"u must be a non-empty 1-D array; got shape {u.shape}")
    if not np.all(np.isfinite(u)):
        raise ValueError("u must hold finite numbers")
    y = np.zeros(u.size + 1)
    previous = 0.0
    for k in range(u.size):
        current = y[k]
        y[k + 1] = (current * previous * (current + 2.5)
                    / (1.0 + current ** 2 + previous ** 2) + u[k])
        previous = current
    return y


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10 ** 9, "billion"), (10 ** 6, "million"), (10 ** 3, "thousand"))
NUMBER_WORDS = tuple(_ONES + _TENS + ["hundred", "thousand", "million", "billion"])
"""The 32 words of :func:`number_to_words`, in a fixed order (for a vocabulary)."""


def _below_thousand(value: int) -> list:
    words = []
    if value >= 100:
        words += [_ONES[value // 100], "hundred"]
        value %= 100
    if value >= 20:
        words.append(_TENS[value // 10 - 2])
        value %= 10
        if value:
            words.append(_ONES[value])
    elif value:
        words.append(_ONES[value])
    return words


def number_to_words(value: int) -> list:
    """An integer in ``[0, 10**12)`` written out in English words, as a list of words,
    without "and" or hyphens: ``40012 -> ['forty', 'thousand', 'twelve']``,
    ``0 -> ['zero']``. Every word is one of ``NUMBER_WORDS``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
            or not 0 <= value < 10 ** 12:
        raise ValueError(f"value must be an integer in [0, 10**12); got {value!r}")
    value = int(value)
    if value == 0:
        return ["zero"]
    words = []
    for scale, name in _SCALES:
        if value >= scale:
            words += _below_thousand(value // scale) + [name]
            value %= scale
    return words + _below_thousand(value)


def make_number_words(num_samples: int, max_digits: int, min_digits: int = 1, seed: int = 0):
    """Distinct random integers written out in words, and their digits: the task of
    notebook 12 (``['three', 'hundred', 'five'] -> '305'``).

    The number of digits is drawn uniformly from ``[min_digits, max_digits]``, then the
    value uniformly among the integers with that many digits (``0..9`` for one digit);
    values are distinct, so the first ``k`` samples and the rest are disjoint sets of
    numbers. Returns ``words`` (a list of ``n`` lists of words), ``digits`` (a list of
    ``n`` strings) and ``values`` (an ``int64`` array of shape ``(n,)``).
    """
    n = _check_int("num_samples", num_samples, 1)
    max_digits = _check_int("max_digits", max_digits, 1)
    min_digits = _check_int("min_digits", min_digits, 1)
    if max_digits > 12:
        raise ValueError(f"max_digits must be <= 12; got {max_digits}")
    if min_digits > max_digits:
        raise ValueError(f"min_digits must be <= max_digits; got {min_digits} > {max_digits}")
    available = 10 ** max_digits - (10 ** (min_digits - 1) if min_digits > 1 else 0)
    if n > available // 2:
        raise ValueError(f"num_samples must be <= {available // 2} (half of the {available} "
                         f"numbers with {min_digits} to {max_digits} digits); got {n}")
    rng = _rng(seed)
    values, seen = [], set()
    while len(values) < n:
        k = int(rng.integers(min_digits, max_digits + 1))
        low = 0 if k == 1 else 10 ** (k - 1)
        value = int(rng.integers(low, 10 ** k))
        if value not in seen:
            seen.add(value)
            values.append(value)
    words = [number_to_words(v) for v in values]
    return words, [str(v) for v in values], np.array(values, dtype=np.int64)
