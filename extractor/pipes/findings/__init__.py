"""The finding builder (`spine_findings`): one module per step.

- `document`: the per-document view (tokens, targets, segments, drafts);
- `clauses`: clauses, cue segments and noun-phrase windows in a sentence;
- `attach`: hardware, levels, sides and sizes to each cue, inside a sentence;
- `policy`: cue x hardware -> finding type, vetoes, the section's assertion;
- `merge`: restatements folded together;
- `builder`: the pipe, which runs the steps in order.
"""
