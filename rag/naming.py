"""Whether a sentence names the someone or something a who-, which- or name-question asks for: "Who led
it?" is answered by a person named beyond the question's own names, "which forum" by a name beside the
forum's mention, and "which company" by no person (石黒社長 is not a company).
"""

from __future__ import annotations

import re

from ingest.terms import kanji_proper_nouns, people_named, terms, terms_with_offsets
from rag.lexicon import is_english_word, stem
from rag.names import name_words, same_name
from rag.question import Question
from rag.readings import reads_as

_WHO_QUESTION = re.compile(r"^\s*(?:who|whose)\b|\bwho(?:'s| is| was| are| were| led| leads| runs| heads| founded)\b|誰|だれ|どなた", re.I)
# "Which university …", どの会社, どこの投資家: answered by naming one, like a who-question.
_WHICH_QUESTION = re.compile(r"\bwhich\s+(?!year|month|day|date|time)[a-z]+|どの(?!くらい|ぐらい|程度|よう)|どこの"
                             r"|(?:って|は)どこ(?:[?？]|です|なの|だ|$)", re.I)  # 「…の会社ってどこ？」 asks which one
# Someone or some body named: a capitalised Latin word, a katakana name (two words joined by ・, or one
# before 氏/さん), a word in kanji before 氏/さん/教授/社長, or a katakana or Latin name in 「」.
_SOMEONE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]+|(?<![\w-])[a-z]+[-\d][\w.-]*\d[\w.-]*|[ァ-ヴー]+・[ァ-ヴー]+|[ァ-ヴー]{2,}(?=氏|さん)"
                      r"|[\u4e00-\u9fff]{2,5}(?=氏|さん|教授|社長)|(?<=「)[ァ-ヴーA-Za-z0-9・]{2,}(?=」)")  # 「ミライシフト」
_WHICH_KIND = re.compile(r"\bwhich\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?", re.I)  # which (law) firm
# "What was the name of the staffing agency", "What is the platform called": a name, of that kind of thing.
_NAME_KIND = re.compile(r"\bname of (?:the |its |their |his |her |a |an )?([A-Za-z-]+)(?:\s+([A-Za-z-]+))?"
                        r"|\b([A-Za-z-]+)(?:\s+([A-Za-z-]+))?\s+(?:is|was|are|were|be)?\s*called\s*[?？]", re.I)
# 「何ていう名前」「名称は」「何という会社」: a name asked in Japanese (not 何て言った, what was said).
_NAME_JA = re.compile(r"名前|名称|(?:何|なん)(?:て|という|ていう|っていう)(?=[\u4e00-\u9fffァ-ヴ])(?!言)")
_NEAR_KIND = 40  # characters between the kind's mention and the name that says which
# Kinds of body that no person is: "which company" is not answered by 石黒社長, nor どこ by anyone.
_BODY_KINDS = frozenset(stem(w) for w in """company companies firm bank agency organisation organization university
    startup start-up maker manufacturer insurer carrier operator vendor supplier contractor institute laboratory lab
    publisher studio retailer broker business shipyard hotel brand store shop chain restaurant venue""".split())
_BODY_QUESTION = re.compile(r"どこ|(?:どの|何という|なんという)(?:会社|企業|銀行|大学|機関|団体|組織|メーカー|業者|事業者|研究所|社)")
_PERSON_KINDS = frozenset(stem(w) for w in "woman man person girl boy child patient worker driver resident student".split())
_COMPANY_QUESTION = re.compile(r"(?:どこの|どの|何という|なんという)(?:会社|企業|銀行|メーカー|業者|事業者|社)")
_WHERE_AFTER = re.compile(r"の|[市県区町村都府州]")
# A person named as such: a name after a title (chief executive Daisuke Ishiguro), before an honorific or a
# title (石黒大輔社長, スミス氏), or one Sudachi's dictionary knows as a person's (人名).
_PERSON_BEFORE = re.compile(r"(?i:\b(?:chief executive|executive|CEO|president|chairman|chairwoman|founder|co-founder|director|"
                            r"manager|spokesperson|spokesman|spokeswoman|professor|minister|mayor|governor|officer|lawyer|"
                            r"Mr|Ms|Mrs|Dr|Prof)\.?\s+)(?:[A-Z][a-z]+\s+)*$")
_TITLES = frozenset("氏 さん 様 君 教授 准教授 社長 会長 副社長 専務 常務 部長 課長 所長 院長 市長 知事 議員 弁護士 容疑者 被告 "
                    "理事長 学長 局長 室長".split())
