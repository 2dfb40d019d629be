"""Each check of notebook 06's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""

def elman_count(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return D * (h * (d + h + 2) + (num_layers - 1) * h * (D * h + h + 2))


def lstm_count(d, h, num_layers, bidirectional=False):
    return 4 * elman_count(d, h, num_layers, bidirectional)


def lstm_count_one_bias(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return 4 * D * (h * (d + h + 1) + (num_layers - 1) * h * (D * h + h + 1))


RIGHT_AND_WRONG = {
    "06.1": (1 - (7 / 8) ** 10, [(7 / 8) ** 10, 1 - (7 / 8) ** 5]),
    "06.2": (5, [4, 10]),
    "06.3": ("relu", ["tanh"]),
    "06.4": (lstm_count, [elman_count, lstm_count_one_bias]),
    "06.5": ((6, 5, 7), [(3, 5, 14), (6, 7, 5)]),
}
