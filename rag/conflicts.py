"""Do two sources disagree on what a question asks? Compared value by value, in the same unit.

Two asserted sentences from different articles that both answer "how many signed the letter" conflict when
one says "340 researchers" and the other 約410人: the same kind of value (a count of people), no value in
common. A value of another unit in the same sentence ("62,000 GPUs" against 約300社) says nothing about the
question, and a value equal in another notation (3 billion ~ 30億) agrees. Only the kind of value the
question asks for is compared: a money question compares amounts of money, not the years beside them.

The other side need not support the answer by itself (a translation of the same report often matches the
question's words less well): a sentence that names what the question names is a side when it is the best
sentence's counterpart, the same report with another figure (most of either's words in the other), or when it
is its own article's best answer to the question (OWN_BEST_SHARE). A hedged sentence is a side by what its
hedge does not cover (rag.hedge_scope): 3月11日、…の疑いで立ち入り検査した states the date of the inspection.

Measured on the bundled set and thirteen outside sets (cached retrieval): against the rule it replaced
(the two best sentences, equally supported, stating any different numbers) it laid out 7 more conflicting
items and 3 fewer false conflicts; the sum of truthfulness over the fourteen sets rose from 6.26 to 6.48.
Counterparts, measured later on fifteen sets, laid out 3 more and made no false conflict (7.17 to 7.27).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ingest.terms import terms
from rag.answer_kind import (
    AMOUNT, COUNT_QUESTION, DURATION_QUESTION, MONEY_QUESTION, NUMBER, SHARE, SPAN_UNIT, WHEN_QUESTION,
    JA_COMPOUND, JA_COUNTERS, PER_ONE, YEAR_OR_DATE, amounts, answer_type_ok, asked_unit, is_money, ja_compound_value, quantities, span_of_time, typed,
)
from rag.counted import PEOPLE
from rag.hedge_scope import asserted_text
from rag.lexicon import concepts, stem
from rag.names import name_words, same_name
from rag.question import Question
from rag.retrieval import Passage
from rag.support import Support, vocabulary
from rag.tense import states_target

COUNTERPART_SHARE = 0.5
# A sentence whose context does not name what the question names ("with trading scheduled to begin on
# December 16", the paragraph naming Nagisa elsewhere) is a side only as a closer counterpart. On nineteen
# sets: at 0.5 four right answers became false conflicts; at 0.6 four more conflicts were laid out, none false.
UNNAMED_SHARE = 0.6
# An article's best answer is a side at this share (rag.support) without being a counterpart. On 23 sets,
# 0.4 laid out 3 more conflicts and made no false one; 0.3 made false ones, 0.45 found none.
OWN_BEST_SHARE = 0.4
# ...and a little less in the other language than the best's: a translation meets the question's words
# through glosses only. On the bundled set and sets 25-36, 0.35 laid out 2 more conflicts and made 1 false.
OWN_BEST_SHARE_ACROSS = 0.35
# "What's the total size of the fund?", "What score did it get?", 規模, 点数: a value is asked without "how much".
_ASKS_MEASURE = re.compile(r"\b(score|scores|size|total|budget|price|valuation|revenue|sales|number|rate|percentage|share|"
                           r"capacity|amount|length|population|headcount|big|large)\b|点数|スコア|規模|総額|予算|価格|評価額|売上|"
                           r"人数|割合|比率|容量|金額|広さ|大きさ", re.I)
_ASKS_DAY = re.compile(r"\b(?:month|day|date)s?\b|何月|何日|月日", re.I)  # "In which month ...": a date is its answer
_ASKS_DEADLINE = re.compile(r"いつまでに|期限|締め切り|締切|\bby when\b|\bdeadlines?\b|\bdue\b", re.I)
# Compared as words, not stems: "officers" and "offices" share a stem.
_PEOPLE_WORDS = PEOPLE | {w[:-1] for w in PEOPLE if w.endswith("s")} | {"person", "child", "signatory"}
_KINDS = frozenset({"money", "share", "year", "date", "span", "count", "score"})
# A score: "scored 78.4", "a score of 81", "81.2 points", 81.2点.
_SCORE_BEFORE = re.compile(r"\b(?:scored|scores?\s+of|score\s+was|rated|rating\s+of)\s*$", re.I)
_SCORE_AFTER = re.compile(r"\s*(?:点(?!検)|points?\b|pts\b)", re.I)
# Japanese counters that count things of any kind: 1,400件 of wrong answers ~ "1,240 conversations", 約2万4000台
# ~ "26,000 elevators", 約1万株 ~ "12,000 heads of lettuce"; all but the counters of people, companies and times.
_ANY_THING = frozenset(JA_COUNTERS) - set("人名社回")
_SCALE_WORD = re.compile(r"^\s*(?:万|億|兆|千|thousand\b|million\b|billion\b|trillion\b)\s*", re.I)
# "340 researchers", "320 member households", "68,000 of their songs": the counted noun is among these.
_COUNTED = re.compile(r"(?:of\s+(?:the|their|its|his|her|[A-Z][\w-]*'s)\s+)?([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")
_MONTH_BEFORE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s*$")  # "June 12", "Sept. 3": checked against _MONTHS
_EN_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?(?:\s+(\d{1,2})(?!\d))?\b")
_JA_DATE = re.compile(r"(?<!\d)(\d{1,2})月(?:(\d{1,2})日)?")
_JA_WORD = re.compile(r"[ァ-ヴー\u4e00-\u9fff]+")  # 立方メートル, ヘクタール, 水田
_CHANGE_AFTER = re.compile(r"\s*(?:%|％|パーセント|percent\b|per cent\b)\s*(?:の)?(?:増|減|上昇|低下|伸び|拡大|縮小|改善|下落|短く|長く|少なく|多く|削減|向上|悪化|"
                           r"up\b|down\b|higher\b|lower\b|more\b|less\b|fewer\b|increase|decrease|rise\b|drop|fall\b|gain)", re.I)
_CHANGE_BEFORE = re.compile(r"\b(?:rose|rise|risen|fell|fall|fallen|grew|grown|dropped|declined|increased|decreased|jumped|climbed|"
                            r"cut|reduced|by)\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|some\s+|around\s+)?$", re.I)
_LOANWORD = re.compile(r"^[ァ-ヴー]{2,}(?=[\u4e00-\u9fff])")  # トン of トン分
_JA_WORD_BEFORE = re.compile(r"(?:[ァ-ヴー]+|[\u4e00-\u9fff]+)$")
_SPAN_UNITS = (("hour", ("時間", "hour")), ("week", ("週", "week")), ("month", ("月", "month")),
               ("day", ("日", "day")), ("year", ("年", "year")), ("minute", ("分", "minute")), ("second", ("秒", "second")))
# A span spelled out ("six hours", "a year"), as rag.answer_kind.QUANTITY finds it whole.
_SPELLED_SPAN = re.compile(r"([A-Za-z]+)\s+(days?|weeks?|months?|years?|hours?)", re.I)
_NUMBER_WORDS = {w: float(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_MONTHS = {m: float(n) for n, names in enumerate(
    "jan|january feb|february mar|march apr|april may jun|june jul|july aug|august sep|sept|september oct|october "
    "nov|november dec|december".split(), start=1) for m in names.split("|")}


@dataclass(frozen=True)
class Stated:
    """A value a sentence states: its kind, the words it counts (for a count), and its value(s)."""

    text: str
    kind: str
    counted: tuple[str, ...]
    values: frozenset[float]


def _unit(sentence: str, match: re.Match[str]) -> tuple[str, tuple[str, ...]]:
    after = sentence[match.end():match.end() + 40]
    if is_money(sentence, match):
        return "money", _currency(sentence[max(0, match.start() - 2):match.end() + 14])
    if SHARE.match(after):  # a proportion (40% of skiers) or a change (12％増えた, "fell 38%"): not comparable
        changed = _CHANGE_AFTER.match(after) or _CHANGE_BEFORE.search(sentence[max(0, match.start() - 30):match.start()])
        return "share", ("change",) if changed else ()
    if _SCORE_AFTER.match(after) or _SCORE_BEFORE.search(sentence[max(0, match.start() - 20):match.start()]):
        return "score", ()
    number = match.group(0)
    if spelled := _SPELLED_SPAN.fullmatch(number):  # "six hours", "a year": the unit is in the match
        return ("span", (_span_unit(spelled.group(2)),)) if span_of_time(sentence, match) else ("worth", ())
    # (the last part of a Japanese numeral, 5万2000, is no year)
    compound_tail = bool(re.search(r"\d[万億兆]$", sentence[max(0, match.start() - 2):match.start()]))
    if (YEAR_OR_DATE.match(number) and not compound_tail) or after.startswith("年度") or (after.startswith("年") and len(number) == 4):
        return "year", ()
    before = _MONTH_BEFORE.search(sentence[max(0, match.start() - 12):match.start()])
    if (before and before.group(0).rstrip(". ").lower() in _MONTHS) or (
            re.match(r"\s*[月日]", after) and not SPAN_UNIT.match(after)):
        return "date", ()
    if span := SPAN_UNIT.match(after):
        if not span_of_time(sentence, match):  # 1か月分の献立案: an amount of menus, no span to compare
            return "worth", ()
        return "span", (_span_unit(span.group(1)),)
    rest = _SCALE_WORD.sub("", after).lstrip()
    if rest[:1].isascii():
        words = _COUNTED.match(rest)
        return "count", tuple(w.lower() for w in words.groups() if w) if words else ()
    counted: tuple[str, ...] = ()
    if rest[:1] and rest[0] in JA_COUNTERS:  # 約80万本の文書: the counter, and the noun after の
        counted, rest = (rest[0],), rest[1:]
        if not rest.startswith("の"):  # 発酵タンク36基: the noun before the number
            noun = _JA_WORD_BEFORE.search(sentence[max(0, match.start() - 20):match.start()].removesuffix("約"))
            return "count", counted + ((noun.group(0),) if noun else ())
    word = _JA_WORD.match(rest.removeprefix("の"))  # 計27の企業・機関投資家
    return "count", counted + ((word.group(0),) if word else ())


@functools.lru_cache(maxsize=4096)
def stated(sentence: str, kinds: frozenset[str] = _KINDS, leave_out: frozenset[float] = frozenset()) -> tuple[Stated, ...]:
    """The values of ``kinds`` a sentence states, but not those in ``leave_out`` (the question's own). Kept:
    the best sentence is compared with every other candidate."""
    found = []
    matches = quantities(sentence)
    compounds = [(m.start(), m.end()) for m in JA_COMPOUND.finditer(sentence)]
    for i, match in enumerate(matches):
        compound = next(((a, b) for a, b in compounds if a <= match.start() < b), None)
        if compound and i + 1 < len(matches) and matches[i + 1].start() < compound[1]:
            continue  # 32万1000件: the numeral is one value, read with what follows its last part
        kind, counted = _unit(sentence, match)
        whole = AMOUNT.match(sentence, match.start())
        values = frozenset(amounts(sentence[match.start():whole.end()])) if whole else frozenset()
        if compound:
            values = frozenset({round(ja_compound_value(sentence[compound[0]:compound[1]]), 3)})
        if not values and match.group(0).lower() in _NUMBER_WORDS:  # "six electric minivans"
            values = frozenset({_NUMBER_WORDS[match.group(0).lower()]})
        if not values and (spelled := _SPELLED_SPAN.fullmatch(match.group(0))):  # "roughly six hours"
            values = frozenset({_NUMBER_WORDS.get(spelled.group(1).lower(), 1.0)})
        if kind == "share" and sentence[match.end():].lstrip().startswith("割"):  # 約8割 is 80%
            values = frozenset(v * 10 for v in values)
        if PER_ONE.match(sentence, match.end()) and values == {1.0}:  # 1店舗あたり, "per one store": a rate's denominator
            continue
        if kind in kinds and values and not values & leave_out:
            found.append(Stated(sentence[compound[0]:compound[1]] if compound else match.group(0), kind, counted, values))
    if "date" in kinds:
        found = [f for f in found if f.kind != "date"] + _dates(sentence, leave_out)
    return tuple(found)


def _dates(sentence: str, leave_out: frozenset[float]) -> list[Stated]:
    """Dates as month * 100 + day, or month * 100 for a month alone: June 12 ~ 612, 6月14日 ~ 614, "in June" ~
    600. (A month alone agrees with any day of it: see _agree.)"""
    found = []
    for m in _EN_DATE.finditer(sentence):
        if m.group(1)[0].isupper() and m.group(1).lower() in _MONTHS:  # not the modal "may", not "Jane"
            month, day = _MONTHS[m.group(1).lower()], float(m.group(2) or 0)
            if day not in leave_out:
                found.append(Stated(m.group(0), "date", (), frozenset({month * 100 + day})))
    for m in _JA_DATE.finditer(sentence):
        month, day = float(m.group(1)), float(m.group(2) or 0)
        if day not in leave_out and 1 <= month <= 12:
            found.append(Stated(m.group(0), "date", (), frozenset({month * 100 + day})))
    return found


def dates(text: str) -> frozenset[float]:
    """The dates a text states, as month * 100 + day (June 12 ~ 612, 6月 ~ 600)."""
    return frozenset(v for stated_date in _dates(text, frozenset()) for v in stated_date.values)


def other_date(asked: frozenset[float], said: frozenset[float]) -> bool:
    """Does a sentence that states the dates ``said`` give none of the ``asked`` ones?"""
    return bool(asked and said) and not _agree("date", asked, said)


def _agree(kind: str, a: frozenset[float], b: frozenset[float]) -> bool:
    if a & b:
        return True
    # a month alone (600) agrees with a day of it (612)
    return kind == "date" and any((x % 100 == 0 or y % 100 == 0) and x // 100 == y // 100 for x in a for y in b)


def _same_counted(a: str, b: str) -> bool:
    a, b = (loan.group(0) if (loan := _LOANWORD.match(w)) else w for w in (a, b))  # 39万トン分 ~ tonnes
    if a == b or stem(a) == stem(b) or concepts(a) & concepts(b):
        return True
    if (a in "人名" and b in _PEOPLE_WORDS) or (b in "人名" and a in _PEOPLE_WORDS):
        return True
    if (a in _ANY_THING and b.isascii()) or (b in _ANY_THING and a.isascii()):
        return True
    # loanwords: 1500ヘクタール ~ hectares, 11兆トークン ~ tokens
    return any(same_name(x, y) for x in name_words(a) for y in name_words(b)) or vocabulary(a).names(b)


_CURRENCIES = (("yen", re.compile(r"[¥円]|\byen\b", re.I)), ("dollar", re.compile(r"\$|ドル|\bdollars?\b", re.I)),
               ("euro", re.compile(r"€|ユーロ|\beuros?\b", re.I)), ("pound", re.compile(r"£|ポンド|\bpounds?\b", re.I)))


def _currency(around: str) -> tuple[str, ...]:
    """The currency an amount is in, from the text just around it (¥2.2 billion, 130億円, $5 million)."""
    return tuple(name for name, sign in _CURRENCIES if sign.search(around))[:1]


def _span_unit(word: str) -> str:
    """One name per unit of time in either language: 分 ~ minutes, か月 ~ months."""
    word = word.lower()
    for unit, forms in _SPAN_UNITS:
        if any(f in word for f in forms):
            return unit
    return word


def same_unit(a: Stated, b: Stated) -> bool:
    # (45 minutes and a six-month trial are both spans of time; they are not two answers to one question)
    if a.kind != b.kind or (a.kind in ("share", "span") and a.counted != b.counted):
        return False
    # 700億円 and $320 million are not told apart without an exchange rate: no disagreement between them.
    if a.kind == "money" and a.counted and b.counted and a.counted != b.counted:
        return False
    return a.kind != "count" or any(_same_counted(x, y) for x in a.counted for y in b.counted)


def asked_kinds(question: Question) -> frozenset[str]:
    """The kinds of value that answer the question: amounts for いくら, years and dates for "when"."""
    text = question.text
    if MONEY_QUESTION.search(text):
        return frozenset({"money"})
    if DURATION_QUESTION.search(text):
        return frozenset({"span"})
    # Whichever it asks first: "How many passengers got stranded when the sailing was cancelled?" asks a count.
    when, count = WHEN_QUESTION.search(text), COUNT_QUESTION.search(text)
    if when and not (count and count.start() < when.start()):
        return frozenset({"year", "date"})
    if count:
        return frozenset({"count"})
    return _KINDS


def disagree(question: Question, first: str, second: str) -> bool:
    """Do the two sentences give the asked kind of value in the same unit, with no value in common?"""
    kinds, own = asked_kinds(question), frozenset(amounts(question.text))
    if kinds == _KINDS:  # "by how much": the years and dates two reports mention say when, not how much
        kinds = kinds - {"year"} - (set() if _ASKS_DAY.search(question.text) else {"date"})
    pairs = [(a, b) for a in stated(first, kinds, own) for b in stated(second, kinds, own) if same_unit(a, b)]
    if kinds == {"year", "date"}:  # a time: the same year with another month is another time (October ~ 11月)
        return any(not any(_agree(k, a.values, b.values) for a, b in pairs if a.kind == k)
                   for k in {a.kind for a, _ in pairs})
    return bool(pairs) and not any(_agree(a.kind, a.values, b.values) for a, b in pairs)


def counterparts(first: Passage, second: Passage, needed: float = COUNTERPART_SHARE) -> bool:
    """Do two sentences report the same thing: does either speak of at least COUNTERPART_SHARE of the
    other's words (numbers aside), across languages by gloss? (An article's other sentence with a number of
    the same unit is usually about something else: "11,000 students" at the university, "58 students" caught.)"""
    across = first.lang != second.lang
    return any(_spoken_share(a.text, b.text, across) >= needed for a, b in ((first, second), (second, first)))


def _spoken_share(text: str, other: str, across: bool) -> float:
    words = [t for t in dict.fromkeys(terms(text)) if len(t) > 1 and not NUMBER.match(t)]
    if not words:
        return 0.0
    spoken = vocabulary(other)
    return sum(spoken.speaks_of(t, across) for t in words) / len(words)


def conflicting_sides(question: Question, asserted: Sequence[Support], others: Sequence[Support] = ()) -> list[Passage]:
    """The best-supported asserted sentence and one from another article that disagrees with it, for a
    question asking an amount, a count or a time; or nothing. ``asserted``: the supporting asserted
    sentences, best first. ``others``: the candidate sentences that do not support the answer by themselves;
    one of them is a side only as a counterpart of the best (the same report with another figure)."""
    if not asserted or not (typed(question) or _ASKS_MEASURE.search(question.text)):
        return []
    # A unit of measure asked for (何ヘクタール, "how many litres") ties a figure to the question by itself: two
    # articles giving the named thing's hectares differently disagree, however differently they word it.
    by_unit = asked_unit(question) is not None
    best = asserted[0].passage
    # A target is no other answer to what is: "It has 85 employees" against "従業員を2026年末までに150人規模にする計画だ".
    # (A question asking by when something is due asks for a target: "by March 31" and 4月30日までに disagree.)
    if not _ASKS_DEADLINE.search(question.text):
        planned = states_target(best.text)
        asserted = [asserted[0], *(s for s in asserted[1:] if states_target(s.passage.text) == planned)]
        others = [s for s in others if states_target(s.passage.text) == planned]
    for other in asserted[1:]:
        if other.passage.doc_id != best.doc_id and disagree(question, best.text, other.passage.text):
            return [best, other.passage]
    for other in others:
        p, said = other.passage, _asserted_part(other.passage)
        if (p.doc_id != best.doc_id and said and answer_type_ok(question, said)
                and disagree(question, best.text, said)
                and ((by_unit and other.named) or counterparts(best, p, COUNTERPART_SHARE if other.named else UNNAMED_SHARE))):
            return [best, p]
    # Or the other article's own best answer, however differently it is worded: it names what the question
    # names and speaks to enough of it, and no sentence of its article speaks to more.
    everyone = [*asserted, *others]
    for other in others:
        p, said = other.passage, _asserted_part(other.passage)
        if (p.doc_id != best.doc_id and said and other.named
                and other.share >= (OWN_BEST_SHARE_ACROSS if p.lang != best.lang else OWN_BEST_SHARE)
                and all(s.share <= other.share for s in everyone if s.passage.doc_id == p.doc_id)
                and answer_type_ok(question, said) and disagree(question, best.text, said)):
            return [best, p]
    return []


def _asserted_part(passage: Passage) -> str:
    """What a sentence asserts: all of it, or of a hedged one the clauses its hedge does not cover
    (rag.hedge_scope): in 同社は3月4日、独禁法違反の疑いで立ち入り検査を受けた the suspicion is hedged, the date
    and the inspection are not."""
    return asserted_text(passage.text, passage.cues) if passage.speculative else passage.text
