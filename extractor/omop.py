"""Findings as rows of the OMOP CDM (v5.4) NOTE_NLP table.

One row a finding, every assertion (a negated finding is a row with
`term_exists = "N"`, as NOTE_NLP means it). The columns, field by field:

- `note_nlp_id`: 1, 2, ... in the order of the run's findings.
- `note_id`: the report's id as given (NOTE.note_id is an integer: give the
  reports their NOTE ids as `id`).
- `section_concept_id`: 0 (the section is not mapped to a concept; it is in
  `term_modifiers`).
- `snippet`: the evidence text, at most 250 characters.
- `offset`: the evidence's character offset in the report (`start`).
- `lexical_variant`: the evidence text, at most 250 characters.
- `note_nlp_concept_id`, `note_nlp_source_concept_id`: 0 (the finding types
  have no standard concept; the type is in `term_modifiers`).
- `nlp_system`: "spine-hardware-extractor VERSION".
- `nlp_date`, `nlp_datetime`: when the table was written (ISO 8601, UTC).
- `term_exists`: "Y" when the report asserts the finding for this patient
  (present, possible or historical), "N" when it is negated or hypothetical
  (NOTE_NLP's negation, conditional and rule-out).
- `term_temporal`: "past" for historical findings, else "present".
- `term_modifiers`: the finding's contract fields as `key=value` pairs joined
  by ";" (type, assertion, levels, side, size_mm, component, change, section,
  end), e.g. "type=screw_lucency;assertion=possible;levels=L4,L5;side=left".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from . import __version__
from .schema import Finding, ReportRecord
from .tables import cell

SNIPPET_MAX = 250  # NOTE_NLP's snippet and lexical_variant are varchar(250)
EXISTS = {"present": "Y", "possible": "Y", "historical": "Y", "absent": "N", "hypothetical": "N"}


def term_modifiers(f: Finding) -> str:
    pairs = [
        ("type", f.type),
        ("assertion", f.assertion),
        ("levels", ",".join(f.levels)),
        ("side", f.side),
        ("size_mm", None if f.size_mm is None else f"{f.size_mm:g}"),
        ("component", f.component),
        ("change", f.change),
        ("section", f.section),
        ("end", str(f.end)),
    ]
    return ";".join(f"{k}={v}" for k, v in pairs if v not in (None, ""))


class NoteNlpRows:
    """The NOTE_NLP rows of a run's records, numbered from 1."""

    def __init__(self, when: dt.datetime | None = None) -> None:
        when = when or dt.datetime.now(dt.UTC)
        self.date = when.date().isoformat()
        self.datetime = when.replace(microsecond=0).isoformat()
        self.system = f"spine-hardware-extractor {__version__}"
        self.next_id = 1

    def __call__(self, record: ReportRecord) -> Iterator[tuple[Any, ...]]:
        for f in record.findings:
            text = cell(f.text[:SNIPPET_MAX])
            yield (
                self.next_id,
                cell(record.id),
                0,
                text,
                str(f.start),
                text,
                0,
                0,
                self.system,
                self.date,
                self.datetime,
                EXISTS[f.assertion],
                "past" if f.assertion == "historical" else "present",
                term_modifiers(f),
            )
            self.next_id += 1
