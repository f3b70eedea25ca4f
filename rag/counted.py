"""What a count counts: "how many pre-orders" is not answered by "1,200 optical shops", "how many people
work there" not by "900 million kilowatt-hours", "how many wards" not by 約900人.

The question's noun is read after "how many"; a sentence's count names its noun in the words after the
number (English) or by its counter (Japanese 人/名 count people). A count whose noun is not said is not
turned down: only a count of something else is.
"""

from __future__ import annotations

import os
import re

from rag.lexicon import english_concepts, stem, synonyms

# Nouns for people, which a Japanese count gives as so many 人 or 名: "340 researchers" ~ 410人, "cut 230 jobs" ~ 約250人.
# (Not households: "as much power as 200,000 households" says nothing of how many people work there.)
PEOPLE = frozenset("""people persons residents students employees workers staff researchers engineers members users
    patients doctors teachers voters customers subscribers signatories actors children adults passengers drivers
    scientists jobs positions inspectors officers nurses lawyers managers characters developers applicants operators
    farmers visitors travellers travelers tourists viewers readers players participants volunteers cardholders clients
    executives officials surgeons physicians dentists pharmacists caregivers carers midwives therapists keepers
    wrestlers athletes pupils authors artists writers translators interpreters journalists reporters editors pilots
    crew technicians specialists analysts staffers contractors consultants designers programmers labellers labelers
    annotators shareholders investors citizens fans soldiers firefighters guards cashiers clerks victims evacuees
    survivors graduates trainees interns recruits retirees pensioners policyholders borrowers tenants diners shoppers
    riders commuters fishermen fishers growers""".split())
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


def _heads_only(words: list[str]) -> list[str]:
    """The counted words without a word for people that only qualifies the noun after it: "24 passenger
    lifts" counts lifts, "300 customer complaints" complaints (a plural noun of people is counted itself)."""
    return [w for w, after in zip(words, [*words[1:], ""]) if not (
        after and not w.endswith("s") and stem(w) in _PEOPLE_STEMS and after.endswith("s") and after not in PEOPLE)]


def counts_people(after: str) -> bool:
    """Does the count these words follow count people ("140 people", "410 track inspectors", "100 million
    monthly active users")?"""
    return any(w in PEOPLE for w in counted_words(after))


# Past forms that say where people are, not what some of them did ("300 employees based in Osaka").
_STATIVE_PAST = frozenset("based located stationed employed registered enrolled housed worked working".split())
_IRREGULAR_PAST = frozenset("took left went quit lost won ran wrote gave".split())


def counts_doers(after: str) -> bool:
    """Does the count these words follow count people who did something ("40 employees volunteered to ...",
    "120 workers walked out"), a part of them, not how many there are?"""
    words = counted_words(after)
    noun = next((i for i, w in enumerate(words) if stem(w) in _PEOPLE_STEMS), None)
    if noun is None or noun + 1 >= len(words):
        return False
    verb = words[noun + 1]
    return verb not in _STATIVE_PAST and (verb.endswith("ed") or verb in _IRREGULAR_PAST)


# A Japanese number's scale words and the digits after them: the 万1000 of 1万1000個, the 億2000万 of 1億2000万人.
_JA_SCALE = r"(?:\s*[万億千][\d,.]*)*"
# Japanese counters of things, which no count of people takes (people, or what they did, go by 人, 名, 件).
_THING_COUNTER = re.compile(_JA_SCALE + r"\s*(?:[種台社機基校店枚冊曲棟隻頭匹個点]|カ所|か所|ヶ所|箇所|施設|品目)")


# Words that count a thing by its measure ("heads of lettuce", "bottles of sake"): the thing is counted too.
_MEASURES = frozenset("""heads pieces units bags bottles cans cups sheets boxes cases pairs sets loaves bunches tons tonnes
    crates barrels packs packets servings portions""".split())


def asked_nouns(question: str) -> list[str]:
    """The words of what an English how-many question counts ("How many pre-orders did ..." -> pre-orders)."""
    found = _ASKED.search(question)
    if not found:
        return []
    words = found.group(1).lower().replace("-", " ").split()
    # "How many of Higashihama's 35 mid-career posts were filled?": what is counted comes after "of", a
    # possessive and a number
    if words[:1] == ["of"]:
        rest = re.match(r"\s*of\s+(?:the\s+|its\s+|their\s+)?(?:(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+['’]s\s+)?(?:[\d,]+\s+)?"
                        r"([A-Za-z][A-Za-z\s-]{0,40})",
                        question[found.start(1):])
        words = rest.group(1).lower().replace("-", " ").split() if rest else []
    ends = next((i for i, w in enumerate(words) if w in _ASKED_ENDS), len(words))
    if words[ends:ends + 1] == ["of"] and ends == 1 and words[0] in _MEASURES:  # "heads of lettuce": lettuce too
        return words[:1] + words[2:3]
    return words[:min(3, ends)]


# Words for people as such: a count of them may count any group ("about 900 people" for 看護師は何人).
_ANY_PEOPLE = frozenset(("people", "persons", "person", "individuals"))
# One group of people goes by several names: a firm's employees are its workers, staff or personnel. (The
# lexicon's synonyms are too loose for people: "members" meets 看護師 through "registered nurse".)
_WORKFORCE = frozenset(stem(w) for w in ("employees", "employ", "workers", "staff", "personnel", "workforce", "headcount"))
# The noun a Japanese how-many question counts: after 何人 (何人くらいの開発者), else before it (社員何人,
# 看護師が全部で何人, 記者って何人).
_ASKED_JA_AFTER = re.compile(r"(?:何|なん)[人名](?:くらい|ぐらい|ほど)?の([\u4e00-\u9fffァ-ヴー]{1,12})")
# (what may stand between a count's noun and its counter: 看護師が全部で何人, 社員は今何人)
_COUNT_ADVERBS = r"(?:全部で|合計で?|全体で|総勢|計|今|いま|現在|およそ|だいたい|大体|約)?"
_ASKED_JA_BEFORE = re.compile(r"([\u4e00-\u9fffァ-ヴー]{1,12})(?:って|は|が|の|も)?" + _COUNT_ADVERBS + r"(?:何|なん)[人名]")
_ORGANISATIONS = frozenset(("会社", "企業", "組織", "団体", "チーム", "部署", "グループ", "法人", "事務所", "病院", "学校",
                            "組合", "労組", "ユニオン", "協会", "連盟", "委員会"))
