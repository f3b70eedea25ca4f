"""Who made it: one article says a system was built in-house, another names the company that built it.

That is a disagreement about who, not about a value, so rag.conflicts (which compares values in one unit)
does not see it: 「マチナビ」は、同社のデジタル推進室が自社開発した against "MachiNavi ... was developed by
Queuelogic, an Osaka-based startup". Both sentences must be asserted answers to a question asking who made something; the
one naming a maker must name someone the question does not. (rag.answer_kind takes "built in-house" for an
answer to who built it: its owner did.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.naming import asks_name, names_someone_new
from rag.question import Question

if TYPE_CHECKING:  # (rag.answer_kind, which rag.support imports, asks this module whether a sentence says in-house)
    from rag.retrieval import Passage
    from rag.support import Support

_ASKS_MAKER = re.compile(r"開発|作った|作って|作ら|作成|製造|手がけ|手掛け|"
                         r"\b(?:develop(?:s|ed)?|developer|built|builds?|made|makes|designed|designs?|created?|creates)\b", re.I)
_WHO_JA = re.compile(r"どこが|どこと|どこの(?:会社|企業)|どの(?:会社|企業)|誰が")  # (どこ alone may ask where)
_IN_HOUSE = re.compile(r"自社(?:で|内で)?(?:開発|製|構築)|自前で|内製|社内で(?:開発|構築)|"
                       r"\bin[- ]house\b|\binternally\b|\bits own (?:engineers|developers|team|staff)\b", re.I)


def asks_maker(question: Question) -> bool:
    """Who (which company, どこ) developed, built or made something?"""
    return (asks_name(question) or bool(_WHO_JA.search(question.text))) and bool(_ASKS_MAKER.search(question.text))


def says_in_house(text: str) -> bool:
    return bool(_IN_HOUSE.search(text))


def maker_sides(question: Question, asserted: Sequence[Support]) -> list[Passage]:
    """The best asserted answer and one from another article that disagrees on who made it (in-house
    against a named maker); or nothing. ``asserted``: the supporting asserted sentences, best first."""
    if not asserted or not asks_maker(question):
        return []
    best = asserted[0].passage
    in_house = says_in_house(best.text)
    for other in asserted[1:]:
        p = other.passage
        if p.doc_id == best.doc_id or says_in_house(p.text) == in_house:
            continue
        named_maker = best if not in_house else p
        if names_someone_new(question, named_maker.text):
            return [best, p]
    return []
