"""Find, load and validate the rule files in `lexicons/`.

The files ship inside the wheel as the `extractor.lexicons` package and are
found with `importlib.resources`; a user may point any loader at a folder or
file of their own. Every rule is checked on load, and a bad rule is named in
the error: file, position, id and literal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .schema import COMPONENTS, FINDING_TYPES, SECTIONS

TARGET_RULES_FILE = "target_rules.json"
CONTEXT_RULES_FILE = "context_rules.json"
SECTION_RULES_FILE = "section_rules.json"
FINDING_TYPES_FILE = "finding_types.json"
WORDS_FILE = "words.json"
THESAURUS_FILE = "thesaurus.json"

# Target rule categories that are not finding cues. HARDWARE: spinal hardware
# words; PROCEDURE: operations that imply hardware ("L4-5 TLIF", for the
# inventory); NOT_HARDWARE: look-alikes (cement, bone fractures, pumps);
# NOT_SPINAL: anatomy and devices outside the spine, whose hardware never
# gives a finding. The cue categories are the "cues" of finding_types.json.
STRUCTURAL_CATEGORIES: tuple[str, ...] = ("HARDWARE", "PROCEDURE", "NOT_HARDWARE", "NOT_SPINAL")
ASSERTION_CATEGORIES: tuple[str, ...] = (
    "NEGATED_EXISTENCE",
    "POSSIBLE_EXISTENCE",
    "HISTORICAL",
    "HYPOTHETICAL",
    "FAMILY",
    "PSEUDO",
    "TERMINATE",
)
CHANGE_CATEGORIES: dict[str, str] = {
    "CHANGE_NEW": "new",
    "CHANGE_WORSE": "worse",
    "CHANGE_STABLE": "stable",
    "CHANGE_IMPROVED": "improved",
}
CONTEXT_CATEGORIES: tuple[str, ...] = (*ASSERTION_CATEGORIES, *CHANGE_CATEGORIES)
DIRECTIONS: tuple[str, ...] = ("FORWARD", "BACKWARD", "BIDIRECTIONAL", "TERMINATE", "PSEUDO")

_TARGET_KEYS = {"literal", "category", "pattern", "attributes", "metadata"}
# The keys medspaCy's ConTextRule accepts (we read the same format).
_CONTEXT_KEYS = {
    "literal",
    "category",
    "pattern",
    "direction",
    "max_scope",
    "max_targets",
    "allowed_types",
    "excluded_types",
    "terminated_by",
    "metadata",
}
_SECTION_KEYS = {"literal", "category", "pattern", "metadata", "parents", "parent_required"}


class LexiconError(ValueError):
    """A rule file that cannot be used; the message names the bad rule."""


GOVERNED_REACH_MAX = 20  # the longest `governed_reach` a context rule may set


@dataclass(frozen=True)
class ContextRule:
    """A ConText modifier rule, in medspaCy's ConTextRule format."""

    literal: str
    category: str
    direction: str
    id: str
    pattern: Sequence[Mapping[str, Any]] | None = None
    max_scope: int | None = None
    allowed_types: frozenset[str] | None = None
    excluded_types: frozenset[str] | None = None
    terminated_by: frozenset[str] = field(default_factory=frozenset)
    # a terminator that is the verb of its clause's subject ("is seen"): after
    # a negated hardware subject it does not end the negation's reach
    subject_predicate: bool = False
    # a terminator that ends only these categories' reach (None: every category)
    terminates: frozenset[str] | None = None
    # a possible cue that a negation this many words before it still governs:
    # an evidence verb after the negated evidence ("no fluid signal or endplate
    # edema at C4-5 suggests pseudarthrosis"); None: the default gap
    governed_reach: int | None = None
    # a checkbox cue ("[ ]"): it means an option not chosen only on a line
    # where a box is ticked (a form filled in); in a blank template it is a blank
    ticked_line: bool = False


