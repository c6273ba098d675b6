"""`spine_findings`: cues, with their hardware, levels, sides and sizes, into
the contract's findings (`doc.spans["findings"]`, `doc._.findings`) and the
report's hardware inventory (`doc._.hardware`)."""

# no "from __future__ import annotations": spaCy reads factory signatures at runtime

import bisect
import copy
import itertools
import re
from dataclasses import dataclass, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...extensions import FINDINGS_KEY, FLAG_OF_ASSERTION, TARGETS_KEY, set_extensions
from ...lexicon import load_finding_types, load_words
from ...normalize import (
    WordPatterns,
    default_patterns,
    find_fusion_sides,
    find_pocket_sides,
    find_side_mentions,
    find_size_mentions,
    sort_levels,
)
from ...schema import POSITIVE_ASSERTIONS
from ...tokenizer import ReportTokenizer
from ..sentences import sentence_bounds
from ..targets import target_spans
from .addenda import AddendumJudge
from .attach import (
    attach_segment,
    borrow_within_sentence,
    component_group,
    coordinated_hardware,
    is_label_clause,
    is_place_label,
)
from .clauses import clauses, is_stimulator_cue, np_window, segments, trim
from .document import (
    Draft,
    LevelMention,
    Segment,
    SideMention,
    SizeMention,
    Target,
    Tokens,
    in_windows,
)
from .forms import fusion_field_cues, join_field_value
from .generic import GenericJudge
from .inventory import LEAD_COMPONENTS, Inventory
from .layout import corrected_away, sides_from_columns, without_title_stimulator
from .levels import LevelRoles, answered_no
from .merge import merge
from .policy import Policy
from .resolve import Resolver, narrow_restated, resolve_restated, resolve_restated_sizes
from .scope import ScopeJudge

DEFAULTS: dict[str, Any] = {
    "types": None,
    "words": None,
    "targets_key": TARGETS_KEY,
    "spans_key": FINDINGS_KEY,
    "targets_pipe": "spine_targets",
}
UPSTREAM = ("spine_sections", "spine_sentences", "spine_targets", "spine_context")
_STIMULATOR_PARTS = ("stimulator_lead", "stimulator_generator")


@dataclass
class SentenceView:
    """What the builder reads off one sentence, once, for both passes."""

    index: int
    lo: int  # tokens
    hi: int
    section: str
    cues: list[Target]
    hardware: list[Target]
    procedures: list[Target]
    vetoes: list[Target]
    outside: list[Target]
    clause_list: list[tuple[int, int]]
    levels: list[LevelMention]
    sides: list[SideMention]
    pockets: list[SideMention]
    fusion_sides: list[SideMention]
    sizes: list[SizeMention]


