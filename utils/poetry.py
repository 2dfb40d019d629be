"""Measures of the form (格律) of classical Chinese poems, for notebook 10.

A poem is a string of verses with their punctuation, e.g.
``"床前明月光，疑是地上霜。举头望明月，低头思故乡。"``; its **lines** (句) are the
runs of characters between two marks. The measures:

* ``regular_form``: 4 or 8 lines (绝句, 律诗) of 5 or of 7 characters each (句数/字数);
* ``rhymes``: the last characters of the even lines share a rhyme (押韵);
* ``tone_alternation``: the 2nd and 4th characters of a line (and the 4th and 6th
  of a seven-character line) differ in tone class, 平 against 仄 (二四六分明);
* ``repeated_characters``: the share of characters that repeat an earlier one of
  the poem, a repeat right after itself (叠字 such as 萧萧) excepted (重字);
* ``copied_fourgrams``: the share of four-character runs inside lines that occur in
  a reference set of poems.

Rhyme and tone come from modern Mandarin readings (``pypinyin``): a rhyme is one of
the thirteen rhyme groups of modern verse (十三辙) and 平 is Mandarin tones 1 and 2.
This approximates Tang phonology (平水韵) and errs on characters whose sound has
changed: the 入声 characters (白, 月, 雪, 一, 十, ...) were 仄 but read in tone 1 or 2
today, and some Tang rhymes (e.g. 斜 with 家) have split.
"""
import re
from collections import Counter
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence

from .text import POEM_MARKS, Poem

__all__ = ["FORM_SECTIONS", "RHYME_GROUPS", "copied_fourgrams", "form_summary", "poem_lines", "regular_form",
           "repeated_characters", "rhyme_groups", "rhymes", "section_forms", "tone_alternation",
           "tone_class"]

FORM_SECTIONS = (("古体", "《感遇·其一》"), ("五律", "《经邹鲁祭孔子而叹之》"),
                 ("七律", "《黄鹤楼》"), ("五绝", "《鹿柴》"), ("七绝", "《回乡偶书》"))
"""The sections of ``data/tang300.txt`` in file order: the form of its poems and the
title of its first poem (古体 holds the old-style poems, 五古 and 七古, and ballads)."""

RHYME_GROUPS = {
    "发花": ("a", "ia", "ua"), "梭波": ("o", "e", "uo"), "乜斜": ("ie", "ve", "üe"),
    "一七": ("i", "v", "ü", "er"), "姑苏": ("u",), "怀来": ("ai", "uai"),
    "灰堆": ("ei", "ui", "uei"), "遥条": ("ao", "iao"), "油求": ("ou", "iu", "iou"),
    "言前": ("an", "ian", "uan", "van", "üan"), "人辰": ("en", "in", "un", "uen", "vn", "ün"),
    "江阳": ("ang", "iang", "uang"), "中东": ("eng", "ing", "ong", "iong", "ueng")}
"""The thirteen rhyme groups of modern Chinese verse (十三辙), by Pinyin final."""
_GROUP_OF = {final: group for group, finals in RHYME_GROUPS.items() for final in finals}
_LINE = re.compile(f"[^{POEM_MARKS}\n]+")


def section_forms(poems: Sequence[Poem]) -> List[str]:
    """The form of each poem of ``data/tang300.txt`` (``len(poems)`` strings, one of
    古体 五律 七律 五绝 七绝), from its section (``FORM_SECTIONS``). Raises ``ValueError``
    when the sections' first titles are not found in that order."""
    titles = [poem.title for poem in poems]
    starts = []
    for form, title in FORM_SECTIONS:
        if title not in titles or (starts and titles.index(title) <= starts[-1]):
            raise ValueError(f"poems must be data/tang300.txt: the {form} section's first "
                             f"poem {title} is missing or out of order")
        starts.append(titles.index(title))
    if starts[0] != 0:
        raise ValueError("poems must start with the first poem of the 古体 section")
    forms = []
    for index in range(len(poems)):
        forms.append(FORM_SECTIONS[sum(start <= index for start in starts) - 1][0])
    return forms


def poem_lines(poem: str) -> List[str]:
    """The lines of ``poem``: its runs of characters between punctuation marks (and
    newlines), marks removed."""
    if not isinstance(poem, str):
        raise ValueError(f"poem must be a string; got {type(poem).__name__}")
    return _LINE.findall(poem)


