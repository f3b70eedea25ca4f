"""Which part of a sentence its hedge covers (English clauses; Japanese noun-modifying clauses).

A sentence is tagged speculative as a whole when any hedge cue is in it, but in English a hedge covers its
own clause: in "The company, which has about 60 employees, is reportedly in talks to raise funding" the head
count is asserted and only the talks are hearsay; in "The insurer handles 1.1 million claims a year and
expects 40% of them to qualify" the count is asserted, the share expected. ``asserted_text`` gives the
clauses no cue is in, so the reader can check whether they alone answer a question.

Kept narrow on purpose, since asserting speculation is the one thing konkyo must not do:
- Japanese hedges close their clause (とみられる, 見通しだ) and cover what comes before, so a Japanese sentence
  is hedged as a whole unless every hedge ends a clause that modifies a noun, or a phrase "on suspicion of"
  (…の疑いで, …の容疑で), and starts after a comma:
  in 同行は2月12日、不当に断られた可能性がある約1900件について審査をやり直すと発表した only 不当に断られた is
  hedged; 約1900件 and the rest are asserted.
- A cue in the sentence's first clause ("Sources say ...", "Reportedly, ...", "Analysts expect ...") frames
  everything after it, and a closing attribution (", analysts believe.") covers everything before it: the
  whole sentence stays hedged.
- A cue that cannot be placed in the text keeps the whole sentence hedged.
- The callers use it only for questions asking a value (how many, how much, when), whose answer the
  unhedged clauses must state: the tagger may miss a hedge in a clause it did not flag. rag.decision
  answers from those clauses; rag.conflicts takes the value they state as the other side of a conflict.
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


# A hedge that ends a noun-modifying clause: its verb's ending (可能性があ|る, とみられ|る), then a noun that is
# not one a hedge closes a sentence with (…とみられる見通しだ, …する方針だ).
_JA_MODIFIER_END = re.compile(r"(?:る|た|った|い|ない|れる|られる|される|された)?"
                              r"(?=[\u4e00-\u9fff\u30a1-\u30faA-Za-z0-9０-９約])"
                              r"(?!見通し|見込み|模様|公算|方針|予定|方向|意向|考え|可能性|恐れ|おそれ)")
# 「…違反の疑いで立ち入り検査した」, 「詐欺の容疑で逮捕した」: on suspicion of something; the suspicion covers its
# own phrase, and the act that follows (the inspection, the arrest) is stated.
_SUSPICION = frozenset({"疑い", "容疑", "嫌疑"})
_ON_SUSPICION = re.compile(r"で(?!あ|は|しょう|す)")
_KANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _japanese_asserted(text: str, cues: Sequence[str]) -> str:
    """The Japanese sentence without its hedged noun-modifying clauses; "" when a hedge closes a clause of
    its own, or its clause has no comma before it to say where it starts."""
    cut: list[tuple[int, int]] = []
    for cue in cues:
        at = text.find(cue)
        if at < 0 or text.find(cue, at + 1) >= 0:
            return ""  # not found, or found twice: which one is meant cannot be told
        end = (_ON_SUSPICION if cue in _SUSPICION else _JA_MODIFIER_END).match(text, at + len(cue))
        start = text.rfind("、", 0, at)
        if end is None or start < 0:
            return ""
        cut.append((start + 1, end.end()))
    kept, last = [], 0
    for start, end in sorted(cut):
        if start < last:
            return ""
        kept.append(text[last:start])
        last = end
    return "".join(kept) + text[last:]


def asserted_text(text: str, cues: Sequence[str]) -> str:
    """The clauses of a hedged sentence that no cue is in, joined; "" when the hedge covers it all (or a cue
    cannot be found in it)."""
    if not cues:
        return ""
    if _KANA_OR_KANJI.search(text):
        return _japanese_asserted(text, cues) if not _LATIN.search(text) or all(_KANA_OR_KANJI.search(c) for c in cues) else ""
    if not _LATIN.search(text):
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
