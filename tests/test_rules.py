"""The marked-up cases (tests/cases/) run through the packaged pipeline."""

import pytest

from extractor.record import doc_to_record

from .cases import ALL_CASES, rule_ids
from .markup import check, parse

EXERCISED: set[str] = set()  # rule ids the cases reached (reported by conftest)


@pytest.mark.parametrize("name", sorted(ALL_CASES))
def test_marked_up_case(nlp, name):
    text, expected = parse(ALL_CASES[name])
    doc = nlp(text)
    EXERCISED.update(rule_ids(doc))
    record = doc_to_record(doc, name)
    assert check(record, expected, text) == []


def test_a_marked_span_may_carry_several_findings():
    text, expected = parse("<f type=a levels=T8 | type=a levels=T9>Two leads</f> here.")
    assert text == "Two leads here."
    assert [(e.start, e.end, e.attrs["levels"]) for e in expected] == [(0, 9, "T8"), (0, 9, "T9")]
