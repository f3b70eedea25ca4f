"""A question that asks what is likely (〜しそう?, どうなりそう?, "is it likely to", "expected to") asks for
a forecast. An intention or a plan (縮めたい考えだ, 外販も計画していた, "plans to") is no forecast that the
thing will happen: it is what someone wants, and a question about the likely outcome is not answered by it.
Such a sentence is shown as the articles' speculation instead (rag.decision)."""

from __future__ import annotations

import re

from rag.question import Question

_FORECAST_QUESTION = re.compile(r"(?:そう|見込み|見通し)(?:なの|です|か|だ)?\s*[?？]?\s*$"
                                r"|\b(?:likely|expected to|probably)\b", re.I)
_INTENTION = re.compile(r"たい考え|考えだ|方針|計画|意向|目指|検討|狙い|\b(?:plans?|planned|planning|aims?|aiming|intends?|"
                        r"intended|wants?|wanted|hopes?|hoped|hoping|seeks?|sought|considering)\b", re.I)


def asks_forecast(question: Question) -> bool:
    return bool(_FORECAST_QUESTION.search(question.text))


def intention(text: str) -> str:
    """The wording of an intention or plan in the sentence ("" if none)."""
    found = _INTENTION.search(text)
    return found.group(0) if found else ""