class FindingBuilder:
    """Turns cues into contract findings, in two passes over the report.

    First every sentence is read once (`SentenceView`) and the hardware it
    names goes into the report's inventory (`inventory`). Then, sentence by
    sentence: clauses and cue segments (`clauses`); each cue takes the
    hardware, levels, side and size of its own segment (`attach`); what the
    sentence leaves open comes from the rest of the report (`resolve`);
    findings about hardware outside the spine are vetoed (`scope`); the cue
    and its hardware give the type, and the section the assertion
    (`policy`); restatements fold together (`merge`).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "spine_findings",
        *,
        types: str | None = DEFAULTS["types"],
        words: str | None = DEFAULTS["words"],
        targets_key: str = DEFAULTS["targets_key"],
        spans_key: str = DEFAULTS["spans_key"],
        targets_pipe: str = DEFAULTS["targets_pipe"],
    ) -> None:
        set_extensions()
        check_upstream(nlp)
        self.name = name
        self.types = load_finding_types(types)
        self.cues = frozenset(self.types.cues)
        self.words = load_words(words)
        self.patterns = default_patterns() if words is None else WordPatterns(self.words)
        self.policy = Policy(self.types, self.words)
        self.scope = ScopeJudge(self.words)
        self.generic = GenericJudge(self.words)
        self.addenda = AddendumJudge(self.words)
        self.this_level_re = re.compile(
            r"\b(?:" + self.words.alternation("level_anaphora") + r")\b", re.IGNORECASE
        )
        self.resolver = Resolver(self.words, self.types.component_groups)
        self.level_roles = LevelRoles(self.words, self.patterns)
        self.targets_key = targets_key
        self.spans_key = spans_key
        self.rule_meta = {
            rid: dict(rule.metadata)
            for rid, rule in nlp.get_pipe(targets_pipe).rule_by_id.items()  # type: ignore[attr-defined]
        }

    def _solid_fusion(self, toks: Tokens, t: Target, lo: int, hi: int) -> Target | None:
        """A fusion stated solid ("solid L4-S1 fusion", "the fusion is solid"):
        a cue of no pseudarthrosis (the opposite of one), while the procedure
        word stays the report's construct."""
        lower, solid = toks.lower, self.words["solid_fusion_words"]
        if not any(w in _FUSION_WORDS for w in lower[t.start : t.end]):
            return None
        if not any(w in solid for w in lower[max(lo, t.start - SOLID_REACH) : t.start]):
            # or after a copula: "the fusion (mass) is solid"
            after = [w for w in lower[t.end : min(hi, t.end + SOLID_REACH + 2)] if not w.isspace()]
            if after[:1] == ["mass"]:
                after = after[1:]
            if not (after and after[0] in _COPULAS and any(w in solid for w in after[1:3])):
                return None
        opposite = copy.copy(t)
        opposite.label_ = "PSEUDARTHROSIS"
        opposite.meta = {**t.meta, "inverse": True}
        return opposite

    def _stimulator_word(self, t: Target) -> bool:
        """A stimulator phrase, or hardware that is a stimulator's part ("lead")."""
        return t.label_ == "STIMULATOR" or (
            t.label_ == "HARDWARE"
            and self.types.component_groups.get(t.component or "") == "stimulator"
        )

    def __call__(self, doc: Doc) -> Doc:
        spans = target_spans(doc, self.targets_key)
        doc._.vetoed = []
        if not spans:
            doc.spans[self.spans_key] = []
            doc._.findings = []
            doc._.hardware = []
            return doc
        context = doc._.context_results or [None] * len(spans)
        targets = [
            Target(span, self.rule_meta.get(span.id_, {}), ctx)
            for span, ctx in zip(spans, context, strict=True)
        ]
        toks = Tokens(doc)
        if _other_stimulator_only(targets):
            # "a vagal nerve stimulator ... the stimulator": not a spinal cord stimulator
            targets = [t for t in targets if not self._stimulator_word(t)]
        has_stimulator = any(t.label_ == "STIMULATOR" for t in targets)
        bounds = sentence_bounds(doc)
        by_sentence: dict[int, list[Target]] = {}
        for t in targets:
            s = bisect.bisect_right(bounds, t.start) - 1
            by_sentence.setdefault(s, []).append(t)
        for in_sentence in by_sentence.values() if has_stimulator else ():
            if any(self._stimulator_word(t) for t in in_sentence):
                for t in in_sentence:
                    if (
                        t.component == "screw"
                        and t.end - t.start == 1
                        and toks.lower[t.start] in ("anchor", "anchors")
                    ):
                        # "the lead ... at the anchor": the lead's anchor, a place on it
                        t.component = "stimulator_lead"
                        t.meta = {**t.meta, "lead_anchor": True}
        other_device = any(
            t.label_ == "NOT_SPINAL" and t.meta.get("reason") == "other neurostimulator"
            for t in targets
        )
        for s, in_sentence in by_sentence.items() if other_device else ():
            if _other_stimulator_only(in_sentence):
                # "vagal nerve stimulator generator in the chest, its lead ... at C6":
                # the generator and lead after that device's name are its own
                first = min(
                    t.start
                    for t in in_sentence
                    if t.label_ == "NOT_SPINAL" and t.meta.get("reason") == "other neurostimulator"
                )
                by_sentence[s] = [
                    t for t in in_sentence if not (self._stimulator_word(t) and t.start > first)
                ]
        views = [
            self._view(doc, toks, s, bounds[s], bounds[s + 1], in_sentence, has_stimulator)
            for s, in_sentence in by_sentence.items()
        ]
        inventory = Inventory(self.words, self.types.component_groups)
        self.scope.reset()
        previous_end = 0
        for v in views:
            if self.scope.carried is not None and self.scope.spinal_between(
                toks, previous_end, v.lo
            ):
                self.scope.reset()

            def is_outside(h: Target, clause: tuple[int, int], v: SentenceView = v) -> bool:
                return self.scope.mention_outside(
                    toks, h, clause, (v.lo, v.hi), v.section, v.hardware, v.outside, v.levels
                )

            # with nothing outside the spine named or carried, nothing is outside
            judged = v.outside or self.scope.carried is not None
            inventory.add_sentence(
                toks, v.index, v.section, v.clause_list, v.hardware, v.procedures,
                v.levels, v.sides, v.pockets, is_outside if judged else None,
            )  # fmt: skip
            self.scope.after_sentence(
                toks, (v.lo, v.hi), v.section, v.hardware, v.outside, v.levels
            )
            previous_end = v.hi
        inventory.build()
        drafts: list[Draft] = []
        corpectomy_words = self.words["corpectomy_words"]
        corpectomy = not corpectomy_words.isdisjoint(toks.lower)
        self.scope.reset()
        previous_end = 0
        place: tuple[str, list[str]] = ("", [])  # the last levels named, and their section
        line_label: tuple[int, list[str]] = (-1, [])  # a level label opening a line, and its line
        for v in views:
            if self.scope.carried is not None and self.scope.spinal_between(
                toks, previous_end, v.lo
            ):
                self.scope.reset()
            before = place[1] if place[0] == v.section else []
            line_start, label = self._line_label(toks, v)
            if label:
                line_label = (line_start, label)
            own = any(m[3] != "foreign" for m in v.levels)
            # "L5: bilateral pedicle screws. Left screw: 2 mm lucent rim": the line's label
            on_line = line_label[1] if line_label[0] == line_start and not own else []
            found = self._sentence_findings(doc, toks, v, inventory, corpectomy, before, on_line)
            sides_from_columns(toks.doc_text, line_start, found, toks)
            drafts.extend(found)
            named = [m for m in v.levels if m[3] != "foreign"]
            if named:
                # "at this level" refers back only to a sentence that named one place
                place = (v.section, list(named[0][2]) if len(named) == 1 else [])
            previous_end = v.hi
        drafts = without_title_stimulator(doc, toks, drafts)
        resolve_restated(toks, drafts, self.types.component_groups)
        narrow_restated(drafts, self.types.component_groups)
        resolve_restated_sizes(drafts)
        self.addenda.supersede(toks, drafts, bounds)
        finding_spans = [Span(doc, d.start, d.end, label=d.type) for d in drafts]
        for span, d in zip(finding_spans, drafts, strict=True):
            # medspaCy's flags, for users of its ConText attributes
            flag = FLAG_OF_ASSERTION.get(d.assertion)
            if flag is not None:
                span._.set(flag, True)
            if d.cue.modifiers:
                span._.modifiers = d.cue.modifiers
        doc.spans[self.spans_key] = finding_spans
        doc._.findings = [_stored(toks, d) for d in drafts]
        doc._.hardware = inventory.stored()
        return doc

    # -- pass 1: what a sentence holds -----------------------------------------

    def _view(
        self,
        doc: Doc,
        toks: Tokens,
        index: int,
        lo: int,
        hi: int,
        spans: list[Target],
        has_stimulator: bool,
    ) -> SentenceView:
        hardware: list[Target] = []
        cues = [t for t in spans if t.label_ in self.cues]
        for t in spans:
            if t.label_ == "STIMULATOR":
                hardware.append(t)
            elif t.label_ == "HARDWARE":
                if t.component in _STIMULATOR_PARTS:
                    if not has_stimulator or any(
                        0 <= t.start - v.end <= 1
                        for v in spans
                        if v.label_ in ("NOT_HARDWARE", "NOT_SPINAL")
                    ):
                        # "lead"/"battery" mean a stimulator only in a stimulator report,
                        # and not right after another device ("vagal nerve stimulator generator")
                        continue
                    if t.component == "stimulator_generator" or (
                        toks.has_level(lo, hi) and not t.meta.get("lead_anchor")
                    ):
                        # "IPG in the left flank", "Right lead tip at T8" in a stimulator report
                        cues.append(t)
                hardware.append(t)
        procedures = [t for t in spans if t.label_ == "PROCEDURE"]
        for t in spans:
            if t.label_ not in ("PROCEDURE", "NOT_HARDWARE"):
                continue
            # "Fusion status: L3-4 solid / L5-S1 absent": a cue per item
            in_field = fusion_field_cues(toks, t, lo, hi, self.words)
            if in_field:
                cues += in_field
            elif t.label_ == "PROCEDURE" and (opposite := self._solid_fusion(toks, t, lo, hi)):
                cues.append(opposite)
        cues.sort(key=lambda c: (c.start, c.end))
        sent_char, sent_end = toks.char_range(lo, hi)
        sent_text = toks.doc_text[sent_char:sent_end]
        outside = [t for t in spans if t.label_ == "NOT_SPINAL"]
        # a side word right before a device outside the spine is that device's
        # ("the left breast expander"), never the spinal hardware's
        device_starts = {
            t.start_char - sent_char for t in outside if t.meta.get("kind") == "device"
        }
        return SentenceView(
            index=index,
            lo=lo,
            hi=hi,
            section=toks.section_at(sent_char),
            cues=cues,
            hardware=hardware,
            procedures=procedures,
            vetoes=[t for t in spans if t.label_ == "NOT_HARDWARE"],
            outside=outside,
            clause_list=join_field_value(toks, clauses(toks, lo, hi, self.words), cues, hardware),
            levels=corrected_away(
                toks.doc_text,
                _fracture_levels_foreign(
                    toks, self.level_roles.mentions(sent_text, sent_char), spans
                ),
            ),
            sides=corrected_away(
                toks.doc_text,
                [
                    (a + sent_char, b + sent_char, side)
                    for a, b, side in find_side_mentions(sent_text, self.patterns)
                    if not device_starts or _next_word_start(sent_text, b) not in device_starts
                    # "Periscrew lucency C2: right - none / left - 2 mm": not the right
                    if not answered_no(self.patterns, sent_text, a, b)
                ],
            ),
            # only a stimulator has a pocket or a subcutaneous course, and only a cue a size
            pockets=[
                (a + sent_char, b + sent_char, side)
                for a, b, side in find_pocket_sides(sent_text, self.patterns)
            ]
            if any(is_stimulator_cue(t) for t in spans)
            else [],
            # only a pseudarthrosis takes the side of the facet it crosses
            fusion_sides=[
                (a + sent_char, b + sent_char, side)
                for a, b, side in find_fusion_sides(sent_text, self.patterns)
            ]
            if any(c.label_ == "PSEUDARTHROSIS" for c in cues)
            else [],
            sizes=[
                (m.start + sent_char, m.end + sent_char, m.mm)
                for m in find_size_mentions(sent_text)
            ]
            if cues
            else [],
        )

    # -- pass 2: one sentence's findings -----------------------------------------

    def _sentence_findings(
        self,
        doc: Doc,
        toks: Tokens,
        v: SentenceView,
        inventory: Inventory,
        corpectomy: bool,
        place_before: list[str],
        line_levels: list[str],
    ) -> list[Draft]:
        groups = self.types.component_groups
        if not v.cues:
            if v.outside:
                self.scope.after_sentence(toks, (v.lo, v.hi), v.section, v.hardware, v.outside, [])
            elif self.scope.carried is not None and v.hardware:
                # "The anterior cervical plate is partially imaged.": a sentence
                # about spinal hardware ends what a line or tube before it carried
                self.scope.after_sentence(
                    toks, (v.lo, v.hi), v.section, v.hardware, v.outside, v.levels
                )
            return []
        clause_list = v.clause_list
        cues = v.cues
        if any(c.meta.get("inverse") for c in cues):
            # "bridging bone is hard to confirm; nonunion cannot be excluded": a
            # sentence that states the finding itself is not overruled by its opposite
            # (a form's items each state their own: "L3-4 solid / L5-S1 absent")
            direct = {c.label_ for c in cues if not c.meta.get("inverse")}
            cues = [
                c
                for c in cues
                if not (
                    c.meta.get("inverse") and c.label_ in direct and not c.meta.get("field_state")
                )
            ]
        segs = segments(toks, clause_list, cues, self.words)
        clause_levels: list[list[str]] = []
        clause_groups: list[set[str]] = []
        clause_sides: list[list[str]] = []
        label_clause = [is_label_clause(toks, a, b, v.hi) for a, b in clause_list]
        for a, b in clause_list:
            c0, c1 = toks.char_range(a, b)
            clause_sides.append([m[2] for m in v.sides if c0 <= m[0] < c1])
            clause_levels.append(
                sort_levels(
                    lv
                    for m in v.levels
                    if c0 <= m[0] < c1 and m[3] not in ("foreign", "junction")
                    for lv in m[2]
                )
            )
            clause_groups.append(
                {g for h in v.hardware if a <= h.start < b if (g := component_group(h, groups))}
            )
        for seg in segs:
            attach_segment(
                toks, seg, v.hardware, v.vetoes, v.levels, v.procedures, v.sides, v.pockets,
                v.fusion_sides, v.sizes, groups, self.words,
            )  # fmt: skip
        clause_hardware = [[h for h in v.hardware if a <= h.start < b] for a, b in clause_list]
        relative = [
            toks.lower[a] == "which"
            or (toks.lower[a] in (",", ";") and a + 1 < b and toks.lower[a + 1] == "which")
            for a, b in clause_list
        ]
        anatomy = self.words["anatomy_subjects"]
        for seg in segs:
            ci = seg.clause
            is_relative = ci > 0 and relative[ci] and seg.start == clause_list[ci][0]
            if seg.cue.label_ in MOVEMENT_CUES:
                _mark_anatomy_subject(toks, seg, clause_list, is_relative, anatomy)
            if is_relative:
                # "..., which may represent a fracture": the relative clause is
                # about what the clause before it named
                if not seg.sides:
                    seg.sides = list(clause_sides[ci - 1])
                if not seg.levels:
                    seg.levels = list(clause_levels[ci - 1])
                if not seg.hardware and clause_hardware[ci - 1] and not seg.anatomy_subject:
                    seg.hardware = list(clause_hardware[ci - 1])
                    seg.borrowed = True
        borrow_within_sentence(
            segs, clause_levels, clause_groups, clause_sides, label_clause, groups, v.levels, toks,
            [is_place_label(toks, a, b, v.hi, v.sides) for a, b in clause_list[:1]],
            clause_hardware[0] if clause_hardware else (),
        )  # fmt: skip
        # a device outside the spine ("the THA acetabular component") is
        # something in the sentence to be about: no screw borrowed from before
        has_hardware = any(h.label_ == "HARDWARE" for h in v.hardware) or bool(v.outside)
        has_level = any(m[3] != "foreign" for m in v.levels)
        for seg in segs:
            if not _is_stimulator(seg.cue):
                self.resolver.resolve_segment(
                    toks, seg, inventory, v.index, v.section, has_hardware, has_level
                )
            seg.outside = self.scope.outside(
                toks, seg, clause_list[seg.clause], (v.lo, v.hi), v.section, v.hardware,
                v.outside, v.levels,
            )  # fmt: skip
        self.scope.after_sentence(toks, (v.lo, v.hi), v.section, v.hardware, v.outside, v.levels)
        sentence_vetoes = {t.meta.get("reason") for t in v.vetoes}
        drafts = []
        previous_cue: Target | None = None
        for seg in segs:
            draft = self.policy.draft(doc, toks, seg, sentence_vetoes, previous_cue)
            if draft is not None and seg.outside is None and draft.assertion in POSITIVE_ASSERTIONS:
                # "displacement of the bone graft and the anterior plate": a
                # finding for each kind of hardware the cue names together
                for other in coordinated_hardware(toks, seg, draft.hardware, groups, self.words):
                    alt = replace(seg, hardware=[other], primary_memo=None, side_groups=[])
                    extra = self.policy.draft(doc, toks, alt, sentence_vetoes, previous_cue)
                    if extra is None or extra.type == draft.type:
                        continue
                    # its own levels, when its noun phrase names them ("the L5-S1 cage")
                    window = [np_window(toks, other, seg.start, seg.end, seg.hardware, self.words)]
                    named = [m for m in v.levels if in_windows(m[0], window) and m[3] != "foreign"]
                    if named:
                        extra.levels = sort_levels(lv for m in named for lv in m[2])
                    drafts.append(extra)
            previous_cue = seg.cue
            if draft is None:
                continue
            if seg.outside is not None:
                # hardware outside the spine: no finding, and the veto is kept
                a, b = toks.char_range(draft.start, draft.end)
                doc._.vetoed.append(
                    [a, b, draft.cue.rule_id, seg.outside.rule_id, seg.outside.meta.get("reason")]
                )
                continue
            if len(seg.side_groups) > 1:
                # one finding per pair, each with its own part of the clause as
                # evidence (two findings never share offsets)
                cuts = (
                    [draft.start]
                    + [
                        max(draft.start + 1, toks.token_at(char, seg.start, seg.end))
                        for _, _, char in seg.side_groups[1:]
                    ]
                    + [draft.end]
                )
                for k, (levels, side, _char) in enumerate(seg.side_groups):
                    a, b = trim(toks, cuts[k], cuts[k + 1], None, self.words)
                    if a >= b:
                        continue
                    size = draft.size_mm
                    if size is not None:
                        # the size stated in this pair's own part of the clause
                        lo_char, hi_char = toks.char_range(a, b)
                        own = [m[2] for m in seg.size_mentions if lo_char <= m[0] < hi_char]
                        size = max(own) if own else size
                    drafts.append(
                        replace(
                            draft,
                            levels=levels or draft.levels,
                            side=draft.side if side is None else (side or None),
                            size_mm=size,
                            start=a,
                            end=b,
                        )
                    )
            else:
                drafts.append(draft)
        drafts = merge(drafts, groups)
        for d in drafts if line_levels else ():
            if not d.levels and d.type != "stimulator":
                d.levels = list(line_levels)
        if place_before:
            for d in drafts:
                a, b = toks.char_range(d.start, d.end)
                if (
                    not d.levels
                    and d.assertion in POSITIVE_ASSERTIONS
                    and len(place_before) <= 2
                    and self.this_level_re.search(toks.doc_text, a, b)
                ):
                    d.levels = list(place_before)  # "pseudarthrosis at this level"
        generic: list[Draft] = []
        if any(d.assertion in POSITIVE_ASSERTIONS for d in drafts) and self.generic.is_generic(
            toks, v.lo, v.hi, v.levels, v.sides, [*v.hardware, *v.cues]
        ):
            # a teaching statement: about no one's hardware, and placed nowhere
            generic = [d for d in drafts if d.assertion in POSITIVE_ASSERTIONS]
            for d in generic:
                d.assertion = "hypothetical"
        for d in drafts:
            if any(d is g for g in generic):
                continue
            if d.type == "stimulator":
                self.resolver.resolve_lead_side(toks, d, inventory)
                if not d.levels and d.assertion not in POSITIVE_ASSERTIONS:
                    self.resolver.resolve_draft(toks, d, None, inventory, v.index, v.section)
                elif (
                    not d.levels
                    and d.component in LEAD_COMPONENTS
                    and "DISPLACEMENT" not in (d.cue.label_, *d.events)
                ):
                    # a migrated lead is not where the report placed the leads
                    self.resolver.resolve_leads(toks, d, inventory)
            else:
                self.resolver.resolve_draft(toks, d, d.hardware, inventory, v.index, v.section)
                self.resolver.resolve_screw_side(toks, d, d.hardware, inventory)
                self.resolver.resolve_corpectomy(d, inventory, corpectomy)
        return [part for d in drafts for part in self._by_lead(toks, d, v.levels, inventory)]

    @staticmethod
    def _line_label(toks: Tokens, v: SentenceView) -> tuple[int, list[str]]:
        """Where the sentence's line starts, and the levels of a level label
        ("L5:", "- L4-5:") when the sentence opens that line with one."""
        text = toks.doc_text
        start = toks.idx[v.lo]
        line_start = text.rfind("\n", 0, start) + 1
        if not v.clause_list or text[line_start:start].strip(" \t-*•") != "":
            return line_start, []
        a, b = v.clause_list[0]
        if not is_label_clause(toks, a, b, v.hi):
            return line_start, []
        c0, c1 = toks.char_range(a, b)
        return line_start, sort_levels(
            lv for m in v.levels if c0 <= m[0] < c1 and m[3] != "foreign" for lv in m[2]
        )

    def _by_lead(
        self, toks: Tokens, d: Draft, levels: list[LevelMention], inventory: Inventory
    ) -> list[Draft]:
        """A statement of the leads of both sides as one finding per lead, each
        with the side the report gives it; the evidence is cut at the first
        level of each lead when they stand in the statement in order."""
        groups = self.resolver.lead_sides(d, inventory)
        if not groups:
            return [d]
        c0, c1 = toks.char_range(d.start, d.end)
        # where each later lead's first level stands in the statement
        starts = [
            min((m[0] for m in levels if c0 <= m[0] < c1 and lv[0] in m[2]), default=None)
            for lv, _side in groups[1:]
        ]
        inner = [toks.token_at(x, d.start, d.end) for x in starts if x is not None]
        bounds = [d.start, *inner, d.end]
        cut = len(inner) == len(starts) and all(x < y for x, y in itertools.pairwise(bounds))
        parts = []
        for k, (lv, side) in enumerate(groups):
            a, b = (bounds[k], bounds[k + 1]) if cut else (d.start, d.end)
            if cut:
                a, b = trim(toks, a, b, None, self.words)
                if a >= b:
                    return [d]
            parts.append(replace(d, levels=lv, side=side, start=a, end=b))
        return parts