@dataclass
class TargetRule:
    """A target rule, with the fields of medspaCy's `TargetRule` (literal,
    category, pattern, attributes, metadata); `medspacy_rules()` gives
    medspaCy's own objects. Loading medspaCy costs seconds; this does not."""

    literal: str
    category: str
    pattern: Any = None
    attributes: dict[str, Any] | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SectionRule:
    """A section header: its literal (matched case-insensitively) and category."""

    literal: str
    category: str
    id: str
    scope: str = "header"  # "title": the literal in a text's first line marks the whole text


def packaged_lexicon(name: str) -> Any:
    """The packaged rule file `name` (a Traversable)."""
    return resources.files("extractor.lexicons").joinpath(name)


def _read_json(source: str | Path | None, default_name: str) -> tuple[Any, str]:
    if source is None:
        ref = packaged_lexicon(default_name)
        label = f"packaged {default_name}"
    else:
        path = Path(source)
        ref = path / default_name if path.is_dir() else path
        label = str(ref)
    try:
        with ref.open("r", encoding="utf-8") as fh:
            return json.load(fh), label
    except FileNotFoundError as e:
        raise LexiconError(f"{label}: file not found") from e
    except json.JSONDecodeError as e:
        raise LexiconError(f"{label}: invalid JSON ({e})") from e


def _rules_list(data: Any, key: str, label: str) -> list[dict[str, Any]]:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise LexiconError(f'{label}: expected an object {{"{key}": [...]}}')
    return data[key]


def _where(label: str, i: int, rule: Any) -> str:
    if not isinstance(rule, dict):
        return f"{label} rule #{i}"
    rid = (rule.get("metadata") or {}).get("id") if isinstance(rule.get("metadata"), dict) else None
    return f"{label} rule #{i} (id {rid!r}, literal {rule.get('literal')!r})"


def _check_common(
    rule: Any, i: int, label: str, allowed_keys: set[str], categories: Sequence[str], ids: set[str]
) -> str:
    where = _where(label, i, rule)
    if not isinstance(rule, dict):
        raise LexiconError(f"{where}: a rule must be a JSON object")
    unknown = set(rule) - allowed_keys
    if unknown:
        raise LexiconError(
            f"{where}: unknown key(s) {sorted(unknown)}; allowed {sorted(allowed_keys)}"
        )
    literal = rule.get("literal")
    if not isinstance(literal, str) or not literal.strip():
        raise LexiconError(f"{where}: 'literal' must be a non-empty string")
    if rule.get("category") not in categories:
        raise LexiconError(
            f"{where}: category {rule.get('category')!r} is not one of {list(categories)}"
        )
    meta = rule.get("metadata")
    if not isinstance(meta, dict) or not isinstance(meta.get("id"), str) or not meta["id"]:
        raise LexiconError(f"{where}: every rule needs metadata.id")
    if meta["id"] in ids:
        raise LexiconError(f"{where}: duplicate rule id {meta['id']!r}")
    ids.add(meta["id"])
    pattern = rule.get("pattern")
    if pattern is not None and not (
        isinstance(pattern, list) and pattern and all(isinstance(p, dict) for p in pattern)
    ):
        raise LexiconError(f"{where}: 'pattern' must be a non-empty list of token patterns")
    return where


def check_target_metadata(where: str, category: str, meta: Mapping[str, Any]) -> None:
    """The metadata a target rule's category needs (LexiconError says which)."""
    if category in ("HARDWARE", "STIMULATOR") and (
        "component" not in meta
        or (meta["component"] is not None and meta["component"] not in COMPONENTS)
    ):
        raise LexiconError(f"{where}: metadata.component must be null or one of {list(COMPONENTS)}")
    if category == "PROCEDURE" and not (
        isinstance(meta.get("implies"), list) and all(c in COMPONENTS for c in meta["implies"])
    ):
        raise LexiconError(f"{where}: metadata.implies must be a list of components")
    if category in ("NOT_HARDWARE", "NOT_SPINAL") and not isinstance(meta.get("reason"), str):
        raise LexiconError(f"{where}: metadata.reason must say what the look-alike is")
    not_before = meta.get("not_before")
    if not_before is not None and not (
        isinstance(not_before, list)
        and not_before
        and all(isinstance(w, str) and w == w.lower() and " " not in w for w in not_before)
    ):
        raise LexiconError(
            f"{where}: metadata.not_before must be a non-empty list of lower-case words"
        )


