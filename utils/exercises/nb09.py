"""Checks for the exercises of notebook 09 (language models)."""
import math

from . import close, exercise


@exercise("09.1")
def _(answer):
    # half the positions: 4 equally likely characters; the other half: uniform over q = 100
    target = math.exp(0.5 * math.log(4) + 0.5 * math.log(100))
    # tolerance: an answer rounded to two decimals
    if close(answer, target, 0.01):
        return True, (f"perplexity is exp of the MEAN cross-entropy, (ln 4 + ln 100) / 2, so it is "
                      f"the geometric mean sqrt(4 x 100) = {target:.0f}, not the arithmetic mean 52.")
    if close(answer, 52, 0.01):
        return False, ("52 averages the perplexities; perplexity is exp of the average "
                       "cross-entropy, so the two halves combine as a geometric mean.")
    if close(answer, 100, 0.01) or close(answer, 4, 0.01):
        return False, "both halves count: average the cross-entropy over all positions, then exp."
    return False, "write the mean cross-entropy of the two halves in nats, then take exp."


@exercise("09.2")
def _(answer):
    num_chars, perplexity = 10_000, 3.3
    target = num_chars * math.log2(perplexity)
    # tolerance: log2(3.3) rounded to four significant digits changes the total by < 0.05 %
    if close(answer, target, 1e-3 * target):
        return True, (f"bits per character = log2(perplexity) = {math.log2(perplexity):.4f}, so an "
                      f"ideal coder driven by the model needs about {target:,.0f} bits "
                      f"({target / 8 / 1000:.1f} kB), against 80,000 bits for 8-bit characters.")
    if close(answer, num_chars * math.log(perplexity), 1e-3 * target):
        return False, "that is in nats (natural log); bits use log2, ln(3.3) / ln(2) per character."
    if close(answer, 8 * num_chars, 1e-3 * target):
        return False, "80,000 bits is plain 8-bit text; the model's code length is log2(3.3) bits per character."
    return False, "bits per character is log2 of the perplexity; multiply by the number of characters."


@exercise("09.3")
def _(answer):
    window = 64
    # the j-th prediction of a window (j = 1..64) has read j characters of that window
    target = sum(range(1, window + 1)) / window
    if close(answer, target, 1e-6):
        return True, (f"the j-th prediction of a window has read j characters, j = 1..{window}, "
                      f"so the mean is ({window} + 1) / 2 = {target}: resetting every 64 "
                      "characters leaves the model about half a window of context on average.")
    if close(answer, window, 1e-6):
        return False, "64 is the context of the LAST prediction of a window; the first one has read one character."
    if close(answer, (window - 1) / 2, 1e-6) or close(answer, window / 2, 1e-6):
        return False, ("nearly: the first prediction of a window has already read one character "
                       "(x_1 predicts x_2), the last one all 64.")
    return False, "list how many characters each of the 64 predictions of a window has read, and average."


@exercise("09.4")
def _(answer):
    logits = [2.0, 1.0, 0.0, 0.0]
    tau = 0.5
    weights = [math.exp(o / tau) for o in logits]
    with_temperature = weights[0] / sum(weights)
    top2 = math.exp(logits[0]) / (math.exp(logits[0]) + math.exp(logits[1]))
    p_tau, p_top = (float(v) for v in answer)
    # tolerance: answers rounded to three decimals
    right_tau, right_top = close(p_tau, with_temperature, 2e-3), close(p_top, top2, 2e-3)
    if right_tau and right_top:
        return True, (f"softmax(O / 0.5) gives the first character e^4 / (e^4 + e^2 + 2) = "
                      f"{with_temperature:.3f}; top-2 keeps e^2 and e^1 and renormalises: "
                      f"1 / (1 + e^-1) = {top2:.3f}.")
    plain = math.exp(2) / sum(math.exp(o) for o in logits)
    if close(p_tau, plain, 2e-3) or close(p_top, plain, 2e-3):
        return False, (f"{plain:.3f} is the plain softmax at temperature 1 over all four; "
                       "divide the logits by tau first, and for top-2 drop all but the two largest.")
    if not right_tau:
        return False, "for the first number, divide every logit by tau = 0.5 before the softmax."
    return False, "for the second number, keep only the two largest logits and renormalise."


@exercise("09.5")
def _(answer):
    perplexity_a, perplexity_b, weight = 4.0, 9.0, 0.5
    # log is concave: log(w p_a + (1-w) p_b) >= w log p_a + (1-w) log p_b at every position,
    # so the mixture's cross-entropy is at most the weighted mean of the two
    target = perplexity_a ** weight * perplexity_b ** (1 - weight)
    if close(answer, target, 0.01):
        return True, ("log is concave, so at every position log(p_a/2 + p_b/2) >= (log p_a + "
                      "log p_b)/2; averaged, the mixture's cross-entropy is at most the mean of "
                      f"the two, and its perplexity at most sqrt(4 x 9) = {target:.0f}.")
    if close(answer, 6.5, 0.01):
        return False, ("6.5 averages perplexities; the bound comes from averaging cross-entropies "
                       "(logs), which gives a geometric mean.")
    if close(answer, 9, 0.01):
        return False, ("9 is a bound too, but not the tightest one the concavity of log gives: "
                       "compare log(p_a/2 + p_b/2) with (log p_a + log p_b)/2.")
    return False, "use that log is concave: log of an average is at least the average of the logs."
