"""Which names a question is about, and which words say what it asks for.

Names must be found in a passage's context; the other words (attributes) are weighed (rag.support). A
name is a Latin word written as one (Sam Altman, GPT-4o), a quoted phrase, a katakana word the lexicon
does not know, a kanji proper noun, a katakana name joined by ・, a noun run with a kanji part the lexicon
does not know (空都デバイス) and a numbered katakana word (カゲロウ3).
"""

from __future__ import annotations

import functools
import re

from ingest.terms import KANJI, kanji_proper_nouns, noun_runs, terms
from rag.answer_kind import NUMBER
from rag.lexicon import english_concepts, is_headword
from rag.question import Question

KATAKANA = re.compile(r"[ァ-ヴー]{2,}")

# Minatogawa University: one name of several words.
CAPITALISED_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z0-9.-]*(?:\s+[A-Z][A-Za-z0-9.-]*)+")
# パララックス・リサーチ: one foreign name of several words.
NAKAGURO_NAME = re.compile(r"[ァ-ヴー]+(?:・[ァ-ヴー]+)+")
# カゲロウ3: a model's name.
NUMBERED_KATAKANA = re.compile(r"([ァ-ヴー]{2,})[-‐]?(\d+)")
# Capitalised or digit-bearing Latin words (not a sentence's first word); ASCII only, since \w would run on
# into the Japanese that follows a name ("Arenaを動かしている").
_NAME_IN_QUESTION = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][A-Za-z0-9.-]*|\b[A-Za-z-]*\d[A-Za-z0-9.-]*")
# Capitalised, but not names: a date is checked as a quantity, not matched as a word.
MONTHS = [""] + """january february march april may june july august september october november december""".split()
CALENDAR = set(MONTHS[1:]) | set("monday tuesday wednesday thursday friday saturday sunday".split())
# Capitalised, but words for a kind of thing, not names of one: "its IPO" or "the CFO" is asked about
# (weighed like any word), not required to appear ("the company plans to issue 4.2 million shares").
GENERIC_ACRONYMS = set("""ceo cfo cto coo cio cmo cso ipo ai llm llms gpu gpus cpu cpus npu tpu api apis sns vc
    esg kpi r&d m&a""".split())


def entities(question: Question) -> set[str]:
    """The names the question is about: Latin words written as names, quoted phrases, katakana words."""
    found = {t for m in _NAME_IN_QUESTION.finditer(question.text) for t in terms(m.group(0))} - CALENDAR - GENERIC_ACRONYMS
    found |= {t for phrase in question.quoted for t in terms(phrase)}
    # A katakana word is a name unless it is a common loanword the lexicon knows (モデル, メンバー).
    found |= {t for t in question.key_terms if KATAKANA.fullmatch(t) and not english_concepts(t)}
    if question.lang == "ja":  # Latin script and numbers in a Japanese question are names...
        # ...except a number scaled by 万/億 (100万 is "a million" in English: it cannot match as written).
        scaled = {m.group(1) for m in re.finditer(r"(\d+(?:\.\d+)?)\s*[万億千]", question.text)}
        found |= set(question.ascii_terms) - scaled
    # A name in kanji (Sudachi's proper nouns: 織部, 苫小牧, 北上) is matched by its reading or its gloss.
    found |= kanji_proper_nouns(question.text)
    # Katakana words joined by ・ are one foreign name (パララックス・リサーチ, サム・アルトマン): every part is
    # the name, even a part the lexicon knows as a word (リサーチ, サム).
    found |= {t for m in NAKAGURO_NAME.finditer(question.text) for t in terms(m.group(0))}
    # A run of nouns with a part in kanji the lexicon does not know is a company or place name (空都デバイス,
    # 北斗クラウド), as is a run Sudachi could only cut into single kanji (白霧町 -> 白, 霧, 町).
    found |= {t for _, members in compound_names(question) for t in members}
    # A katakana word numbered like a model (カゲロウ3) is a name, even when the lexicon knows the word.
    found |= {t for m in NUMBERED_KATAKANA.finditer(question.text) for t in terms(m.group(1))}
    # A bare number is a quantity to check in the sentence (1回, 2025), not a name to find in its context.
    return {t for t in found if not NUMBER.match(t)} & set(question.key_terms)


FOCUS = re.compile(r"\b(?:which|what)\s+([A-Za-z-]+)|(?:どの|どこの|何の|どんな)([^\s、。?？]{1,8})", re.I)


# "Who is the mayor of ...", "What is the population of ...": the role or measure asked for.
_HEAD_EN = re.compile(r"\b(?:who|what)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)"
                      r"(?=\s+(?:of|for|at|in|on|under|behind|that|who|which|to|from|with)\b|\s*[?？]|$)", re.I)
