"""Scoring per the contract's "Scoring" section.

Findings are compared per report on atoms: one per (type, level, side), with
`bilateral` split into left and right and an empty level list giving one
atom with level None. Only present/possible atoms count as positive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .gold import GoldReport
from .review import review_by_rule
from .schema import FINDING_TYPES, POSITIVE_ASSERTIONS, Finding, ReportRecord

Atom = tuple[str, str | None, str | None]  # (type, level, side)


def finding_atoms(finding: Finding) -> list[Atom]:
    """The atoms of one finding."""
    sides: list[str | None] = ["left", "right"] if finding.side == "bilateral" else [finding.side]
    levels: Sequence[str | None] = finding.levels or (None,)
    return [(finding.type, level, side) for level in levels for side in sides]


def positive_atoms(findings: Iterable[Finding]) -> set[Atom]:
    return {a for f in findings if f.assertion in POSITIVE_ASSERTIONS for a in finding_atoms(f)}


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class AtomError:
    report_id: str
    kind: str  # "FP" or "FN"
    atom: Atom
    evidence: str  # the finding's text with some context


@dataclass
class Evaluation:
    n_reports: int
    micro: Counts
    per_type: dict[str, Counts]
    assertion_agreement: float | None
    assertion_pairs: int
    size_accuracy: float | None
    size_pairs: int
    review: dict[str, Any]
    errors: list[AtomError] = field(default_factory=list)
    # the contract's rule applied to the same predicted findings, as a baseline
    rule_review: dict[str, Any] = field(default_factory=dict)
    # ids of the reports whose review flag disagrees with gold, per decider
    review_errors: dict[str, list[str]] = field(default_factory=dict)

    def per_type_frame(self) -> Any:
        """Per-type precision, recall, F1 and counts as a DataFrame."""
        import pandas as pd

        return pd.DataFrame({t: c.as_dict() for t, c in self.per_type.items()}).T

    def errors_frame(self) -> Any:
        """False positives and negatives with their evidence, as a DataFrame."""
        import pandas as pd

        rows = [
            {
                "report_id": e.report_id,
                "kind": e.kind,
                "type": e.atom[0],
                "level": e.atom[1],
                "side": e.atom[2],
                "evidence": e.evidence,
            }
            for e in self.errors
        ]
        return pd.DataFrame(
            rows, columns=["report_id", "kind", "type", "level", "side", "evidence"]
        )

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n_reports": self.n_reports,
            "positive_atoms": self.micro.as_dict(),
            "per_type": {t: c.as_dict() for t, c in self.per_type.items()},
            "assertion_agreement": self.assertion_agreement,
            "assertion_pairs": self.assertion_pairs,
            "size_within_0_5mm": self.size_accuracy,
            "size_pairs": self.size_pairs,
            "review": self.review,
            "rule_review": self.rule_review,
            "review_errors": self.review_errors,
        }
        if with_errors:
            out["errors"] = [
                {
                    "report_id": e.report_id,
                    "kind": e.kind,
                    "atom": list(e.atom),
                    "evidence": e.evidence,
                }
                for e in self.errors
            ]
        return out


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    snippet = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(snippet.split())


def _atom_index(findings: Iterable[Finding]) -> dict[Atom, list[Finding]]:
    index: dict[Atom, list[Finding]] = defaultdict(list)
    for f in findings:
        for a in finding_atoms(f):
            index[a].append(f)
    return index


def evaluate(gold: Sequence[GoldReport], predictions: Mapping[str, ReportRecord]) -> Evaluation:
    """Score `predictions` (by report id) against `gold`."""
    micro = Counts()
    per_type = {t: Counts() for t in FINDING_TYPES}
    agree = pairs = 0
    size_ok = size_pairs = 0
    errors: list[AtomError] = []
    labels: list[int] = []
    scores: list[float] = []
    flags: list[int] = []
    rule_flags: list[int] = []
    wrong: dict[str, list[str]] = {"flag": [], "rule": []}
    for report in gold:
        pred = predictions.get(report.id) or ReportRecord(id=report.id, error="no prediction")
        pred_findings = pred.findings
        scored = report.scored_findings
        optional = [f for f, opt in zip(report.findings, report.optional, strict=True) if opt]
        gold_pos = positive_atoms(scored)
        optional_atoms = {a for f in optional for a in finding_atoms(f)} - gold_pos
        pred_pos = positive_atoms(pred_findings) - optional_atoms
        gold_index = _atom_index(scored)
        pred_index = _atom_index(pred_findings)
        for atom in gold_pos | pred_pos:
            counts = per_type[atom[0]]
            if atom in gold_pos and atom in pred_pos:
                micro.tp += 1
                counts.tp += 1
            elif atom in pred_pos:
                micro.fp += 1
                counts.fp += 1
                f = next(f for f in pred_index[atom] if f.assertion in POSITIVE_ASSERTIONS)
                errors.append(
                    AtomError(report.id, "FP", atom, _context(report.text, f.start, f.end))
                )
            else:
                micro.fn += 1
                counts.fn += 1
                f = next(f for f in gold_index[atom] if f.assertion in POSITIVE_ASSERTIONS)
                errors.append(
                    AtomError(report.id, "FN", atom, _context(report.text, f.start, f.end))
                )
        # assertion agreement: gold atoms of any assertion that the system found
        for atom, gold_findings in gold_index.items():
            if atom not in pred_index:
                continue
            predicted = {f.assertion for f in pred_index[atom]}
            for g in {f.assertion for f in gold_findings}:
                pairs += 1
                agree += g in predicted
        # size: matched positive lucency atoms with a gold size
        for atom in gold_pos & pred_pos:
            if atom[0] != "screw_lucency":
                continue
            gold_sizes = [
                f.size_mm
                for f in gold_index[atom]
                if f.assertion in POSITIVE_ASSERTIONS and f.size_mm is not None
            ]
            if not gold_sizes:
                continue
            size_pairs += 1
            pred_sizes = [
                f.size_mm
                for f in pred_index[atom]
                if f.assertion in POSITIVE_ASSERTIONS and f.size_mm is not None
            ]
            size_ok += any(abs(p - max(gold_sizes)) <= 0.5 for p in pred_sizes)
        labels.append(int(report.needs_surgical_review))
        flags.append(int(bool(pred.needs_surgical_review)))
        rule_flags.append(int(review_by_rule(pred_findings)[0]))
        if flags[-1] != labels[-1]:
            wrong["flag"].append(report.id)
        if rule_flags[-1] != labels[-1]:
            wrong["rule"].append(report.id)
        scores.append(
            float(pred.review_probability)
            if pred.review_probability is not None
            else float(bool(pred.needs_surgical_review))
        )
    return Evaluation(
        n_reports=len(gold),
        micro=micro,
        per_type=per_type,
        assertion_agreement=agree / pairs if pairs else None,
        assertion_pairs=pairs,
        size_accuracy=size_ok / size_pairs if size_pairs else None,
        size_pairs=size_pairs,
        review=review_metrics(labels, flags, scores),
        errors=errors,
        rule_review=review_metrics(labels, rule_flags, [float(x) for x in rule_flags]),
        review_errors=wrong,
    )


def review_metrics(
    labels: Sequence[int], flags: Sequence[int], scores: Sequence[float]
) -> dict[str, Any]:
    """Sensitivity, specificity and AUROC of the review flag."""
    tp = sum(1 for y, p in zip(labels, flags, strict=True) if y and p)
    fn = sum(1 for y, p in zip(labels, flags, strict=True) if y and not p)
    tn = sum(1 for y, p in zip(labels, flags, strict=True) if not y and not p)
    fp = sum(1 for y, p in zip(labels, flags, strict=True) if not y and p)
    auroc = None
    if 0 < sum(labels) < len(labels):
        from sklearn.metrics import roc_auc_score

        auroc = float(roc_auc_score(labels, scores))
    return {
        "positives": tp + fn,
        "negatives": tn + fp,
        "sensitivity": tp / (tp + fn) if tp + fn else None,
        "specificity": tn / (tn + fp) if tn + fp else None,
        "auroc": auroc,
        "tp": tp,
        "fp": fp,
        "tn": tn,
        "fn": fn,
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_evaluation(ev: Evaluation, *, show_errors: bool = False, title: str = "") -> str:
    """A plain-text report of an evaluation."""
    lines = []
    if title:
        lines.append(title)
    m = ev.micro
    lines.append(f"reports: {ev.n_reports}")
    lines.append(
        f"positive atoms (micro): P {_fmt(m.precision)}  R {_fmt(m.recall)}  F1 {_fmt(m.f1)}"
        f"  (tp {m.tp}, fp {m.fp}, fn {m.fn})"
    )
    lines.append(f"{'type':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} {'fn':>5s}")
    for t, c in ev.per_type.items():
        lines.append(
            f"{t:28s} {_fmt(c.precision):>6s} {_fmt(c.recall):>6s} {_fmt(c.f1):>6s} {c.tp:5d} {c.fp:5d} {c.fn:5d}"
        )
    lines.append(
        f"assertion agreement: {_fmt(ev.assertion_agreement)} ({ev.assertion_pairs} matched gold atoms)"
    )
    lines.append(
        f"size within 0.5 mm:  {_fmt(ev.size_accuracy)} ({ev.size_pairs} matched lucency atoms with a gold size)"
    )
    r = ev.review
    lines.append(
        f"review flag: sensitivity {_fmt(r['sensitivity'])}  specificity {_fmt(r['specificity'])}"
        f"  AUROC {_fmt(r['auroc'])}  (positives {r['positives']}, negatives {r['negatives']})"
    )
    if ev.rule_review:
        b = ev.rule_review
        lines.append(
            f"contract rule:  sensitivity {_fmt(b['sensitivity'])}  specificity {_fmt(b['specificity'])}"
            f"  AUROC {_fmt(b['auroc'])}  (same extracted findings)"
        )
        for name, ids in (
            ("review flag", ev.review_errors.get("flag", [])),
            ("contract rule", ev.review_errors.get("rule", [])),
        ):
            lines.append(f"  {name} wrong on {len(ids)}: {', '.join(ids) if ids else '-'}")
    if show_errors:
        lines.append("")
        lines.append("errors:")
        for e in sorted(ev.errors, key=lambda e: (e.report_id, e.kind, str(e.atom))):
            t, level, side = e.atom
            lines.append(
                f"  {e.kind} {e.report_id} {t} {level or '-'} {side or '-'} :: {e.evidence}"
            )
    return "\n".join(lines)


_TABLE_ROWS: tuple[tuple[str, Any], ...] = (
    ("reports", lambda e: str(e.n_reports)),
    ("positive-atom precision", lambda e: _fmt(e.micro.precision)),
    ("positive-atom recall", lambda e: _fmt(e.micro.recall)),
    ("positive-atom F1 (micro)", lambda e: _fmt(e.micro.f1)),
    ("assertion agreement", lambda e: _fmt(e.assertion_agreement)),
    ("size within 0.5 mm", lambda e: _fmt(e.size_accuracy)),
    ("review sensitivity", lambda e: _fmt(e.review["sensitivity"])),
    ("review specificity", lambda e: _fmt(e.review["specificity"])),
    ("review AUROC", lambda e: _fmt(e.review["auroc"])),
    ("contract rule sensitivity", lambda e: _fmt(e.rule_review.get("sensitivity"))),
    ("contract rule specificity", lambda e: _fmt(e.rule_review.get("specificity"))),
)


def format_split_table(results: Mapping[str, Evaluation], *, markdown: bool = False) -> str:
    """One column per split: the headline metrics, then positive-atom F1 per type."""
    names = list(results)
    rows = [(label, [get(results[s]).strip() for s in names]) for label, get in _TABLE_ROWS]
    rows.append(("", ["" for _ in names]))
    for t in FINDING_TYPES:
        cells = []
        for s in names:
            c = results[s].per_type[t]
            cells.append(f"{_fmt(c.f1).strip()} ({c.tp}/{c.fp}/{c.fn})")
        rows.append((f"F1 {t} (tp/fp/fn)", cells))
    if markdown:
        lines = ["| metric | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
        lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows if label]
        return "\n".join(lines)
    width = max(len(label) for label, _ in rows)
    col = max(16, *(len(n) for n in names))
    lines = [f"{'':{width}s} " + " ".join(f"{n:>{col}s}" for n in names)]
    lines += [
        f"{label:{width}s} " + " ".join(f"{c:>{col}s}" for c in cells) for label, cells in rows
    ]
    return "\n".join(lines)