def load_target_rules(
    source: str | Path | None = None, cues: Sequence[str] | None = None
) -> list[TargetRule]:
    """Target rules (hardware, finding cues, vetoes), in medspaCy's format.

    `cues`: the cue categories a rule may have (default: those of the
    packaged finding_types.json)."""
    categories = (
        *(cues if cues is not None else load_finding_types().cues),
        *STRUCTURAL_CATEGORIES,
    )
    data, label = _read_json(source, TARGET_RULES_FILE)
    rules = []
    ids: set[str] = set()
    for i, raw in enumerate(_rules_list(data, "target_rules", label)):
        where = _check_common(raw, i, label, _TARGET_KEYS, categories, ids)
        meta = raw["metadata"]
        check_target_metadata(where, raw["category"], meta)
        rules.append(
            TargetRule(
                literal=raw["literal"],
                category=raw["category"],
                pattern=raw.get("pattern"),
                attributes=raw.get("attributes"),
                metadata=meta,
            )
        )
    return rules


def load_context_rules(source: str | Path | None = None) -> list[ContextRule]:
    """ConText modifier rules (assertion, pseudo, terminate and change cues)."""
    data, label = _read_json(source, CONTEXT_RULES_FILE)
    rules = []
    ids: set[str] = set()
    # a phrase with two rules of one family would be pruned to one of them at
    # random: the file must say which it means (change cues are their own family)
    literals: dict[tuple[bool, str], str] = {}
    for i, raw in enumerate(_rules_list(data, "context_rules", label)):
        where = _check_common(raw, i, label, _CONTEXT_KEYS, CONTEXT_CATEGORIES, ids)
        if raw.get("pattern") is None:
            phrase = (
                raw["category"] in CHANGE_CATEGORIES,
                " ".join(raw["literal"].lower().split()),
            )
            if phrase in literals:
                raise LexiconError(
                    f"{where}: {phrase[1]!r} is already rule {literals[phrase]}; "
                    "one phrase has one assertion meaning"
                )
            literals[phrase] = raw["metadata"]["id"]
        direction = raw.get("direction", "BIDIRECTIONAL")
        if direction not in DIRECTIONS:
            raise LexiconError(f"{where}: direction {direction!r} is not one of {list(DIRECTIONS)}")
        max_scope = raw.get("max_scope")
        if max_scope is not None and (not isinstance(max_scope, int) or max_scope < 1):
            raise LexiconError(f"{where}: max_scope must be a positive integer")
        if raw.get("allowed_types") and raw.get("excluded_types"):
            raise LexiconError(f"{where}: give allowed_types or excluded_types, not both")
        for key in ("allowed_types", "excluded_types", "terminated_by"):
            value = raw.get(key)
            if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise LexiconError(f"{where}: {key} must be a list of category names")
        subject_predicate = raw["metadata"].get("subject_predicate", False)
        if not isinstance(subject_predicate, bool) or (
            subject_predicate and raw["category"] != "TERMINATE"
        ):
            raise LexiconError(
                f"{where}: metadata.subject_predicate is true or false, on a TERMINATE rule"
            )
        terminates = raw["metadata"].get("terminates")
        if terminates is not None and (
            raw["category"] != "TERMINATE"
            or not isinstance(terminates, list)
            or not terminates
            or any(c not in CONTEXT_CATEGORIES or c == "TERMINATE" for c in terminates)
        ):
            raise LexiconError(
                f"{where}: metadata.terminates is a list of the categories a TERMINATE rule ends"
            )
        governed_reach = raw["metadata"].get("governed_reach")
        if governed_reach is not None and (
            raw["category"] != "POSSIBLE_EXISTENCE"
            or not isinstance(governed_reach, int)
            or isinstance(governed_reach, bool)
            or not 1 <= governed_reach <= GOVERNED_REACH_MAX
        ):
            raise LexiconError(
                f"{where}: metadata.governed_reach is a number of words (1-{GOVERNED_REACH_MAX}), "
                "on a POSSIBLE_EXISTENCE rule"
            )
        ticked_line = raw["metadata"].get("ticked_line", False)
        if not isinstance(ticked_line, bool):
            raise LexiconError(f"{where}: metadata.ticked_line is true or false")
        rules.append(
            ContextRule(
                literal=raw["literal"],
                category=raw["category"],
                direction=direction,
                id=raw["metadata"]["id"],
                pattern=raw.get("pattern"),
                max_scope=max_scope,
                allowed_types=frozenset(raw["allowed_types"]) if raw.get("allowed_types") else None,
                excluded_types=frozenset(raw["excluded_types"])
                if raw.get("excluded_types")
                else None,
                terminated_by=frozenset(raw.get("terminated_by") or ()),
                subject_predicate=subject_predicate,
                terminates=frozenset(terminates) if terminates is not None else None,
                governed_reach=governed_reach,
                ticked_line=ticked_line,
            )
        )
    return rules


