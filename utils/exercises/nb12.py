"""Checks for the exercises of notebook 12 (sequence to sequence)."""
import math

from . import _, close, exercise


def _candidates(symbols: int, max_len: int) -> int:
    """Outputs of at most max_len tokens: symbol strings of length l - 1 followed by <eos>
    (l = 1 .. max_len), plus symbol strings of length max_len without it."""
    return sum(symbols ** l for l in range(max_len)) + symbols ** max_len


@exercise("12.1")
def check_1(answer):
    target = _candidates(10, 10)
    if isinstance(answer, bool) or int(answer) != answer:
        raise ValueError(_("give a whole number"))
    answer = int(answer)
    if answer == target:
        return True, _("sum over l = 1..10 of 10^(l-1) outputs that end in <eos> at token l, "
                       "1,111,111,111, plus 10^10 strings of 10 digits: {target:,}. Scoring them "
                       "all is out of reach; beam search scores k q per step instead.", target=target)
    if answer == 11 ** 10:
        return False, _("11^10 counts strings over 11 tokens, but nothing follows <eos>: a "
                        "sequence ends there, so strings with a token after <eos> are not outputs.")
    if answer == 10 ** 10:
        return False, _("10^10 counts only the outputs of exactly 10 digits, without <eos>.")
    if answer == _candidates(10, 10) - 10 ** 10:
        return False, _("that counts the outputs that end in <eos>; add the 10^10 strings of "
                        "10 digits that reach the length limit without it, as section 5 did.")
    return False, _("count as in section 5: 2 symbols and L = 6 gave 1 + 2 + 4 + 8 + 16 + 32 "
                    "(ending in <eos>) + 64 (no <eos>) = 127.")


@exercise("12.2")
def check_2(answer):
    # -1.2 / 3^a < -1.5 / 6^a  <=>  2^a > 1.5 / 1.2  <=>  a > ln(1.25) / ln(2)
    target = math.log(1.5 / 1.2) / math.log(2)
    # tolerance: an answer rounded to two decimals
    if close(answer, target, 0.005):
        return True, _("B wins when -1.5 / 6^a > -1.2 / 3^a, that is (6/3)^a > 1.5/1.2, so "
                       "a > ln(1.25) / ln(2) = {target:.3f}. With the notebook's 0.75, the longer "
                       "B is preferred.", target=target)
    if close(answer, math.log(1.25), 0.005):
        return False, _("ln(1.25) is the numerator; divide by ln(6/3), the log of the length ratio.")
    if close(answer, 0.75, 0.005) or close(answer, 1.0, 0.005):
        return False, _("at that alpha B does win, but it is not the smallest: B's score equals "
                        "A's where (6/3)^alpha = 1.5/1.2.")
    return False, _("write both scores log P / |y|^alpha and solve for the alpha where they are equal.")


@exercise("12.3")
def check_3(answer):
    h, a = 64, 16
    target = 2 * h * a + a   # W_q (h x a), W_k (h x a), w_v (a x 1), no biases
    if isinstance(answer, bool) or int(answer) != answer:
        raise ValueError(_("give a whole number"))
    answer = int(answer)
    if answer == target:
        return True, _("W_q and W_k are {h} x {a} each and w_v is {a} x 1, no biases: "
                       "2 * {h} * {a} + {a} = {target}; the output layer is the plain decoder's "
                       "(its input [S_j, C_j] has the same size 2h as [S_j, c]).",
                       h=h, a=a, target=target)
    if answer == target + 2 * a + 1:
        return False, _("the three Dense layers of the attention are made with use_bias=False.")
    if answer == 2 * h * a:
        return False, _("the score vector w_v (a x 1) is a parameter too.")
    if answer == h * a + a:
        return False, _("there are two projections, W_q for the decoder state and W_k for the encoder states.")
    return False, _("count W_q, W_k and w_v from section 6's equations (shapes h x a, h x a, a x 1).")


@exercise("12.4")
def check_4(answer):
    target = math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3))
    if close(answer, target, 0.0015):   # an answer rounded to three decimals
        return True, _("the padded steps get -1e6 before the softmax, so their weight is 0 and "
                       "alpha = e^3 / (e^1 + e^2 + e^3) = {target:.3f}.", target=target)
    unmasked = math.exp(3) / (math.exp(1) + math.exp(2) + math.exp(3) + 2 * math.exp(7))
    if close(answer, unmasked, 0.0015):
        return False, _("that lets the padded steps into the softmax; SequenceMask sets their "
                        "scores to -1e6 first, so they get weight 0.")
    if close(answer, 1 / 3, 0.0015):
        return False, _("the weights are a softmax of the scores, not uniform over the real steps.")
    if close(answer, 3 / 6, 0.0015):
        return False, _("the softmax exponentiates the scores: e^3 / (e^1 + e^2 + e^3), not 3 / (1 + 2 + 3).")
    return False, _("apply the mask first (padded steps get -1e6), then the softmax over the 5 steps.")
