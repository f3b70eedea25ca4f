"""A question that asks two things ("Who founded it, and what did they do before?", 「最初の顧客はどこ？何台買うの？」)
is rarely answered by one sentence: each sentence speaks to half of it. Its parts are read as questions of their
own, each carrying the names of the whole ("how long can it run" is about the Hibari robot the first part
names), and decision.decide answers those it can.
"""

from __future__ import annotations

import re

from rag.entities import compound_names, entities
from rag.question import WH_JA, Question, analyse

_EN_SPLIT = re.compile(r",?\s+and\s+(?=(?:what|when|how|who|where|which|why|is|are|does|did|will|can|has)\b)", re.I)
_JA_AFTER_QUESTION_MARK = re.compile(r"(?<=[？?])\s*(?=\S)")
_JA_COMMA_WH = re.compile(r"[、，]\s*(?=(?:いつ|何|どこ|誰|どの|どれ|いくら|どう)\S)")
# The characters a name written in katakana or Latin script runs over (ツバキ・リテール, Mizuchi-2).
_NAME_CHARACTER = re.compile(r"[ァ-ヴー・A-Za-z0-9\-]")
_NEXT_CAPITALISED = re.compile(r" [A-Z][A-Za-z0-9\-]*")
_PREVIOUS_CAPITALISED = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9\-]* $")


def question_parts(question: Question) -> list[Question]:
    """The parts of a question that asks two or more things, each as a question naming what the whole
    names; [] for a question that asks one thing."""
    texts = _split(question)
    if len(texts) < 2:
        return []
    names = _name_surfaces(question)
    parts = []
    for text in texts:
        missing = [name for name in names if name.lower() not in text.lower()]
        if missing and question.lang == "en":
            text = f"{text.rstrip('?？ ')} ({'; '.join(missing)})?"
        elif missing:
            text = "".join(f"{name}の" for name in missing) + text
        parts.append(analyse(text))
    return parts


def _split(question: Question) -> list[str]:
    if question.lang == "en":
        return [part.strip() for part in _EN_SPLIT.split(question.text) if part.strip()]
    texts = []
    for sentence in (s.strip() for s in _JA_AFTER_QUESTION_MARK.split(question.text) if s.strip()):
        # "…は何年間で、いくらですか": split at a comma before a wh-word only when what comes before asks too
        # (not "木簡解読AIの学習には、どれくらい…").
        halves = [h.strip() for h in _JA_COMMA_WH.split(sentence) if h.strip()]
        texts += halves if len(halves) > 1 and WH_JA.search(halves[0]) else [sentence]
    return texts


def _name_surfaces(question: Question) -> list[str]:
    """The question's names as written in it, whole (カザミドリ・ロボティクス, not its parts)."""
    text, found = question.text, []
    compounds = compound_names(question)
    for term in sorted(entities(question)):
        compound = next((surface for surface, members in compounds if term in members), None)
        if compound:
            found.append(compound)
            continue
        match = re.search(re.escape(term), text, re.I)
        if not match:
            continue
        start, end = match.span()
        if all(_NAME_CHARACTER.match(c) for c in match.group(0)):
            while start > 0 and _NAME_CHARACTER.match(text[start - 1]):
                start -= 1
            while end < len(text) and _NAME_CHARACTER.match(text[end]):
                end += 1
            # a name of several capitalised words: Lumen Labs, Veridia Canopy
            while (more := _NEXT_CAPITALISED.match(text, end)) is not None:
                end = more.end()
            while (before := _PREVIOUS_CAPITALISED.search(text[:start])) is not None and text[start:start + 1].isupper():
                start = before.start()
        found.append(text[start:end].strip("・- "))
    longest_first = sorted(set(found), key=len, reverse=True)
    return [name for i, name in enumerate(longest_first) if not any(name in longer for longer in longest_first[:i])]