def load_section_rules(source: str | Path | None = None) -> list[SectionRule]:
    """Section header rules; categories are the contract's sections."""
    data, label = _read_json(source, SECTION_RULES_FILE)
    rules = []
    ids: set[str] = set()
    for i, raw in enumerate(_rules_list(data, "section_rules", label)):
        where = _check_common(raw, i, label, _SECTION_KEYS, SECTIONS, ids)
        if raw.get("pattern") is not None:
            raise LexiconError(f"{where}: section rules are matched by literal only")
        scope = raw["metadata"].get("scope", "header")
        if scope not in ("header", "title"):
            raise LexiconError(f"{where}: metadata.scope must be 'header' or 'title'")
        rules.append(SectionRule(raw["literal"], raw["category"], raw["metadata"]["id"], scope))
    return rules


@dataclass(frozen=True)
class FindingTypeTable:
    """Which finding type a cue gives with the hardware named beside it."""

    component_groups: Mapping[str, str]  # component -> group
    by_cue: Mapping[str, Mapping[str, str | None]]  # cue -> group/generic/none -> type
    by_cue_component: Mapping[str, Mapping[str, str | None]]  # cue -> component -> type

    @property
    def cues(self) -> tuple[str, ...]:
        """The cue categories (target rule categories that make findings)."""
        return tuple(self.by_cue)

    def resolve(self, cue: str, component: str | None, has_hardware: bool) -> str | None:
        table = self.by_cue[cue]
        if component is not None:
            specific = self.by_cue_component.get(cue, {})
            if component in specific:
                return specific[component]
            return table[self.component_groups[component]]
        return table["generic" if has_hardware else "none"]


_GROUP_KEYS = ("screw", "rod_like", "cage", "stimulator", "generic", "none")


def load_finding_types(source: str | Path | None = None) -> FindingTypeTable:
    data, label = _read_json(source, FINDING_TYPES_FILE)
    try:
        groups = data["component_groups"]
        cues = data["cues"]
    except (KeyError, TypeError) as e:
        raise LexiconError(f"{label}: needs 'component_groups' and 'cues'") from e
    component_groups: dict[str, str] = {}
    for group, members in groups.items():
        for component in members:
            if component not in COMPONENTS:
                raise LexiconError(
                    f"{label}: group {group!r} names unknown component {component!r}"
                )
            component_groups[component] = group
    missing = set(COMPONENTS) - set(component_groups)
    if missing:
        raise LexiconError(f"{label}: components {sorted(missing)} belong to no group")
    by_cue: dict[str, dict[str, str | None]] = {}
    by_cue_component: dict[str, dict[str, str | None]] = {}
    if not isinstance(cues, dict) or not cues:
        raise LexiconError(f"{label}: 'cues' must map each cue category to its types")
    for cue in cues:
        if not isinstance(cue, str) or not cue.isupper() or cue in STRUCTURAL_CATEGORIES:
            raise LexiconError(
                f"{label}: {cue!r} cannot be a cue category (upper case, not a structural one)"
            )
        if not isinstance(cues[cue], dict):
            raise LexiconError(f"{label}: cue {cue!r} must map component groups to types")
        entry = dict(cues[cue])
        specific = entry.pop("by_component", {})
        for key in _GROUP_KEYS:
            if key not in entry:
                raise LexiconError(f"{label}: cue {cue!r} has no entry for {key!r}")
        for key, value in [*entry.items(), *specific.items()]:
            if value is not None and value not in FINDING_TYPES:
                raise LexiconError(f"{label}: cue {cue!r} maps {key!r} to unknown type {value!r}")
        for component in specific:
            if component not in COMPONENTS:
                raise LexiconError(f"{label}: cue {cue!r} names unknown component {component!r}")
        by_cue[cue] = entry
        by_cue_component[cue] = specific
    for required in ("STIMULATOR",):
        if required not in by_cue:
            raise LexiconError(f"{label}: cue {required!r} has no entry")
    return FindingTypeTable(component_groups, by_cue, by_cue_component)


