"""An Answer as HTML: the chat message with clickable [n] markers, and the evidence panel that shows each
cited sentence highlighted inside its paragraph. Every piece of text is escaped here, once."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from ingest.language import detect_language
from ingest.records import StoredDocument
from rag.answer import Answer, Citation
from rag.wording import say
from ui.strings import t

DocumentLookup = Callable[[str], StoredDocument | None]

_MARKER = re.compile(r"\[(\d+)\]")
_CONTEXT_CHARS = 400  # at most this much paragraph on each side of the quote


def answer_lang(answer: Answer) -> str:
    """The language konkyo answered in: the question's."""
    return detect_language(answer.question)


def card_id(key: int, n: int) -> str:
    """The element id of citation ``n`` of the answer shown as chat message ``key``."""
    return f"konkyo-a{key}-c{n}"


def question_html(question: str) -> str:
    return f'<div class="konkyo-question">{escape(question)}</div>'


def status_html(text: str) -> str:
    """A message in progress (searching, waiting for the store)."""
    return f'<div class="konkyo-msg konkyo-pending"><span class="konkyo-spinner"></span>{escape(text)}</div>'


def error_html(lang: str, error: str) -> str:
    return f'<div class="konkyo-msg konkyo-error">{escape(t(lang, "error", error=error))}</div>'


def _classes(answer: Answer) -> str:
    reason = f" konkyo-reason-{answer.reason.replace('_', '-')}" if answer.reason else ""
    return f"konkyo-msg konkyo-{answer.status}{reason}"


def message_html(answer: Answer, key: int) -> str:
    """The chat message: the answer text, its [n] markers linked to the evidence cards."""
    numbers = {c.n for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in numbers:
            return match.group(0)
        return f'<a class="konkyo-ref" href="#{card_id(key, n)}">[{n}]</a>'

    # Escaping leaves "[n]" untouched, so markers are found in the escaped text. One line: a blank line
    # would end the HTML block and let Markdown loose on the article text.
    body = _MARKER.sub(link, escape(answer.text)).replace("\n", "<br>")
    return f'<div class="{_classes(answer)}" id="konkyo-a{key}">{body}</div>'


def panel_html(answer: Answer | None, lookup: DocumentLookup, key: int, lang: str = "en") -> str:
    """The evidence panel for one answer (or the empty panel's hint)."""
    if answer is None:
        return panel_note(t(lang, "evidence_empty"))
    lang = answer_lang(answer)
    head = _panel_head(answer, lang)
    cards = "".join(_card(c, lookup(c.doc_id), key, answer, lang) for c in answer.citations)
    return (
        f'<div class="konkyo-panel konkyo-panel-{answer.status}" data-key="{key}">'
        f'<div class="konkyo-panel-head {_classes(answer)}">{head}</div>'
        f'<div class="konkyo-panel-question">{escape(answer.question)}</div>{cards}</div>'
    )


def panel_note(text: str) -> str:
    """The panel with a line of text instead of evidence (empty, or searching)."""
    return f'<div class="konkyo-panel konkyo-panel-empty">{escape(text)}</div>'


def _panel_head(answer: Answer, lang: str) -> str:
    if answer.status == "answered":
        return escape(t(lang, "grounds_answered"))
    key = "conflicting" if answer.status == "conflicting" else answer.reason or "not_found"
    verdict = say(lang, key).rstrip(":： ")
    return f'<strong class="konkyo-verdict">{escape(verdict)}</strong><br>{escape(t(lang, "grounds_" + key))}'


def _card(c: Citation, doc: StoredDocument | None, key: int, answer: Answer, lang: str) -> str:
    kind = "speculative" if c.speculative else "asserted"
    side = f'<span class="konkyo-side">{escape(t(lang, "side", n=c.n))}</span>' if answer.status == "conflicting" else ""
    url = c.url if c.url.startswith(("http://", "https://")) else ""
    source = (
        f'<a class="konkyo-url" href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(url)}</a>'
        if url else f'<span class="konkyo-url konkyo-no-url">{escape(t(lang, "no_link"))}</span>'
    )
    licence = f' · {escape(t(lang, "licence"))}: {escape(doc.licence)}' if doc is not None and doc.licence else ""
    cues = ""
    if c.cues:
        words = "".join(f'<span class="konkyo-cue">{escape(cue)}</span>' for cue in c.cues)
        cues = f'<div class="konkyo-cues">{escape(t(lang, "hedges"))}: {words}</div>'
    return (
        f'<div class="konkyo-card konkyo-card-{kind}" id="{card_id(key, c.n)}">'
        f'<div class="konkyo-card-head"><span class="konkyo-n">[{c.n}]</span>{side}'
        f'<span class="konkyo-title">{escape(c.title)}</span>'
        f'<span class="konkyo-badge konkyo-badge-{kind}">{escape(t(lang, kind))}</span></div>'
        f'<div class="konkyo-meta">{source} · {escape(t(lang, "language"))}: '
        f'<span class="konkyo-lang">{escape(c.lang)}</span>{licence}</div>'
        f'<div class="konkyo-context" lang="{escape(c.lang, quote=True)}">{context_html(c, doc)}</div>{cues}</div>'
    )


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line delimited) around text[start:end], cut to _CONTEXT_CHARS on each side."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    lo = 0 if before < 0 else before + 2
    hi = len(text) if after < 0 else after
    return max(lo, start - _CONTEXT_CHARS), min(hi, end + _CONTEXT_CHARS)


def context_html(c: Citation, doc: StoredDocument | None) -> str:
    """The quote, highlighted, inside its surrounding paragraph; the quote alone if the document is gone
    or no longer holds it at that span."""
    if doc is None or doc.text[c.char_start : c.char_end] != c.quote:
        return _mark(c.quote, c.cues)
    lo, hi = paragraph_bounds(doc.text, c.char_start, c.char_end)
    head = ("…" if lo > 0 and doc.text[lo - 1] != "\n" else "") + escape(doc.text[lo : c.char_start].lstrip())
    tail = escape(doc.text[c.char_end : hi].rstrip()) + ("…" if hi < len(doc.text) and doc.text[hi] != "\n" else "")
    return f"{head}{_mark(c.quote, c.cues)}{tail}"


def _mark(quote: str, cues: list[str]) -> str:
    """<mark> around exactly the quote, its hedging words emphasised inside it."""
    words = sorted({cue for cue in cues if cue}, key=len, reverse=True)
    if not words:
        return f'<mark class="konkyo-quote">{escape(quote)}</mark>'
    parts = re.split("(" + "|".join(map(re.escape, words)) + ")", quote)  # odd indexes are the cues
    body = "".join(escape(p) if i % 2 == 0 else f'<em class="konkyo-cue">{escape(p)}</em>' for i, p in enumerate(parts))
    return f'<mark class="konkyo-quote">{body}</mark>'
