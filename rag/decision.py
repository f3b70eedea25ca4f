"""Decide from what the evidence says: answer, refuse (speculation only / nothing), or lay out a conflict.

No similarity threshold decides alone (measured: none separates answerable from unanswerable questions).
The reader (rag.support) says which retrieved sentences speak to what the question asks. Then the
speculation tags of those sentences decide between answering and refusing (a tie goes to refusing), and
two asserted sources giving different values of what a how-much/how-many/when question asks (in the
same unit: rag.conflicts) make a conflict, as do an article saying a system was built in-house and
another naming its maker (rag.maker). A learned second opinion (rag.evidence_model) may drop an
asserted sentence the reader accepts, or take one it passed over for its share alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence

from ingest.records import StoredDocument
from ingest.terms import terms
from rag.answer import Answer, Citation
from rag.question import Question
from rag.retrieval import Passage
from rag.answer_kind import NUMBER, QUANTITY, amounts, typed
from rag.compound import question_parts
from rag.conflicts import conflicting_sides, dates, other_date
from rag.evidence_model import bundled_model, features
from rag.forecast import intention, not_settled_by
from rag.hedge_scope import asserted_text
from rag.maker import maker_sides
from rag.support import Reader, Support
from rag.wording import say

CANDIDATES = 20  # passages considered, best first
SPECULATION_SHARE = 0.25
MAX_CITED = 3
USE_EVIDENCE_MODEL = True  # False: the reader alone, as the model's worth is measured against
# A yes/no question is not answered by a fear that it is so: 組合は、予測データが評価に使われることへの懸念を
# 示している says that the union worries, not that the data is used (unless the question asks about the worry).
_FEAR = re.compile(r"懸念|危惧|心配|不安視|恐れ|おそれ|\b(?:concerns?|concerned|fears?|feared|worr(?:y|ies|ied))\b", re.I)


def _is_fragment(passage: Passage) -> bool:
    return len(passage.text) < 8 or len(terms(passage.text)) < 2


def decide(question: Question, passages: Sequence[Passage], documents: Mapping[str, StoredDocument],
           document_frequency: Callable[[str], int], corpus_size: int) -> Answer:
    """``document_frequency(term)``: in how many of the ``corpus_size`` chunks a term occurs."""
    answer = _decide_one(question, passages, documents, document_frequency, corpus_size)
    if answer.status != "refused" or answer.reason != "not_found":
        return answer
    # A question asking two things: its parts are answered one by one (rag.compound), each from its own
    # sentences, and the answer cites what supports the parts that could be answered.
    answered = [a for a in (_decide_one(part, passages, documents, document_frequency, corpus_size)
                            for part in question_parts(question)) if a.status == "answered"]
    if not answered:
        return answer
    by_span = {(p.doc_id, p.char_start): p for p in passages}
    cited = list(dict.fromkeys(by_span[(c.doc_id, c.char_start)] for a in answered for c in a.citations))
    corrects = answered[0].text.startswith(say(question.lang, "premise"))  # a part's premise corrected
    return _answered(question, [Support(p, True, 1.0, True) for p in cited[:MAX_CITED]],
                     opening="premise" if corrects else "answered")


def read_candidates(question: Question, passages: Sequence[Passage], documents: Mapping[str, StoredDocument],
                    document_frequency: Callable[[str], int], corpus_size: int) -> tuple[Reader, list[Support]]:
    """The passages the decision considers (the first CANDIDATES that are not fragments), as the reader
    assesses them. (The evidence model is fitted on exactly these: eval/train_evidence_model.py.)"""
    reader = Reader(question, document_frequency, corpus_size)
    candidates = [p for p in passages if not _is_fragment(p)][:CANDIDATES]
    return reader, [reader.assess(p, documents[p.doc_id]) for p in candidates]


def _decide_one(question: Question, passages: Sequence[Passage], documents: Mapping[str, StoredDocument],
                document_frequency: Callable[[str], int], corpus_size: int) -> Answer:
    reader, read = read_candidates(question, passages, documents, document_frequency, corpus_size)
    candidates = [s.passage for s in read]
    assessed = _second_opinion(question, reader, read, documents)
    asked = {t for t in question.key_terms if NUMBER.match(t)}
    # A sentence that gives another number where the question puts one ("closed in 2021" for "closed in
    # 2019") does not answer it: it contradicts its premise (handled below).
    supporting = sorted((s for s in assessed if s.supports and not _gives_other_number(question, asked, s.passage)),
                        key=lambda s: (-s.share, -s.passage.score))
    if not supporting:
        correction = _contradicted_number(question, asked, candidates, documents, document_frequency, corpus_size)
        if correction:
            return _answered(question, [correction], opening="premise")
        # Nothing supports it; if hedged sentences about the same things come close, say that the articles
        # speculate about it rather than that they are silent (a refusal either way).
        hedged = [s for s in assessed if s.passage.speculative and s.named and s.share >= SPECULATION_SHARE]
        if hedged:
            return _refuse_speculative(question, sorted(hedged, key=lambda s: -s.share))
        return Answer(question=question.text, status="refused", reason="not_found", text=say(question.lang, "not_found"))
    # A hedged sentence whose unhedged clauses alone answer the question ("The company, which has
    # about 60 employees, is reportedly in talks ...") asserts the answer (rag.hedge_scope).
    # A question about the likely outcome is not answered by what someone intends, nor one asking when
    # something will happen by an aim (rag.forecast).
    plain = {id(s) for s in supporting if ((not s.passage.speculative and not _feared_only(question, s.passage))
             or _clauses_assert(question, reader, s, documents)) and not not_settled_by(question, s.passage.text)}
    asserted = [s for s in supporting if id(s) in plain]
    speculative = [s for s in supporting if id(s) not in plain]
    # A tie goes to the speculation (where the articles hedge a claim, konkyo does not state it) unless
    # the asserted sentence states the asked words far more compactly, or two articles state it and at most
    # one hedges: then the hedge is about another claim.
    if not asserted or (speculative and (speculative[0].share > asserted[0].share or (
            speculative[0].share == asserted[0].share and not _states_it_closer(reader, asserted[0], speculative[0])
            and not told_by_two(question, reader, asserted, speculative)))):
        return _refuse_speculative(question, speculative)
    # The other side of a conflict reports the same event: 2025年に導入 is no other date for 何年に設立.
    sides = (conflicting_sides(question, asserted, [s for s in assessed if not s.supports and reader.reports_event(s.passage)])
             or maker_sides(question, asserted))
    if sides:
        return _conflicting(question, sides)
    return _answered(question, asserted[:2])


def _feared_only(question: Question, passage: Passage) -> bool:
    return question.yes_no and _FEAR.search(passage.text) is not None and _FEAR.search(question.text) is None


def _second_opinion(question: Question, reader: Reader, assessed: Sequence[Support],
                    documents: Mapping[str, StoredDocument]) -> list[Support]:
    """The reader's verdicts, corrected by the evidence model (rag.evidence_model) on asserted sentences:
    one it accepts is dropped below the model's KEEP; if it accepts none, the likeliest at ADD or above
    that passes every check but the share is taken. Speculative sentences keep the reader's verdict."""
    if not USE_EVIDENCE_MODEL:
        return list(assessed)
    model = bundled_model()
    rows = features(question, assessed, documents, len(reader.weights), len(reader.name_groups))
    likely = model.probabilities(rows)
    checked = [dataclasses.replace(s, supports=s.supports and (s.passage.speculative or p >= model.keep))
               for s, p in zip(assessed, likely)]
    if not any(s.supports for s in checked):
        asserted = [i for i, s in enumerate(assessed) if not s.passage.speculative and s.fits]
        best = max(asserted, key=lambda i: (likely[i], -i), default=None)  # a tie goes to the better retrieved
        if best is not None and likely[best] >= model.add:
            checked[best] = dataclasses.replace(checked[best], supports=True)
    return checked


