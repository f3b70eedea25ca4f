"""Decide from what the evidence says: answer, refuse (speculation only / nothing), or lay out a conflict.

No similarity threshold decides alone (measured: none separates answerable from unanswerable questions).
A passage *supports* the question when it, with the sentence before it and its title, names what the
question names (across scripts: katakana against Latin), speaks to the thing asked about when it is in
the question's language, and has a number/amount where the question asks for one. Then the speculation
tags of the supporting sentences decide between answering and refusing (a tie goes to refusing), and
disagreeing quantities in two asserted sources about a when/how-long/how-many question make a conflict.

Work in progress: this reader is lexical, so paraphrase defeats it in the same language and an asked
attribute cannot be checked across languages (`python -m eval.status_check` measures it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ingest.records import StoredDocument
from ingest.terms import terms
from rag.answer import Answer, Citation
from rag.names import name_words, same_name
from rag.question import Question
from rag.retrieval import Passage
from rag.wording import say

CANDIDATES = 5  # passages considered, best first
MAX_CITED = 3

_QUANTITY_QUESTION = re.compile(
    r"\b(when|how (long|many|much|soon|old)|what (year|date|day|month))\b|いつ|何[日年月週人回]|どのくらい|どれくらい|何時間|いくつ",
    re.I,
)
_QUANTITY = re.compile(
    # A digit inside a name (GPT-4o, gpt2-chatbot) is not a quantity.
    r"(?<![\w-])\d+(?:[.,]\d+)?(?![A-Za-z-])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(?:days?|weeks?|months?|years?|hours?)\b|[一二三四五六七八九十]+[日週年月時]",
    re.I,
)
_MONEY_QUESTION = re.compile(r"\bhow much (money|capital|funding|revenue|does it cost)|\bhow much\b.*\b(raise|earn|cost|pay|worth)|いくら|幾ら|金額|売上", re.I)
_MONEY = re.compile(r"[$¥€£]\s?\d|\d[\d,.]*\s*(million|billion|trillion|dollars|yen|円|ドル|万|億)", re.I)
_KATAKANA = re.compile(r"[ァ-ヴー]{2,}")
_NAME_IN_QUESTION = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w.-]*|\b[\w-]*\d[\w.-]*")


@dataclass(frozen=True)
class Support:
    passage: Passage
    supports: bool
    coverage: float  # share of the question's key terms found in the passage and its context


def _stem(word: str) -> str:
    """A light English stemmer, so that "accelerationists" meets "accelerationism" and "married" "marry"."""
    for suffix in ("ations", "ation", "ists", "isms", "ist", "ism", "ies", "ied", "ing", "ers", "er", "ed", "es", "s", "y"):
        if word.isascii() and len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class _Vocabulary:
    """The words of some text, ready to be matched: exactly, by stem, or as a name across scripts."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = {t for text in texts for t in terms(text)}
        self.stems = {_stem(w) for w in self.words}
        self.skeletons = {k for text in texts for k in name_words(text)}

    def has(self, term: str) -> bool:
        if term in self.words or _stem(term) in self.stems:
            return True
        return any(same_name(a, b) for a in name_words(term) for b in self.skeletons)


def entities(question: Question) -> set[str]:
    """The names the question is about: Latin words written as names, quoted phrases, katakana words."""
    found = {t for m in _NAME_IN_QUESTION.finditer(question.text) for t in terms(m.group(0))}
    found |= {t for phrase in question.quoted for t in terms(phrase)}
    found |= {t for t in question.key_terms if _KATAKANA.fullmatch(t)}
    if question.lang == "ja":
        found |= set(question.ascii_terms)
    return found & set(question.key_terms)


def _answer_type_ok(question: Question, sentence: str) -> bool:
    """A how-much question needs an amount, a how-many/when question a number or date, in the sentence
    itself and beyond the question's own."""
    if _MONEY_QUESTION.search(question.text):
        return bool(_MONEY.search(sentence))
    if not _QUANTITY_QUESTION.search(question.text):
        return True
    own = {m.group(0).lower() for m in _QUANTITY.finditer(question.text)}
    return any(m.group(0).lower() not in own for m in _QUANTITY.finditer(sentence))


