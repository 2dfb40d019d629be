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


def lstm_count_forgets_D_above(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return 4 * D * (h * (d + h + 2) + (num_layers - 1) * h * (h + h + 2))


def lstm_count_forgets_D_first(d, h, num_layers, bidirectional=False):
    D = 2 if bidirectional else 1
    return 4 * (h * (d + h + 2) + (num_layers - 1) * h * (D * h + h + 2))


RIGHT_AND_WRONG["06.1"] = (0.74, [(7 / 8) ** 10, 0.26, 1 - (7 / 8) ** 5])     # two decimals suffice
RIGHT_AND_WRONG["06.2"] = ("5", [4, 10, 4.5])
RIGHT_AND_WRONG["06.4"] = (lstm_count, [elman_count, lstm_count_one_bias, lstm_count_forgets_D_above,
                                        lstm_count_forgets_D_first])


def test_lstm_count_hints_name_the_mistake(capsys):
    from utils import exercises
    for wrong, words in ((lstm_count_forgets_D_above, "D h outputs"), (lstm_count_forgets_D_first, "each of the D"),
                         (lstm_count_one_bias, "two bias"), (elman_count, "four blocks")):
        assert exercises.check("06.4", wrong) is False
        assert words in capsys.readouterr().out, wrong.__name__
