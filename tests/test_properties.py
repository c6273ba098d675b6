"""Property-based checks of the contract on generated and mutated reports
(a bounded number of examples here; `python scripts/fuzz.py` runs more)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import extract, extract_many

from .contract_checks import record_problems
from .reports_strategy import any_reports

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_reports)
def test_every_record_follows_the_contract(text):
    record = extract(text, model="rule").to_dict()
    assert record_problems(record, text) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_reports, max_size=12))
def test_one_record_per_input_in_order_and_deterministic(texts):
    items = [(f"r{i}", t) for i, t in enumerate(texts)]
    first = [r.to_dict() for r in extract_many(items, batch_size=5)]
    again = [r.to_dict() for r in extract_many(items, batch_size=3)]
    assert [r["id"] for r in first] == [i for i, _ in items]
    assert first == again
    for record, (_, text) in zip(first, items, strict=True):
        assert record_problems(record, text) == []
