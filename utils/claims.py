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


def margin(value: float, relation: str, bound: float) -> float:
    """How far ``value`` is from failing ``value relation bound``, as a fraction of the bound:
    ``(value - bound) / |bound|`` for ``>`` and ``>=``, ``(bound - value) / |bound|`` for ``<``
    and ``<=``; the absolute difference when the bound is 0. Negative: the claim fails.

    >>> margin(0.02, "<", 0.125)
    0.84
    """
    if relation not in _RELATIONS:
        raise ValueError(f"relation must be one of {', '.join(_RELATIONS)}; got {relation!r}")
    gap = value - bound if relation in (">", ">=") else bound - value
    return gap / abs(bound) if bound != 0 else gap


def claim(name: str, value: float, relation: str, bound: float, note: Optional[str] = None) -> float:
    """Assert ``value relation bound`` (relation ``">"``, ``">="``, ``"<"`` or ``"<="``) and
    return the margin (see ``margin``). With ``GLUON_RNN_CLAIMS=FILE`` set, first append
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
    room = margin(value, relation, bound) if not math.isnan(value) else -math.inf
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
