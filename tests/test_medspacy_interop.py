"""Our rules in medspaCy's own components, and a differential check of our
ConText against medspaCy's on the same rules, tokens, sentences and targets."""

from pathlib import Path

import spacy
from medspacy.context import ConTextRule
from medspacy.target_matcher import TargetRule

from extractor import medspacy_pipeline, medspacy_rules
from extractor.gold import load_gold
from extractor.lexicon import load_context_rules
from extractor.medspacy_interop import compare_context

ROOT = Path(__file__).resolve().parents[1]


def test_the_rules_are_medspacys_own_classes():
    targets, modifiers = medspacy_rules()
    assert targets and all(isinstance(r, TargetRule) for r in targets)
    assert any(r.metadata["id"].startswith("ths-") for r in targets)
    assert all(isinstance(r, ConTextRule) for r in modifiers)
    assert len(modifiers) == len(load_context_rules())


def test_they_run_in_a_plain_medspacy_pipeline():
    targets, modifiers = medspacy_rules()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("medspacy_target_matcher").add(targets)
    nlp.add_pipe("medspacy_context", config={"rules": None}).add(modifiers)
    doc = nlp("No lucency around the L5 screws. Possible fracture of the left rod.")
    flags = {e.text: (e._.is_negated, e._.is_uncertain) for e in doc.ents}
    assert flags["lucency"] == (True, False)
    assert flags["fracture"] == (False, True)


def test_medspacy_pipeline_flags_hypothetical_indications():
    doc = medspacy_pipeline()("INDICATION: evaluate for loosening.\nFINDINGS: the rods are intact.")
    loosening = next(e for e in doc.ents if e.text == "loosening")
    assert loosening._.is_hypothetical


def test_our_context_agrees_with_medspacys_on_the_corpus(nlp):
    gold = load_gold(ROOT / "annotated_reports", ["train", "dev"])
    rows = compare_context(nlp, [g.text for g in gold])
    assert len(rows) > 3000
    agree = sum(ours in theirs.split("|") for _, _, ours, theirs in rows)
    assert agree / len(rows) >= 0.98
