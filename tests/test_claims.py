"""utils.claim: the assert, its margin, and the record the robustness runner reads."""
import json
import math

import pytest

from utils import claims


def test_margin_is_relative_to_the_bound_and_signed():
    assert claims.margin(0.02, "<", 0.125) == pytest.approx(0.84)
    assert claims.margin(1.5, ">", 1.2) == pytest.approx(0.25)
    assert claims.margin(3, ">=", 3) == 0
    assert claims.margin(0.2, "<", 0.1) == pytest.approx(-1.0)
    assert claims.margin(0.3, ">", 0) == pytest.approx(0.3)   # bound 0: absolute
    assert claims.margin(1.0, ">", 0.99, scale=0.01) == pytest.approx(1.0)  # room below a ceiling
    with pytest.raises(ValueError, match="scale"):
        claims.margin(1.0, ">", 0.99, scale=0)
    with pytest.raises(ValueError, match="relation"):
        claims.margin(1, "==", 1)


def test_claim_asserts_and_records(tmp_path, monkeypatch):
    log = tmp_path / "claims.jsonl"
    monkeypatch.setenv(claims.CLAIMS_VARIABLE, str(log))
    assert claims.claim("05 clipped IRNN", 0.03, "<", 0.125) == pytest.approx(0.76)
    with pytest.raises(AssertionError, match="05 too slow: 2 > 3 does not hold"):
        claims.claim("05 too slow", 2, ">", 3)
    with pytest.raises(AssertionError):
        claims.claim("05 nan", float("nan"), "<", 1)
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    assert [r["name"] for r in rows] == ["05 clipped IRNN", "05 too slow", "05 nan"]
    assert rows[0]["passed"] and not rows[1]["passed"] and not rows[2]["passed"]
    assert rows[1]["margin"] == pytest.approx(-1 / 3) and rows[2]["margin"] == -math.inf


def test_claim_without_the_variable_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv(claims.CLAIMS_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    claims.claim("00 x", 1, ">", 0)
    assert list(tmp_path.iterdir()) == []


def test_claim_refuses_bad_arguments():
    with pytest.raises(ValueError, match="name"):
        claims.claim("", 1, ">", 0)
    with pytest.raises(ValueError, match="relation"):
        claims.claim("00 x", 1, "=>", 0)
    with pytest.raises(ValueError, match="bound"):
        claims.claim("00 x", 1, ">", float("nan"))
