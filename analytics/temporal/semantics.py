"""What a resolved candidate means (`Sem`) and the number/duration helpers the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import PRECISION, Ref
from .lexicon import norm

@dataclass
class Sem:
    type: str
    value: str
    ref: Ref | None = None
    basis: str = "explicit"
    mod: str | None = None
    first: date | None = None
    last: date | None = None
    precision: str | None = None
    dur: tuple | None = None  # (amount or None, unit) for durations, used to anchor them later
    anchors: bool = True  # False for comparisons ("a year earlier") that must not move the narrative anchor
    trim: int = 0  # characters to drop from the start of the match ("the" before an adjective)
    range: str | None = None  # "1979/1989": this is one end of a range whose days are first..last


_FRACTION = re.compile(r"([0-9]+)\s+([0-9])/([0-9])")


def parse_num(s: str | None, lex: dict) -> float | None:
    """'two' -> 2, '2 1/2' -> 2.5, 'twenty-four' -> 24, 'several' -> None (vague), missing -> 1."""
    if s is None:
        return 1
    t = norm(s).replace("-", " ")
    m = _FRACTION.fullmatch(t)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    if t[0].isdigit():
        try:
            return float(t.replace(",", "")) if "," not in t or len(t.split(",")[-1]) == 3 else float(t.replace(",", "."))
        except ValueError:
            return None
    nums = lex["numbers"]
    if t in nums:
        return nums[t]
    parts = t.split()
    if len(parts) > 1 and parts[-1] in ("hundred", "thousand"):
        base = parse_num(" ".join(parts[:-1]), lex)  # "two thousand", "twenty-one hundred"
        return None if base is None else base * nums[parts[-1]]
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return nums[parts[0]] + nums[parts[1]]
    return None


def fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def unit_of(word: str, lex: dict) -> str:
    w = norm(word)
    if w in lex["units"]:
        return w
    if w in lex["unit_plurals"]:
        return lex["unit_plurals"][w]
    if w.endswith("s") and w[:-1] in lex["units"]:
        return w[:-1]
    return w


# a fractional amount is written with the next smaller unit: 2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "TH": ("M", 60), "TM": ("S", 60)}


def duration_value(n: float | None, unit: str, lex: dict) -> str:
    info = lex["units"][unit]
    if n is not None and info.get("factor"):
        n = n * info["factor"]
    code = info["code"]
    clock = bool(info.get("clock"))
    if code == "Q" and n is not None:
        n, code = n * 3, "M"  # TimeBank writes "the next three quarters" as P9M
    if code == "DE":
        n, code = (None if n is None else n * 10), "Y"  # TimeBank writes "two decades" as P20Y, "decades" as PXY
    if code == "CE" and n is not None:
        n, code = n * 100, "Y"  # as decades: "more than a century" is P100Y (TBAQ's "this century", P100Y)
    if n is not None and not float(n).is_integer():
        key = ("T" if clock else "") + code
        if key in _SMALLER:
            small, k = _SMALLER[key]
            whole, rest = int(n), round((n - int(n)) * k)
            head = f"{whole}{code}" if whole else ""
            if clock or code == "D" and small == "H":
                return "P" + ("" if clock else f"{whole}D" if whole else "") + f"T{head if clock else ''}{rest}{small}"
            return f"P{head}{rest}{small}"
    if clock:
        return f"PT{fmt_num(n)}{code}"
    return f"P{fmt_num(n)}{code}"


def prec(gran: str) -> str:
    return PRECISION.get(gran, "unknown")