# "…の売上高はいくら", "…の代表は誰", "…の株価はどうなった": the noun before は that a wh-word asks about.
# (Only where the wh-word ends the question: in 星川AIは何年に上場しますか the noun before は is the subject.)
_HEAD_JA = re.compile(r"([^\s、。?？はがをの]{1,10})(?:は|って)(?:いくら|幾ら|何[人社年日月台本件]?|誰|だれ|どこ|いつ|どの(?:くらい|ぐらい)|どれ(?:くらい|ぐらい)"
                      r"|どう(?:なった|なる|なって(?:いる|る)?)(?:の|んだ)?)"
                      r"(?=\s*(?:です|でしょう|なの|なん|か|だ|[?？]|$))")


# "社員何人": the people a Japanese count asks for, named right before it.
_COUNTED_JA = re.compile(r"([^\s、。?？はがをのもでにって]{2,8})何(?:人|名)")


def heads(question: Question) -> set[str]:
    """The role or measure a who/what-is question asks for ("Who is the *mayor* of ...", "…の*売上高*はいくら"),
    and the people a count asks for (社員何人)."""
    found = set()
    for m in _COUNTED_JA.finditer(question.text):
        found.update(terms(m.group(1))[-1:])
    for m in _HEAD_EN.finditer(question.text):
        found.update(terms(m.group(1))[-1:])
    for m in _HEAD_JA.finditer(question.text):
        found.update(terms(m.group(1))[-1:])
    return found


def focus(question: Question) -> set[str]:
    """The first word after which/what (どの/どんな): the kind of thing asked for; and the role or measure a
    who/what-is question asks for ("Who is the *mayor* of ...", "…の*売上高*はいくら")."""
    found = set()
    for m in FOCUS.finditer(question.text):
        words = terms(m.group(1) or m.group(2))
        if words:
            found.add(words[0])
    return found | heads(question)


def compound_names(question: Question) -> list[tuple[str, set[str]]]:
    """The compound names of a question, each as (its text, the terms it is made of)."""
    found = []
    for run in noun_runs(question.text):
        surfaces = [surface for _, surface in run]
        if len(run) < 2 or any(q in "".join(surfaces) for q in "何幾"):
            continue
        # A name opens with what the dictionary does not know (空都デバイス, 石丸弁護士); a word it knows followed by
        # one it lacks is a common compound (口頭試問, 判例探し).
        unknown = any(KANJI.search(surface) and len(surface) > 1 and not english_concepts(form) for form, surface in run[:1])
        cut_up = any(len(a) == 1 == len(b) and KANJI.search(a + b) for a, b in zip(surfaces, surfaces[1:]))
        if unknown or cut_up:
            found.append(("".join(surfaces), {form for form, _ in run}))
    # A katakana word Sudachi cuts into loanwords it knows (バースワイズ -> バース, ワイズ; スカイルーム) is a coined
    # name when the lexicon has no entry for the whole: its parts are no more its meaning than "berth" is Berthwise's.
    # So is one with a native word spelt in katakana (ツバサラーニング -> 翼, ラーニング).
    for m in _KATAKANA_RUN.finditer(question.text):
        parts = terms(m.group(0))
        if len(parts) > 1 and not is_headword(m.group(0)):
            found.append((m.group(0), set(parts)))
    return found


_KATAKANA_RUN = re.compile(r"(?<![ァ-ヴー・])[ァ-ヴー]{4,}(?![ァ-ヴー・])")


def word_parts(word: str) -> list[str]:
    """The letter-only parts of a hyphenated word (energy-efficiency -> energy, efficiency; not GPT-4o's 4o)."""
    return [p for p in word.split("-") if p.isalpha() and len(p) > 2]


_ALL_KANJI = re.compile(r"[\u3400-\u9fff々]+")
_HIRAGANA_FRONT = re.compile(r"^[ぁ-ゖ]{2,}")  # two hiragana at least; alone, three (ほか is no name)


@functools.lru_cache(maxsize=4096)
def kanji_names(text: str) -> frozenset[str]:
    """The kanji names of ``text`` as romanised names would write them: the front of each run of nouns made
    of kanji the dictionary does not know as common words, or of single kanji (黒羽 of 黒羽商事, 東海南 of
    東海南鉄道 (東|海南), 空都 of 空都デバイス); not 鉄道 or 株価 (see rag.readings)."""
    found = set()
    for run in noun_runs(text):
        front = ""
        # A name may open in hiragana (みなと屋, ひかり電機, あおぞら銀行): a common word would be written in
        # kanji, so the hiragana is the name whatever the dictionary makes of it.
        opening = _HIRAGANA_FRONT.match(run[0][1])
        if opening:
            front = opening.group(0)
            if run[0][1][opening.end():]:  # あおぞら銀行: the bank is what it is, not its name
                if len(front) >= 3:
                    found.add(front)
                continue
            run = run[1:]
        for form, surface in run:
            if not _ALL_KANJI.fullmatch(surface):
                break
            if len(surface) > 1 and english_concepts(form):
                break
            front += surface
        if len(front) >= 2 and not (opening and front == opening.group(0) and len(front) < 3):
            found.add(front)
    return frozenset(found)
