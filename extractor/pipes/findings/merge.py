"""Fold a cue that restates its neighbour ("lucency ..., consistent with
loosening") into one finding."""

from __future__ import annotations

from collections.abc import Mapping

from .document import Draft


def merge(drafts: list[Draft], groups: Mapping[str, str]) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        prev = merged[-1] if merged else None
        if prev is not None and prev.type == d.type and compatible(prev, d, groups):
            prev.end = max(prev.end, d.end)
            prev.size_mm = prev.size_mm if prev.size_mm is not None else d.size_mm
            prev.change = prev.change or d.change
            prev.component = prev.component or d.component
            prev.levels = prev.levels or d.levels
            if (
                prev.type == "pseudarthrosis"
                and prev.assertion == "present"
                and d.assertion == "possible"
            ):
                # "no bridging bone ..., which may indicate nonunion": the
                # pseudarthrosis itself is only suggested
                prev.assertion = "possible"
            if prev.type == "stimulator" and prev.component == "stimulator":
                prev.component = d.component  # "stimulator with two leads": the leads
                prev.side = prev.side or d.side
            continue
        if _restates(merged, d):
            continue
        merged.append(d)
    return [d for d in merged if not _detailed_by_sides(merged, d)]


def _detailed_by_sides(drafts: list[Draft], d: Draft) -> bool:
    """Whether `d`, with no side or size, is what findings of the sentence
    give side by side ("loosening of the S1 screws, with 3 mm of lucency on
    the right and 2 mm on the left"): they are its findings."""
    if d.type == "stimulator":
        return _leads_detailed(drafts, d)
    if d.side is not None or d.size_mm is not None or not d.levels:
        return False
    sides = {
        m.side
        for m in drafts
        if m is not d
        and m.type == d.type
        and m.assertion == d.assertion
        and m.side is not None
        and m.component == d.component
        and set(m.levels) == set(d.levels)
    }
    return "bilateral" in sides or {"left", "right"} <= sides


def _restates(merged: list[Draft], d: Draft) -> bool:
    """Whether `d`, naming no hardware of its own, sums up what the findings
    before it in the sentence already place ("lucency around the left L3 screw
    and both S1 screws, in keeping with loosening"); the last of them, when it
    is the last finding, takes its words."""
    same = [m for m in merged if m.type == d.type and m.assertion == d.assertion]
    if not d.sums_up or len(same) < 2 or d.own_component or not d.levels or d.size_mm is not None:
        return False
    if not set(d.levels) <= {lv for m in same for lv in m.levels}:
        return False
    if same[-1] is merged[-1]:
        same[-1].end = max(same[-1].end, d.end)
    return True


def compatible(prev: Draft, d: Draft, groups: Mapping[str, str]) -> bool:
    if d.assertion == "absent" and prev.assertion != "absent":
        # "the screws were loose on the 2022 study; no lucency is now seen":
        # a denial after a statement of the finding is a second statement
        # (a denial first may reach what follows: "no lucency ... to suggest loosening")
        return False
    if prev.component == "stimulator" and d.component == "stimulator_lead" and not prev.levels:
        # "spinal cord stimulator with two leads, left and right, at T1-T2": the leads
        return d.size_mm is None or prev.size_mm is None
    if (
        prev.type == "stimulator"
        and d.component != prev.component
        and prev.component != "stimulator"
    ):
        return False
    if (
        d.own_component
        and d.component is not None
        and prev.component is not None
        and groups.get(d.component) != groups.get(prev.component)
    ):
        return False  # a different kind of hardware is a different finding
    if d.own_side and d.side != prev.side:
        return False
    if d.levels and prev.levels and not set(d.levels) <= set(prev.levels):
        return False
    if d.levels and not prev.levels and prev.own_component:
        return False
    return d.size_mm is None or prev.size_mm is None


def _leads_detailed(drafts: list[Draft], d: Draft) -> bool:
    """Whether `d`, leads named together with no side ("two percutaneous
    leads, the right with its tip at T8 and the left at mid T9"), is what
    the sentence's findings after it give lead by lead: they are its findings."""
    if d.side is not None or d.component != "stimulator_lead" or d.assertion != "present":
        return False
    after = [
        m
        for m in drafts
        if m is not d
        and m.type == "stimulator"
        and m.start >= d.start
        and m.assertion == d.assertion
    ]
    sides = {m.side for m in after if m.component == "stimulator_lead"}
    return {"left", "right"} <= sides
