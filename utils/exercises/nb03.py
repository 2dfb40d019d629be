"""Checks for the exercises of notebook 03 · The Elman network."""
import itertools
from typing import Any, Callable, Sequence, Tuple

import numpy as np

from ..seed import rng
from . import _, exercise


def parity_with_two_units(bits: np.ndarray, scale: float = 10.0) -> np.ndarray:
    """An Elman network with h = 2 tanh units and a linear read-out, weights set by hand, on bits
    (n, T) fed as -1/+1 as in notebook 03. Unit 1 ~ OR(x_t, y_(t-1)), unit 2 ~ AND(x_t, y_(t-1));
    y_t = OR - AND = (H_1 - H_2) / 2 in -1/+1 units, which is also how the next step reads y_(t-1).
    Returns the predicted parity (n, T)."""
    W_xh = scale * np.array([[0.5, 0.5]])               # (d, h) = (1, 2)
    W_hh = scale * np.array([[0.5, 0.5], [-0.5, -0.5]])  # (h, h)
    b_h = scale * np.array([0.0, -1.0])
    H = np.zeros((len(bits), 2))
    outputs = []
    for x in (2.0 * bits - 1.0).T:                       # X_t of shape (n, 1)
        H = np.tanh(x[:, None] @ W_xh + H @ W_hh + b_h)
        outputs.append((H[:, 0] - H[:, 1]) / 2 > 0.5)    # a linear read-out, thresholded
    return np.stack(outputs, axis=1).astype(int)


@exercise("03.1")
def check_1(answer: Any) -> Tuple[bool, str]:
    # The smallest h with which an Elman network and a linear read-out can keep the running
    # parity. h = 2 suffices: the hand-set network above is checked here on 2000 random sequences
    # of 1000 bits. h = 1 cannot: with one unit, H_t is a monotone function of one weighted sum
    # of x_t and H_(t-1), so the read-out is a linear threshold in (x_t, y_(t-1)), and
    # y_t = y_(t-1) XOR x_t is not linearly separable.
    bits = rng(0).integers(0, 2, size=(2000, 1000))  # random test streams for the construction
    assert (parity_with_two_units(bits) == np.cumsum(bits, axis=1) % 2).all()
    if int(answer) != answer:
        raise ValueError(_("give a whole number of hidden units"))
    if int(answer) == 2:
        return True, _("two units can hold OR(x_t, y_(t-1)) and AND(x_t, y_(t-1)), and their "
                       "difference is the XOR, both for the read-out and for the next step "
                       "(utils.exercises.nb03.parity_with_two_units sets such weights by hand). One "
                       "unit cannot: H_t = tanh(w x_t + u H_(t-1) + b) is monotone in one weighted sum, "
                       "so thresholding it separates (x_t, y_(t-1)) by a straight line, and XOR is "
                       "not linearly separable.")
    if int(answer) == 1:
        return False, _("one bit of state is enough for an automaton, but not for one tanh unit: "
                        "H_t = tanh(w x_t + u H_(t-1) + b) grows (or shrinks) with one weighted sum of "
                        "x_t and H_(t-1), so any threshold on it splits the four cases of (x_t, "
                        "y_(t-1)) by a straight line, and XOR needs two.")
    if int(answer) > 2:
        return False, _("that many units can do it, but fewer suffice: build the XOR from two "
                        "features of (x_t, y_(t-1)) that a threshold can combine, such as OR and AND.")
    return False, _("the state must hold at least the parity so far.")


def _count_states(step_outputs: Callable[[Sequence], list], symbols: Sequence,
                  prefix_length: int = 3, suffix_length: int = 3,
                  with_current_output: bool = False) -> int:
    """Number of histories that must be told apart (Myhill-Nerode): prefixes of the input stream
    that give different outputs on some continuation. ``step_outputs(stream)`` returns the output
    at every step of an input stream. With ``with_current_output`` the output at the prefix's
    last step counts too: what a state H_t must hold when the read-out O_t is a function of H_t."""
    suffixes = [s for k in range(1, suffix_length + 1) for s in itertools.product(symbols, repeat=k)]
    signatures = set()
    for prefix in itertools.product(symbols, repeat=prefix_length):
        future = tuple(tuple(step_outputs(prefix + suffix)[prefix_length:]) for suffix in suffixes)
        current = step_outputs(prefix)[-1] if with_current_output else None
        signatures.add((current, future))
    return len(signatures)


