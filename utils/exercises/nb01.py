"""Checks for the exercises of notebook 01 · Time-delay networks."""
from typing import Any, Tuple

import numpy as np

from . import _, close, exercise

KERNEL_SIZE = 3  # the kernel size K + 1 of the notebook's TDNN stacks


def _receptive_field(kernel_sizes, dilations) -> int:
    """R = 1 + sum_l K_l delta_l, with K_l = kernel size - 1 delays per layer."""
    return 1 + sum((k - 1) * delta for k, delta in zip(kernel_sizes, dilations))


def _window(t: int, R: int) -> range:
    """Input steps (1-based) seen by the output of a causal stack at step t."""
    return range(max(1, t - R + 1), t + 1)


@exercise("01.1")
def check_1(answer: Any) -> Tuple[bool, str]:
    # Predicted (or measured) accuracies at L = 30, 31, 32 for the stack with dilations 1, 2, 4, 8.
    R = _receptive_field([KERNEL_SIZE] * 4, (1, 2, 4, 8))
    lengths = (30, 31, 32)
    accuracies = [float(a) for a in answer]
    if len(accuracies) != len(lengths):
        raise ValueError(_("give three accuracies, for L = {lengths}", lengths=lengths))
    if not all(0.0 <= accuracy <= 1.0 for accuracy in accuracies):
        return False, _("an accuracy is a fraction of right answers, between 0 and 1.")
    for L, accuracy in zip(lengths, accuracies):
        seen = 1 in _window(L, R)  # is the first digit, at step 1, in the last output's window?
        # inside the window the task is learnable (the notebook's stacks score > 0.95 there);
        # outside, the best guess "9" is right 10 % of the time, +-0.01 on 1000 test sequences:
        # 0.05 and 0.15 are five of those away
        if seen and accuracy < 0.9:
            return False, _("at L = {L} the first digit is {back} steps before the output, inside "
                            "the window of R = 1 + 2(1 + 2 + 4 + 8) = {R} steps: both digits are "
                            "visible, and the task is as easy as at L = 5.", L=L, back=L - 1, R=R)
        if not seen and accuracy < 0.05:
            return False, _("at L = {L} the model cannot see the first digit, but it is not "
                            "always wrong: guessing the most frequent sum, 9, is right 10 % of the "
                            "time.", L=L)
        if not seen and accuracy > 0.15:
            return False, _("at L = {L} the first digit is {back} steps before the output, one step "
                            "more than the window of R = {R} reaches (lags 0 to {reach}): the model "
                            "cannot see it and is left with the 10 % of guessing 9.",
                            L=L, back=L - 1, R=R, reach=R - 1)
    return True, _("R = 1 + 2(1 + 2 + 4 + 8) = {R}: at L = 30 and L = {R} both digits lie within the "
                   "last {R} steps, at L = {beyond} the first digit is one step too old, and the "
                   "accuracy falls from near 1 to the 10 % of guessing: the cliff moved to the new edge.",
                   R=R, beyond=R + 1)


@exercise("01.3")
def check_3(answer: Any) -> Tuple[bool, str]:
    # Is the TDNN with a mean over t still shift-invariant? A shift of the input shifts the
    # convolution's outputs (equivariance); a mean over all outputs, like a max, does not
    # depend on their order.
    if not isinstance(answer, (bool, np.bool_)):
        raise TypeError(_("answer True or False"))
    if answer:
        return True, _("yes: the convolution is shift-equivariant (shift the input, and its outputs "
                       "shift along), and the mean over t, like the max, ignores where an output "
                       "sits, so the pair is shift-invariant (up to windows that fall off the ends). "
                       "What changes is the signal: one window with the motif among 30 is diluted "
                       "by the mean, so compare the accuracies.")
    return False, _("the invariance comes from the pooling, not from the max: the convolution's outputs "
                    "shift with the input, and any pooling that ignores the order of its inputs "
                    "(max, mean, sum) gives the same number for the shifted outputs.")


@exercise("01.5")
def check_5(answer: Any) -> Tuple[bool, str]:
    # Best expected per-step accuracy, averaged over T = 16 steps, of a causal TDNN with two layers
    # of kernel 3 (R = 5) on the running parity: y_t depends on x_1..x_t; the window holds them all
    # for t <= R, and for t > R the bit x_{t-R} (unseen, a fair coin) flips y_t: 1/2 there.
    T, R = 16, _receptive_field([KERNEL_SIZE] * 2, (1, 1))
    per_step = [1.0 if 1 in _window(t, R) else 0.5 for t in range(1, T + 1)]
    target = sum(per_step) / T
    # a measured mean over 16 steps of 1000 test sequences scatters by
    # sqrt(9 * 0.25 / 1000) / 16 = 0.003; 0.01 is three of those
    if close(answer, target, 0.01):
        return True, _("steps 1 to {R} are right (the window, zero-padded in front, holds every bit "
                       "so far), steps {beyond} to {T} are coin flips: "
                       "({R} + {outside}/2)/{T} = {target:.4f}.",
                       R=R, beyond=R + 1, T=T, outside=T - R, target=target)
    if close(answer, R / T, 0.01):
        return False, _("beyond the window the model is not always wrong, it guesses: a coin flip is "
                        "right half the time.")
    if close(answer, ((R - 1) + (T - R + 1) / 2) / T, 0.01):
        return False, _("if you derived this: off by one, the output at step t sees steps t - {reach} "
                        ".. t, so at t = {R} it still sees x_1 and the whole parity. If you measured "
                        "it: the exercise asks for the bound, which a run reaches only if it learns "
                        "the parity of all {R} bits at step {R}, the hardest step to learn; compare "
                        "your per-step accuracies with the bound.", reach=R - 1, R=R)
    if 0.5 < float(answer) < target:
        return False, _("lower than the bound: a measured accuracy? The exercise asks for the best "
                        "possible one; a run that has not learned the parity of the longest window "
                        "falls short of it.")
    return False, _("at which steps t does the window of R = {R} steps, ending at t, hold all of "
                    "x_1 .. x_t? Those are right; every other step is a fair coin.", R=R)


@exercise("01.6")
def check_6(answer: Any) -> Tuple[bool, str]:
    # Number of output steps t = 1..L (L = 25) of the causal stack with R = 7 whose window holds
    # both digits (steps 1 and 2): counted window by window.
    L, R = 25, _receptive_field([KERNEL_SIZE] * 3, (1, 1, 1))
    both = [t for t in range(1, L + 1) if {1, 2} <= set(_window(t, R))]
    if int(answer) != answer:
        raise ValueError(_("give a whole number of steps"))
    if int(answer) == len(both):
        return True, _("the outputs at steps {first} to {last} see both digits ({count} "
                       "windows of {R} steps); the maximum over all steps can carry their features to "
                       "the classifier, so the read-out, not the window, made the cliff of experiment 2.",
                       first=both[0], last=both[-1], count=len(both), R=R)
    if int(answer) == len(both) + 1:
        return False, _("at step 1 the window holds only the first digit; the second arrives at step 2.")
    if int(answer) == 0:
        return False, _("with the last step as read-out no window sees the digits, but the maximum runs "
                        "over every step, including the early ones whose windows of {R} steps start "
                        "at step 1.", R=R)
    return False, _("the output at step t sees steps t - {reach} .. t; count the t for which that "
                    "range contains steps 1 and 2.", reach=R - 1)