def regular_form(poem: str, length: Optional[int] = None, num_lines: Optional[int] = None
                 ) -> bool:
    """Whether ``poem`` has 4 or 8 lines (or ``num_lines``) of 5 or 7 characters (or
    ``length``), all of one length, a comma after each odd line and a full stop (or ？！)
    after each even one."""
    if length not in (None, 5, 7):
        raise ValueError(f"length must be 5, 7 or None; got {length!r}")
    if num_lines not in (None, 4, 8):
        raise ValueError(f"num_lines must be 4, 8 or None; got {num_lines!r}")
    lines = poem_lines(poem)
    marks = re.findall(f"[{POEM_MARKS}]", poem)
    if len(lines) not in ((4, 8) if num_lines is None else (num_lines,)):
        return False
    if len({len(line) for line in lines}) != 1 or len(lines[0]) not in (
            (5, 7) if length is None else (length,)):
        return False
    return len(marks) == len(lines) and all(
        mark == "，" if k % 2 == 0 else mark in "。？！" for k, mark in enumerate(marks)) \
        and poem.rstrip("\n")[-1] in POEM_MARKS


@lru_cache(maxsize=None)
def rhyme_groups(character: str) -> FrozenSet[str]:
    """The rhyme groups (十三辙) of every Mandarin reading of ``character`` (a
    polyphonic character may have several); empty for a character with no reading."""
    from pypinyin import Style, pinyin
    if not isinstance(character, str) or len(character) != 1:
        raise ValueError(f"character must be a string of one character; got {character!r}")
    finals = pinyin(character, style=Style.FINALS, heteronym=True)[0]
    return frozenset(_GROUP_OF[f] for f in finals if f in _GROUP_OF)


@lru_cache(maxsize=None)
def tone_class(character: str) -> Optional[str]:
    """"平" (Mandarin tones 1, 2) or "仄" (tones 3, 4) of the most common reading of
    ``character``; ``None`` for a character without a tone (a mark, a neutral tone)."""
    from pypinyin import Style, pinyin
    if not isinstance(character, str) or len(character) != 1:
        raise ValueError(f"character must be a string of one character; got {character!r}")
    reading = pinyin(character, style=Style.TONE3, neutral_tone_with_five=True)[0][0]
    return {"1": "平", "2": "平", "3": "仄", "4": "仄"}.get(reading[-1:])


def rhymes(poem: str) -> Optional[bool]:
    """Whether the last characters of the 2nd, 4th, ... lines of ``poem`` share a rhyme
    group (any reading of each); ``None`` when it has fewer than four lines."""
    lines = poem_lines(poem)
    if len(lines) < 4:
        return None
    groups = [rhyme_groups(line[-1]) for line in lines[1::2]]
    return bool(frozenset.intersection(*groups))


def tone_alternation(poem: str) -> Optional[float]:
    """Share of the lines of 5 or 7 characters of ``poem`` whose 2nd and 4th
    characters (and 4th and 6th in a seven-character line) have opposite tone classes;
    ``None`` when it has no such line (or no tone could be read)."""
    scores = []
    for line in poem_lines(poem):
        if len(line) not in (5, 7):
            continue
        tones = [tone_class(line[i]) for i in ((1, 3) if len(line) == 5 else (1, 3, 5))]
        if None not in tones:
            scores.append(all(a != b for a, b in zip(tones, tones[1:])))
    return sum(scores) / len(scores) if scores else None


def repeated_characters(poem: str) -> float:
    """Share of the characters of ``poem`` (marks left out) that repeat an earlier
    character of it, a character right after itself (叠字, 萧萧) not counted."""
    text = "".join(poem_lines(poem))
    if not text:
        raise ValueError("poem must contain characters other than marks")
    seen, repeats = set(), 0
    for i, character in enumerate(text):
        repeats += character in seen and (i == 0 or text[i - 1] != character)
        seen.add(character)
    return repeats / len(text)


def _fourgrams(poem: str) -> List[str]:
    return [line[i:i + 4] for line in poem_lines(poem) for i in range(len(line) - 3)]


def copied_fourgrams(poems: Iterable[str], reference: Iterable[str],
                     leave_one_out: bool = False) -> float:
    """Share of the four-character runs inside the lines of ``poems`` that occur in
    the lines of ``reference``. With ``leave_one_out`` (``poems`` is ``reference``),
    a poem's own runs are not counted as a source for it."""
    reference = list(reference)
    counts = Counter(gram for poem in reference for gram in set(_fourgrams(poem)))
    copied = total = 0
    for poem in poems:
        grams = _fourgrams(poem)
        own = set(grams) if leave_one_out else set()
        copied += sum(counts[g] - (g in own) > 0 for g in grams)
        total += len(grams)
    if total == 0:
        raise ValueError("poems must contain a line of at least four characters")
    return copied / total


def form_summary(poems: Sequence[str]) -> Dict[str, float]:
    """Mean of each measure over ``poems`` (those for which it is defined)."""
    def mean(values):
        values = [v for v in values if v is not None]
        return sum(values) / len(values) if values else float("nan")
    if not len(poems):
        raise ValueError("poems must not be empty")
    return {"regular form": mean(regular_form(p) for p in poems),
            "rhyme": mean(rhymes(p) for p in poems),
            "tone alternation": mean(tone_alternation(p) for p in poems),
            "repeated characters": mean(repeated_characters(p) for p in poems
                                        if poem_lines(p))}
