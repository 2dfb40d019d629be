"""Checks for the exercises of notebook 07 (LSTM)."""
import itertools
import re

import numpy as np

from . import _, exercise


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


@exercise("07.1")
def check_1(answer):
    steps, bias = 25, -2.0
    truth = _sigmoid(bias) ** steps
    answer = float(answer)
    # the lesson is the order of magnitude (about 1e-23: nothing survives), so the check accepts
    # an answer within a factor 10**0.15 = 1.4 of the truth, e.g. 0.12**25 or "1e-23"; a wrong
    # base for the power (0.11 or 0.13 instead of 0.119) is off by a factor 7 or more
    if answer > 0 and abs(np.log10(answer / truth)) < 0.15:
        return True, _("with F_t = sigma({bias:g}) = {forget:.4f} at every step, the cell keeps "
                       "{forget:.4f}^{steps} = {truth:.1e} of what it wrote: about "
                       "10^{exponent:.0f}, nothing. For comparison 0.5^{steps} = "
                       "{kept_at_0:.1e} for b_f = 0 and sigma(1)^{steps} = {kept_at_1:.1e} "
                       "for b_f = 1: it starts by wiping the cell at every step, so training has to "
                       "raise F_t before the cell can carry anything.",
                       bias=bias, forget=_sigmoid(bias), steps=steps, truth=truth,
                       exponent=np.log10(truth), kept_at_0=0.5 ** steps, kept_at_1=_sigmoid(1.0) ** steps)
    if answer > 0 and abs(np.log10(answer / 0.5 ** steps)) < 0.15:
        return False, _("that is sigma(0)^25, the default b_f = 0; the exercise sets b_f = -2.")
    return False, _("each step multiplies the old cell by F_t = sigma(b_f); compute sigma(-2) "
                    "(about 0.12) and raise it to the power {steps}: the answer is a tiny number, "
                    "and only its order of magnitude matters.", steps=steps)


@exercise("07.3")
def check_3(answer):
    d, h = 2, 32
    # the scratch model's input-gate tensors, as init_lstm_params creates them
    shapes = {"W_xi": (d, h), "W_hi": (h, h), "b_i": (h,)}
    truth = sum(int(np.prod(shape)) for shape in shapes.values())
    if int(answer) == truth and int(answer) == answer:
        return True, _("I_t = 1 - F_t needs no W_xi, W_hi, b_i: d h + h^2 + h = {truth} parameters "
                       "saved, a quarter of the layer's 4(d h + h^2 + h) = {layer}.",
                       truth=truth, layer=4 * truth)
    if int(answer) == truth + h:
        return False, _("{two_biases} counts Gluon's two bias vectors; the scratch model has one bias "
                        "per gate.", two_biases=truth + h)
    return False, _("the coupled variant drops the input gate's tensors: count the entries of "
                    "W_xi (d x h), W_hi (h x h) and b_i (h).")


def gluon_gate_order():
    """The order of Gluon's LSTMCell gate blocks, found by comparing one step of the cell with
    the LSTM equations under all 24 orders (random weights and biases, one unit per gate)."""
    from mxnet import nd
    from mxnet.gluon import rnn

    from ..seed import rng
    d, h = 2, 3
    generator = rng(7)
    cell = rnn.LSTMCell(h, input_size=d)
    cell.initialize()
    values = {"i2h_weight": generator.normal(size=(4 * h, d)),
              "h2h_weight": generator.normal(size=(4 * h, h)),
              "i2h_bias": generator.normal(size=4 * h), "h2h_bias": np.zeros(4 * h)}
    for name, value in values.items():
        getattr(cell, name).set_data(nd.array(value))
    X, H0, C0 = (generator.normal(size=(1, size)) for size in (d, h, h))
    output, (H1, C1) = cell(nd.array(X), [nd.array(H0), nd.array(C0)])
    pre = X @ values["i2h_weight"].T + H0 @ values["h2h_weight"].T + values["i2h_bias"]
    blocks = np.split(pre, 4, axis=1)
    matches = []
    for order in itertools.permutations("ifco"):
        z = dict(zip(order, blocks))
        C = _sigmoid(z["f"]) * C0 + _sigmoid(z["i"]) * np.tanh(z["c"])
        H = _sigmoid(z["o"]) * np.tanh(C)
        # float32 cell against float64 equations: agreement to 1e-5, other orders differ by O(0.1)
        if np.abs(C - C1.asnumpy()).max() < 1e-5 and np.abs(H - H1.asnumpy()).max() < 1e-5:
            matches.append("".join(order))
    if len(matches) != 1:
        raise RuntimeError(f"expected exactly one matching gate order, found {matches}")
    return matches[0]


