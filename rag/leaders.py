"""Who leads something: "Who runs Kiritani?", "who is in charge" ask for its leader, whom an article names by a
leader's title (社長, CEO, president), not by the verb the question uses."""

from __future__ import annotations

import re

from rag.naming import asks_who
from rag.question import Question

# "Who runs / heads / is in charge of X" asks for its leader, whom an article names by title.
_LEADING = {"run", "runs", "running", "head", "heads", "headed", "charge", "boss", "helm", "lead", "leads", "leader"}
# (The head of a company, "head of Kiritani" or "of the company", not a head of research or operations.)
_LEADER_TITLE = re.compile(r"\b(?:president|ceo|chief executive|chairman|chairwoman|chair|founder)\b"
                           r"|\bhead of (?:the\b|(?-i:[A-Z][a-z]))|社長|代表|頭取|会長|最高経営責任者|CEO|トップ", re.I)


def is_leader_title(term: str) -> bool:
    return _LEADER_TITLE.fullmatch(term) is not None


def says_leader(sentence: str) -> bool:
    """Does the sentence name someone by a leader's title (社長, CEO, president)?"""
    return _LEADER_TITLE.search(sentence) is not None


def gives_leader(question: Question, term: str, sentence: str) -> bool:
    """Does a who-question's "runs"/"in charge" meet a sentence that names someone by a leader's title?"""
    return term in _LEADING and asks_who(question) and says_leader(sentence)
