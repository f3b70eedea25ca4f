"""Which event a Japanese when-question asks about, and whether a sentence speaks of it.

"東海南鉄道は夜間の徒歩巡回をいつから減らすの?" asks when something happens: a sentence with a date that never
says it (減らす) dates something else. Checked for a Japanese when-question's closing verb in kanji, unless it
is light or says only when something starts or goes on (始まる, 続く), which the noun before it names
(買収手続きはいつ終わるの: the 手続き). On fifteen sets the verb check asserted one speculation fewer and lost
no answer; the noun check, on the bundled set and sets 25–80, refused one asserted speculation and nothing
else (eval/outside/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer_kind import WHEN_QUESTION
from rag.question import Question
from rag.vocabulary import vocabulary

_KANJI_VERB = re.compile(r"[\u4e00-\u9fff].*[るすくうむつぶぐぬ]$")
_LIGHT_VERBS = frozenset("""する ある いる なる 使う 言う 行う 出る 入る 見る 思う 分かる できる やる 遣る 仕舞う 取る 持つ
    来る 行く 合う 掛かる 付く 続く 始まる 終わる 比べる""".split())
# Verbs of a phase (始まる, 終わる): what begins or ends is named by the noun before them.
_PHASE_VERBS = frozenset("始まる 終わる 終える 始める 済む 完了 開始 終了".split())
_EVENT_NOUN = re.compile(r"[\u4e00-\u9fff][\u3040-\u309f\u4e00-\u9fff]+")
# いつできた会社 asks when it was founded (できる is too light a verb to check), as do いつ設立された, 創業何年 and
# "when was it founded": a date answers it only in a sentence that says something came into being, not
# 2022年から提供を受けていた.
_ASKS_FOUNDING = re.compile(r"いつ(?:ごろ|頃)?(?:に)?(?:でき|出来|作られ|つくられ|創られ|生まれ)た|"
                            r"(?:設立|創業|創立|創設)(?:は|って)?(?:いつ|何年)|(?:いつ|何年)(?:に)?(?:設立|創業|創立|創設)|"
                            r"\b(?:when|what year|which year)\b.*\b(?:founded|established|set up)\b", re.I)
_SAYS_FOUNDING = re.compile(r"設立|創業|創立|創設|発足|開業|開設|設け|でき|出来|完成|誕生|生まれ|立ち上げ|"
                            r"\b(?:found|establish|set up|start|launch|open|buil|complet|creat|form|incorporat)", re.I)


@dataclass(frozen=True)
class AskedEvent:
    """What a sentence must speak of to date what the question asks about."""

    verb: str = ""  # 減らす, 返事 (いつ返事するの): said in the sentence, in either language
    # 手続き (手続きはいつ終わるの): said in a Japanese sentence. English names such an event in its own words
    # (配信を始めた ~ "launched"), which no gloss of the noun has.
    noun: str = ""
    founding: bool = False  # いつできた会社: a sentence that says something came into being

    def reported_by(self, text: str, across: bool) -> bool:
        """Does the sentence (``across``: in the other language) speak of the event?"""
        if self.founding and not _SAYS_FOUNDING.search(text):
            return False
        if self.noun and not across and not vocabulary(text).names(self.noun):
            return False
        return not self.verb or vocabulary(text).speaks_of(self.verb, across)


def asked_event(question: Question, weighed: list[str]) -> AskedEvent:
    """The event the question asks about; ``weighed``: its attribute words, in the question's order."""
    founding = bool(_ASKS_FOUNDING.search(question.text))
    if question.lang != "ja" or not WHEN_QUESTION.search(question.text) or not weighed:
        return AskedEvent(founding=founding)
    closing = weighed[-1]
    if (_KANJI_VERB.search(closing) or _verbal_noun(closing, question.text)) and closing not in _LIGHT_VERBS:
        return AskedEvent(verb=closing, founding=founding)
    if (closing in _PHASE_VERBS and len(weighed) > 1 and _EVENT_NOUN.fullmatch(weighed[-2])
            and re.search(re.escape(weighed[-2]) + r"(?:は|が|って)", question.text)):
        return AskedEvent(noun=weighed[-2], founding=founding)
    return AskedEvent(founding=founding)


def _verbal_noun(term: str, text: str) -> bool:
    """A kanji noun the question makes a verb of with する (いつ返事するの, いつ発表された): the event asked about."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,}", term)) and re.search(re.escape(term) + r"(?:す|し|さ)", text) is not None
