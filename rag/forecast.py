"""A question that asks what is likely (〜しそう?, どうなりそう?, "is it likely to", "expected to") asks for
a forecast. An intention or a plan (縮めたい考えだ, 外販も計画していた, "plans to") is no forecast that the
thing will happen: it is what someone wants, and a question about the likely outcome is not answered by it.
Such a sentence is shown as the articles' speculation instead (rag.decision). So is an aim (実用化を目指す,
"aims to launch") for a question asking when something yet to come will happen (いつ使えるようになるの?,
"when will it open"): a target date is not a date it happens."""

from __future__ import annotations

import re

from rag.question import Question

_FORECAST_QUESTION = re.compile(r"(?:そう|見込み|見通し)(?:なの|です|か|だ)?\s*[?？]?\s*$"
                                r"|\b(?:likely|expected to|probably)\b", re.I)
_INTENTION = re.compile(r"たい考え|考えだ|方針|計画|意向|目指|検討|狙い|\b(?:plans?|planned|planning|aims?|aiming|intends?|"
                        r"intended|wants?|wanted|hopes?|hoped|hoping|seeks?|sought|considering)\b", re.I)


# いつ使えるようになるの, いつ始まるの, "when will it open": when something yet to come happens.
_FUTURE_WHEN = re.compile(r"いつ(?:から|ごろ|頃)?[^。?？]*(?:ようになる|始まる|始める|できる|使える|出る|決まる)(?:の|ん)?(?:です)?か?\s*[?？]?\s*$"
                          r"|\bwhen\s+will\b", re.I)
_AIM = re.compile(r"目指|\b(?:aims?|aiming|hopes?|hoping|targets?|targeting)\b", re.I)


def not_settled_by(question: Question, text: str) -> str:
    """The wording that makes the sentence no answer to what the question asks of the future: an intention
    for a question about the likely outcome, an aim for one asking when something will happen ("" if none)."""
    if asks_forecast(question):
        return intention(text)
    if _FUTURE_WHEN.search(question.text):
        found = _AIM.search(text)
        return found.group(0) if found else ""
    return ""


def asks_forecast(question: Question) -> bool:
    return bool(_FORECAST_QUESTION.search(question.text))


def intention(text: str) -> str:
    """The wording of an intention or plan in the sentence ("" if none)."""
    found = _INTENTION.search(text)
    return found.group(0) if found else ""
