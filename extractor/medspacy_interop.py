"""Our rules in medspaCy's own components, for medspaCy pipelines.

    import spacy
    from extractor import medspacy_rules

    targets, modifiers = medspacy_rules()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("medspacy_target_matcher").add(targets)
    nlp.add_pipe("medspacy_context", config={"rules": None}).add(modifiers)
    doc = nlp("No lucency around the L5 screws.")
    [(e.text, e.label_, e._.is_negated) for e in doc.ents]

or `medspacy_pipeline()`, which builds that pipeline on our tokenizer and
sentence splitter. The target rules are the packaged `target_rules.json`
plus the thesaurus's rules (medspaCy `TargetRule`); the modifier rules are
`context_rules.json` as medspaCy `ConTextRule`. medspaCy's ConText then
flags the spans (`is_negated`, `is_uncertain`, `is_historical`,
`is_hypothetical`); the change cues (`CHANGE_*`) are kept as modifiers of
their own categories. Where our engine decides differently from medspaCy's
ConText on the same rules is listed in the README ("medspaCy").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .lexicon import CONTEXT_RULES_FILE, TARGET_RULES_FILE, THESAURUS_FILE, load_context_rules


def medspacy_rules(lexicon_dir: str | Path | None = None) -> tuple[list[Any], list[Any]]:
    """(target rules, ConText rules) as medspaCy `TargetRule` and `ConTextRule`
    objects, from the packaged rules or a folder of rule files."""
    from medspacy.context import ConTextRule
    from medspacy.target_matcher import TargetRule

    from .lexicon import STRUCTURAL_CATEGORIES, load_finding_types, load_target_rules
    from .thesaurus import load_thesaurus

    def own(name: str) -> Path | None:
        if lexicon_dir is None:
            return None
        path = Path(lexicon_dir) / name
        return path if path.exists() else None

    cues = load_finding_types().cues
    targets = [
        TargetRule(
            literal=r.literal,
            category=r.category,
            pattern=r.pattern,
            attributes=r.attributes,
            metadata=r.metadata,
        )
        for r in (
            *load_target_rules(own(TARGET_RULES_FILE), cues),
            *load_thesaurus(own(THESAURUS_FILE), (*cues, *STRUCTURAL_CATEGORIES)),
        )
    ]
    modifiers = [
        ConTextRule(
            literal=r.literal,
            category=r.category,
            pattern=[dict(t) for t in r.pattern] if r.pattern is not None else None,
            direction=r.direction,
            max_scope=r.max_scope,
            allowed_types=set(r.allowed_types) if r.allowed_types else None,
            excluded_types=set(r.excluded_types) if r.excluded_types else None,
            terminated_by=set(r.terminated_by) if r.terminated_by else None,
            metadata={"id": r.id},
        )
        for r in load_context_rules(own(CONTEXT_RULES_FILE))
    ]
    return targets, modifiers


def medspacy_pipeline(lexicon_dir: str | Path | None = None) -> Any:
    """A spaCy pipeline of our tokenizer and sentence splitter followed by
    medspaCy's target matcher and ConText, loaded with our rules."""
    import spacy

    from .pipes import sections, sentences  # noqa: F401  (registers the factories)
    from .tokenizer import TOKENIZER

    targets, modifiers = medspacy_rules(lexicon_dir)
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe("spine_sections")
    nlp.add_pipe("spine_sentences")
    matcher: Any = nlp.add_pipe("medspacy_target_matcher")
    matcher.add(targets)
    context: Any = nlp.add_pipe("medspacy_context", config={"rules": None})
    context.add(modifiers)
    return nlp


def medspacy_assertion(span: Any) -> str:
    """The contract's assertion from medspaCy's ConText flags, in our
    precedence (hypothetical, historical, then negated or possible)."""
    if span._.is_hypothetical:
        return "hypothetical"
    if span._.is_historical:
        return "historical"
    if span._.is_negated and span._.is_uncertain:
        return "absent|possible"  # medspaCy keeps both; we take the nearer cue
    if span._.is_negated:
        return "absent"
    if span._.is_uncertain:
        return "possible"
    return "present"


def compare_context(nlp: Any, texts: list[str]) -> list[tuple[str, str, str, str]]:
    """For every target our pipeline resolves in `texts`: (sentence, target,
    our assertion, medspaCy's) with medspaCy's ConText run on the same tokens,
    sentences and target spans, with the same rules."""
    from medspacy.context import ConText

    _, modifiers = medspacy_rules()
    medspacy_context = ConText(nlp, rules=None)
    medspacy_context.add(modifiers)
    out = []
    for doc in nlp.pipe(texts):
        spans = list(doc.spans["spine_targets"])
        results = doc._.context_results
        kept = [(s, r) for s, r in zip(spans, results, strict=True) if r is not None]
        doc.ents = [s for s, _ in kept]
        medspacy_context(doc)
        for ent, (span, result) in zip(doc.ents, kept, strict=True):
            out.append((span.sent.text.strip(), span.text, str(result[0]), medspacy_assertion(ent)))
    return out
