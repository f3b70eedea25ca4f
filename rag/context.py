"""Where a sentence stands in its article: the paragraph before it, the article's opening, and the names a
text mentions. A news sentence leaves out what its paragraph, or the article's first paragraph, already named
("The airline spent 4.8 billion yen on the system"); the reader (rag.support) looks for it there."""

from __future__ import annotations

import functools

from ingest.records import StoredDocument
from rag.answer_kind import NUMBER
from rag.entities import entities
from rag.naming import PREFECTURES
from rag.question import analyse

CONTEXT_SENTENCES = 3

# Names that say where or when, not who or what: a paragraph naming Nagano Prefecture or "Nov. 5" may still
# go on about the question's company.
_NOT_SUBJECTS = PREFECTURES | {"prefecture", "city", "ward", "town", "village", "county", "province"} | set(
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())


@functools.lru_cache(maxsize=4096)  # the same candidate sentences come back question after question
def names_in(text: str) -> frozenset[str]:
    """The names a text mentions, found as a question's names are (rag.entities)."""
    return frozenset(entities(analyse(text)))


def names_nothing(text: str) -> bool:
    """Does the sentence name no company, person, place or product?"""
    return not names_in(text)


def a_subject(name: str) -> bool:
    """Could the name be what a paragraph is about (not a place, a month or a number)?"""
    return len(name) > 1 and not NUMBER.match(name) and name.lower() not in _NOT_SUBJECTS


def lead_sentence(doc: StoredDocument) -> int:
    """The index of the article's first sentence that is not a heading."""
    return next((s.index for s in doc.sentences if s.kind != "heading"), 0)


def opening(doc: StoredDocument) -> str:
    """The article's first paragraph: what the whole article is about."""
    start = doc.sentences[lead_sentence(doc)].start if doc.sentences else 0
    end = doc.text.find("\n\n", start)
    return doc.text[start:end if end > 0 else len(doc.text)]


def lead_in_of(doc: StoredDocument, index: int) -> str:
    """The sentences of the paragraph before this one (at most CONTEXT_SENTENCES): a paragraph names its
    subject once, in its first sentence, and goes on about it ("the company plans to issue ...")."""
    start = index
    while start > 0 and index - start < CONTEXT_SENTENCES and "\n\n" not in doc.text[doc.sentences[start - 1].end:doc.sentences[start].start]:
        start -= 1
    if start == index and index:  # the paragraph's first sentence: the one before still sets the scene
        start -= 1
    return doc.text[doc.sentences[start].start:doc.sentences[index].start] if start < index else ""