def one_step_outcomes():
    """(C_1, H_1) of one LSTMCell unit with zero weights and one bias block at +10 (or none),
    after one step from C_0 = -1, H_0 = 0: a dict from the block index (or None) to the pair."""
    from mxnet import nd
    from mxnet.gluon import rnn
    cell = rnn.LSTMCell(1, input_size=1)
    cell.initialize()
    outcomes = {}
    for extra in (None,) + tuple(range(4)):
        bias = np.zeros(4)
        if extra is not None:
            bias[extra] = 10.0
        for name in ("i2h_weight", "h2h_weight", "h2h_bias"):
            getattr(cell, name).set_data(nd.zeros(getattr(cell, name).shape))
        cell.i2h_bias.set_data(nd.array(bias))
        output, (H1, C1) = cell(nd.zeros((1, 1)), [nd.zeros((1, 1)), -nd.ones((1, 1))])
        outcomes[extra] = (float(C1.asscalar()), float(H1.asscalar()))
    return outcomes


def _letters(answer):
    if isinstance(answer, str):
        parts = re.findall(r"[a-zA-Z]+", answer)
        letters = "".join(parts) if all(len(p) == 1 for p in parts) else "".join(p[0] for p in parts)
        if len(parts) == 1:
            letters = parts[0]
    else:
        letters = "".join(str(part).strip()[0] for part in answer)
    return letters.lower().replace("g", "c")


@exercise("07.5")
def check_5(answer):
    # the order alone is printed in section 4, so the check also asks for what the experiment
    # gives: (C_1, H_1) after one step with block 0, 1, 2, 3 at +10, to 0.01
    if isinstance(answer, str) or len(answer) != 2 or isinstance(answer[1], str):
        raise ValueError(_("give a pair: Gluon's order as a string of the letters i, f, c, o, and "
                           "the four (C_1, H_1) of one step with block 0, 1, 2, 3 at +10"))
    order = gluon_gate_order()
    mine = _letters(answer[0])
    if len(mine) != 4 or sorted(mine) != sorted("ifco"):
        raise ValueError(_("give the four blocks as a string of the letters i, f, c, o, e.g. 'oicf'"))
    pairs = [tuple(float(v) for v in pair) for pair in answer[1]]
    if len(pairs) != 4 or any(len(pair) != 2 for pair in pairs):
        raise ValueError(_("give four pairs (C_1, H_1), one for each block 0, 1, 2, 3"))
    outcomes = one_step_outcomes()
    off = [b for b in range(4) if max(abs(pairs[b][k] - outcomes[b][k]) for k in range(2)) > 0.01]
    wrong = [b for b in range(4) if mine[b] != order[b]]
    if off:
        return False, _("your (C_1, H_1) for blocks {blocks} differ from one step of the cell by "
                        "more than 0.01: set every weight and bias to zero and only that block of "
                        "i2h_bias to +10, start from C_0 = -1, H_0 = 0 and read C_1 and H_1 off the "
                        "returned state.", blocks=_(", ").join(str(b) for b in off))
    if wrong:
        return False, _("your (C_1, H_1) are right, but blocks {blocks} are not what you say: compare "
                        "each pair with your predictions (the other gates at 0.5, the candidate at 0).",
                        blocks=_(", ").join(str(b) for b in wrong))
    names = {"i": _("input gate"), "f": _("forget gate"), "c": _("candidate"), "o": _("output gate")}
    table = _("; ").join(_("block {b} ({gate}): C_1 = {C_1:+.3f}, H_1 = {H_1:+.3f}",
                           b=b, gate=names[order[b]], C_1=outcomes[b][0], H_1=outcomes[b][1])
                         for b in range(4))
    return True, _("Gluon's blocks are {order}, and your four steps match the cell's to 0.01. With "
                   "no block at +10, C_1 = {C_1:+.3f}, H_1 = {H_1:+.3f}; {table}. The forget gate "
                   "keeps C_0 = -1; the candidate writes tanh(10) = 1 and cancels the kept half of "
                   "C_0; the output gate leaves C_1 and doubles H_1; the input gate changes nothing, "
                   "because with zero weights the candidate is tanh(0) = 0: it is found by "
                   "elimination, or by giving the candidate a bias.",
                   order=_(", ").join(order), C_1=outcomes[None][0], H_1=outcomes[None][1], table=table)
