"""Checks for the exercises of notebook 08 (the GRU)."""
import math

from . import _, close, exercise

GATE_BLOCKS = {"LSTM": 4, "GRU": 3, "Elman": 1}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _layer_parameters(model: str, d: int, h: int) -> int:
    """Parameters of one Gluon layer: blocks x (d h + h^2 + 2 h), two biases per block."""
    return GATE_BLOCKS[model] * (d * h + h * h + 2 * h)


def _hidden_for_budget(model: str, d: int, budget: int) -> int:
    """The hidden size whose parameter count is closest to budget (the notebook's rule)."""
    return min(range(1, 1024), key=lambda h: abs(_layer_parameters(model, d, h) - budget))


@exercise("08.1")
def check_1(answer):
    # All weights 0: R_t and the candidate see only biases; the candidate is tanh(0) = 0,
    # Z_t = sigma(2) at every step, so H_t = sigma(2)^t H_0 with H_0 = 1.
    target = _sigmoid(2.0) ** 10
    # tolerance: an answer rounded to three decimals (float32 rounding is far smaller)
    if close(answer, target, 1e-3):
        return True, _("H_10 = Z^10 H_0 = sigma(2)^10 = {target:.4f}: with zero weights the "
                       "candidate is tanh(0) = 0 and the update gate is sigma(2) = 0.881 at "
                       "every step, so each step keeps 88 % of the state and writes 0.", target=target)
    if close(answer, _sigmoid(2.0), 1e-3):
        return False, _("that is Z_t = sigma(2), the share kept in ONE step; the state is "
                        "multiplied by it at each of the 10 steps.")
    if close(answer, 0.5 ** 10, 1e-3):
        return False, _("0.5^10 would be the update gate at sigma(0); the bias +2 moves it to "
                        "sigma(2) = 0.881.")
    if close(answer, 1 - target, 1e-3):
        return False, _("that is the share written, 1 - Z^10; in Gluon's (and our) equation "
                        "H_t = Z_t H_{t-1} + (1 - Z_t) H~_t the update gate Z_t is the share KEPT.")
    return False, _("run the recurrence by hand: what are Z_t and the candidate H~_t when every "
                    "weight is zero, and what does H_t = Z_t H_{t-1} + (1 - Z_t) H~_t then do "
                    "to H_0 = 1 over 10 steps?")


@exercise("08.2")
def check_2(answer):
    d, lstm_hidden = 10, 32  # the digit sum's one-hot input, the LSTM's h in the race
    h = _hidden_for_budget("GRU", d, _layer_parameters("LSTM", d, lstm_hidden))
    start, stop = (int(v) for v in answer)
    if (start, stop) == (h, 2 * h):
        return True, _("the GRU of the digit sum has h = {h}; Gluon stacks the blocks r, z, h, "
                       "so the update gate's bias is rows [{h}, {end}) of l0_i2h_bias "
                       "(its h2h_bias block adds to it: only the sum counts for a gate).",
                       h=h, end=2 * h)
    if (start, stop) == (0, h):
        return False, _("rows [0, h) are the reset gate's block: Gluon's order is r, z, h.")
    if (start, stop) == (2 * h, 3 * h):
        return False, _("rows [2h, 3h) are the candidate's block: Gluon's order is r, z, h.")
    if stop - start != h:
        return False, _("a block of one gate has h rows; the digit-sum GRU's h comes from the "
                        "equal-budget rule (the notebook prints it).")
    return False, _("Gluon's order is reset, update, candidate; which rows does the second block take?")


@exercise("08.3")
def check_3(answer):
    d, h = 10, 32
    target = {m: _layer_parameters(m, d, h) for m in ("LSTM", "GRU", "Elman")}
    given = dict(answer)
    if set(given) != set(target):
        raise ValueError(_("give a dict with the keys 'LSTM', 'GRU' and 'Elman'"))
    if all(int(given[m]) == target[m] for m in target):
        return True, _("one block is d h + h^2 + 2h = {elman} (Gluon keeps two biases); "
                       "the LSTM has 4 blocks ({lstm}), the GRU 3 ({gru}), "
                       "the Elman layer 1: at the same h the budgets differ by 4 : 3 : 1.",
                       elman=target['Elman'], lstm=target['LSTM'], gru=target['GRU'])
    one_bias = {m: GATE_BLOCKS[m] * (d * h + h * h + h) for m in target}
    if all(int(given[m]) == one_bias[m] for m in target):
        return False, _("that counts one bias per block; Gluon's layers keep two, i2h_bias and "
                        "h2h_bias, so each block has d h + h^2 + 2h parameters.")
    wrong = [m for m in target if int(given[m]) != target[m]]
    return False, _("not right for {models}: count the layer alone (no Dense), "
                    "blocks x (input weights d h + recurrent weights h^2 + two biases 2h).",
                    models=_(", ").join(wrong))


@exercise("08.4")
def check_4(answer):
    d, lstm_hidden = 2, 64  # the adding problem's input: (value, marker)
    budget = _layer_parameters("LSTM", d, lstm_hidden)
    target = (_hidden_for_budget("GRU", d, budget), _hidden_for_budget("Elman", d, budget))
    gru, elman = (int(v) for v in answer)
    if (gru, elman) == target:
        return True, _("the LSTM with h = 64 has {budget} parameters; 3(2h + h^2 + 2h) is closest "
                       "at h = {gru} and (2h + h^2 + 2h) at h = {elman}: since h^2 "
                       "dominates, the sizes scale as sqrt(4/3) and sqrt(4) = 2 times the LSTM's.",
                       budget=budget, gru=target[0], elman=target[1])
    if (gru, elman) == (round(64 * 4 / 3), 64 * 4):
        return False, _("the budget grows with h^2, not h: four blocks of the LSTM buy the Elman "
                        "layer about sqrt(4) = 2 times the hidden size, not 4 times.")
    return False, _("the LSTM's budget is 4(2 h + h^2 + 2h) = {budget} at h = 64; find the h of a "
                    "3-block and a 1-block layer whose count is closest to it.", budget=budget)
