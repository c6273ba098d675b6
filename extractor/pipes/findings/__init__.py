"""The finding builder (`spine_findings`): one module per step.

- `document`: the per-document view (tokens, targets, segments, drafts);
- `clauses`: clauses, cue segments and noun-phrase windows in a sentence;
- `levels`: each level mention's role (a space, another thing's, an endplate);
- `attach`: hardware, levels, sides and sizes to each cue, inside a sentence;
- `scope`: hardware outside the spine, which gives no finding;
- `policy`: cue x hardware -> finding type, vetoes, the section's assertion;
- `generic`: teaching statements, about no one's hardware;
- `inventory`: the report's hardware, from every section;
- `resolve`: places across the report (the inventory), restated findings;
- `merge`: restatements folded together;
- `builder`: the pipe, which runs the steps in order.
"""
