"""Hypothesis strategies for report-like text: generated from report pieces,
and corpus reports mutated (cut, repeated, shouted, joined, noised)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]

PIECES = [
    "No",
    "no",
    "lucency",
    "halo",
    "loosening",
    "about",
    "around",
    "the",
    "left",
    "right",
    "bilateral",
    "both",
    "L5",
    "S1",
    "T10-L2",
    "C5-7",
    "L4-5",
    "ILIUM",
    "S2AI",
    "screw",
    "screws",
    "pedicle",
    "rod",
    "rods",
    "fractured",
    "broken",
    "backed out",
    "cage",
    "subsided",
    "pseudarthrosis",
    "nonunion",
    "stimulator",
    "lead",
    "tip",
    "IPG",
    "at",
    "3 mm",
    "0.4 cm",
    "2-3 mm",
    "9" * 60 + " mm",
    "0.001 mm",
    "possible",
    "questionable",
    "cannot exclude",
    "history of",
    "evaluate for",
    "unchanged",
    "new",
    "increased",
    ".",
    ";",
    ",",
    ":",
    "?",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "FINDINGS:",
    "IMPRESSION:",
    "INDICATION:",
    "COMPARISON:",
    "1.",
    "-",
    "•",
    "PICC",
    "clavicle plate",
    "sternotomy wires",
    "vertebroplasty cement",
    "compression fracture",
    "é",
    "ü",
    "漢",
    "🙂",
    "\u200b",
    "\ufeff",
    "\ufffd",
    "&amp;",
    "<br>",
    "\ud800",
    "\udfff",
]


@lru_cache(maxsize=1)
def corpus_texts() -> tuple[str, ...]:
    texts = []
    for name in ("train.jsonl", "dev.jsonl"):
        for line in (ROOT / "annotated_reports" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"])
    return tuple(texts)


generated_reports = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)


@st.composite
def mutated_reports(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(corpus_texts()))
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["cut", "repeat", "upper", "insert", "join", "strip", "crlf"]))
        n = len(text)
        a = draw(st.integers(0, max(n - 1, 0)))
        b = draw(st.integers(a, n))
        if kind == "cut":
            text = text[:a] + text[b:]
        elif kind == "repeat":
            text = text[:b] + text[a:b] + text[b:]
        elif kind == "upper":
            text = text[:a] + text[a:b].upper() + text[b:]
        elif kind == "insert":
            text = text[:a] + draw(st.text(max_size=20)) + text[a:]
        elif kind == "join":
            text = text + "\n" + draw(st.sampled_from(corpus_texts()))
        elif kind == "strip":
            text = text.replace(".", "").replace("\n", " ")
        else:
            text = text.replace("\n", "\r\n")
    return text


any_reports = st.one_of(generated_reports, mutated_reports(), st.text(max_size=300))
