"""Checks for the exercises of notebook 10 (classical Chinese poems)."""
from ..poetry import poem_lines, tone_alternation, tone_class
from . import _, close, exercise

CHUNXIAO = "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。"


def _tied_parameters(q: int, h: int) -> int:
    """Embedding q x h (also the decoder's weights), LSTM layer with d = h (two biases per
    gate, as in Gluon), the decoder's own bias."""
    return q * h + 4 * (h * h + h * h + 2 * h) + q


@exercise("10.1")
def check_1(answer):
    q, h = 1500, 128
    target = _tied_parameters(q, h)
    given = float(answer)
    if given == target:  # a count: exact
        return True, _("embedding q h = {embedding:,} (the decoder reuses it), LSTM 4(h^2 + h^2 + 2h) "
                       "= {lstm:,}, decoder bias q = {q:,}: {target:,} in all; "
                       "untied it would be {untied:,}, tying saves {saving:.0%}.",
                       embedding=q * h, lstm=4 * (2 * h * h + 2 * h), q=q, target=target,
                       untied=target + q * h, saving=q * h / (target + q * h))
    if given == target + q * h:
        return False, _("that is the untied model: with tying the decoder's q x h weights are the embedding's.")
    if given == target - q:
        return False, _("the decoder keeps its own bias: q more parameters.")
    if given == target - 4 * h:
        return False, _("Gluon's LSTM keeps two biases per gate (input and recurrent): 4 x 2h.")
    return False, _("add the embedding (q x h, shared with the decoder), the LSTM layer (4 blocks of h^2 + h^2 + 2h with d = h) and the decoder's bias (q).")


@exercise("10.2")
def check_2(answer):
    lines = poem_lines(CHUNXIAO)
    target = tone_alternation(CHUNXIAO)
    pairs = _(", ").join(f"{line[1]}{tone_class(line[1])}{line[3]}{tone_class(line[3])}" for line in lines)
    # tolerance: a share of four lines, given to two decimals
    if close(answer, target, 0.005):
        return True, _("2nd and 4th characters: {pairs}; {alternating} of "
                       "{lines} lines alternate. 觉 (jué, tone 2 today) was an 入声 "
                       "character, 仄, so a Tang reader hears all four lines alternate: the "
                       "modern measure errs on exactly these characters.",
                       pairs=pairs, alternating=round(target * len(lines)), lines=len(lines))
    if close(answer, 1.0, 0.005):
        return False, _("that is the Tang reading (觉 was 入声, 仄); the measure uses Mandarin, "
                        "where 觉 jué is tone 2, 平, like 眠 mián.")
    if close(answer, 0.5, 0.005) or close(answer, 0.25, 0.005):
        return False, _("tones 1 and 2 are 平, 3 and 4 are 仄; compare only the 2nd and 4th characters of each line.")
    return False, _("give the share of the four lines whose 2nd and 4th characters differ in tone class.")


@exercise("10.3")
def check_3(answer):
    q, d, h = 2600, 64, 256
    decoder, lstm = 2 * h * q, 2 * 4 * h * (d + h)  # forward FLOPs per character
    target = decoder / (decoder + lstm)
    if close(answer, target, 0.005):  # a share rounded to two decimals
        return True, _("per character the decoder costs 2 h q = {decoder:,} FLOPs and the LSTM "
                       "2 x 4h(d + h) = {lstm:,}: the decoder is {target:.0%} of the products, "
                       "the two are equal only when q = 4(d + h), at h = q/4 - d, about 590 here.",
                       decoder=decoder, lstm=lstm, target=target)
    if close(answer, 2 * 128 * q / (2 * 128 * q + 8 * 128 * (d + 128)), 0.005):
        return False, _("that is the share at h = 128; the exercise doubles h to 256.")
    if close(answer, decoder / (decoder + 2 * 4 * h * h), 0.005):
        return False, _("the LSTM's products include the input ones, X_t times the d x 4h input weights.")
    return False, _("count 2ab c FLOPs per (a x b)(b x c) product: n = 1 character, the four gates' products and the decoder's.")
