"""Checks for the exercises of notebook 10 (classical Chinese poems)."""
from ..text import poem_form
from . import close, exercise


def _parameters(q: int, d: int, h: int):
    """Embedding, LSTM layer (two biases per gate, as in Gluon) and decoder."""
    return q * d, 4 * (d * h + h * h + 2 * h), (h + 1) * q


@exercise("10.1")
def _(answer):
    embedding, lstm, decoder = _parameters(2600, 64, 128)
    target = decoder / (embedding + lstm + decoder)
    # tolerance: a share rounded to two decimals
    if close(answer, target, 0.005):
        return True, (f"embedding q d = {embedding:,}, LSTM 4(dh + h^2 + 2h) = {lstm:,}, decoder "
                      f"(h + 1) q = {decoder:,}: the decoder holds {target:.0%} of the parameters, "
                      "more than the recurrent layer and the embedding together.")
    if close(answer, decoder / (lstm + decoder), 0.005):
        return False, "count the embedding too: it is a q x d table, another q d parameters."
    if close(answer, 128 * 2600 / (embedding + lstm + 128 * 2600), 0.005):
        return False, "the decoder has a bias per output as well: (h + 1) q parameters."
    return False, "add up the embedding (q x d), the LSTM layer (4 blocks of dh + h^2 + 2h) and the decoder ((h + 1) q)."


@exercise("10.2")
def _(answer):
    poem = "床前明月光疑是地上霜。举头望明月，低头思故乡。"
    target = tuple(poem_form([poem]).values())
    given = tuple(float(v) for v in answer)
    if len(given) != 3:
        raise ValueError("give three shares: (length, punctuation, regular)")
    # tolerance: shares given as fractions rounded to two decimals
    if all(close(g, t, 0.005) for g, t in zip(given, target)):
        return True, ("without the first comma there are three clauses: 10, 5 and 5 characters, "
                      "so 2/3 have the right length; and every mark is now in the wrong place "
                      "(full stop, comma, full stop where comma, full stop, comma are due), so "
                      "the punctuation share is 0 and the poem is not regular: one missing mark "
                      "shifts the parity of every clause after it.")
    if close(given[1], 0.75, 0.005) or close(given[1], 2 / 3, 0.005):
        return False, ("count the clauses after the missing comma: the first clause now runs to "
                       "the first full stop, and each later clause moves to the other parity.")
    if close(given[0], 0.75, 0.005) or close(given[0], 1.0, 0.005):
        return False, "the first clause now has 10 characters: cut the text at the marks that are there."
    return False, "cut the poem at its punctuation marks, then apply the three rules of section 2."


@exercise("10.3")
def _(answer):
    q, d, h = 2600, 64, 256
    decoder, lstm = 2 * h * q, 2 * 4 * h * (d + h)  # forward FLOPs per character
    target = decoder / (decoder + lstm)
    if close(answer, target, 0.005):  # a share rounded to two decimals
        return True, (f"per character the decoder costs 2 h q = {decoder:,} FLOPs and the LSTM "
                      f"2 x 4h(d + h) = {lstm:,}: the decoder is {target:.0%} of the products, "
                      "the two are equal only when q = 4(d + h), at h = q/4 - d, about 590 here.")
    if close(answer, 2 * 128 * q / (2 * 128 * q + 8 * 128 * (d + 128)), 0.005):
        return False, "that is the share at h = 128; the exercise doubles h to 256."
    if close(answer, decoder / (decoder + 2 * 4 * h * h), 0.005):
        return False, "the LSTM's products include the input ones, X_t times the d x 4h input weights."
    return False, "count 2ab c FLOPs per (a x b)(b x c) product: n = 1 character, the four gates' products and the decoder's."