LEXICON_FILES: tuple[str, ...] = (
    TARGET_RULES_FILE,
    CONTEXT_RULES_FILE,
    SECTION_RULES_FILE,
    FINDING_TYPES_FILE,
    WORDS_FILE,
    THESAURUS_FILE,
)


def check_lexicon_dir(path: str | Path) -> None:
    """Validate a user's rule folder as a whole: it exists, holds at least one
    rule file, and every rule in it loads (LexiconError names the bad one)."""
    folder = Path(path)
    if not folder.is_dir():
        raise LexiconError(f"{path}: no such folder of rule files")
    present = [name for name in LEXICON_FILES if (folder / name).exists()]
    if not present:
        raise LexiconError(f"{path}: holds none of the rule files {', '.join(LEXICON_FILES)}")
    from .thesaurus import load_thesaurus

    types = folder / FINDING_TYPES_FILE
    cues = load_finding_types(types if types.exists() else None).cues
    loaders: dict[str, Callable[[Path], object]] = {
        TARGET_RULES_FILE: lambda path: load_target_rules(path, cues),
        CONTEXT_RULES_FILE: load_context_rules,
        SECTION_RULES_FILE: load_section_rules,
        FINDING_TYPES_FILE: load_finding_types,
        WORDS_FILE: load_words,
        THESAURUS_FILE: lambda path: load_thesaurus(path, (*cues, *STRUCTURAL_CATEGORIES)),
    }
    for name in present:
        loaders[name](folder / name)


def lexicon_digest(path: str | Path | None = None) -> str:
    """SHA-256 of the rule files in effect (a user folder over the packaged ones)."""
    import hashlib

    h = hashlib.sha256()
    for name in LEXICON_FILES:
        own = Path(path) / name if path is not None else None
        data = (
            own.read_bytes()
            if own is not None and own.exists()
            else (packaged_lexicon(name).read_bytes())
        )
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


WORD_LISTS: tuple[str, ...] = (
    "abbreviations",
    "continuation_words",
    "clause_breaks",
    "cue_boundaries",
    "noun_phrase_left",
    "noun_phrase_right",
    "not_subject_words",
    "relative_position_words",
    "fracture_path_words",
    "fracture_bone_words",
    "fracture_place_words",
    "fracture_place_words_to",
    "bone_injury_words",
    "event_adjectives",
    "stimulator_tip_words",
    "stimulator_entry_words",
    "stimulator_course_words",
    "trim_left",
    "trim_right",
    "plain_words",
    "existing_words",
    "space_words",
    "space_qualifiers",
    "side_anatomy",
    "fusion_side_anatomy",
    "place_prepositions",
    "anatomy_subjects",
    "both_unpaired",
    "both_states",
    "mri_weighting",
    "minor_lucency",
    "spinal_anchors",
    "spinal_components",
    "np_of_words",
    "generator_pockets",
    "not_imaged_phrases",
    "level_owners_after",
    "level_owners_before",
    "moved_from_words",
    "level_position_words",
    "endplate_superior",
    "endplate_inferior",
    "removal_words",
    "lowest_words",
    "highest_words",
    "dictation_starters",
    "dictation_glue",
    "dictated_breaks",
    "generic_markers",
    "corpectomy_words",
    "inverse_negators",
    "fusion_progress_words",
    "leaning_hedge_words",
    "level_anaphora",
    "solid_fusion_words",
    "past_copulas",
    "past_adverbs",
    "persistence_words",
    "earlier_study_words",
    "study_words",
    "still_now_words",
    "seated_words",
    "definite_words",
    "dictated_stops",
    "sound_state_words",
    "state_links",
    "destination_words",
    "malposition_places",
    "lucency_nouns",
    "summing_up_words",
    "image_artifact_words",
    "image_limit_words",
    "breakthrough_verbs",
    "hardware_part_words",
    "subject_links",
    "of_object_breaks",
    "expected_placement_phrases",
    "outside_np_breaks",
    "weak_spinal_anchors",
    "outside_position_words",
    "off_spine_lead_words",
    "field_negative_values",
    "fusion_field_solid",
    "fusion_field_failed",
    "fusion_field_hedges",
    "fusion_field_unassessed",
    "identifier_fields",
    "addendum_headers",
    "correction_words",
    "agreement_words",
)


