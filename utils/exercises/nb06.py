"""Checks for the exercises of notebook 06 (bidirectional and deep RNNs)."""
import numpy as np

from . import _, close, exercise

VOCABULARY, LENGTH = 8, 20


def repeat_ahead_labels(num_sequences, k, seed=0, length=LENGTH, vocab_size=VOCABULARY):
    """Labels of the notebook's repeat-ahead task: y_t = 1 when x_t occurs among x_{t+1..t+k}."""
    from ..seed import rng
    tokens = rng(seed).integers(0, vocab_size, size=(num_sequences, length))
    labels = np.zeros((num_sequences, length))
    for shift in range(1, k + 1):
        labels[:, :-shift] = np.maximum(labels[:, :-shift], tokens[:, :-shift] == tokens[:, shift:])
    return labels


@exercise("06.1")
def check_1(answer):
    k, middle = 10, LENGTH // 2
    p = 1 - (1 - 1 / VOCABULARY) ** min(k, LENGTH - middle)
    bound = max(p, 1 - p)
    samples = 20000
    measured = repeat_ahead_labels(samples, k, seed=99)[:, middle - 1].mean()
    # the bound is exact; 0.005 accepts it rounded to two decimals
    if close(answer, bound, 5e-3):
        return True, _("at t = {middle} there are min(k, T - t) = {ahead} tokens "
                       "ahead, so p_t = 1 - (7/8)^{ahead} = {p:.3f} and the "
                       "past-only bound is max(p_t, 1 - p_t) = {bound:.3f}; {samples} sampled "
                       "sequences give a label frequency of {measured:.3f}. With k = 10 a repeat "
                       "is now the likelier label, so a past-only model answers 1 there.",
                       middle=middle, ahead=min(k, LENGTH - middle), p=p, bound=bound,
                       samples=samples, measured=measured)
    if close(answer, 1 - bound, 5e-3):
        return False, _("{smaller:.3f} is the smaller of p_t and 1 - p_t; the best past-only "
                        "model predicts the likelier label, so its accuracy is the larger one.",
                        smaller=1 - bound)
    return False, _("use p_t = 1 - (1 - 1/V)^{m_t} with m_t = min(k, T - t) tokens ahead, and the "
                    "bound max(p_t, 1 - p_t).")


@exercise("06.2")
def check_2(answer):
    k = 5
    value = float(answer)
    if value != int(value):
        raise ValueError(_("the delay is a whole number of steps"))
    delay = int(value)
    # y_t depends on x_t .. x_{t+k}: an answer at step t + D sees them all exactly when D >= k.
    if delay == k:
        return True, _("y_t depends on x_t, ..., x_(t+{k}); answering at step t + D, a "
                       "left-to-right model has read them all exactly when D >= {k}, so the "
                       "smallest delay is {k}. Online, every label arrives {k} steps late, and the "
                       "sequence needs {k} padding steps at its end (its {length} labels "
                       "take {steps} steps).", k=k, length=LENGTH, steps=LENGTH + k)
    if delay > k:
        return False, _("a delay of {delay} works, but a smaller one does too: y_t needs x up to t + {k}.",
                        delay=delay, k=k)
    return False, _("with a delay of {delay} the model answers y_t before it has read "
                    "x_(t+{k}), on which y_t depends.", delay=delay, k=k)


@exercise("06.3")
def check_3(answer):
    from mxnet.gluon import rnn
    mode = rnn.RNN(4)._mode                      # 'rnn_relu' or 'rnn_tanh'
    default = mode.split("_")[-1]
    if str(answer).strip().lower() == default:
        return True, _("rnn.RNN(h) is built with activation='{default}' by default; notebook 03's "
                       "cells and the scratch layers use tanh, so a comparison must pass "
                       "activation='tanh' or phi = nd.relu.", default=default)
    return False, _("read the signature of rnn.RNN (help(rnn.RNN)): its default activation is "
                    "not the one you gave.")


SHAPES = [(1, 8, 1, False), (4, 5, 3, False), (8, 24, 1, True), (8, 24, 2, True), (3, 7, 3, True)]


@exercise("06.4")
def check_4(answer):
    from mxnet.gluon import rnn

    from ..training import count_parameters
    rows = []
    for d, h, layers, bidirectional in SHAPES:
        layer = rnn.LSTM(h, num_layers=layers, bidirectional=bidirectional, input_size=d)
        layer.initialize()
        rows.append((d, h, layers, bidirectional, int(answer(d, h, layers, bidirectional)),
                     count_parameters(layer)))
    wrong = [row for row in rows if row[4] != row[5]]
    if not wrong:
        return True, _("your count matches Gluon's rnn.LSTM on five shapes, deep and bidirectional "
                       "included: four gate blocks, each with an Elman layer's h(d + h + 2) "
                       "parameters (two bias vectors per block).")
    d, h, layers, bidirectional, mine, gluon = wrong[0]
    D = 2 if bidirectional else 1
    mistakes = {  # the usual wrong formulas, each with what it forgets
        _("the LSTM has four blocks where the Elman layer has one: 4 times rnn_parameter_count"):
            D * (h * (d + h + 2) + (layers - 1) * h * (D * h + h + 2)),
        _("each block has two bias vectors in Gluon (i2h and h2h): h(d + h + 2), not h(d + h + 1)"):
            4 * D * (h * (d + h + 1) + (layers - 1) * h * (D * h + h + 1)),
        _("layers above the first read the D h outputs of both directions of the layer below, not h"):
            4 * D * (h * (d + h + 2) + (layers - 1) * h * (h + h + 2)),
        _("a bidirectional layer has its own weights for each of the D directions, the first layer too"):
            4 * (h * (d + h + 2) + (layers - 1) * h * (D * h + h + 2)),
    }
    hints = [hint for hint, count in mistakes.items() if count == mine]
    hint = (hints[0] if hints else
            _("count per direction and layer: four blocks of an input matrix (h x inputs), a "
              "recurrent matrix (h x h) and two bias vectors; the first layer's inputs are d, a "
              "higher layer's are the D h outputs of the layer below"))
    return False, _("for d = {d}, h = {h}, {layers} layer(s), bidirectional={bidirectional}: you "
                    "count {mine}, Gluon has {gluon}; {hint}.",
                    d=d, h=h, layers=layers, bidirectional=bidirectional, mine=mine, gluon=gluon,
                    hint=hint)


@exercise("06.5")
def check_5(answer):
    from mxnet.gluon import rnn
    layer = rnn.RNN(7, num_layers=3, bidirectional=True)
    truth = tuple(layer.begin_state(batch_size=5)[0].shape)
    if tuple(int(v) for v in answer) == truth:
        return True, _("one state of h = 7 units per layer and direction, stacked on the first "
                       "axis: L D = 3 x 2 = {rows} rows (l0, r0, l1, r1, l2, r2), then the "
                       "batch n = 5: {truth}.", rows=truth[0], truth=truth)
    return False, _("the fused layer keeps one (n, h) state per layer and per direction, stacked "
                    "on the first axis, not {given}.", given=tuple(answer))