def _clauses_assert(question: Question, reader: Reader, support: Support, documents: Mapping[str, StoredDocument]) -> bool:
    """Only for a question asking a value (how many, how much, when) that the unhedged clauses state: the
    tagger may miss a hedge ("is looking at letting ...") in a clause it did not flag, and a stated value is
    the claim least likely to hide one."""
    if question.yes_no or not typed(question):
        return False
    passage = support.passage
    clauses = asserted_text(passage.text, passage.cues)
    return bool(clauses) and reader.assess(dataclasses.replace(passage, text=clauses), documents[passage.doc_id]).supports


def _contradicted_number(question: Question, numbers: set[str], candidates: Sequence[Passage],
                         documents: Mapping[str, StoredDocument], document_frequency: Callable[[str], int],
                         corpus_size: int) -> Support | None:
    """A false premise of the commonest kind: the question puts a number or year on something ("fired in
    2021") that an asserted sentence states with another one. The correction is then the answer.
    ``numbers``: the question's bare numbers."""
    if not numbers:
        return None
    without = dataclasses.replace(question, key_terms=tuple(t for t in question.key_terms if t not in numbers))
    reader = Reader(without, document_frequency, corpus_size)
    for passage in candidates:
        support = reader.assess(passage, documents[passage.doc_id])
        if support.supports and not passage.speculative and _gives_other_number(question, numbers, passage):
            return support
    return None