_PERSON_AFTER = re.compile(rf"\s*(?:{'|'.join(sorted(_TITLES, key=len, reverse=True))})")
# Capitalised but no one: months, weekdays, nationalities ("Japanese companies" names no customer), acronyms for
# kinds of things, and place words and titles ("in Nagasaki Prefecture", "President Kuroda").
_NOT_SOMEONE = set("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday japanese american chinese korean european british
    french german indian israeli canadian russian asian western african australian taiwanese english
    sns ai llm gpu gpus cpu api ceo cfo cto coo ipo it dx pr
    prefecture city ward province county town village president chairman chairwoman mayor governor professor
    minister director chief executive officer""".split())


# "SAPPORO, Feb 26 —", "TOKYO (Reuters) -": where the report was filed, not something it says.
# (Also with a region and a year: "YOKOHAMA, Japan, Feb. 4, 2026 —", "HAMAMATSU, Shizuoka, Feb 6, 2026 —".)
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z .]+?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
                      r"\s*(?:\([^)]*\)\s*)?[—–-]+\s*")


# The prefectures of Japan and places named as such ("Fukui Prefecture", "Sendai City"): somewhere, not someone.
PREFECTURES = set("""hokkaido aomori iwate miyagi akita yamagata fukushima ibaraki tochigi gunma saitama chiba tokyo
    kanagawa niigata toyama ishikawa fukui yamanashi nagano gifu shizuoka aichi mie shiga kyoto osaka hyogo nara
    wakayama tottori shimane okayama hiroshima yamaguchi tokushima kagawa ehime kochi fukuoka saga nagasaki kumamoto
    oita miyazaki kagoshima okinawa japan""".split())
_PLACE_KINDS = frozenset({"Prefecture", "City", "Ward", "Province", "County", "Town", "Village"})
# (also a block of a Japanese town: "the Sakuradai 2-chome intersection")
_PLACE_AFTER = re.compile(rf"\s+(?:{'|'.join(_PLACE_KINDS)}|\d+-chome)\b")


def _a_place(sentence: str, match: re.Match[str]) -> bool:
    word = match.group(0)
    return word.lower() in PREFECTURES or word in _PLACE_KINDS or bool(_PLACE_AFTER.match(sentence, match.end()))


def names_someone_new(question: Question, sentence: str) -> bool:
    """A who-question is answered by a sentence that names someone (or some body) the question does not.
    A which-question whose kind of thing the sentence mentions ("which forum" -> "a file-sharing forum")
    is answered only by a name beside that mention ("the forum 4chan"), not one elsewhere in the sentence;
    one asking for a body (which company, どこ) is not answered by a person's name."""
    from rag.entities import CAPITALISED_RUN  # (here: rag.entities imports this module)

    own = set(terms(question.text))
    asked = own | _NOT_SOMEONE
    # A name the question gives in part is the question's: "Takuya Morishita" for "Morishita". (A title
    # or a common word shared is no name: "CEO Daisuke Ishiguro" answers "who is the CEO".)
    asked |= {t for run in CAPITALISED_RUN.finditer(sentence)
              if any(w not in _NOT_SOMEONE and not is_english_word(w) for w in set(terms(run.group(0))) & own)
              for t in terms(run.group(0))}
    who = asks_who(question)  # a who-question is not answered by a place
    kind = _WHICH_KIND.search(question.text) or _NAME_KIND.search(question.text)
    kinds = {stem(t) for t in terms(" ".join(g for g in kind.groups() if g).replace("-", " "))} if kind else set()
    who = who or bool(kinds & _PERSON_KINDS)  # "the name of the woman who ...": someone, not a place
    body = bool(kinds & _BODY_KINDS or _BODY_QUESTION.search(question.text))  # no person answers it
    question_names = name_words(question.text)
    # A sentence's first word is capitalised anyway: it is a name only if it is no common English word.
    named = [(m.start(), set(terms(m.group(0)))) for m in _SOMEONE.finditer(sentence)
             if not (m.start() == len(sentence) - len(sentence.lstrip())
                     and (is_english_word(m.group(0).lower()) or m.group(0) == "One"))  # "One member, a 62-year-old man"
             and not (who and _a_place(sentence, m)) and not (body and _a_person(sentence, m))
             and not _sounds_asked(m.group(0), question_names)]
    spots = [at for word, at in terms_with_offsets(sentence) if stem(word) in kinds]
    if spots:
        return any(found and not found <= asked and min(abs(at - s) for s in spots) <= _NEAR_KIND for at, found in named)
    people = people_named(sentence, _TITLES) if body else set()
    # "Which company", どこの会社: a body is named by its name, not by where it is (米国の大手IT企業 names
    # no company).
    company = bool(kinds & _BODY_KINDS or _COMPANY_QUESTION.search(question.text))
    found_names = kanji_proper_nouns(sentence, places=not who) - people
    if company:
        places = found_names - kanji_proper_nouns(sentence, places=False)
        # (a place the company is named after stays: 三条農機; one that only says where does not: 米国の)
        found_names -= {p for p in places if all(_WHERE_AFTER.match(sentence, m.end()) for m in re.finditer(re.escape(p), sentence))}
    # The question's own place with its suffix (川口市 for 川口), or read in Latin script (高山市 for
    # Takayama), is no new name.
    latin = re.findall(r"[A-Z][a-z]{2,}", question.text)
    found_names -= {n for n in found_names if n[-1] in "市県町村区府都" and (
        n[:-1] in own or any(reads_as(n[:-1], w) for w in latin))}
    named += [(0, {t}) for t in found_names]
    return any(found and not found <= asked for _, found in named)


def _a_person(sentence: str, match: re.Match[str]) -> bool:
    return bool(_PERSON_AFTER.match(sentence, match.end()) or _PERSON_BEFORE.search(sentence[:match.start()]))


def _sounds_asked(name: str, question_names: set[str]) -> bool:
    """The question's own name in the other script: サキガケ・タレント for "Sakigake Talent"."""
    return any(same_name(a, b) for a in name_words(name) for b in question_names)


def asks_who(question: Question) -> bool:
    return bool(_WHO_QUESTION.search(question.text))


def asks_name(question: Question) -> bool:
    """A who-, which- or name-question: answered by naming someone or something."""
    return bool(asks_who(question) or _WHICH_QUESTION.search(question.text) or _NAME_KIND.search(question.text)
                or _NAME_JA.search(question.text))
