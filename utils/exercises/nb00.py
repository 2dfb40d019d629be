"""Checks for the exercises of notebook 00 · Sequences and memory."""
import inspect
import itertools
from typing import Any, Tuple

import numpy as np

from . import _, close, exercise


def _all_bit_sequences(length: int) -> np.ndarray:
    """Every bit sequence of ``length`` steps, shape (2**length, length)."""
    return np.array(list(itertools.product((0, 1), repeat=length)))


def _best_accuracy_per_step(features: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Best accuracy of any function of the bits ``features[:, t, :]`` predicting the bit
    ``targets[:, t]``, over equally likely sequences; shape (T,)."""
    codes = features @ (2 ** np.arange(features.shape[-1]))  # (n, T): one integer per input tuple
    size = 2 ** features.shape[-1]
    best = []
    for t in range(targets.shape[1]):
        counts = np.bincount(2 * codes[:, t] + targets[:, t].astype(int), minlength=2 * size)
        best.append(counts.reshape(size, 2).max(axis=1).sum() / len(targets))
    return np.array(best)


def _shifted(bits: np.ndarray) -> np.ndarray:
    """x_{t-1} for every step, with x_0 = 0 before the first step."""
    return np.concatenate([np.zeros((len(bits), 1), int), bits[:, :-1]], axis=1)


@exercise("00.1")
def check_1(answer: Any) -> Tuple[bool, str]:
    # The accuracy at one step t >= 2 of the best f(x_t) when y_t = x_t XOR x_{t-1}:
    # computed by enumerating all 2^6 sequences (the value is the same at every t >= 2).
    bits = _all_bit_sequences(6)
    best = _best_accuracy_per_step(bits[:, :, None], bits ^ _shifted(bits))[1:]
    target = float(best.max())
    # a measured per-step accuracy on 4000 test sequences scatters by sqrt(0.25/4000) = 0.008;
    # 0.025 is three of those
    if close(answer, target, 0.025):
        return True, _("y_t = x_t XOR x_(t-1) needs x_(t-1), which the MLP does not see; given x_t "
                       "alone, y_t is still a fair coin, so {target:.2f} is the best any f(x_t) can do "
                       "at a step t >= 2. A window of one step is as useless as no memory at all.",
                       target=target)
    if float(answer) > target:
        return False, _("y_t = x_t XOR x_(t-1) depends on x_(t-1), which the MLP does not see: for "
                        "either value of x_t, y_t is 0 or 1 with probability 1/2, whatever f(x_t) "
                        "outputs.")
    return False, _("below chance: the constant guess y_t = 1 is already right half the time, and "
                    "no f(x_t) can do better, because x_(t-1) is what decides y_t.")


@exercise("00.2")
def check_2(answer: Any) -> Tuple[bool, str]:
    # The steps t (1-based) at which y_t, the running parity, is a function of (x_t, x_{t-1}):
    # enumerate all 2^16 sequences of the notebook's length and test every step.
    T = 16
    bits = _all_bit_sequences(T)
    features = np.stack([bits, _shifted(bits)], axis=-1)
    best = _best_accuracy_per_step(features, np.cumsum(bits, axis=1) % 2)
    right = sorted(int(t) + 1 for t in np.flatnonzero(best == 1.0))
    given = sorted({int(step) for step in answer})
    if given == right:
        return True, _("y_1 = x_1 and y_2 = x_1 XOR x_2 are functions of the two inputs the MLP sees; "
                       "from y_3 = x_1 XOR x_2 XOR x_3 on, a bit the MLP does not see flips the "
                       "answer, so steps {right} only (expected accuracy "
                       "{accuracy:.4f} = 9/16 over {T} steps).", right=right, accuracy=best.mean(), T=T)
    if 0 in given:
        return False, _("steps are counted from t = 1 in this collection (y_1 = x_1).")
    missing, extra = sorted(set(right) - set(given)), sorted(set(given) - set(right))
    if missing:
        return False, _("step {step} is missing: write y_{step} out; it uses only "
                        "x_{step} and the bits before it that the MLP sees.", step=missing[0])
    return False, _("at step {step} the target y_{step} = x_1 XOR ... XOR x_{step} "
                    "depends on x_1, which the MLP with inputs x_{step}, x_{previous} does "
                    "not see; it is a coin flip there.", step=extra[0], previous=extra[0] - 1)


@exercise("00.3")
def check_3(answer: Any) -> Tuple[bool, str]:
    # The lowest mean cross-entropy any memoryless model f(x_t) reaches on parity with T = 4:
    # f is one function at every step, so its best output for each x is P(y = 1 | x) pooled over
    # the steps; the loss is the conditional entropy H(Y | X) over (sequence, step) pairs,
    # computed by enumerating all 2^4 sequences.
    T = 4
    bits = _all_bit_sequences(T).ravel()
    parity = (np.cumsum(_all_bit_sequences(T), axis=1) % 2).ravel()
    loss = 0.0
    for x in (0, 1):
        p = parity[bits == x].mean()
        loss += (bits == x).mean() * -(p * np.log(p) + (1 - p) * np.log(1 - p))
    # a trained MLP's loss settles within 0.001 of this bound (notebook 00 asserts that for
    # T = 16), and a learner may round to three decimals: 0.002
    if close(answer, loss, 0.002):
        return True, _("f has no clock: its best output for either input is P(y_t = x_t) pooled over "
                       "the 4 steps, (1 + 3/2)/4 = 5/8, so the best loss is H(5/8) = {loss:.4f}. Width "
                       "and training time cannot change it; only the length T does.", loss=loss)
    if close(answer, np.log(2), 0.002):
        return False, _("ln 2 is the loss of a coin flip at every step, but at step 1 the target y_1 = "
                        "x_1 is known. With no clock the model cannot be sure at step 1 only; it can "
                        "shift its output towards y_t = x_t at every step: by how much, with T = 4?")
    if close(answer, loss / np.log(2), 0.002):
        return False, _("{bits:.3f} is this entropy in bits (log base 2); Gluon's "
                        "cross-entropy uses the natural log, so give it in nats.",
                        bits=loss / np.log(2))
    if close(answer, 0.75 * np.log(2), 0.002):
        return False, _("0.75 ln 2 would need a loss of 0 at step 1 and ln 2 afterwards: the model would "
                        "have to know which step it is at, and f(x_t) does not.")
    return False, _("the best memoryless output is one probability per input value, the same at every "
                    "step: P(y_t = x_t) pooled over the T = 4 steps. Its loss is the binary entropy "
                    "of that probability.")


@exercise("00.4")
def check_4(answer: Any) -> Tuple[bool, str]:
    # MSE of predicting the mean 1.0 = Var(U + U') = 2 Var(U) = 2 / 12 for U, U' ~ Uniform[0, 1).
    target = 2 * (1.0 / 12.0)
    # Sampling error with 10,000 sequences: (Y - 1)^2 has variance E[Z^4] - E[Z^2]^2 = 1/15 - 1/36
    # = 7/180 for the triangular Z = Y - 1, so the mean scatters by sqrt(7/180/10000) = 0.002;
    # three of those: 0.006.
    if close(answer, target, 0.006):
        return True, _("predicting the mean leaves the variance of the target, and the variances of two "
                       "independent uniform numbers add: 1/12 + 1/12 = 1/6 = 0.1667.")
    if close(answer, 1.0 / 12.0, 0.006):
        return False, _("1/12 is the variance of one uniform number; the target is the sum of two "
                        "independent ones, and their variances add.")
    return False, _("the MSE of a constant guess equal to the mean is the variance of the target, "
                    "Var(U + U') for two independent U, U' ~ Uniform[0, 1).")


@exercise("00.5")
def check_5(answer: Any) -> Tuple[bool, str]:
    # Read from the installed MXNet: the default layout of RNNCell.unroll and the default
    # activation of the fused rnn.RNN layer.
    from mxnet.gluon import rnn
    layout = inspect.signature(rnn.RNNCell.unroll).parameters["layout"].default
    activation = inspect.signature(rnn.RNN.__init__).parameters["activation"].default
    given_layout, given_activation = (str(value).strip().lower() for value in answer)
    wrong = []
    if given_layout != layout.lower():
        wrong.append(_("cell.unroll reads '{layout}' by default (batch first), unlike the fused "
                       "layers, which read 'TNC'; pass layout= explicitly", layout=layout))
    if given_activation != activation.lower():
        wrong.append(_("the fused rnn.RNN uses '{activation}' unless told otherwise, while "
                       "rnn.RNNCell uses 'tanh'; write activation='tanh' for an Elman network",
                       activation=activation))
    if not wrong:
        return True, _("cell.unroll defaults to '{layout}' while rnn.RNN defaults to 'TNC', and "
                       "rnn.RNN defaults to '{activation}' while rnn.RNNCell uses 'tanh': two "
                       "defaults that silently change the numbers, so name both every time.",
                       layout=layout, activation=activation)
    return False, _("{mistakes}.", mistakes=_("; ").join(wrong))
