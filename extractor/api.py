"""The Python API: text in, contract records out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from .pipeline import shared_nlp
from .record import doc_to_record
from .schema import ReportRecord

MAX_CHARS = 200_000  # longer texts are refused: no radiology report is this long
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f", "\v"}


def text_problem(text: Any, *, max_chars: int = MAX_CHARS) -> str | None:
    """Why `text` cannot be processed, or None when it can."""
    if text is None:
        return "missing text"
    if isinstance(text, bytes | bytearray):
        return "text is bytes, not a string; decode it first"
    if not isinstance(text, str):
        return f"text is {type(text).__name__}, not a string"
    if not text.strip():
        return "empty text"
    if len(text) > max_chars:
        return f"text is {len(text):,} characters, over the limit of {max_chars:,}"
    if "\x00" in text or sum(ch in _CONTROL for ch in text[:4096]) > 8:
        return "text holds binary control characters, not report text"
    return None


def extract(
    text: Any,
    *,
    report_id: str | None = None,
    nlp: Language | None = None,
    max_chars: int = MAX_CHARS,
) -> ReportRecord:
    """Findings of one report, as the contract's record.

    Never raises for bad input: the record then carries `error` and no
    findings.
    """
    problem = text_problem(text, max_chars=max_chars)
    if problem is not None:
        return ReportRecord.failed(report_id, problem)
    nlp = nlp or shared_nlp()
    try:
        return doc_to_record(nlp(text), report_id)
    except Exception as e:  # one bad report must not end a batch
        return ReportRecord.failed(report_id, f"pipeline failed: {type(e).__name__}: {e}")


def _pairs(items: Iterable[Any]) -> Iterator[tuple[str | None, Any]]:
    for n, item in enumerate(items):
        if isinstance(item, tuple | list) and len(item) == 2:
            yield (None if item[0] is None else str(item[0])), item[1]
        else:
            yield str(n), item


def extract_many(
    items: Iterable[Any],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    max_chars: int = MAX_CHARS,
) -> Iterator[ReportRecord]:
    """Stream records for texts or (id, text) pairs, in input order.

    Plain texts get their position ("0", "1", ...) as id.
    """
    nlp = nlp or shared_nlp()
    batch: list[tuple[str | None, Any]] = []
    for pair in _pairs(items):
        batch.append(pair)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch, max_chars)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch, max_chars)


def _run_batch(
    nlp: Language, batch: list[tuple[str | None, Any]], max_chars: int
) -> Iterator[ReportRecord]:
    good = [
        (i, text)
        for i, (_, text) in enumerate(batch)
        if text_problem(text, max_chars=max_chars) is None
    ]
    try:
        docs = dict(zip((i for i, _ in good), nlp.pipe(t for _, t in good), strict=True))
    except Exception:
        docs = {}  # fall back to one at a time so only the bad report fails
    for i, (report_id, text) in enumerate(batch):
        if i in docs:
            yield doc_to_record(docs[i], report_id)
        else:
            yield extract(text, report_id=report_id, nlp=nlp, max_chars=max_chars)
