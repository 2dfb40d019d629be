"""Tests of utils.text: reading, vocabulary, splitting and batching a character corpus."""
import numpy as np
import pytest
from mxnet import nd

from pathlib import Path

from utils.text import (UNKNOWN_TOKEN, RandomBatches, SequentialBatches, build_vocab, decode,
                        encode, load_corpus, read_poems, read_text, split_by_position)

POEM = "床前明月光，疑是地上霜。\r\n举头望明月，低头思故乡。\n"


@pytest.fixture
def chinese_file(tmp_path):
    path = tmp_path / "poem.txt"
    path.write_text(POEM * 20, encoding="utf-8")
    return path


def test_read_text_reads_utf8_and_normalises_line_endings(chinese_file):
    text = read_text(chinese_file)
    assert "\r" not in text
    assert text.startswith("床前明月光，")
    assert len(text) == (len(POEM) - 1) * 20


def test_read_text_rejects_missing_empty_and_non_utf8_files(tmp_path):
    with pytest.raises(ValueError, match="path"):
        read_text(tmp_path / "missing.txt")
    (tmp_path / "blank.txt").write_text(" \n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty"):
        read_text(tmp_path / "blank.txt")
    (tmp_path / "latin1.txt").write_bytes("café".encode("latin-1"))
    with pytest.raises(ValueError, match="UTF-8"):
        read_text(tmp_path / "latin1.txt")


def test_build_vocab_has_every_character_and_an_unknown_token():
    vocab = build_vocab("abracadabra")
    assert set(vocab.idx_to_token) == {UNKNOWN_TOKEN, "a", "b", "r", "c", "d"}
    assert vocab["z"] == vocab.unk
    rare = build_vocab("abracadabra", min_freq=2)  # "c" and "d" occur once
    assert rare["c"] == rare.unk and rare["a"] != rare.unk


def test_build_vocab_rejects_bad_input():
    with pytest.raises(ValueError, match="text"):
        build_vocab("")
    with pytest.raises(ValueError, match="min_freq"):
        build_vocab("abc", min_freq=0)


def test_encode_and_decode_round_trip_chinese():
    text = POEM.replace("\r\n", "\n")
    vocab = build_vocab(text)
    indices = encode(text, vocab)
    assert indices.shape == (len(text),) and indices.dtype == np.int64
    assert decode(indices, vocab) == text
    assert decode(encode("月x", vocab), vocab) == "月" + UNKNOWN_TOKEN
    with pytest.raises(ValueError, match="text"):
        encode("", vocab)


def test_split_by_position_keeps_order_and_sizes():
    train, val = split_by_position(np.arange(100), val_fraction=0.1)
    assert train.tolist() == list(range(90)) and val.tolist() == list(range(90, 100))
    with pytest.raises(ValueError, match="val_fraction"):
        split_by_position(np.arange(100), val_fraction=1.0)
    with pytest.raises(ValueError, match="one-dimensional"):
        split_by_position(np.zeros((4, 5)), val_fraction=0.5)
    with pytest.raises(ValueError, match="too short"):
        split_by_position(np.arange(3), val_fraction=0.1)


def test_load_corpus_on_a_chinese_file(chinese_file):
    vocab, train, val = load_corpus(chinese_file, val_fraction=0.1)
    text = read_text(chinese_file)
    assert len(train) + len(val) == len(text)
    assert len(vocab) == len(set(text)) + 1  # every character, plus <unk>
    assert decode(val, vocab) == text[-len(val):]
    with pytest.raises(ValueError, match="val_fraction"):
        load_corpus(chinese_file, val_fraction=0)


def test_random_batches_shapes_targets_and_repeatability():
    corpus = np.arange(1000)
    batches = RandomBatches(corpus, batch_size=4, num_steps=10, seed=0)
    pairs = list(batches)
    assert len(pairs) == len(batches) == 24
    for X, Y in pairs:
        assert isinstance(X, nd.NDArray) and X.shape == Y.shape == (4, 10)
        assert (Y.asnumpy() == X.asnumpy() + 1).all()  # the next token
        assert (np.diff(X.asnumpy(), axis=1) == 1).all()  # contiguous windows
    again = list(RandomBatches(corpus, batch_size=4, num_steps=10, seed=0))
    assert all((a[0].asnumpy() == b[0].asnumpy()).all() for a, b in zip(pairs, again))
    starts = np.concatenate([X.asnumpy()[:, 0] for X, _ in pairs])
    assert len(set(starts.tolist())) == len(starts)  # no window twice in one pass


def test_sequential_batches_continue_row_by_row():
    batches = SequentialBatches(np.arange(1000), batch_size=4, num_steps=10, seed=1)
    pairs = list(batches)
    assert len(pairs) == len(batches) == 24
    for (X, Y), (X_next, _) in zip(pairs, pairs[1:]):
        assert X.shape == Y.shape == (4, 10)
        assert (Y.asnumpy() == X.asnumpy() + 1).all()
        assert (X_next.asnumpy()[:, 0] == X.asnumpy()[:, -1] + 1).all()


@pytest.mark.parametrize("iterator", [RandomBatches, SequentialBatches])
def test_batches_reject_bad_arguments(iterator):
    with pytest.raises(ValueError, match="batch_size"):
        iterator(np.arange(100), batch_size=0, num_steps=5)
    with pytest.raises(ValueError, match="num_steps"):
        iterator(np.arange(100), batch_size=2, num_steps=-1)
    with pytest.raises(ValueError, match="too short"):
        iterator(np.arange(20), batch_size=4, num_steps=5)
    with pytest.raises(ValueError, match="one-dimensional"):
        iterator(np.zeros((10, 10)), batch_size=2, num_steps=2)


TANG300 = Path(__file__).resolve().parents[1] / "data" / "tang300.txt"


def test_the_shipped_tang_poems_load():
    poems = read_poems(TANG300)
    assert len(poems) == 313
    first = poems[0]
    assert first.title == "《感遇·其一》" and first.author == "张九龄"
    assert first.lines[0] == "兰叶春葳蕤，桂华秋皎洁。"
    characters = "".join("".join(poem.lines) for poem in poems)
    assert 20_000 < len(characters) < 30_000
    assert len(set(characters)) > 2_000  # a vocabulary of thousands of characters
    assert all(poem.lines and poem.author for poem in poems)


def test_read_poems_rejects_a_block_without_verses(tmp_path):
    path = tmp_path / "poems.txt"
    path.write_text("《题》\n作者\n一二三四五，六七八九十。\n\n《无诗》\n作者\n", encoding="utf-8")
    with pytest.raises(ValueError, match="block 2"):
        read_poems(path)


def test_poem_form_counts_lengths_marks_and_regular_poems():
    from utils.text import poem_clauses, poem_form
    quatrain = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"
    assert poem_form([quatrain]) == {"length": 1.0, "punctuation": 1.0, "regular": 1.0}
    # without the first comma: clauses of 10, 5 and 5 characters, every mark in the wrong place
    broken = "床前明月光疑是地上霜。举头望明月，低头思故乡。"
    assert len(poem_clauses(broken)) == 3
    assert poem_form([broken]) == {"length": 2 / 3, "punctuation": 0.0, "regular": 0.0}
    assert poem_form(["床前明月光疑，地上霜。"])["length"] == 0   # 6 and 3 characters
    assert poem_form([quatrain, broken])["regular"] == 0.5
    assert poem_form(["床前明月光，疑是地上"])["length"] == 0.5   # a last clause without a mark
