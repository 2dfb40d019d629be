"""Checks for the notebooks' exercises.

Every exercise with a definite answer has a check, registered under a key
``"NN.k"`` (notebook ``NN``, exercise ``k``) in the module ``utils.exercises.nbNN``.
A notebook's exercise cell reads::

    answer = None   # replace None by your answer
    utils.exercises.check("00.2", answer)

``check`` stays silent while the answer is ``None`` (so an untouched notebook
runs clean under nbval), and otherwise prints whether the answer is right and
why, and returns ``True`` or ``False``. The worked solutions in ``solutions/``
assert that their answers pass.

Checks speak the notebook's language: Chinese when the notebook runs from the
Chinese edition's folders (``zh/notebooks``, ``zh/solutions``) or
``GLUON_RNN_LANG=zh``. A check writes each message as ``_("template {x:.2f}", x=...)``,
the template a string literal with the formatting in it (the checks are named
``check_k``, so that ``_`` stays the translator in every module); the Chinese
templates live in the gettext catalog ``zh/po/exercises.po`` (``make translate``
collects the templates), and a message without a current translation is shown in
English.
"""
import functools
import importlib
import os
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

Check = Callable[[Any], Tuple[bool, str]]
_CHECKS: Dict[str, Check] = {}


CATALOG = Path(__file__).resolve().parents[2] / "zh" / "po" / "exercises.po"
VERDICT = {"en": ("Exercise {key}: ", "Right. ", "Not yet. "),
           "zh": ("练习 {key}：", "正确。", "还不对。")}


def language() -> str:
    """"zh" when GLUON_RNN_LANG says so or the notebook runs from zh/notebooks or
    zh/solutions (a kernel's working directory is its notebook's folder), else "en"."""
    chosen = os.environ.get("GLUON_RNN_LANG", "").lower()
    if chosen in ("en", "zh"):
        return chosen
    if chosen:
        raise ValueError(f"GLUON_RNN_LANG must be 'en' or 'zh', not {chosen!r}")
    return "zh" if Path.cwd().parent.name == "zh" else "en"


@functools.lru_cache(maxsize=1)
def _translations() -> Dict[str, str]:
    """English template -> Chinese template, for the current, non-fuzzy entries."""
    if not CATALOG.exists():
        return {}
    import polib

    return {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG))
            if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def _(template: str, **values: Any) -> str:
    """A check's message in the notebook's language: ``template.format(**values)``. A
    translation whose placeholders do not fit the values (tests/test_translations.py rejects
    one) gives way to the English."""
    english = template
    if language() == "zh":
        template = _translations().get(template, template)
    if not values:
        return template
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return english.format(**values)


def exercise(key: str) -> Callable[[Check], Check]:
    """Register ``function(answer) -> (right, why)`` as the check of exercise ``key``."""
    def register(function: Check) -> Check:
        if key in _CHECKS:
            raise ValueError(f"exercise {key} has two checks")
        _CHECKS[key] = function
        return function
    return register


def _load(key: str) -> Check:
    notebook = key.split(".")[0]
    if key not in _CHECKS:
        try:
            importlib.import_module(f"{__name__}.nb{notebook}")
        except ModuleNotFoundError:
            pass
    if key not in _CHECKS:
        raise KeyError(f"no check for exercise {key}")
    return _CHECKS[key]


def check(key: str, answer: Any) -> Optional[bool]:
    """Check the answer to exercise ``key``: silent (returns ``None``) while the
    answer is ``None``; otherwise print "Right" or "Not yet", with the reason,
    and return whether it is right."""
    function = _load(key)
    if answer is None:
        return None
    try:
        right, why = function(answer)
    except (TypeError, ValueError, IndexError, KeyError) as error:
        right, why = False, _("the answer has the wrong form ({error})", error=error)
    header, yes, no = VERDICT[language()]
    print(header.format(key=key) + (yes if right else no) + why)
    return bool(right)


def keys(notebook: str) -> list:
    """The exercise keys registered for notebook ``NN`` (imports its module)."""
    try:
        importlib.import_module(f"{__name__}.nb{notebook}")
    except ModuleNotFoundError:
        return []
    return sorted(key for key in _CHECKS if key.split(".")[0] == notebook)


def close(value: Any, target: float, tolerance: float) -> bool:
    """``abs(value - target) <= tolerance`` for a number the learner gives."""
    return abs(float(value) - target) <= tolerance


__all__ = ["check", "close", "exercise", "keys", "language", "_"]
