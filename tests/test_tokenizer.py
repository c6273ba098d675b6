import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tokenizer import TOKENIZER


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}}).tokenizer


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("4mm", ["4", "mm"]),
        ("0.4cm", ["0.4", "cm"]),
        ("L4-5", ["L4-5"]),
        ("L4/5", ["L4/5"]),
        ("C5-7", ["C5-7"]),
        ("T10-L2", ["T10-L2"]),
        ("Th12/L1", ["Th12/L1"]),
        ("Th8-Th9 The", ["Th8-Th9", "The"]),
        ("L5-S1", ["L5-S1"]),
        ("S2AI", ["S2AI"]),
        ("b/l", ["b/l"]),
        ("R/L", ["R/L"]),
        ("s/p L4-5 TLIF.", ["s/p", "L4-5", "TLIF", "."]),
        ("lucency,increased", ["lucency", ",", "increased"]),
        ("3-4 mm", ["3", "-", "4", "mm"]),
        ("non-union", ["non", "-", "union"]),
    ],
)
def test_report_tokens(tokenizer, text, tokens):
    assert [t.text for t in tokenizer(text)] == tokens


@pytest.mark.parametrize("text", ["", "  lead  ", "a\n\nb", "x\r\ny\t z", " \n"])
def test_text_is_kept_exactly(tokenizer, text):
    assert tokenizer(text).text == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_round_trips(tokenizer, text):
    assert tokenizer(text).text == text
