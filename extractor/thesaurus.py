"""The thesaurus (`lexicons/thesaurus.json`): per finding cue, its verbs in
every form, its nouns with their plurals, and fixed phrases, turned into
target rules.

A verb is written once, as its lemma ("back out", "migrate", "come loose");
`verb_forms` gives the forms a report uses ("backs out", "backed out",
"backing out"), irregular ones from the file's `irregular_verbs`. A verb of
more than one word may take an adverb before its particle ("backed
partially out"). Inflection is a pure function, tested by a table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .lexicon import THESAURUS_FILE, LexiconError, TargetRule, _read_json, check_target_metadata

_VOWELS = "aeiou"
_ENTRY_KEYS = {"category", "verbs", "nouns", "phrases", "metadata"}
_WORD_RE = re.compile(r"^[a-z][a-z0-9/'-]*( [a-z0-9/'-]+)*$")


def verb_forms(lemma: str, irregular: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The forms of a verb's first word: base, third person, past, past
    participle, gerund ("migrate" -> migrate, migrates, migrated, migrating).
    `irregular` maps a base to its [third person, past, participle, gerund]."""
    if irregular and lemma in irregular:
        return _unique([lemma, *irregular[lemma]])
    if lemma.endswith("ie"):
        stem = lemma[:-2]
        return [lemma, lemma + "s", lemma + "d", stem + "ying"]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    stem = lemma + lemma[-1] if _doubles(lemma) else lemma
    return [lemma, third, stem + "ed", stem + "ing"]


def _doubles(word: str) -> bool:
    """One-syllable consonant-vowel-consonant words double their last letter
    ("slip" -> "slipped"); w, x and y never do."""
    if len(word) < 3 or word[-1] in _VOWELS + "wxy":
        return False
    if word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return sum(1 for c in word if c in _VOWELS) == 1


def noun_forms(noun: str) -> list[str]:
    """A noun in the singular and the plural: its head word (the last, or the
    one before "of": "failure of fusion" -> "failures of fusion") inflected."""
    words = noun.split()
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    words[head] = _plural(words[head])
    return _unique([noun, " ".join(words)])


def _plural(word: str) -> str:
    if word.endswith("sis"):
        return word[:-3] + "ses"  # arthrosis -> arthroses
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def expand(
    category: str,
    kind: str,
    entry: str,
    irregular: Mapping[str, Sequence[str]],
    adverbs: Sequence[str],
) -> list[dict[str, Any]]:
    """The token pattern of one thesaurus word."""
    words = entry.split()
    if kind == "phrases":
        return [{"LOWER": w} for w in words]
    if kind == "nouns":
        plural = noun_forms(entry)[-1]
        return [
            {"LOWER": {"IN": list(dict.fromkeys([a, b]))}}
            for a, b in zip(words, plural.split(), strict=True)
        ]
    first = {"LOWER": {"IN": verb_forms(words[0], irregular)}}
    if len(words) == 1:
        return [first]
    if words[1] in ("the", "a", "an"):
        return [first, *({"LOWER": w} for w in words[1:])]  # a verb and its object
    # "backed (partially) out", "came (completely) loose"
    return [first, {"LOWER": {"IN": list(adverbs)}, "OP": "?"}, *({"LOWER": w} for w in words[1:])]


def load_thesaurus(
    source: str | Path | None = None, categories: Sequence[str] = ()
) -> list[TargetRule]:
    """The thesaurus's target rules; LexiconError names a bad entry."""
    data, label = _read_json(source, THESAURUS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError(f'{label}: expected an object {{"entries": [...]}}')
    irregular = data.get("irregular_verbs", {})
    adverbs = data.get("particle_adverbs", [])
    if not isinstance(irregular, dict) or not all(
        isinstance(v, list) and len(v) == 4 for v in irregular.values()
    ):
        raise LexiconError(f"{label}: irregular_verbs maps a verb to its 4 other forms")
    if not isinstance(adverbs, list) or not all(isinstance(a, str) for a in adverbs):
        raise LexiconError(f"{label}: particle_adverbs must be a list of words")
    rules = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(data["entries"]):
        where = f"{label} entry #{i}"
        if not isinstance(raw, dict) or set(raw) - _ENTRY_KEYS:
            raise LexiconError(f"{where}: an entry has keys {sorted(_ENTRY_KEYS)}")
        category = raw.get("category")
        if not isinstance(category, str) or (categories and category not in categories):
            raise LexiconError(f"{where}: category {category!r} is not one of {list(categories)}")
        meta = raw.get("metadata", {})
        if not isinstance(meta, dict):
            raise LexiconError(f"{where}: metadata must be an object")
        check_target_metadata(where, category, meta)
        for kind in ("verbs", "nouns", "phrases"):
            for entry in raw.get(kind, []):
                if not isinstance(entry, str) or not _WORD_RE.match(entry):
                    raise LexiconError(
                        f"{where} ({category}): {kind} entry {entry!r} is not lower-case words"
                    )
                key = f"{kind[:-1]} {entry}"
                if key in seen:
                    raise LexiconError(
                        f"{where}: {key!r} is listed twice ({seen[key]} and {category})"
                    )
                seen[key] = category
                rid = f"ths-{category.lower()}-{kind[0]}-{entry.replace(' ', '-')}"
                rules.append(
                    TargetRule(
                        literal=entry,
                        category=category,
                        pattern=expand(category, kind, entry, irregular, adverbs),
                        metadata={**meta, "id": rid},
                    )
                )
    return rules
