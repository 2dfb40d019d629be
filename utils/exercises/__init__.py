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
"""
import importlib
from typing import Any, Callable, Dict, Optional, Tuple

Check = Callable[[Any], Tuple[bool, str]]
_CHECKS: Dict[str, Check] = {}


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
        right, why = False, f"the answer has the wrong form ({error})"
    print(f"Exercise {key}: " + ("Right. " if right else "Not yet. ") + why)
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


__all__ = ["check", "close", "exercise", "keys"]