def assess(question: Question, names: set[str], passage: Passage, doc: StoredDocument, rank: int) -> Support:
    """Does this passage speak to the question? Its ``names`` (the question's entities) must all be there,
    across scripts too, and a how-many/when question needs a quantity; other key terms only rank
    supporters (paraphrase is normal)."""
    own = passage.text
    # The sentence before and the title resolve "he", "this model".
    context = _Vocabulary([own, doc.title] + ([doc.sentence_text(doc.sentences[passage.sentence - 1])] if passage.sentence else []))
    key = set(question.key_terms)
    coverage = len({t for t in key if context.has(t)}) / len(key) if key else 0.0
    checkable = names
    if passage.lang != question.lang:  # only names in Latin script or katakana can be checked across languages
        checkable = {t for t in names if t in question.ascii_terms or name_words(t)}
    if checkable:
        sentence = _Vocabulary([own])
        named = all(context.has(t) for t in checkable) and any(sentence.has(t) for t in checkable)
    else:
        named = rank <= 1  # nothing to check: only the best-ranked passages may stand on their rank
    # In the question's own language the passage must also speak to something besides the names: the
    # thing asked about ("married", "売上高"). Across languages that cannot be checked word for word.
    attributes = key - names
    if passage.lang == question.lang and attributes:
        named = named and any(context.has(t) for t in attributes)
    return Support(passage, named and _answer_type_ok(question, own), coverage)


def _is_fragment(passage: Passage) -> bool:
    return len(passage.text) < 8 or len(terms(passage.text)) < 2


def decide(question: Question, passages: Sequence[Passage], documents: Mapping[str, StoredDocument]) -> Answer:
    candidates = [p for p in passages if not _is_fragment(p)][:CANDIDATES]
    names = entities(question)
    assessed = [assess(question, names, p, documents[p.doc_id], rank) for rank, p in enumerate(candidates)]
    supporting = sorted((s for s in assessed if s.supports), key=lambda s: (-s.coverage, -s.passage.score))
    if not supporting:
        return Answer(question=question.text, status="refused", reason="not_found", text=say(question.lang, "not_found"))
    asserted = [s for s in supporting if not s.passage.speculative]
    speculative = [s for s in supporting if s.passage.speculative]
    # A tie goes to the speculation: where the articles hedge a claim, konkyo does not state it.
    if not asserted or (speculative and speculative[0].coverage >= asserted[0].coverage):
        return _refuse_speculative(question, speculative)
    sides = _conflict(question, asserted)
    if sides:
        return _conflicting(question, sides)
    return _answered(question, asserted[:2])


def _conflict(question: Question, asserted: Sequence[Support]) -> list[Passage]:
    """Two asserted sources giving different quantities for a when/how-long/how-many question."""
    if not _QUANTITY_QUESTION.search(question.text):
        return []
    seen: dict[str, tuple[Passage, set[str]]] = {}
    for s in asserted:
        quantities = {m.group(0).lower() for m in _QUANTITY.finditer(s.passage.text)}
        if quantities and s.passage.doc_id not in seen:
            seen[s.passage.doc_id] = (s.passage, quantities)
    found = list(seen.values())
    for i, (first, q1) in enumerate(found):
        for second, q2 in found[i + 1 :]:
            if q1.isdisjoint(q2):
                return [first, second]
    return []


def _citations(passages: Sequence[Passage]) -> list[Citation]:
    return [
        Citation(n=n, doc_id=p.doc_id, title=p.title, url=p.url, lang=p.lang, quote=p.text,
                 char_start=p.char_start, char_end=p.char_end, speculative=p.speculative, cues=list(p.cues),
                 score=p.score)
        for n, p in enumerate(passages, start=1)
    ]


def _quote(lang: str, text: str) -> str:
    return f"「{text}」" if lang == "ja" else f"“{text}”"


def _answered(question: Question, chosen: Sequence[Support]) -> Answer:
    passages = [s.passage for s in chosen]
    body = " ".join(f"{_quote(question.lang, p.text)} [{n}]" for n, p in enumerate(passages, start=1))
    return Answer(question=question.text, status="answered", text=f"{say(question.lang, 'answered')} {body}",
                  citations=_citations(passages))


def _refuse_speculative(question: Question, speculative: Sequence[Support]) -> Answer:
    passages = [s.passage for s in speculative][:MAX_CITED]
    lines = [
        f"{_quote(question.lang, p.text)} [{n}] ({say(question.lang, 'hedge')}: {', '.join(p.cues)})"
        for n, p in enumerate(passages, start=1)
    ]
    return Answer(question=question.text, status="refused", reason="speculative",
                  text=" ".join([say(question.lang, "speculative"), *lines]), citations=_citations(passages))


def _conflicting(question: Question, sides: Sequence[Passage]) -> Answer:
    lines = [f"{say(question.lang, 'side', n=n)} {_quote(question.lang, p.text)} [{n}]" for n, p in enumerate(sides, start=1)]
    return Answer(question=question.text, status="conflicting", text=" ".join([say(question.lang, "conflicting"), *lines]),
                  citations=_citations(sides))