def _gives_other_number(question: Question, numbers: set[str], passage: Passage) -> bool:
    """The sentence states a number of the same kind as the question's (a year for a year), and not it
    (in any form: 100万 is "a million")."""
    if not numbers:
        return False
    asked_dates = dates(question.text)
    if asked_dates:  # "施行日は3月1日?" against 4月1日: a date is compared as a date, not as the numbers in it
        return other_date(asked_dates, dates(passage.text))
    if amounts(question.text) & amounts(passage.text):
        return False
    stated = {m.group(0) for m in QUANTITY.finditer(passage.text)}
    return bool(stated and stated.isdisjoint(numbers) and any(len(s) == len(n) for s in stated for n in numbers))


def told_by_two(question: Question, reader: Reader, asserted: Sequence[Support], speculative: Sequence[Support]) -> bool:
    """Do asserted sentences of two articles speak to the question as fully as the best hedged one, which
    only one article has ("Who started Epitoma?": both articles say who founded it; one says that the market
    expects a listing)? Not for a yes/no question, whose words any sentence on the topic shares, nor for one
    that asks nothing beyond its names. On 85 sets: 3 more right answers, none worse."""
    if question.yes_no or not reader.weights:
        return False
    top = asserted[0].share
    said = {s.passage.doc_id for s in asserted if s.share == top}
    hedged = {s.passage.doc_id for s in speculative if s.share == top}
    return len(said) >= 2 and len(hedged) < 2


def _states_it_closer(reader: Reader, asserted: Support, speculative: Support) -> bool:
    ours, theirs = reader.spread(asserted.passage), reader.spread(speculative.passage)
    return 0 < ours and 3 * ours <= theirs


def _citations(passages: Sequence[Passage]) -> list[Citation]:
    return [
        Citation(n=n, doc_id=p.doc_id, title=p.title, url=p.url, lang=p.lang, quote=p.text,
                 char_start=p.char_start, char_end=p.char_end, speculative=p.speculative, cues=list(p.cues),
                 score=p.score)
        for n, p in enumerate(passages, start=1)
    ]


def _quote(lang: str, text: str) -> str:
    return f"「{text}」" if lang == "ja" else f"“{text}”"


def _answered(question: Question, chosen: Sequence[Support], opening: str = "answered") -> Answer:
    passages = [s.passage for s in chosen]
    body = " ".join(f"{_quote(question.lang, p.text)} [{n}]" for n, p in enumerate(passages, start=1))
    return Answer(question=question.text, status="answered", text=f"{say(question.lang, opening)} {body}",
                  citations=_citations(passages))


def _refuse_speculative(question: Question, speculative: Sequence[Support]) -> Answer:
    passages = [s.passage for s in speculative][:MAX_CITED]
    lines = [
        f"{_quote(question.lang, p.text)} [{n}] ({say(question.lang, 'hedge')}: "
        f"{', '.join(p.cues or _FEAR.findall(p.text)[:1] or [not_settled_by(question, p.text) or intention(p.text)])})"
        for n, p in enumerate(passages, start=1)
    ]
    return Answer(question=question.text, status="refused", reason="speculative",
                  text=" ".join([say(question.lang, "speculative"), *lines]), citations=_citations(passages))


def _conflicting(question: Question, sides: Sequence[Passage]) -> Answer:
    lines = [f"{say(question.lang, 'side', n=n)} {_quote(question.lang, p.text)} [{n}]" for n, p in enumerate(sides, start=1)]
    return Answer(question=question.text, status="conflicting", text=" ".join([say(question.lang, "conflicting"), *lines]),
                  citations=_citations(sides))
