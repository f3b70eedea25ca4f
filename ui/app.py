"""The chat UI: `konkyo ui`. Layout and events here; HTML in ``ui.evidence``, uploads and removal in
``ui.sources``, the shared store in ``ui.library``, words in ``ui.strings``.

Run it directly with ``python -m ui.app [--port N] [--store DIR]``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ingest.errors import KonkyoError
from ingest.offline import make_offline

make_offline()  # before gradio is imported: it reads its telemetry flags at import

import gradio as gr  # noqa: E402

from ingest.settings import Settings, load_settings, with_store  # noqa: E402
from ui.assets import CSS, HEAD  # noqa: E402
from ui.chat import History, banner_html, banner_update, respond, select_panel  # noqa: E402
from ui.evidence import panel_html  # noqa: E402
from ui.library import Library  # noqa: E402
from ui.sources import document_choices, documents_html, remove_document, upload_files  # noqa: E402
from ui.strings import both, t  # noqa: E402

HOST = "127.0.0.1"  # never anything else, and never a share link
EXAMPLES = [
    "Who led the Omni team?",
    "オムニチームを率いたのは誰?",
    "Is the 'google bard' account Prafulla Dhariwal's alt account?",
    "「google bard」はPrafulla Dhariwalのaltアカウントですか?",
    "When was Sam Altman born?",
    "Chatbot Arenaとは何ですか?",
    "What is Sam Altman's favourite food?",
    "サム・アルトマンの好きな食べ物は何ですか?",
]


def build_app(library: Library) -> gr.Blocks:
    """The page: a Chat tab (chat beside the evidence panel) and a Sources tab."""
    with gr.Blocks(title="konkyo") as app:
        lang = gr.State("en")  # the language of the session's last question
        answers = gr.State({})  # chat message index -> Answer (as a dict), for the panel
        gr.Markdown(f"## konkyo (根拠)\n{t('en', 'intro')}  \n{t('ja', 'intro')}")
        banner = gr.HTML(banner_html(library), elem_id="konkyo-banner", js_on_load=None, visible=not library.ready)
        timer = gr.Timer(1.0, active=not library.ready)
        with gr.Tabs():
            with gr.Tab(both("chat_tab"), id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chat = gr.Chatbot(elem_id="konkyo-chat", height=560, show_label=False,
                                          latex_delimiters=[], feedback_options=None, buttons=["copy"],
                                          placeholder=f"{t('en', 'chat_empty')}<br>{t('ja', 'chat_empty')}")
                        with gr.Row():
                            box = gr.Textbox(placeholder=both("placeholder"), show_label=False, scale=5,
                                             elem_id="konkyo-question", max_length=2000, submit_btn=False)
                            send = gr.Button(both("send"), variant="primary", scale=1, elem_id="konkyo-send")
                        examples = gr.Examples(EXAMPLES, inputs=box, label=both("examples"), cache_examples=False)
                    with gr.Column(scale=2):
                        gr.Markdown(f"### {both('evidence')}")
                        panel = gr.HTML(panel_html(None, library.document, 0), elem_id="konkyo-evidence",
                                        js_on_load=None, max_height=720, autoscroll=False)
            with gr.Tab(both("sources_tab"), id="sources", elem_id="konkyo-sources-tab") as sources_tab:
                table, pick = _sources_tab(library, lang)

        def ask(question: str, history: History | None, done: dict[int, Any] | None, lg: str) -> Iterator[tuple[Any, ...]]:
            yield from respond(library, question, history, done, lg)

        asking = dict(fn=ask, inputs=[box, chat, answers, lang],
                      outputs=[chat, answers, panel, box, send, lang], concurrency_limit=library.settings.ui.concurrency,
                      concurrency_id="ask")
        box.submit(**asking)
        send.click(**asking)
        examples.load_input_event.then(**asking)  # an example is asked as soon as it is clicked

        def on_select(data: dict[int, Any] | None, evt: gr.SelectData) -> Any:
            return select_panel(library, data, evt)

        chat.select(on_select, inputs=[answers], outputs=[panel], queue=False)
        # Other users' uploads and removals show up whenever the tab is opened.
        sources_tab.select(lambda: _table_updates(library), outputs=[table, pick], queue=False)
        app.load(lambda: _table_updates(library), outputs=[table, pick], queue=False)
        # The page's initial values are fixed when the app is built: each page load asks for the current state.
        app.load(lambda: banner_update(library), outputs=[banner, timer], queue=False)
        timer.tick(lambda: banner_update(library), outputs=[banner, timer], queue=False)
    return app


def _sources_tab(library: Library, lang: gr.State) -> tuple[gr.HTML, gr.Dropdown]:
    mb = library.settings.ui.max_upload_mb
    gr.Markdown(f"{t('en', 'sources_intro', mb=mb)}  \n{t('ja', 'sources_intro', mb=mb)}")
    table = gr.HTML(documents_html(library), elem_id="konkyo-documents", js_on_load=None)
    upload = gr.File(label=both("upload"), file_count="multiple", elem_id="konkyo-upload")
    outcome = gr.HTML("", elem_id="konkyo-upload-result", js_on_load=None)
    with gr.Row():
        pick = gr.Dropdown(document_choices(library), label=both("remove_pick"), value=None, scale=4,
                           elem_id="konkyo-remove-pick")
        remove = gr.Button(both("remove"), variant="stop", scale=1, elem_id="konkyo-remove")

    def on_upload(files: list[str] | None, lg: str, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:
        def report(done: int, total: int, name: str) -> None:
            progress((done, total), desc=t(lg, "ingesting", name=name) if name else None)

        html = upload_files(library, files or [], lg, report)
        return _table_updates(library) + (html, None)

    def on_remove(doc_id: str | None, lg: str) -> tuple[Any, ...]:
        html = remove_document(library, doc_id, lg)  # first: the table must show the store after it
        return _table_updates(library) + (html,)

    upload.upload(on_upload, inputs=[upload, lang], outputs=[table, pick, outcome, upload],
                  concurrency_id="write", concurrency_limit=1)
    remove.click(on_remove, inputs=[pick, lang], outputs=[table, pick, outcome],
                 concurrency_id="write", concurrency_limit=1)
    return table, pick


def _table_updates(library: Library) -> tuple[Any, Any]:
    return documents_html(library), gr.update(choices=document_choices(library), value=None)


# -- launching ------------------------------------------------------------------------------------


def launch_options(settings: Settings, port: int | None = None) -> dict[str, Any]:
    """The keyword arguments of ``Blocks.launch``: loopback only, no share link, optional login."""
    ui = settings.ui
    auth = ui.auth.get_secret_value().partition(":") if ui.auth else None
    return dict(
        server_name=HOST, server_port=port or ui.port, share=False, ssr_mode=False, show_error=False,
        auth=(auth[0], auth[2]) if auth else None, auth_message="konkyo" if auth else None,
        max_file_size=f"{ui.max_upload_mb}mb", css=CSS, head=HEAD, footer_links=[],
        theme=gr.themes.Default(font=["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic",
                                      "Meiryo", "system-ui", "sans-serif"],
                                font_mono=["Noto Sans Mono CJK JP", "ui-monospace", "monospace"]),
    )


def prepare(store: str | None = None, settings: Settings | None = None,
            log: Callable[[str], None] = print) -> Library:
    """The shared library; on an empty store, the bundled corpus starts loading in the background."""
    settings = with_store(settings or load_settings(), store)
    library = Library(settings)
    if not library.documents:
        log(f"konkyo: the store {settings.store.url or settings.store.dir} is empty: "
            "reading the bundled articles first (about 20 s on 2 cores); the page shows the progress")
        library.start_bundled_ingest(log)
    return library


def launch(store: str | None = None, port: int | None = None, settings: Settings | None = None) -> None:
    """Start the chat UI on http://127.0.0.1:PORT and serve until interrupted (blocking). ``port`` None:
    the setting ui.port (KONKYO_UI__PORT, default 7860); ``store``: a folder or a `chroma run` URL."""
    settings = with_store(settings or load_settings(), store)
    library = prepare(settings=settings)
    app = build_app(library)
    app.queue(default_concurrency_limit=1, max_size=64)
    options = launch_options(settings, port)
    try:
        app.launch(**options, quiet=True, prevent_thread_lock=True)
    except OSError as err:
        why = "the port is in use" if "empty port" in str(err) else str(err)  # Gradio's words for "in use"
        raise KonkyoError(f"cannot listen on {HOST}:{options['server_port']}: {why}",
                          "give another port with --port, or stop what uses it") from None
    print(f"konkyo: chat UI on http://{HOST}:{options['server_port']} (Ctrl+C to stop)", flush=True)
    try:
        app.block_thread()
    finally:
        app.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.app", description="konkyo's chat UI, on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=None, help="port (default 7860, or KONKYO_UI__PORT)")
    parser.add_argument("--store", default=None, help="store folder or `chroma run` URL (default .konkyo)")
    args = parser.parse_args(argv)
    try:
        launch(args.store, args.port)
    except KonkyoError as err:
        print(f"konkyo: error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
