"""Every sentence konkyo says in its own voice, in both languages: one refusal vocabulary for all callers."""

from __future__ import annotations

WORDING = {
    "en": {
        "answered": "According to the articles:",
        "speculative": "The articles only speculate about this; they do not state it as fact:",
        "not_found": "The articles do not say.",
        "conflicting": "The articles disagree:",
        "premise": "The question's premise does not match the articles, which say:",
        "hedge": "hedged wording",
        "side": "Source {n} says:",
    },
    "ja": {
        "answered": "記事によると:",
        "speculative": "記事はこの点について推測しているだけで、事実としては述べていません:",
        "not_found": "記事にはこの点についての記述がありません。",
        "conflicting": "記事の記述が食い違っています:",
        "premise": "質問の前提は記事の記述と異なります。記事によると:",
        "hedge": "推測の表現",
        "side": "出典{n}:",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    return WORDING["ja" if lang == "ja" else "en"][key].format(**values)