SOLID_REACH = 3  # words between "solid" and its fusion word ("solid L4-S1 interbody fusion")
_FUSION_WORDS = frozenset({"fusion", "fusions", "arthrodesis", "spondylodesis"})
_COPULAS = frozenset({"is", "are", "appears", "appear", "looks", "remains", "now"})
OF_OBJECT_REACH = 9  # tokens after a cue searched for its "of" object's anatomy word
# cues of hardware moving, which anatomy also does ("the root is displaced")
MOVEMENT_CUES = frozenset({"DISPLACEMENT", "BACKOUT", "DISENGAGEMENT", "SUBSIDENCE", "TILT"})


def _mark_anatomy_subject(
    toks: Tokens,
    seg: Segment,
    clause_list: list[tuple[int, int]],
    is_relative: bool,
    anatomy: frozenset[str],
) -> None:
    """Mark a movement cue whose subject is anatomy ("the root sleeve is
    displaced", "displacement of the exiting root", "the exiting root, which
    is displaced beyond the screw"): hardware after its verb is its object."""
    ci = seg.clause
    if is_relative:
        antecedent = toks.lower[
            max(clause_list[ci - 1][0], clause_list[ci][0] - 3) : clause_list[ci][0]
        ]
        if any(w in anatomy for w in antecedent):
            seg.anatomy_subject = True
            seg.hardware = [h for h in seg.hardware if h.start < seg.cue.start]
    elif _of_anatomy(toks, seg, anatomy):
        seg.anatomy_subject = True
        seg.hardware = []
    elif not seg.hardware:
        seg.anatomy_subject = any(w in anatomy for w in toks.lower[seg.start : seg.cue.start])