@dataclass(frozen=True)
class WordLists:
    """The word lists of `words.json`, by name (each a frozenset of lower-case
    words or phrases)."""

    lists: Mapping[str, frozenset[str]]
    # built alternations, by list name (pipes build some per document)
    _alternations: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    _regexes: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _word_sets: dict[str, tuple[frozenset[str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists[name]

    def alternation(self, name: str) -> str:
        """A regex alternation of the list's entries, longest first, with
        flexible whitespace inside phrases."""
        built = self._alternations.get(name)
        if built is None:
            entries = sorted(self.lists[name], key=len, reverse=True)
            built = "|".join(r"\s+".join(re.escape(w) for w in e.split()) for e in entries)
            self._alternations[name] = built
        return built

    def word_regex(self, name: str) -> re.Pattern[str]:
        """The list's entries as whole words, case-insensitive (built once)."""
        found = self._regexes.get(name)
        if found is None:
            found = re.compile(r"\b(?:" + self.alternation(name) + r")\b", re.IGNORECASE)
            self._regexes[name] = found
        return found

    def may_occur(self, name: str, tokens: frozenset[str] | set[str]) -> bool:
        """Whether `word_regex(name)` can match an ASCII text with these
        lower-case tokens: some entry has all its words among them (False
        lets a caller skip the search)."""
        entries = self._word_sets.get(name)
        if entries is None:
            plain = all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", e) for e in self.lists[name])
            # an entry with other characters may tokenize otherwise: no skipping
            entries = tuple(frozenset(e.split()) for e in self.lists[name]) if plain else ()
            self._word_sets[name] = entries
        return not entries or any(words <= tokens for words in entries)


def load_words(source: str | Path | None = None) -> WordLists:
    """The word lists; every list named in WORD_LISTS must be there, non-empty,
    lower case, and nothing else."""
    data, label = _read_json(source, WORDS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("lists"), dict):
        raise LexiconError(f'{label}: expected an object {{"lists": {{name: {{"words": [...]}}}}}}')
    raw = data["lists"]
    unknown = set(raw) - set(WORD_LISTS)
    if unknown:
        raise LexiconError(f"{label}: unknown word list(s) {sorted(unknown)}")
    missing = [name for name in WORD_LISTS if name not in raw]
    if missing:
        raise LexiconError(f"{label}: missing word list(s) {missing}")
    lists: dict[str, frozenset[str]] = {}
    for name in WORD_LISTS:
        entry = raw[name]
        words = entry.get("words") if isinstance(entry, dict) else None
        if not isinstance(words, list) or not words:
            raise LexiconError(f"{label}: list {name!r} needs a non-empty 'words' list")
        for i, word in enumerate(words):
            if not isinstance(word, str) or not word.strip() or word != word.lower():
                raise LexiconError(
                    f"{label}: list {name!r} item #{i} ({word!r}) must be a lower-case word or phrase"
                )
        lists[name] = frozenset(" ".join(w.split()) for w in words)
    return WordLists(lists)
