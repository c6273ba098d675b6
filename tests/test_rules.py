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