def _adder_outputs(stream, delay: int) -> list:
    """Bit-serial addition by integer arithmetic. Step t (1-based) reads (a_t, b_(t-delay)) and
    writes bit t - 1 - delay (0-based) of a + b, or 0 while no such bit is known yet."""
    outputs = []
    for t in range(1, len(stream) + 1):
        a = sum(bit << i for i, (bit, b_bit) in enumerate(stream[:t]))
        b = sum(bit << i for i, (a_bit, bit) in enumerate(stream[delay:t]))
        position = t - 1 - delay
        outputs.append(((a + b) >> position) & 1 if position >= 0 else 0)
    return outputs


@exercise("03.4")
def check_4(answer: Any) -> Tuple[bool, str]:
    # How many histories the state must tell apart when b arrives one step after a: counted from
    # the task's input-output behaviour (integer addition), not from any network.
    symbols = list(itertools.product((0, 1), repeat=2))
    plain = _count_states(lambda s: _adder_outputs(s, delay=0), symbols)
    delayed = _count_states(lambda s: _adder_outputs(s, delay=1), symbols)
    delayed_with_output = _count_states(lambda s: _adder_outputs(s, delay=1), symbols,
                                        with_current_output=True)
    if int(answer) != answer:
        raise ValueError(_("give a whole number of states"))
    if int(answer) == delayed_with_output and delayed_with_output != delayed:
        return False, _("{delayed_with_output} is what the Elman state H_t must hold, since the read-out "
                        "O_t = H_t W_hq + b_q also writes the bit of step t from it: a different question, "
                        "also a fair one. The exercise asks how many states must be passed from one "
                        "step to the next, that is, what the future outputs need.",
                        delayed_with_output=delayed_with_output)
    if int(answer) == delayed:
        return True, _("{delayed} states: the next sum bit and carry depend on a_t + b_t + c_(t-1), so "
                       "the state must hold the sum a_t + c_(t-1), which is 0, 1 or 2. The histories "
                       "(a_t, c_(t-1)) = (0, 1) and (1, 0) have the same future and need not be told "
                       "apart (the plain adder needs {plain} states: the carry).",
                       delayed=delayed, plain=plain)
    if int(answer) == plain:
        return False, _("that is the plain adder, whose state is the carry. Now a_t arrives one step "
                        "before b_t: what must the state keep besides the carry, until b_t comes?")
    if int(answer) == 4:
        return False, _("the carry and the waiting bit a_t make four cases, but two of them have the "
                        "same future: the next sum bit and carry depend only on a_t + b_t + c_(t-1). "
                        "Which two?")
    return False, _("list what the next output needs that the next input does not bring (the carry "
                    "and the waiting bit a_t), and merge the cases that lead to the same future "
                    "outputs.")


@exercise("03.6")
def check_6(answer: Any) -> Tuple[bool, str]:
    # Bits the encoder's last state must hold to write a stream of T = 8 bits reversed: log2 of
    # the number of inputs whose outputs differ (all 2^8 of them), counted by enumeration.
    T = 8
    streams = list(itertools.product((0, 1), repeat=T))
    distinct = len({tuple(reversed(s)) for s in streams})
    bits = float(np.log2(distinct))
    if float(answer) == bits:
        return True, _("every one of the {distinct} input streams needs its own output, so H_T must "
                       "tell {distinct} cases apart: {bits:.0f} bits, all of them kept until the "
                       "decoder writes them. That is the digit sum's problem (hold the inputs across "
                       "a gap, read them at the end), not parity's, where 2 cases (1 bit) suffice.",
                       distinct=distinct, bits=bits)
    if float(answer) == 1:
        return False, _("one bit is what parity needs, because all histories with the same parity "
                        "have the same future; here two streams that differ in any bit need different "
                        "outputs.")
    return False, _("count the input streams of {T} bits that need different outputs; the state must "
                    "tell that many cases apart, log2 of it in bits.", T=T)