def _of_anatomy(toks: Tokens, seg: Segment, anatomy: frozenset[str]) -> bool:
    """Whether the cue's "of" object is anatomy ("displacement of the exiting root")."""
    after = toks.lower[seg.cue.end : min(seg.end, seg.cue.end + OF_OBJECT_REACH)]
    return after[:1] == ["of"] and any(w in anatomy for w in after)


def _other_stimulator_only(targets: list[Target]) -> bool:
    """Whether the stimulator of these targets (a report's, a sentence's) is
    another device (a vagal nerve stimulator, a deep brain stimulator) and
    never a spinal cord stimulator."""
    other = any(
        t.label_ == "NOT_SPINAL" and t.meta.get("reason") == "other neurostimulator"
        for t in targets
    )
    return other and not any(t.label_ == "STIMULATOR" and t.meta.get("spinal") for t in targets)


def _is_stimulator(t: Target) -> bool:
    return t.label_ == "STIMULATOR" or t.component in _STIMULATOR_PARTS


def _stored(toks: Tokens, d: Draft) -> list[Any]:
    """A finding as plain values for `doc._.findings`, in the order of
    `extensions.STORED_FINDING`: the contract's fields with character
    offsets, and the cue rule and modifiers that made it."""
    start, end = toks.char_range(d.start, d.end)
    return [
        d.type,
        d.component,
        list(d.levels),
        d.side,
        d.size_mm,
        d.assertion,
        d.change,
        d.section,
        start,
        end,
        d.cue.rule_id,
        [list(m) for m in d.cue.modifiers],
    ]