_JA_GENERIC_PEOPLE = frozenset(("人", "人数", "人々", "全員", "総数", "数", "全体", "合計", "総勢", "人員"))
# The noun a number in a Japanese sentence counts when it does not take a counter: 約40の自治体.
_JA_COUNTED = re.compile(_JA_SCALE + r"\s*(?:以上|超|余り|ほど|近く|前後)?の([\u4e00-\u9fffァ-ヴー]{2,})")


def asked_noun_ja(question: str) -> str:
    """The people a Japanese how-many question counts (看護師 in 看護師が全部で何人いるの), or "" for people as such."""
    after = _ASKED_JA_AFTER.search(question)
    if after and after.group(1) in _ORGANISATIONS:  # 社員何人くらいの会社: a company of how many employees
        after = None
    found = after or _ASKED_JA_BEFORE.search(question)
    noun = found.group(1) if found else ""
    # 外科医ユニオンって何人: a body's members, whoever they are (its "210 surgeons")
    return "" if noun in _JA_GENERIC_PEOPLE or noun.endswith(tuple(_ORGANISATIONS)) else noun


# What a Japanese count asks for, named before its counter: 迷子って何人出たの, 骨折って何件減ったの, 苦情は全部で何件.
_COUNTED_BEFORE_JA = re.compile(r"([\u4e00-\u9fffァ-ヴー]{1,12})(?:って|は|が|も)?" + _COUNT_ADVERBS
                                + r"(?:何|なん)(人|名|件|台|軒|店舗|店|社|カ所|か所|ヶ所|箇所|校|施設)")


def counted_noun_ja(question: str) -> tuple[str, bool]:
    """The noun a Japanese how-many question names before its counter, and whether the counter counts
    people (迷子って何人出たの -> 迷子, True); "" when it names none or only a count as such (人数は何人)."""
    found = _COUNTED_BEFORE_JA.search(question)
    if not found or found.group(1) in _JA_GENERIC_PEOPLE or found.group(1) in _ORGANISATIONS:
        return "", False
    return found.group(1), found.group(2) in ("人", "名")


_EMPLOYS = re.compile(r"\b(?:employs?|employed|employing|hires?|hired|hiring|staff of|workforce of)\s+"
                      r"(?:about |around |some |roughly |nearly |more than |over )?$", re.I)


def counts_asked_people(question: str, sentence: str, match: re.Match[str]) -> bool:
    """Does the English count ``match`` of ``sentence`` count the people a Japanese 何人 question asks about
    (社員何人: employees or staff, not "4.2 million users"; 看護師は何人: nurses, not the union's "410 members";
    従業員は何人: "employs 410 track inspectors")?"""
    noun = asked_noun_ja(question)
    meanings = english_concepts(noun) if noun else frozenset()
    said = counted_words(sentence[match.end():])
    if not meanings or not said or any(w in _ANY_PEOPLE for w in said):
        return True
    if meanings & _WORKFORCE and _EMPLOYS.search(sentence[:match.start()]):
        return True
    return any(_same_people(meanings, w) for w in said)


def _same_people(meanings: frozenset[str], word: str) -> bool:
    """Does an English word for people name the people these concepts mean (or the same workforce)? The
    one who does a thing is named from it: inspectors ~ 点検員 (inspection), reporters ~ 記者 (report)."""
    said = stem(word)
    return (said in meanings or (said in _WORKFORCE and bool(meanings & _WORKFORCE))
            or any(len(os.path.commonprefix([said, meaning])) >= max(5, min(len(said), len(meaning)) - 3)
                   for meaning in meanings))


def counts_asked(question: str, sentence: str, match: re.Match[str]) -> bool:
    """Does the count ``match`` of ``sentence`` count what the question asks how many of (as far as either
    says)? A Japanese count in 人 or 名 counts people."""
    asked = asked_nouns(question)
    if not asked:
        return True
    after = sentence[match.end():]
    people = any(stem(w) in _PEOPLE_STEMS for w in asked)
    if re.match(_JA_SCALE + r"\s*[人名](?!分)", after):  # (980人分の署名 counts signatures)
        return people
    if people and _THING_COUNTER.match(after):  # 約30種, 48台: things, never people (people's acts may be 件)
        return False
    if re.match(r"\s*[\u3040-\u9fff]", after):  # 約40の自治体 counts 自治体; a Japanese counter, anything
        counted = _JA_COUNTED.match(after)
        meanings = english_concepts(counted.group(1)) if counted else frozenset()
        return not meanings or any(meanings & synonyms(a) for a in asked)
    said = counted_words(after)
    if not said:
        return True
    said = _heads_only(said)
    if people and (any(a in _ANY_PEOPLE for a in asked) or any(w in _ANY_PEOPLE for w in said)):
        return any(stem(w) in _PEOPLE_STEMS for w in said)  # people as such: a count of any of them
    if people:  # "how many nurses": nurses, not the union's "410 members"
        return any(_same_people(frozenset(stem(a) for a in asked), w) for w in said)
    return any(stem(w) in synonyms(a) for a in asked for w in said)
