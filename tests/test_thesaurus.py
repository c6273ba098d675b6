"""The thesaurus: inflection tables, and a thesaurus file that is wrong is
refused with a message naming the entry."""

import json

import pytest

from extractor.lexicon import LexiconError
from extractor.pipeline import build_nlp
from extractor.thesaurus import load_thesaurus, noun_forms, verb_forms

IRREGULAR = {"come": ["comes", "came", "come", "coming"]}


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("migrate", ["migrate", "migrates", "migrated", "migrating"]),
        ("back", ["back", "backs", "backed", "backing"]),
        ("slip", ["slip", "slips", "slipped", "slipping"]),
        ("disengage", ["disengage", "disengages", "disengaged", "disengaging"]),
        ("encroach", ["encroach", "encroaches", "encroached", "encroaching"]),
        ("impinge", ["impinge", "impinges", "impinged", "impinging"]),
        ("telescope", ["telescope", "telescopes", "telescoped", "telescoping"]),
        ("loosen", ["loosen", "loosens", "loosened", "loosening"]),
        ("pull", ["pull", "pulls", "pulled", "pulling"]),
        ("copy", ["copy", "copies", "copied", "copying"]),
        ("tie", ["tie", "ties", "tied", "tying"]),
        ("come", ["come", "comes", "came", "coming"]),
        ("shear", ["shear", "shears", "sheared", "shearing"]),
    ],
)
def test_verb_forms(lemma, forms):
    assert verb_forms(lemma, IRREGULAR) == forms


@pytest.mark.parametrize(
    ("noun", "forms"),
    [
        ("nut", ["nut", "nuts"]),
        ("locking cap", ["locking cap", "locking caps"]),
        ("titanium mesh", ["titanium mesh", "titanium meshes"]),
        ("disassembly", ["disassembly", "disassemblies"]),
        ("pseudo-arthrosis", ["pseudo-arthrosis", "pseudo-arthroses"]),
        ("failure of arthrodesis", ["failure of arthrodesis", "failures of arthrodesis"]),
        ("head of the screw", ["head of the screw", "heads of the screw"]),
    ],
)
def test_noun_forms(noun, forms):
    assert noun_forms(noun) == forms


def test_a_phrasal_verb_takes_an_adverb_before_its_particle(nlp):
    doc = nlp("The left C6 screw has backed partially out.")
    assert [s.label_ for s in doc.spans["spine_targets"] if s.text == "backed partially out"] == [
        "BACKOUT"
    ]


def _write(tmp_path, entries, **extra):
    path = tmp_path / "thesaurus.json"
    path.write_text(json.dumps({"entries": entries, **extra}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"category": "BACKOUT", "verbs": ["Back Out"]}], "'Back Out' is not lower-case words"),
        ([{"category": "NOPE", "verbs": ["back out"]}], "category 'NOPE'"),
        (
            [
                {"category": "BACKOUT", "verbs": ["back out"]},
                {"category": "LOOSENING", "verbs": ["back out"]},
            ],
            "'verb back out' is listed twice",
        ),
        ([{"category": "HARDWARE", "nouns": ["gizmo"]}], "metadata.component"),
        ([{"category": "BACKOUT", "verbz": ["back out"]}], "an entry has keys"),
    ],
)
def test_a_bad_entry_is_named(tmp_path, entries, message):
    with pytest.raises(LexiconError, match=message):
        load_thesaurus(_write(tmp_path, entries), ("BACKOUT", "LOOSENING", "HARDWARE"))


def test_a_form_another_category_already_has_is_refused(tmp_path):
    (tmp_path / "thesaurus.json").write_text(
        json.dumps({"entries": [{"category": "LOOSENING", "verbs": ["back out"]}]}),
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="already BACKOUT"):
        build_nlp(tmp_path)


def test_the_packaged_thesaurus_gives_rules_the_matcher_keeps(nlp):
    kept = [rid for rid in nlp.get_pipe("spine_targets").rule_by_id if rid.startswith("ths-")]
    assert len(kept) > 100
    assert {r.metadata["id"] for r in load_thesaurus()} >= set(kept)
