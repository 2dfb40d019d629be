"""Asserted claims that report their margin.

A notebook's training claim ("the clipped IRNN's median run ends below 3/4 of the baseline") is
an assert on one number against one bound. ``claim`` makes that assert and, when the
environment variable ``GLUON_RNN_CLAIMS`` names a file, appends the measured value, the bound
and the margin to it as one JSON line. The robustness runner (``tools/robustness.py``) sets the
variable for every configuration of its grid and tabulates each claim's worst margin, so a
claim that holds everywhere but only just is seen before it fails on a reader's machine.

Name each claim ``"NN what is measured"`` (``NN`` the notebook's number, ``sNN`` for a worked
solution): the name is the claim's key in the report, the same in every configuration.
"""
import json
import math
import operator
import os
from typing import Optional

CLAIMS_VARIABLE = "GLUON_RNN_CLAIMS"

_RELATIONS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


def margin(value: float, relation: str, bound: float, scale: Optional[float] = None) -> float:
    """How far ``value`` is from failing ``value relation bound``, in units of ``scale``:
    ``(value - bound) / scale`` for ``>`` and ``>=``, ``(bound - value) / scale`` for ``<`` and
    ``<=``. Negative: the claim fails. ``scale`` defaults to ``|bound|`` (the absolute difference
    when the bound is 0); a bound near a ceiling needs the room below the ceiling instead:
    accuracy > 0.99 has ``scale=0.01``, so a perfect 1.0 has margin 1, not 0.01.

    >>> round(margin(0.02, "<", 0.125), 2), round(margin(1.0, ">", 0.99, scale=0.01), 2)
    (0.84, 1.0)
    """
    if relation not in _RELATIONS:
        raise ValueError(f"relation must be one of {', '.join(_RELATIONS)}; got {relation!r}")
    if scale is None:
        scale = abs(bound) if bound != 0 else 1.0
    if not scale > 0:
        raise ValueError(f"scale must be positive; got {scale!r}")
    gap = value - bound if relation in (">", ">=") else bound - value
    return gap / scale


def claim(name: str, value: float, relation: str, bound: float,
          scale: Optional[float] = None, note: Optional[str] = None) -> float:
    """Assert ``value relation bound`` (relation ``">"``, ``">="``, ``"<"`` or ``"<="``) and
    return the margin (see ``margin``, which ``scale`` is passed to). With ``GLUON_RNN_CLAIMS=FILE`` set, first append
    ``{"name", "value", "relation", "bound", "margin", "passed"}`` to FILE as a JSON line.
    ``AssertionError`` names the claim, the value and the bound when it fails."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty string; got {name!r}")
    if relation not in _RELATIONS:
        raise ValueError(f"relation must be one of {', '.join(_RELATIONS)}; got {relation!r}")
    value, bound = float(value), float(bound)
    if math.isnan(bound):
        raise ValueError(f"bound must be a number; got {bound!r}")
    passed = not math.isnan(value) and _RELATIONS[relation](value, bound)
    room = margin(value, relation, bound, scale) if not math.isnan(value) else -math.inf
    path = os.environ.get(CLAIMS_VARIABLE)
    if path:
        record = {"name": name, "value": value, "relation": relation, "bound": bound,
                  "margin": room, "passed": passed}
        if note:
            record["note"] = note
        with open(path, "a") as handle:
            handle.write(json.dumps(record) + "\n")
    assert passed, f"{name}: {value:.4g} {relation} {bound:.4g} does not hold"
    return room
