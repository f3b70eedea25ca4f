"""Is a sentence about a sibling of what the question names? Then it does not answer the question.

A numbered name has siblings (Kagura-2 for Kagura-1, GPT-4o for GPT-4), and so does a thing told apart
by a letter or number after a word (a Series A round for "Series B", フェーズ1 for フェーズ2, 第1期 for
第2期). A sentence that names a sibling and not the thing itself speaks of the sibling, however much of
the question's wording it shares. So do a company's profits: net profit (純利益) and operating profit
(営業利益) are siblings, each a "profit" (利益).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_NUMBERED = re.compile(r"^([a-z][a-z-]*?)-?\d")
_DESIGNATED = re.compile(r"\b(series|round|phase|stage|tier)\s+((?-i:[A-Z])|\d+)\b"
                         r"|(シリーズ|ラウンド|フェーズ|ステージ|第)\s*([A-ZＡ-Ｚ]|\d+)(?![A-Za-z0-9])", re.I)
_HEADS = {"シリーズ": "series", "ラウンド": "round", "フェーズ": "phase", "ステージ": "stage"}


def other_variant(name: str, words: Collection[str]) -> bool:
    """Do the sentence's ``words`` name a sibling of the numbered ``name`` and not the name itself?"""
    base = _NUMBERED.match(name)
    if not base or name in words:
        return False
    return any(w != name and w.startswith(base.group(1)) and any(c.isdigit() for c in w) for w in words)


def designations(text: str) -> dict[str, set[str]]:
    """What the text designates, by the word before the designation: {"series": {"B"}} for "Series B"."""
    found: dict[str, set[str]] = {}
    for m in _DESIGNATED.finditer(text):
        head = (m.group(1) or m.group(3)).lower()
        found.setdefault(_HEADS.get(head, head), set()).add(unicodedata.normalize("NFKC", m.group(2) or m.group(4)).upper())
    return found


def other_designation(asked: dict[str, set[str]], sentence: str) -> bool:
    """Does the sentence designate a sibling of what the question designates (``asked``, its designations),
    and not it?"""
    if not asked:
        return False
    said = designations(sentence)
    return any(head in said and not (said[head] & wanted) for head, wanted in asked.items())


# A company's profits, told apart by what is taken off before them.
_PROFITS = {
    "net": re.compile(r"純利益|最終利益|最終損益|純損益|\bnet (?:profit|income|loss|earnings)\b", re.I),
    "operating": re.compile(r"営業利益|営業損益|\boperating (?:profit|income|loss)\b", re.I),
    "recurring": re.compile(r"経常利益|経常損益|\b(?:recurring|ordinary|pretax|pre-tax) (?:profit|income|loss)\b", re.I),
    "gross": re.compile(r"売上総利益|粗利|\bgross (?:profit|margin)\b", re.I),
}


def profits(text: str) -> set[str]:
    """Which of a company's profits the text names: {"net"} for 純利益 or "net income"."""
    return {kind for kind, pattern in _PROFITS.items() if pattern.search(text)}


def other_profit(asked: set[str], sentence: str) -> bool:
    """Does the sentence name another of a company's profits than the question asks (``asked``: profits()
    of the question), and not it (営業利益 for 純利益っていくら)?"""
    said = profits(sentence)
    return bool(asked and said and not said & asked)
