"""Form measures of classical Chinese poems (utils/poetry.py) and the cleaned Tang corpus."""
from pathlib import Path

import pytest

from utils.poetry import (copied_fourgrams, form_summary, poem_lines, regular_form,
                          repeated_characters, rhyme_groups, rhymes, section_forms,
                          tone_alternation, tone_class)
from utils.text import read_poems

TANG300 = Path(__file__).resolve().parents[1] / "data" / "tang300.txt"
JINGYESI = "床前明月光，疑是地上霜。举头望明月，低头思故乡。"


def test_lines_and_regular_form():
    assert poem_lines(JINGYESI) == ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    assert regular_form(JINGYESI) and regular_form(JINGYESI, length=5, num_lines=4)
    assert not regular_form(JINGYESI, length=7)
    assert not regular_form(JINGYESI, num_lines=8)
    assert not regular_form("床前明月光疑是地上霜。举头望明月，低头思故乡。")  # a comma missing
    assert not regular_form("床前明月光。疑是地上霜，举头望明月，低头思故乡。")  # marks swapped
    assert not regular_form("床前明月光，疑是地上霜。举头望明月，低头思故")      # cut off
    with pytest.raises(ValueError, match="length"):
        regular_form(JINGYESI, length=6)
    with pytest.raises(ValueError, match="num_lines"):
        regular_form(JINGYESI, num_lines=5)
    with pytest.raises(ValueError, match="poem"):
        poem_lines(None)


def test_rhyme_and_tone():
    assert rhyme_groups("霜") == {"江阳"} and "江阳" in rhyme_groups("乡")
    assert rhymes(JINGYESI) is True
    assert rhymes("床前明月光，疑是地上雪。举头望明月，低头思故乡。") is False
    assert rhymes("床前明月光，疑是地上霜。") is None
    assert tone_class("光") == "平" and tone_class("月") == "仄" and tone_class("，") is None
    assert tone_class("白") == "平"  # an 入声 character read in tone 2 today: the caveat
    # 床前明月光: 前 平, 月 仄 -> alternates; 举头望明月: 头 平, 明 平 -> does not
    assert tone_alternation(JINGYESI) == 0.5
    assert tone_alternation("一二三，") is None
    with pytest.raises(ValueError, match="character"):
        rhyme_groups("明月")
    with pytest.raises(ValueError, match="character"):
        tone_class("")


def test_repeats_and_copies():
    assert repeated_characters(JINGYESI) == pytest.approx(3 / 20)  # 明 月 头 again
    assert repeated_characters("萧萧班马鸣，") == 0  # 叠字 is not a repeat
    assert copied_fourgrams([JINGYESI], [JINGYESI]) == 1
    assert copied_fourgrams([JINGYESI], [JINGYESI], leave_one_out=True) == 0
    assert copied_fourgrams(["举头望明月，"], ["低头望明月。"]) == 0.5  # 头望明月 only
    with pytest.raises(ValueError, match="four"):
        copied_fourgrams(["一二三，"], [JINGYESI])
    with pytest.raises(ValueError, match="characters"):
        repeated_characters("，。")
    summary = form_summary([JINGYESI])
    assert summary["regular form"] == 1 and summary["rhyme"] == 1
    with pytest.raises(ValueError, match="empty"):
        form_summary([])


def test_every_regulated_poem_of_the_corpus_has_its_form():
    # The cleaned corpus (data/README.md lists every correction): each poem of the
    # 五律, 七律, 五绝 and 七绝 sections has 8 or 4 lines of 5 or 7 characters and its marks
    # in place, and no prose preface is left in any poem.
    poems = read_poems(TANG300)
    forms = section_forms(poems)
    assert [forms.count(f) for f in ("古体", "五律", "七律", "五绝", "七绝")] == [82, 80, 54, 37, 60]
    failing = [poem.title for poem, form in zip(poems, forms) if form != "古体" and not regular_form(
        "".join(poem.lines), length=5 if form[0] == "五" else 7,
        num_lines=4 if form[1] == "绝" else 8)]
    assert failing == []
    verses = "".join("".join(poem.lines) for poem in poems)
    assert not set("《》“”・") & set(verses)
    for typo in ("戌", "沾襟，", "宿鹭巢", "傅粉粉", "石矾", "白浪河北"):
        assert typo not in verses


def test_section_forms_rejects_other_poems():
    poems = read_poems(TANG300)
    with pytest.raises(ValueError, match="section"):
        section_forms(poems[::-1])
