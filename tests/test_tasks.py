import numpy as np
import pytest

from utils import (encode_binary_addition, from_bits, make_adding_problem,
                   make_binary_addition, make_digit_sum, make_parity,
                   simulate_narendra_plant, to_bits)


def test_parity_shapes_and_running_parity():
    X, Y = make_parity(50, 9, seed=1)
    assert X.shape == (50, 9, 1) and Y.shape == (50, 9)
    assert X.dtype == Y.dtype == np.float32
    bits = X[:, :, 0].astype(int)
    for t in range(9):
        np.testing.assert_array_equal(Y[:, t], bits[:, :t + 1].sum(axis=1) % 2)


def test_generators_are_pure_functions_of_the_seed():
    for make in (lambda s: make_parity(4, 5, s), lambda s: make_binary_addition(4, 5, s),
                 lambda s: make_adding_problem(4, 6, s), lambda s: make_digit_sum(4, 6, seed=s)):
        a, b, c = make(3), make(3), make(4)
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])
        assert not np.array_equal(a[0], c[0])


def test_binary_addition_sums_bit_by_bit():
    X, Y = make_binary_addition(200, 8, seed=0)
    assert X.shape == (200, 9, 2) and Y.shape == (200, 9)
    np.testing.assert_array_equal(from_bits(X[:, :, 0]) + from_bits(X[:, :, 1]), from_bits(Y))
    X, Y = encode_binary_addition(np.array([255, 1]), np.array([255, 2]), 8)
    np.testing.assert_array_equal(from_bits(Y), [510, 3])
    np.testing.assert_array_equal(X[1, :, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0])  # LSB first


def test_bits_round_trip():
    values = np.arange(1000)
    np.testing.assert_array_equal(from_bits(to_bits(values, 10)), values)


def test_adding_problem_markers_and_targets():
    X, Y = make_adding_problem(500, 20, seed=2)
    assert X.shape == (500, 20, 2) and Y.shape == (500,)
    markers = X[:, :, 1]
    np.testing.assert_array_equal(markers.sum(axis=1), 2)
    np.testing.assert_array_equal(markers[:, :10].sum(axis=1), 1)
    np.testing.assert_allclose((X[:, :, 0] * markers).sum(axis=1), Y, rtol=1e-6)
    baseline = ((Y - 1.0) ** 2).mean()
    assert abs(baseline - 1 / 6) < 0.03


def test_digit_sum_depends_only_on_the_first_digits():
    X, Y = make_digit_sum(300, 12, num_digits=3, seed=5)
    assert X.shape == (300, 12) and Y.shape == (300,)
    np.testing.assert_array_equal(X[:, 3:], 0)
    np.testing.assert_array_equal(X[:, :3].sum(axis=1), Y)
    assert X.max() <= 9 and Y.max() <= 27


def test_narendra_plant_follows_its_equation():
    u = np.random.default_rng(0).uniform(-2, 2, 50)
    y = simulate_narendra_plant(u)
    assert y.shape == (51,) and y[0] == 0
    assert y[1] == pytest.approx(u[0])
    for k in range(1, 50):
        f = y[k] * y[k - 1] * (y[k] + 2.5) / (1 + y[k] ** 2 + y[k - 1] ** 2)
        assert y[k + 1] == pytest.approx(f + u[k])
    assert np.all(np.abs(y) < 10)  # the plant is stable for |u| <= 2


@pytest.mark.parametrize("call, name", [
    (lambda: make_parity(10, 1), "length"),
    (lambda: make_parity(0, 5), "num_sequences"),
    (lambda: make_parity(10, 5.0), "length"),
    (lambda: make_parity(10, 5, seed=-1), "seed"),
    (lambda: make_adding_problem(10, 1), "length"),
    (lambda: make_adding_problem(-3, 10), "num_samples"),
    (lambda: make_binary_addition(10, 0), "num_bits"),
    (lambda: encode_binary_addition(np.array([256]), np.array([1]), 8), "a must"),
    (lambda: encode_binary_addition(np.array([1]), np.array([1.5]), 8), "b must"),
    (lambda: encode_binary_addition(np.array([1]), np.array([1, 2]), 8), "same shape"),
    (lambda: make_digit_sum(10, 1), "length"),
    (lambda: make_digit_sum(10, 3, num_digits=4), "length"),
    (lambda: make_digit_sum(10, 5, num_digits=0), "num_digits"),
    (lambda: to_bits([1], 0), "length"),
    (lambda: from_bits(np.zeros(3)), "bits"),
    (lambda: simulate_narendra_plant(np.zeros((2, 2))), "u must"),
    (lambda: simulate_narendra_plant([np.nan]), "finite"),
])
def test_bad_arguments_raise_value_error_naming_them(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_number_to_words_spells_numbers_out():
    from utils import NUMBER_WORDS, number_to_words
    cases = {0: "zero", 7: "seven", 13: "thirteen", 20: "twenty", 305: "three hundred five",
             40012: "forty thousand twelve", 1000000: "one million",
             100100100: "one hundred million one hundred thousand one hundred",
             999999999: "nine hundred ninety nine million nine hundred ninety nine thousand "
                        "nine hundred ninety nine",
             2000000001: "two billion one"}
    for value, text in cases.items():
        assert " ".join(number_to_words(value)) == text
    assert len(NUMBER_WORDS) == len(set(NUMBER_WORDS)) == 32
    for bad in (-1, 10 ** 12, 2.0, True, "3"):
        with pytest.raises(ValueError):
            number_to_words(bad)


def _words_to_number(words):
    """An independent parser: the inverse of number_to_words."""
    small = {w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split())}
    small.update({w: 10 * (i + 2) for i, w in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split())})
    total = group = 0
    for word in words:
        if word == "hundred":
            group *= 100
        elif word in ("thousand", "million", "billion"):
            total += group * {"thousand": 10 ** 3, "million": 10 ** 6, "billion": 10 ** 9}[word]
            group = 0
        else:
            group += small[word]
    return total + group


def test_make_number_words_round_trips_and_is_distinct():
    from utils import make_number_words
    words, digits, values = make_number_words(3000, max_digits=9, seed=2)
    assert len(words) == len(digits) == values.shape[0] == 3000 and values.dtype == np.int64
    assert len(set(values.tolist())) == 3000                       # distinct numbers
    for w, d, v in zip(words, digits, values):
        assert _words_to_number(w) == v == int(d) and d == str(v)
    lengths = np.array([len(d) for d in digits])
    assert lengths.min() == 1 and lengths.max() == 9
    counts = np.bincount(lengths)[3:]      # 3..9 digits: drawn uniformly (1, 2: few numbers)
    assert counts.min() > 0.8 * counts.mean()
    again = make_number_words(3000, max_digits=9, seed=2)
    assert again[1] == digits and make_number_words(3000, 9, seed=3)[1] != digits
    _, d3, _ = make_number_words(50, max_digits=5, min_digits=3, seed=0)
    assert all(3 <= len(d) <= 5 for d in d3)
    for kwargs in ({"num_samples": 0, "max_digits": 3}, {"num_samples": 10, "max_digits": 13},
                   {"num_samples": 10, "max_digits": 3, "min_digits": 4},
                   {"num_samples": 6, "max_digits": 1}):
        with pytest.raises(ValueError):
            make_number_words(**kwargs)
