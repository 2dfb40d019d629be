"""Checks for the exercises of notebook 09 (language models)."""
import math

from . import _, close, exercise


@exercise("09.1")
def check_1(answer):
    # half the positions: 4 equally likely characters; the other half: uniform over q = 100
    target = math.exp(0.5 * math.log(4) + 0.5 * math.log(100))
    # tolerance: an answer rounded to two decimals
    if close(answer, target, 0.01):
        return True, _("perplexity is exp of the MEAN cross-entropy, (ln 4 + ln 100) / 2, so it is "
                       "the geometric mean sqrt(4 x 100) = {target:.0f}, not the arithmetic mean 52.",
                       target=target)
    if close(answer, 52, 0.01):
        return False, _("52 averages the perplexities; perplexity is exp of the average "
                        "cross-entropy, so the two halves combine as a geometric mean.")
    if close(answer, 100, 0.01) or close(answer, 4, 0.01):
        return False, _("both halves count: average the cross-entropy over all positions, then exp.")
    return False, _("write the mean cross-entropy of the two halves in nats, then take exp.")


@exercise("09.2")
def check_2(answer):
    num_chars, perplexity = 10_000, 3.3
    target = num_chars * math.log2(perplexity)
    # tolerance: "3.3" stands for any perplexity in [3.25, 3.35] (two significant digits), which
    # moves the total by about +-220 bits; plus +-50 for an answer rounded to the nearest hundred
    low, high = num_chars * math.log2(3.25) - 50, num_chars * math.log2(3.35) + 50
    if low <= float(answer) <= high:
        return True, _("bits per character = log2(perplexity) = {bits:.4f}, so an "
                       "ideal coder driven by the model needs about {target:,.0f} bits "
                       "({kilobytes:.1f} kB), against 80,000 bits for 8-bit characters.",
                       bits=math.log2(perplexity), target=target, kilobytes=target / 8 / 1000)
    if close(answer, num_chars * math.log(perplexity), high - target):
        return False, _("that is in nats (natural log); bits use log2, ln(3.3) / ln(2) per character.")
    if close(answer, 8 * num_chars, high - target):
        return False, _("80,000 bits is plain 8-bit text; the model's code length is log2(3.3) bits per character.")
    if close(answer, target / 8, (high - target) / 8):
        return False, _("that is in bytes; the question asks for bits.")
    return False, _("bits per character is log2 of the perplexity; multiply by the number of characters.")


@exercise("09.3")
def check_3(answer):
    window = 64
    # the j-th prediction of a window (j = 1..64) has read j characters of that window
    target = sum(range(1, window + 1)) / window
    if close(answer, target, 1e-6):
        return True, _("the j-th prediction of a window has read j characters, j = 1..{window}, "
                       "so the mean is ({window} + 1) / 2 = {target}: resetting every 64 "
                       "characters leaves the model about half a window of context on average.",
                       window=window, target=target)
    if close(answer, window, 1e-6):
        return False, _("64 is the context of the LAST prediction of a window; the first one has read one character.")
    if close(answer, (window - 1) / 2, 1e-6) or close(answer, window / 2, 1e-6):
        return False, _("nearly: the first prediction of a window has already read one character "
                        "(x_1 predicts x_2), the last one all 64.")
    return False, _("list how many characters each of the 64 predictions of a window has read, and average.")


@exercise("09.4")
def check_4(answer):
    logits = [2.0, 1.0, 0.0, 0.0]
    tau = 0.5
    weights = [math.exp(o / tau) for o in logits]
    with_temperature = weights[0] / sum(weights)
    top2 = math.exp(logits[0]) / (math.exp(logits[0]) + math.exp(logits[1]))
    p_tau, p_top = (float(v) for v in answer)
    # tolerance: answers rounded to three decimals
    right_tau, right_top = close(p_tau, with_temperature, 2e-3), close(p_top, top2, 2e-3)
    if right_tau and right_top:
        return True, _("softmax(O / 0.5) gives the first character e^4 / (e^4 + e^2 + 2) = "
                       "{with_temperature:.3f}; top-2 keeps e^2 and e^1 and renormalises: "
                       "1 / (1 + e^-1) = {top2:.3f}.", with_temperature=with_temperature, top2=top2)
    plain = math.exp(2) / sum(math.exp(o) for o in logits)
    if close(p_tau, plain, 2e-3) or close(p_top, plain, 2e-3):
        return False, _("{plain:.3f} is the plain softmax at temperature 1 over all four; "
                        "divide the logits by tau first, and for top-2 drop all but the two largest.",
                        plain=plain)
    if not right_tau:
        return False, _("for the first number, divide every logit by tau = 0.5 before the softmax.")
    return False, _("for the second number, keep only the two largest logits and renormalise.")


@exercise("09.5")
def check_5(answer):
    perplexity_a, perplexity_b = 4.0, 9.0
    # log m = log p_b + g(log(p_a / p_b)) with g(x) = log((1 + e^x) / 2) convex: by Jensen the
    # mixture's cross-entropy is at most ln 9 - g(ln(9/4)), reached when p_a / p_b = 9/4 at every
    # position (p_a = 1/4, p_b = 1/9 everywhere): the mixture gives (1/4 + 1/9) / 2 = 13/72
    target = 1 / ((1 / perplexity_a + 1 / perplexity_b) / 2)
    jensen = math.sqrt(perplexity_a * perplexity_b)  # the concavity bound, not attained
    # tolerance: an answer rounded to two decimals
    if close(answer, target, 0.01):
        return True, _("the largest perplexity is 72/13 = {target:.3f}, reached when the ratio "
                       "p_a/p_b is 9/4 at every position (p_a = 1/4, p_b = 1/9 everywhere, so the "
                       "mixture gives 13/72 to every character); the concavity of log only "
                       "bounds it by sqrt(4 x 9) = {jensen:.0f}, which needs p_a = p_b everywhere.",
                       target=target, jensen=jensen)
    if close(answer, jensen, 0.01):
        return False, _("6 = sqrt(4 x 9) is an upper bound (log is concave), but it needs p_a = p_b "
                        "at every position, impossible when the perplexities are 4 and 9. Which "
                        "pair of models with those perplexities makes the mixture worst?")
    if close(answer, 6.5, 0.01):
        return False, _("6.5 averages perplexities; a mixture's perplexity is at most the "
                        "geometric mean, so it cannot reach 6.5.")
    if close(answer, 9, 0.01) or close(answer, 4, 0.01):
        return False, _("the mixture gives every character at least half of what each model "
                        "gives it; try two models whose ratio p_a/p_b is the same everywhere.")
    return False, _("try two models that give the same probability to every character of the "
                    "text (1/4 and 1/9): what does their mixture give?")
