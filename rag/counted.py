"""What a count counts: "how many pre-orders" is not answered by "1,200 optical shops", "how many people
work there" not by "900 million kilowatt-hours", "how many wards" not by 約900人.

The question's noun is read after "how many"; a sentence's count names its noun in the words after the
number (English) or by its counter (Japanese 人/名 count people). A count whose noun is not said is not
turned down: only a count of something else is.
"""

from __future__ import annotations

import re

from rag.lexicon import stem, synonyms

# Nouns for people, which a Japanese count gives as so many 人 or 名: "340 researchers" ~ 410人, "cut 230 jobs" ~ 約250人.
PEOPLE = frozenset("""people persons residents students employees workers staff researchers engineers members users
    households patients doctors teachers voters customers subscribers signatories actors children adults passengers drivers
    scientists jobs positions inspectors officers nurses lawyers managers characters developers applicants operators
    farmers visitors travellers travelers tourists viewers readers players participants volunteers cardholders clients
    executives officials""".split())
_PEOPLE_STEMS = frozenset(stem(w) for w in PEOPLE | {"person", "child", "man", "men", "women", "woman"})
_PHRASE_ENDS = frozenset("and or but while with to for from in on at by of who which that than".split())
_SCALES = frozenset(("thousand", "million", "billion", "trillion"))
_ASKED = re.compile(r"\bhow many\s+([A-Za-z][A-Za-z\s-]{0,40})", re.I)  # (up to the question's next punctuation)
# What ends the question's noun phrase: a verb of the question's frame or a preposition.
_ASKED_ENDS = frozenset("""did does do is are was were have has had can could will would should of in at on for from
    to by with there a an the it its they this that""".split())
_CLAUSE_END = re.compile(r"[,.;:()「」『』、。—–]")


def counted_words(after: str) -> list[str]:
    """The words of the noun phrase a number in an English sentence counts ("1,200 optical shops and ..." ->
    optical, shops), after a scale word; none when the number stands alone ("from 186 to 161")."""
    # (a hyphenated count is read word by word: "8-billion-parameter", "pre-orders")
    words = re.findall(r"[A-Za-z]+", _CLAUSE_END.split(after[:60], 1)[0].lower())
    if words[:1] and words[0] in _SCALES:
        words = words[1:]
    ends = next((i for i, w in enumerate(words) if w in _PHRASE_ENDS), len(words))
    return words[:min(4, ends)]


def counts_people(after: str) -> bool:
    """Does the count these words follow count people ("140 people", "410 track inspectors", "100 million
    monthly active users")?"""
    return any(w in PEOPLE for w in counted_words(after))


def asked_nouns(question: str) -> list[str]:
    """The words of what an English how-many question counts ("How many pre-orders did ..." -> pre-orders)."""
    found = _ASKED.search(question)
    if not found:
        return []
    words = found.group(1).lower().replace("-", " ").split()
    ends = next((i for i, w in enumerate(words) if w in _ASKED_ENDS), len(words))
    return words[:min(3, ends)]


def counts_asked(question: str, sentence: str, match: re.Match[str]) -> bool:
    """Does the count ``match`` of ``sentence`` count what the question asks how many of (as far as either
    says)? A Japanese count in 人 or 名 counts people."""
    asked = asked_nouns(question)
    if not asked:
        return True
    after = sentence[match.end():]
    people = any(stem(w) in _PEOPLE_STEMS for w in asked)
    if re.match(r"\s*(?:万|億|千)?\s*[人名](?!分)", after):  # (980人分の署名 counts signatures)
        return people
    said = counted_words(after)
    if not said or re.match(r"\s*[\u3040-\u9fff]", after):
        return True
    if people and any(stem(w) in _PEOPLE_STEMS for w in said):
        return True
    return any(stem(w) in synonyms(a) for a in asked for w in said)
