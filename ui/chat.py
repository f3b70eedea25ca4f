"""The chat's events: stream an exchange, show an older answer's grounds, report the first start."""

from __future__ import annotations

import time
from collections.abc import Iterator
from html import escape
from typing import Any

from ingest.offline import make_offline

make_offline()  # before gradio is imported: it reads its telemetry flags at import

import gradio as gr  # noqa: E402

from ingest.errors import KonkyoError  # noqa: E402
from ingest.language import detect_language  # noqa: E402
from rag.answer import Answer  # noqa: E402
from ui.evidence import error_html, message_html, panel_html, panel_note, question_html, status_html  # noqa: E402
from ui.library import Library  # noqa: E402
from ui.strings import t  # noqa: E402

History = list[dict[str, Any]]


def respond(library: Library, question: str, history: History | None, answers: dict[int, Any] | None,
            lang: str) -> Iterator[tuple[Any, ...]]:
    """Stream one exchange: the question and a "searching" line at once, then the answer and its grounds.
    Yields (chat, answers, panel, question box, ask button, language); the UI's words follow the question."""
    question = (question or "").strip()
    history, answers = list(history or []), dict(answers or {})
    if not question:
        yield history, answers, gr.skip(), gr.skip(), gr.skip(), lang
        return
    lang = detect_language(question)
    box = gr.update(value="", placeholder=t(lang, "placeholder"))
    send = gr.update(value=t(lang, "send"))

    def frame(message: str, panel: Any = gr.skip()) -> tuple[Any, ...]:
        history[-1]["content"] = message
        return history, answers, panel, box, send, lang

    key = len(history) + 1  # the index the answer's message will have
    history += [{"role": "user", "content": question_html(question)}, {"role": "assistant", "content": ""}]
    yield frame(status_html(t(lang, "searching")), panel_note(t(lang, "searching")))
    while (state := library.preparing) is not None:  # first start: the bundled corpus is still being read
        if state.error:
            yield frame(error_html(lang, state.error))
            return
        yield frame(status_html(t(lang, "waiting", done=state.done, total=state.total)))
        time.sleep(0.5)
    try:
        answer = library.ask(question)
    except KonkyoError as err:
        yield frame(error_html(lang, str(err)))
        return
    answers[key] = answer.model_dump()
    yield frame(message_html(answer, key), panel_html(answer, library.document, key, lang))


def select_panel(library: Library, answers: dict[int, Any] | None, evt: gr.SelectData) -> Any:
    """Clicking an answer (or one of its [n] markers) shows that answer's grounds in the panel."""
    data = (answers or {}).get(evt.index)
    if data is None:
        return gr.skip()
    return panel_html(Answer.model_validate(data), library.document, evt.index)


# -- first start on an empty store: the bundled corpus ---------------------------------------------


def banner_html(library: Library) -> str:
    state = library.preparing
    if state is None:
        return ""
    if state.error:
        return f'<div class="konkyo-banner konkyo-banner-error">{escape(state.error)}</div>'
    en = t("en", "preparing", done=state.done, total=state.total, name=state.name)
    ja = t("ja", "preparing", done=state.done, total=state.total, name=state.name)
    return f'<div class="konkyo-banner"><span class="konkyo-spinner"></span>{escape(en)}<br>{escape(ja)}</div>'


def banner_update(library: Library) -> tuple[Any, Any]:
    if library.ready:
        return gr.update(value="", visible=False), gr.Timer(active=False)
    return gr.update(value=banner_html(library), visible=True), gr.skip()
