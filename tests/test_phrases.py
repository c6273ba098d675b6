"""The PhraseIndex matches what spaCy's PhraseMatcher(attr="LOWER") matches."""

import json
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from extractor.pipes.phrases import PhraseIndex, lower_hashes, phrase_splitter

CORPUS = Path(__file__).resolve().parents[1] / "annotated_reports" / "train.jsonl"


def _both(nlp, phrases):
    index = PhraseIndex(nlp.vocab.strings)
    spacy_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    split = phrase_splitter(nlp)
    for n, phrase in enumerate(phrases):
        key = nlp.vocab.strings.add(f"p{n}")
        index.add(key, split(phrase))
        spacy_matcher.add(f"p{n}", [nlp.make_doc(phrase)])
    return index, spacy_matcher


@pytest.mark.parametrize(
    "text, phrases, expected",
    [
        ("The L5 Pedicle screw", ["pedicle screw", "screw"], {"Pedicle screw", "screw"}),
        ("no no change", ["no", "no change"], {"no", "no change"}),
        ("s/p L4-5 TLIF.", ["s/p", "l4-5 tlif"], {"s/p", "L4-5 TLIF"}),
        (
            "pseudo-arthrosis",
            ["pseudo - arthrosis", "arthrosis"],
            {"pseudo-arthrosis", "arthrosis"},
        ),
        ("rod", ["rods"], set()),
    ],
)
def test_marked_phrases(nlp, text, phrases, expected):
    index, _ = _both(nlp, phrases)
    doc = nlp.make_doc(text)
    assert {doc[a:b].text for _, a, b in index(lower_hashes(doc))} == expected


def test_same_matches_as_spacys_phrase_matcher_on_the_corpus(nlp):
    targets = nlp.get_pipe("spine_targets")
    phrases = sorted(
        {r.literal.lower() for r in targets.rules if r.pattern is None}
        | {"screw", "the rod", "no evidence of", "l5 - s1"}
    )
    index, spacy_matcher = _both(nlp, phrases)
    texts = [json.loads(line)["text"] for line in CORPUS.read_text().splitlines()[:80]]
    found = 0
    for doc in nlp.tokenizer.pipe(texts):
        ours = sorted(index(lower_hashes(doc)))
        assert ours == sorted(spacy_matcher(doc))
        found += len(ours)
    assert found > len(texts)  # the reports name hardware, findings and more


def test_target_spans_follow_a_replaced_or_grown_group(nlp):
    from spacy.tokens import Span

    from extractor.pipes.targets import target_spans

    doc = nlp("The left L4 pedicle screw is fractured.")
    made = target_spans(doc, "spine_targets")
    assert [s.text for s in made] == [s.text for s in doc.spans["spine_targets"]]
    assert made, "the sentence has targets"
    doc.spans["spine_targets"].append(Span(doc, 0, 1, label="X"))
    assert len(target_spans(doc, "spine_targets")) == len(made) + 1
    doc.spans["spine_targets"][0] = Span(doc, 2, 3, label="Z")
    assert target_spans(doc, "spine_targets")[0].label_ == "Z"
    doc.spans["spine_targets"] = [Span(doc, 1, 2, label="Y")]
    assert [s.label_ for s in target_spans(doc, "spine_targets")] == ["Y"]
    assert target_spans(doc, "no_such_group") == []
