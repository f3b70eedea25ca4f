"""Does a sentence speak of the time a question asks about? A question about what will or may happen is not
answered by a report of what has happened.

"When will the plant start making money?", "What will it be valued at in its next round?": such a question
is not answered by "began shipping on March 3" or "was valued at $4.2bn in March". The sentence must speak
of the future: a plan, a schedule, an expectation, or (in Japanese) a predicate that is neither in the past
tense nor in …ている, which says what goes on now. A Japanese question asks it with a when-word and a
predicate in the non-past (いつ始まるの?). "could", "might", "likely", "expected to" ask what may happen
("How many could Sanwa end up using?") and are answered the same way ("could you" is a request).
"""

from __future__ import annotations

import re

from ingest.terms import JAPANESE
from rag.question import Question

_ASKS_FUTURE = re.compile(r"\b(?:will|won't|going to|(?:could|might)(?! you\b)|likely|expected to)\b", re.I)
_FUTURE_EN = re.compile(r"(?i:\b(?:will|would|won't|shall|plans?|planned|planning|scheduled|set to|expects?|expected|aims?|"
                        r"aiming|intends?|intended|is to|are to|due|next|upcoming|later|soon|starting|going to|targets?|"
                        r"goal)\b|'ll\b)|\b(?:[Bb]y|[Ff]rom) (?:the end|20\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b")
# (Not までに: 20日までに全棟で戻した met its deadline. A sentence with one speaks of the future by its predicate.)
_FUTURE_JA = re.compile(r"予定|計画|方針|見通し|見込み|目指|目標|今後|来年|来月|来春|来期|年内|将来|次の|次回|めど")
_NOW_JA = re.compile(r"(?:て|で)(?:いる|います)(?:という)?[。」』]*\s*$")
_PAST_JA = re.compile(r"(?:た|だ|ました|でした)(?:という|とした|と(?:述べ|話し|説明し|発表し|明らかにし)た)?[。」』]*\s*$")


# Japanese asks when something will happen by a when-word and a predicate in the non-past: いつ出るの?,
# いつから始まるの?, いつごろ出そう?, いつの予定? (Not いつからあるの, いつまでいるの, やってるの: they ask what is.)
_WHEN_JA = re.compile(r"いつ|何[日年月]")
_NON_PAST_JA = re.compile(r"(?:(?<![てでにあいや])(?<!てい)(?<!でい)[るうくすつぬむぶぐ]|そう|予定|見込み|見通し|めど)"
                          r"(?:の|んだ|んですか|んでしょうか|のか|か|ですか|でしょうか|なの|やつ)?\s*[?？]?\s*$")


def asks_future(question: Question) -> bool:
    """Does the question ask what will happen ("When will ...", "could", いつ始まるの)?"""
    if question.lang == "en":
        return bool(_ASKS_FUTURE.search(question.text))
    return bool(_WHEN_JA.search(question.text) and _NON_PAST_JA.search(question.text))


# A question about what is now ("right now", "so far", 今何人) is not answered by a figure set as a target,
# unless the sentence says what is now as well ("currently has 48 employees and plans to double").
_ASKS_NOW = re.compile(r"\b(?:at the moment|currently|right now|now(?! that)|at present|so far|to date)\b|現在|いま|"
                       r"今(?!後|回|年|月|週|日|春|夏|秋|冬|期|度|まで)", re.I)
_SAYS_NOW = re.compile(r"\b(?:currently|now|at present|so far|to date|already)\b|現在|現時点|これまで|すでに|既に", re.I)


def tense_ok(question: Question, sentence: str) -> bool:
    """Does the sentence speak of the future, when a question asks what will happen; of what is, when a
    question asks what is now?"""
    if _ASKS_NOW.search(question.text) and states_target(sentence) and not _SAYS_NOW.search(sentence):
        return False
    if not asks_future(question):
        return True
    if JAPANESE.search(sentence):  # (…で使っている: what is going on now, not what will be)
        return bool(_FUTURE_JA.search(sentence)) or not (_PAST_JA.search(sentence) or _NOW_JA.search(sentence))
    return bool(_FUTURE_EN.search(sentence))


# A figure set as a goal: 2026年末までに150人規模にする計画だ, "plans to have 16,000 GPUs running by the end of 2026",
# or spent from now on: 今後3年間で38億円を投じ, "over the next three years".
_TARGET = re.compile(r"計画|目標|目指|(?<!これ)(?<!今)までに|今後|\b(?:plans?|planned|planning|aims?|aiming|intends?) to\b|\btargets?\b|\bgoal\b|"
                     r"\bby the end of\b|\b(?:over|in|during) the (?:next|coming)\b", re.I)


def states_target(sentence: str) -> bool:
    """Does the sentence give a figure as a plan or a target rather than as what is?"""
    return bool(_TARGET.search(sentence))
