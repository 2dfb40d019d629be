"""Character-level text corpora for language models: read, index, split, batch.

Any UTF-8 text works (English, Chinese, code): a token is one Unicode
character. Indices are NumPy ``int64`` arrays; the minibatch iterators hand
out ``mx.nd`` arrays on the context you pass.
"""
import re
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, NamedTuple, Optional, Tuple, Union

import mxnet as mx
import numpy as np
from mxnet import nd

from .seed import rng

UNKNOWN_TOKEN = "<unk>"


def read_text(path: Union[str, Path]) -> str:
    """Return the contents of the UTF-8 text file ``path``.

    Line endings are normalised to ``"\\n"``. Raises ``ValueError`` when the
    file is not valid UTF-8 or holds no characters other than whitespace.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must name an existing file; got {str(path)!r}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"path must name a UTF-8 text file; {str(path)!r} is not "
                         f"({error.reason} at byte {error.start})") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError(f"path must name a file with text in it; {str(path)!r} is empty")
    return text


def build_vocab(text: str, min_freq: int = 1):
    """Return a d2l ``Vocab`` of the characters of ``text``.

    Characters seen fewer than ``min_freq`` times are left out and map to the
    unknown token ``"<unk>"`` (``vocab.unk``), as does any character met
    later that ``text`` does not contain. ``len(vocab)`` is the output size
    ``q`` of a language model.
    """
    from d2l import mxnet as d2l  # imported here: d2l is slow to import
    if not isinstance(text, str) or not text:
        raise ValueError("text must be a non-empty string")
    if isinstance(min_freq, bool) or not isinstance(min_freq, int) or min_freq < 1:
        raise ValueError(f"min_freq must be an integer >= 1; got {min_freq!r}")
    return d2l.Vocab(list(text), min_freq=min_freq)


def encode(text: str, vocab) -> np.ndarray:
    """Map each character of ``text`` to its index: shape ``(len(text),)``, int64."""
    if not isinstance(text, str) or not text:
        raise ValueError("text must be a non-empty string")
    return np.array(vocab[list(text)], dtype=np.int64)


def decode(indices, vocab) -> str:
    """Join the characters of ``indices`` (any 1-D sequence of ints) into a string."""
    indices = np.asarray(indices).reshape(-1)
    return "".join(vocab.idx_to_token[int(i)] for i in indices)


def split_by_position(corpus: np.ndarray, val_fraction: float = 0.1
                      ) -> Tuple[np.ndarray, np.ndarray]:
    """Split ``corpus`` (shape ``(L,)``) into its first ``1 - val_fraction``
    and its last ``val_fraction``: shapes ``(L - m,)`` and ``(m,)``.

    Splitting by position (not by random characters or windows) keeps the
    validation text unseen as a whole: no sentence is half in each part.
    """
    corpus = np.asarray(corpus)
    if corpus.ndim != 1:
        raise ValueError(f"corpus must be one-dimensional; got shape {corpus.shape}")
    num_val = _validation_size(len(corpus), val_fraction, "corpus", "tokens")
    return corpus[:-num_val], corpus[-num_val:]


def _validation_size(length: int, val_fraction: float, name: str, unit: str) -> int:
    """Number of items at the end of a sequence of ``length`` that form the
    validation part; both parts must keep at least two items."""
    if not 0 < val_fraction < 1:
        raise ValueError(f"val_fraction must lie strictly between 0 and 1; got {val_fraction!r}")
    num_val = int(round(length * val_fraction))
    if num_val < 2 or length - num_val < 2:
        raise ValueError(f"{name} of {length} {unit} is too short to split with "
                         f"val_fraction={val_fraction}")
    return num_val


def _check_batching(corpus: np.ndarray, batch_size: int, num_steps: int) -> np.ndarray:
    corpus = np.asarray(corpus)
    if corpus.ndim != 1:
        raise ValueError(f"corpus must be one-dimensional; got shape {corpus.shape}")
    for name, value in (("batch_size", batch_size), ("num_steps", num_steps)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1; got {value!r}")
    if len(corpus) < (batch_size + 1) * num_steps:
        raise ValueError(f"corpus of {len(corpus)} tokens is too short for one batch of "
                         f"batch_size={batch_size} x num_steps={num_steps}: it needs at "
                         f"least (batch_size + 1) * num_steps tokens")
    return corpus


class _Batches:
    """Shared part of the two iterators: arguments, seed, context."""

    def __init__(self, corpus: np.ndarray, batch_size: int, num_steps: int,
                 ctx: Optional[mx.Context] = None, seed: Optional[int] = None):
        self.corpus = _check_batching(corpus, batch_size, num_steps)
        self.batch_size, self.num_steps = int(batch_size), int(num_steps)
        self.ctx = ctx or mx.current_context()
        if seed is None:  # follow the global NumPy seed (set, shifted, by utils.set_seed)
            self.rng = np.random.default_rng(int(np.random.randint(2**31 - 1)))
        else:
            self.rng = rng(seed)

    def _arrays(self, X: np.ndarray, Y: np.ndarray) -> Tuple[nd.NDArray, nd.NDArray]:
        return (nd.array(X, ctx=self.ctx, dtype="float32"),
                nd.array(Y, ctx=self.ctx, dtype="float32"))


class RandomBatches(_Batches):
    """Minibatches of independent windows in random order.

    Each pass starts at a random offset in ``[0, num_steps)``, cuts the
    corpus into windows of ``num_steps`` tokens and yields them shuffled,
    ``batch_size`` at a time, as ``(X, Y)``: float32 ``mx.nd`` arrays of
    shape ``(batch_size, num_steps)`` (``NT`` layout) where ``Y`` is ``X``
    shifted by one token. Neighbouring windows of one batch are unrelated,
    so a model must start every batch from a fresh state.
    """

    def __iter__(self) -> Iterator[Tuple[nd.NDArray, nd.NDArray]]:
        offset = int(self.rng.integers(self.num_steps))
        num_windows = len(self) * self.batch_size  # whole batches only
        all_windows = (len(self.corpus) - self.num_steps) // self.num_steps
        starts = offset + self.num_steps * self.rng.permutation(all_windows)[:num_windows]
        steps = np.arange(self.num_steps)
        for first in range(0, num_windows, self.batch_size):
            index = starts[first:first + self.batch_size, None] + steps
            yield self._arrays(self.corpus[index], self.corpus[index + 1])

    def __len__(self) -> int:
        return (len(self.corpus) - self.num_steps) // self.num_steps // self.batch_size


class SequentialBatches(_Batches):
    """Minibatches whose rows continue each other from batch to batch.

    Each pass starts at a random offset in ``[0, num_steps)``, lays the corpus
    out as ``batch_size`` long rows and walks along them ``num_steps`` tokens
    at a time, yielding ``(X, Y)`` of shape ``(batch_size, num_steps)``
    (float32 ``mx.nd``, ``NT`` layout; ``Y`` is ``X`` shifted by one). Row
    ``i`` of one batch is followed in the text by row ``i`` of the next, so
    a model may carry its state across batches (detached from the graph).
    """

    def __iter__(self) -> Iterator[Tuple[nd.NDArray, nd.NDArray]]:
        offset = int(self.rng.integers(self.num_steps))
        row_length = (len(self.corpus) - self.num_steps) // self.batch_size
        rows = self.corpus[offset:offset + self.batch_size * row_length]
        targets = self.corpus[offset + 1:offset + 1 + self.batch_size * row_length]
        rows = rows.reshape(self.batch_size, row_length)
        targets = targets.reshape(self.batch_size, row_length)
        for start in range(0, len(self) * self.num_steps, self.num_steps):
            window = slice(start, start + self.num_steps)
            yield self._arrays(rows[:, window], targets[:, window])

    def __len__(self) -> int:
        return (len(self.corpus) - self.num_steps) // self.batch_size // self.num_steps


class Poem(NamedTuple):
    """One poem of a poem file: its title, author and lines of text."""
    title: str
    author: str
    lines: List[str]


def read_poems(path: Union[str, Path]) -> List[Poem]:
    """Read a UTF-8 poem file: blocks separated by a blank line, each a title
    line, an author line and one line per verse (``data/tang300.txt``).

    Returns the poems in file order. Raises ``ValueError`` when a block has
    fewer than three lines.
    """
    poems = []
    for number, block in enumerate(read_text(path).strip().split("\n\n"), start=1):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if len(lines) < 3:
            raise ValueError(f"path must name a poem file of blocks with a title, an author "
                             f"and verses; block {number} has {len(lines)} line(s)")
        poems.append(Poem(lines[0], lines[1], lines[2:]))
    return poems


def load_corpus(path: Union[str, Path], val_fraction: float = 0.1, min_freq: int = 1
                ) -> Tuple[object, np.ndarray, np.ndarray]:
    """Read the UTF-8 file ``path`` and return ``(vocab, train, val)``.

    The vocabulary is built from the training part only (so validation
    characters it never saw map to ``"<unk>"``); ``train`` and ``val`` are
    int64 index arrays, split by position with ``val_fraction`` at the end.
    """
    text = read_text(path)
    num_val = _validation_size(len(text), val_fraction, "text", "characters")
    vocab = build_vocab(text[:-num_val], min_freq=min_freq)
    train, val = split_by_position(encode(text, vocab), val_fraction)
    return vocab, train, val


__all__: List[str] = ["UNKNOWN_TOKEN", "Poem", "RandomBatches", "SequentialBatches",
                      "build_vocab", "decode", "encode", "load_corpus", "read_poems", "read_text",
                      "split_by_position"]


POEM_MARKS = "，。？！；：、"
_CLAUSE = re.compile(f"[^{POEM_MARKS}]*[{POEM_MARKS}]|[^{POEM_MARKS}]+$")


def poem_clauses(poem: str) -> List[str]:
    """A poem cut into clauses at its punctuation marks (a clause keeps its mark; a last
    clause without one is kept as it is)."""
    return _CLAUSE.findall(poem)


def poem_form(poems: Iterable[str]) -> Dict[str, float]:
    """The form of a set of classical Chinese poems (notebook 10, section 2): the share of
    clauses of 5 or 7 characters followed by a mark (``length``), the share of clauses ending
    with the right mark for their place, a comma after the 1st, 3rd, ... and a full stop (or
    ？/！) after the 2nd, 4th, ... (``punctuation``), and the share of poems of at least two
    couplets whose clauses all have one length, 5 or 7, and the right marks (``regular``)."""
    poems = list(poems)
    right_length = right_mark = num_clauses = regular = 0
    for poem in poems:
        clauses = poem_clauses(poem)
        lengths = [len(c) - 1 if c[-1] in POEM_MARKS else -1 for c in clauses]
        marks = [c[-1] == "，" if i % 2 == 0 else c[-1] in "。？！" for i, c in enumerate(clauses)]
        right_length += sum(n in (5, 7) for n in lengths)
        right_mark += sum(marks)
        num_clauses += len(clauses)
        regular += (len(clauses) >= 4 and len(clauses) % 2 == 0 and all(marks)
                    and len(set(lengths)) == 1 and lengths[0] in (5, 7))
    return {"length": right_length / max(num_clauses, 1),
            "punctuation": right_mark / max(num_clauses, 1), "regular": regular / len(poems)}
