"""Test cases written as marked-up sentences.

A finding is written into its sentence as
`<f type=screw_lucency levels=L5 side=left size=3 assertion=present>...</f>`;
attributes left out are not checked, except that every marked finding must be
found and nothing positive may be found outside a mark-up. `levels=-` means
no level, `side=-` no side. Several findings on one span are written
with their attributes separated by `|`:
`<f type=stimulator levels=T8 side=left | type=stimulator levels=T9 side=right>Two leads</f>`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TAG_RE = re.compile(r"<f\s+([^>]*)>(.*?)</f>", re.DOTALL)
_ATTR_RE = re.compile(r"(\w+)=(\S+)")


@dataclass
class Expected:
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)


def parse(marked: str) -> tuple[str, list[Expected]]:
    """Plain text and the expected findings of a marked-up case."""
    text_parts: list[str] = []
    expected: list[Expected] = []
    pos = 0
    length = 0
    for m in _TAG_RE.finditer(marked):
        before = marked[pos : m.start()]
        text_parts.append(before)
        length += len(before)
        inner = m.group(2)
        for attrs in m.group(1).split("|"):
            expected.append(Expected(length, length + len(inner), dict(_ATTR_RE.findall(attrs))))
        text_parts.append(inner)
        length += len(inner)
        pos = m.end()
    text_parts.append(marked[pos:])
    return "".join(text_parts), expected


def check(record, expected: list[Expected], text: str) -> list[str]:
    """Differences between a record and the expected findings (empty = pass)."""
    problems = []
    unused = list(record.findings)
    for exp in expected:
        overlapping = [f for f in unused if f.start < exp.end and f.end > exp.start]
        matches = [f for f in overlapping if _agrees(f, exp.attrs)]
        if not matches:
            got = [_describe(f) for f in overlapping] or "nothing"
            problems.append(f"expected {exp.attrs} at {text[exp.start : exp.end]!r}, got {got}")
            continue
        unused.remove(matches[0])
    for f in unused:
        if f.is_positive:
            problems.append(f"unexpected {_describe(f)} at {f.text!r}")
    return problems


def _describe(f) -> str:
    size = "-" if f.size_mm is None else f"{f.size_mm:g}"
    return (
        f"{f.type} levels={','.join(f.levels) or '-'} side={f.side or '-'} size={size} "
        f"assertion={f.assertion} change={f.change or '-'} component={f.component or '-'} section={f.section}"
    )


def _agrees(f, attrs: dict[str, str]) -> bool:
    for key, want in attrs.items():
        if key == "type":
            got = f.type
        elif key == "levels":
            got = ",".join(f.levels) or "-"
        elif key == "side":
            got = f.side or "-"
        elif key == "size":
            if want == "-":
                got = "-" if f.size_mm is None else str(f.size_mm)
            else:
                if f.size_mm is None or abs(f.size_mm - float(want)) > 1e-6:
                    return False
                continue
        elif key in ("assertion", "change", "component", "section"):
            got = getattr(f, key) or "-"
        else:
            raise KeyError(f"unknown mark-up attribute {key!r}")
        if got != want:
            return False
    return True