def check_upstream(nlp: Language) -> None:
    """Refuse, naming what is missing, a pipeline this pipe cannot work in."""
    missing = [name for name in UPSTREAM if name not in nlp.pipe_names]
    problems = []
    if missing:
        problems.append(f"the pipes {missing} must run before it")
    if not isinstance(nlp.tokenizer, ReportTokenizer):
        problems.append("the report tokenizer (spine_extractor.tokenizer.v1) is not in use")
    if problems:
        raise ValueError(
            "spine_findings cannot run in this pipeline: "
            + "; ".join(problems)
            + ". Build the pipeline with extractor.build_nlp()."
        )


@Language.factory("spine_findings", default_config=DEFAULTS)
def make_finding_builder(
    nlp: Language,
    name: str,
    types: str | None,
    words: str | None,
    targets_key: str,
    spans_key: str,
    targets_pipe: str,
) -> FindingBuilder:
    return FindingBuilder(
        nlp,
        name,
        types=types,
        words=words,
        targets_key=targets_key,
        spans_key=spans_key,
        targets_pipe=targets_pipe,
    )


def _fracture_levels_foreign(
    toks: Tokens, levels: list[LevelMention], spans: list[Target]
) -> list[LevelMention]:
    """A level inside a bone-fracture phrase ("fracture of T9") is that
    fracture's: no finding or hardware takes it."""
    fractures = [
        toks.char_range(t.start, t.end)
        for t in spans
        if t.label_ == "NOT_HARDWARE" and t.meta.get("reason") == "bone fracture"
    ]
    if not fractures:
        return levels
    return [
        (m[0], m[1], m[2], "foreign") if any(a <= m[0] and m[1] <= b for a, b in fractures) else m
        for m in levels
    ]


def _next_word_start(text: str, end: int) -> int:
    """Where the word after `end` begins (past spaces and a hyphen)."""
    while end < len(text) and text[end] in " \t\n-":
        end += 1
    return end
