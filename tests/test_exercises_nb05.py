"""Each check of notebook 05's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""

RIGHT_AND_WRONG = {
    "05.1": (1e-4, [0.01, 0.1]),                    # the rates hardly move
    "05.2": (0.1, [1.0, 3.0]),                      # weak input: growth; unit input: vanishing
    "05.4": ((0.9 ** 50, 1.1 ** 50), [(1.1 ** 50, 0.9 ** 50), (0.9 ** 75, 1.1 ** 75)]),
    "05.5": (74.5, [50, 25]),
}
