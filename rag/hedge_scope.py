"""Which part of an English sentence its hedge covers.

A sentence is tagged speculative as a whole when any hedge cue is in it, but in English a hedge covers its
own clause: in "The company, which has about 60 employees, is reportedly in talks to raise funding" the head
count is asserted and only the talks are hearsay; in "The insurer handles 1.1 million claims a year and
expects 40% of them to qualify" the count is asserted, the share expected. ``asserted_text`` gives the
clauses no cue is in, so the reader can check whether they alone answer a question.

Kept narrow on purpose, since asserting speculation is the one thing konkyo must not do:
- Japanese is left alone: its hedges close the sentence (とみられる, 見通しだ) and cover what comes before.
- A cue in the sentence's first clause ("Sources say ...", "Reportedly, ...", "Analysts expect ...") frames
  everything after it, and a closing attribution (", analysts believe.") covers everything before it: the
  whole sentence stays hedged.
- A cue that cannot be placed in the text keeps the whole sentence hedged.
- The caller (rag.decision) uses it only for questions asking a value (how many, how much, when), whose
  answer the unhedged clauses must state: the tagger may miss a hedge in a clause it did not flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Where a new clause starts: after a semicolon; at ", and" / ", but" / "though" and the like; at " and"
# before a verb ("handles ... and expects ..."); around a relative clause set off by commas (", which has
# about 60 employees,"); at a restrictive "that/which/who" clause ("the cracks that inspectors would find").
_BOUNDARY = re.compile(
    r";\s+"
    r"|,\s+(?=(?:and|but|while|whereas|though|although|so|yet)\b)"
    r"|\s+(?=(?:though|although|whereas)\b)"
    r"|\s+(?=and\s+(?:\w+ly\s+)?(?:expects?|plans?|aims?|hopes?|intends?|says?|said|is|are|was|were|has|have|had|will|"
    r"may|might|could|would|should|can|\w+ed)\b)"
    r"|,\s+(?=(?:which|who|whose|where)\b)"
    r"|\s+(?=(?:that|which|who)\s+(?:(?!is\b|are\b|was\b|were\b)\w+\s+){1,3}(?:would|could|might|may)\b)"
    r"|,(?=\s)",
    re.I,
)
_LATIN = re.compile(r"[A-Za-z]")
# A closing phrase that attributes the sentence (", analysts believe", ", according to ...") rather than a
# clause of its own (", and expects ...").
_ATTRIBUTION = re.compile(
    r"[\s,]*(?!(?:and|but|while|whereas|though|although|so|yet|which|who|that)\b)"
    r"(?:according to\b|(?:[\w'-]+\s+){0,4}(?:said|say|says|believe|believes|believed|reported|reports|estimate|"
    r"estimates|estimated|suggest|suggests|expect|expects|think|thinks)\b)",
    re.I,
)


def _segments(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _cue_spots(text: str, cue: str) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])", text, re.I)]


def asserted_text(text: str, cues: Sequence[str]) -> str:
    """The clauses of a hedged English sentence that no cue is in, joined; "" when the hedge covers it all
    (or it is not English, or a cue cannot be found in it)."""
    if not cues or not _LATIN.search(text) or re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        return ""
    segments = _segments(text)
    hedged: set[int] = set()
    for cue in cues:
        spots = _cue_spots(text, cue)
        if not spots:
            return ""  # a cue we cannot place: the whole sentence stays hedged
        for at in spots:
            hedged |= {i for i, (a, b) in enumerate(segments) if a <= at < b}
    # The opening clause hedged (or the clause right after an opening name set off by a comma): it frames
    # the rest. Only clauses after an unhedged opening can be asserted.
    if 0 in hedged or (1 in hedged and len(text[segments[0][0]:segments[0][1]].split()) <= 3):
        return ""
    # A hedged closing phrase that is no clause of its own (", analysts believe.", ", according to people
    # familiar with the plan.") attributes the whole sentence.
    last = len(segments) - 1
    closing = text[segments[last][0]:segments[last][1]]
    if last in hedged and len(closing.split()) <= 8 and _ATTRIBUTION.match(closing):
        return ""
    kept = [text[a:b] for i, (a, b) in enumerate(segments) if i not in hedged]
    return " ".join(part.strip(" ,;") for part in kept if part.strip(" ,;"))
