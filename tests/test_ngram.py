"""Tests of utils.ngram: interpolated Kneser-Ney n-gram models stored sparsely."""
import numpy as np
import pytest

from utils.ngram import KneserNey, modified_discounts, seen_context_fraction

# "abacab" over the vocabulary a, b, c, d (d never occurs): bigrams ab x2, ba, ac, ca
ABACAB = [0, 1, 0, 2, 0, 1]


def test_plain_bigram_matches_the_hand_computed_example():
    model = KneserNey(ABACAB, vocab_size=4, max_order=2, discount=0.5)
    # continuation counts: a follows b and c (2), b follows a (1), c follows a (1), d none;
    # P1(w) = max(N(.w) - 0.5, 0) / 4 + (0.5 * 3 / 4) / 4
    unigram = np.array([0.375, 0.125, 0.125, 0.0]) + 0.09375
    # the order-1 model itself uses plain counts (a 3, b 2, c 1 of 6)
    plain_unigram = np.array([2.5, 1.5, 0.5, 0.0]) / 6 + (0.5 * 3 / 6) / 4
    np.testing.assert_allclose(model.distribution([], order=1), plain_unigram, rtol=1e-12)
    # after "a": b twice, c once (total 3, two distinct followers)
    after_a = np.array([0.0, 1.5, 0.5, 0.0]) / 3 + (0.5 * 2 / 3) * unigram
    np.testing.assert_allclose(model.distribution([0]), after_a, rtol=1e-12)
    # after "b": only "ba" (the final b has no follower, so the total is 1, not 2)
    after_b = np.array([0.5, 0.0, 0.0, 0.0]) + 0.5 * unigram
    np.testing.assert_allclose(model.distribution([1]), after_b, rtol=1e-12)
    # after the unseen "d": the unigram level alone
    np.testing.assert_allclose(model.distribution([3]), unigram, rtol=1e-12)
    expected = [after_a[1], after_b[3], unigram[0], after_a[2]]
    np.testing.assert_allclose(np.exp(model.log_probs([1, 3, 0, 2], history=[0])), expected,
                               rtol=1e-12)


def test_modified_discounts_follow_chen_and_goodman():
    # Y = 10 / (10 + 2 * 5) = 0.5
    np.testing.assert_allclose(modified_discounts(10, 5, 3, 2),
                               (1 - 2 * 0.5 * 5 / 10, 2 - 3 * 0.5 * 3 / 5, 3 - 4 * 0.5 * 2 / 3))
    assert modified_discounts(4, 0, 0, 0) == (1.0, 1.0, 1.5)  # clipped, then fallbacks
    with pytest.raises(ValueError, match="n2"):
        modified_discounts(1, -1, 0, 0)


@pytest.fixture(scope="module")
def text_model():
    rng = np.random.default_rng(0)
    words = [rng.integers(1, 12, size=rng.integers(2, 7)) for _ in range(40)]
    ids = np.concatenate([words[i] for i in rng.integers(0, 40, size=800)] +
                         [np.array([0])])  # token 0 once, token 12 never
    return ids, KneserNey(ids, vocab_size=13, max_order=5)


@pytest.mark.parametrize("discount", [None, 0.7])
def test_every_distribution_sums_to_one_seen_and_unseen_contexts(text_model, discount):
    ids, model = text_model
    if discount is not None:
        model = KneserNey(ids, vocab_size=13, max_order=5, discount=discount)
    contexts = [ids[i - 4:i] for i in range(4, 200, 7)] + [[12, 12, 12, 12], [12], [],
                                                           [0, 12, 3, 3]]
    for order in range(1, 6):
        for context in contexts:
            p = model.distribution(context, order)
            assert p.shape == (13,) and (p > 0).all()
            assert abs(p.sum() - 1) < 1e-12


def test_log_probs_agree_with_distributions_and_orders_in_one_pass(text_model):
    ids, model = text_model
    held_out = np.array([3, 4, 12, 5, 0, 6, 7, 3, 4, 5, 1, 2])
    by_order = model.log_probs_by_order(held_out, history=ids)
    assert by_order.shape == (5, len(held_out))
    history = list(ids)
    for t, token in enumerate(held_out):
        for order in range(1, 6):
            p = model.distribution(history, order)[token]
            assert abs(by_order[order - 1, t] - np.log(p)) < 1e-12
        history.append(token)
    np.testing.assert_allclose(model.log_probs(held_out, ids, order=3), by_order[2])
    assert model.perplexity(held_out, ids, order=2) == pytest.approx(
        np.exp(-by_order[1].mean()))


def test_start_of_text_uses_the_longest_context_available(text_model):
    ids, model = text_model
    by_order = model.log_probs_by_order(ids[:6])
    for t in range(4):  # t tokens precede: orders above t + 1 fall back to order t + 1
        np.testing.assert_array_equal(by_order[t + 1:, t], by_order[t, t])
        assert abs(by_order[t, t] - np.log(model.distribution(ids[:t], 5)[ids[t]])) < 1e-12


def test_higher_orders_fit_the_training_text_better(text_model):
    ids, model = text_model
    train_perplexity = np.exp(-model.log_probs_by_order(ids[100:400], ids[:100]).mean(axis=1))
    assert (np.diff(train_perplexity) < 0).all()
    assert model.num_ngrams(1) < model.num_ngrams(3) < model.num_ngrams(5)
    assert len(model.discounts(3)) == 3 and all(len(d) == 3 for d in model.discounts(3))


def test_large_vocabulary_is_stored_sparsely():
    rng = np.random.default_rng(1)
    ids = rng.integers(0, 3000, size=5000)
    model = KneserNey(ids, vocab_size=3000, max_order=8)
    assert model.num_ngrams(8) <= 8 * 5000
    assert abs(model.distribution(ids[-7:]).sum() - 1) < 1e-12


def test_bad_arguments_raise_value_errors():
    with pytest.raises(ValueError, match="vocab_size"):
        KneserNey(ABACAB, vocab_size=0, max_order=2)
    with pytest.raises(ValueError, match="max_order"):
        KneserNey(ABACAB, vocab_size=4, max_order=0)
    with pytest.raises(ValueError, match="discount"):
        KneserNey(ABACAB, vocab_size=4, max_order=2, discount=1.5)
    with pytest.raises(ValueError, match="ids"):
        KneserNey(ABACAB, vocab_size=2, max_order=2)  # id 2 and 3 out of range
    with pytest.raises(ValueError, match="ids"):
        KneserNey([[0, 1], [1, 0]], vocab_size=2, max_order=1)
    with pytest.raises(ValueError, match="too short"):
        KneserNey([0, 1], vocab_size=2, max_order=3)
    model = KneserNey(ABACAB, vocab_size=4, max_order=2)
    with pytest.raises(ValueError, match="order"):
        model.distribution([0], order=3)
    with pytest.raises(ValueError, match="context"):
        model.distribution([7])
    with pytest.raises(ValueError, match="length"):
        seen_context_fraction(ABACAB, ABACAB, 0)


def test_seen_context_fraction_counts_positions_with_a_known_context():
    train = [0, 1, 2, 0, 1, 2]
    # contexts of length 2 in [0, 1, 2, 2, 1]: (0,1) seen, (1,2) seen, (2,2) not
    assert seen_context_fraction(train, [0, 1, 2, 2, 1], 2) == pytest.approx(2 / 3)
    assert seen_context_fraction(train, [2, 0, 1, 2], 1) == 1.0
