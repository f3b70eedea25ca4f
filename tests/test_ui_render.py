"""The UI's HTML for answers and their evidence, without a browser: escaping, exact highlights, and
refusals that look different from answers."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from ingest.records import StoredDocument
from rag.answer import Answer, Citation
from ui.evidence import card_id, context_html, message_html, panel_html, paragraph_bounds

TEXT = (
    "First paragraph, about nothing.\n\n"
    "Before the quote. The team was led by <script>alert(1)</script> & co. After the quote.\n\n"
    "Last paragraph."
)
QUOTE = "The team was led by <script>alert(1)</script> & co."
START = TEXT.index(QUOTE)


def doc(text: str = TEXT, **extra: object) -> StoredDocument:
    fields: dict[str, object] = dict(
        doc_id="d1", title="A <b>title</b>", text=text, lang="en", source="/x/d1.txt", url="https://example.org/a?b=1&c=2",
        licence="CC BY-SA 4.0", format="txt", encoding="utf-8", doc_hash="h", n_chunks=1, sentences=(), extra={},
    )
    fields.update(extra)
    return StoredDocument(**fields)  # type: ignore[arg-type]


def citation(n: int = 1, quote: str = QUOTE, start: int = START, speculative: bool = False,
             cues: list[str] | None = None, **extra: object) -> Citation:
    fields: dict[str, object] = dict(
        n=n, doc_id="d1", title="A <b>title</b>", url="https://example.org/a?b=1&c=2", lang="en", quote=quote,
        char_start=start, char_end=start + len(quote), speculative=speculative, cues=cues or [], score=0.5,
    )
    fields.update(extra)
    return Citation(**fields)  # type: ignore[arg-type]


def answered(question: str = "Who led the team?") -> Answer:
    return Answer(question=question, status="answered", text=f'According to the articles: "{QUOTE}" [1]',
                  citations=[citation()])


class Collect(HTMLParser):
    """Tags with their classes, and the text inside every <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data: str) -> None:
        if self._in_mark:
            self.marks[-1] += data


def parse(html: str) -> Collect:
    parser = Collect()
    parser.feed(html)
    return parser


def classes(html: str) -> set[str]:
    return {c for _, attrs in parse(html).tags for c in (attrs.get("class") or "").split()}


def test_markup_in_articles_and_questions_is_escaped() -> None:
    html = panel_html(answered("<img src=x onerror=alert(1)>?"), lambda _: doc(), key=2)
    tags = {tag for tag, _ in parse(html).tags}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co." in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    message = message_html(answered(), key=2)
    assert "<script>" not in message and "&lt;script&gt;" in message


def test_the_highlight_is_exactly_the_quote_inside_its_paragraph() -> None:
    html = context_html(citation(), doc())
    assert parse(html).marks == [QUOTE]
    page_text = "".join(parse(html).marks)
    assert page_text == TEXT[START : START + len(QUOTE)]
    # the rest of its paragraph is there, the other paragraphs are not
    assert "Before the quote. " in html and " After the quote." in html
    assert "First paragraph" not in html and "Last paragraph" not in html


def test_long_paragraphs_are_cut_around_the_quote() -> None:
    text = "x" * 2000 + QUOTE + "y" * 2000
    lo, hi = paragraph_bounds(text, 2000, 2000 + len(QUOTE))
    assert 0 < lo < 2000 and 2000 + len(QUOTE) < hi < len(text)
    html = context_html(citation(start=2000), doc(text))
    assert parse(html).marks == [QUOTE] and html.count("…") == 2


def test_hedging_words_are_marked_inside_the_quote_without_changing_it() -> None:
    quote = "It is likely that <they> left, reportedly."
    text = f"Intro. {quote} End."
    c = citation(quote=quote, start=text.index(quote), speculative=True, cues=["likely", "reportedly"])
    html = context_html(c, doc(text))
    assert parse(html).marks == [quote]
    assert html.count('<em class="konkyo-cue">') == 2


def test_a_quote_that_no_longer_matches_its_document_is_shown_alone() -> None:
    html = context_html(citation(), doc("The document changed since."))
    assert parse(html).marks == [QUOTE] and "changed" not in html
    assert parse(context_html(citation(), None)).marks == [QUOTE]


def test_markers_link_to_their_cards() -> None:
    html = message_html(answered(), key=4)
    links = [attrs for tag, attrs in parse(html).tags if tag == "a"]
    assert links == [{"class": "konkyo-ref", "href": f"#{card_id(4, 1)}"}]
    panel = panel_html(answered(), lambda _: doc(), key=4)
    assert f'id="{card_id(4, 1)}"' in panel
    # a number with no citation stays plain text
    odd = Answer(question="q", status="answered", text="Figure [7] says so [1]", citations=[citation()])
    assert message_html(odd, key=1).count("<a ") == 1


def test_the_source_link_is_escaped_and_only_http() -> None:
    panel = panel_html(answered(), lambda _: doc(), key=1)
    assert 'href="https://example.org/a?b=1&amp;c=2"' in panel
    bad = Answer(question="q", status="answered", text="x [1]", citations=[citation(url="javascript:alert(1)")])
    assert "javascript:" not in panel_html(bad, lambda _: doc(), key=1)


def speculative() -> Answer:
    return Answer(question="Is it true?", status="refused", reason="speculative",
                  text="The articles only speculate about this; they do not state it as fact: “x” [1]",
                  citations=[citation(speculative=True, cues=["likely"])])


def test_refusals_look_different_from_answers() -> None:
    ok, spec = message_html(answered(), 1), message_html(speculative(), 1)
    nothing = message_html(Answer(question="q", status="refused", reason="not_found", text="The articles do not say."), 1)
    assert "konkyo-answered" in classes(ok)
    assert {"konkyo-refused", "konkyo-reason-speculative"} <= classes(spec) and "konkyo-answered" not in classes(spec)
    assert {"konkyo-refused", "konkyo-reason-not-found"} <= classes(nothing)
    panel = panel_html(speculative(), lambda _: doc(), key=1)
    assert "The articles only speculate about this" in panel
    assert {"konkyo-badge-speculative", "konkyo-card-speculative", "konkyo-cues"} <= classes(panel)
    assert "konkyo-badge-asserted" not in classes(panel)
    assert "konkyo-badge-asserted" in classes(panel_html(answered(), lambda _: doc(), key=1))


def test_not_found_says_so_in_the_panel() -> None:
    nothing = Answer(question="何ですか?", status="refused", reason="not_found", text="記事にはこの点についての記述がありません。")
    panel = panel_html(nothing, lambda _: None, key=1)
    assert "記事にはこの点についての記述がありません" in panel and "konkyo-card" not in panel


def test_conflicts_show_each_side() -> None:
    sides = [citation(1), citation(2, quote="Before the quote.", start=TEXT.index("Before the quote."))]
    conflict = Answer(question="When?", status="conflicting", text="The articles disagree: Source 1 says: [1] Source 2 says: [2]",
                      citations=sides)
    panel = panel_html(conflict, lambda _: doc(), key=3)
    assert "The articles disagree" in panel
    assert "side 1" in panel and "side 2" in panel
    assert parse(panel).marks == [QUOTE, "Before the quote."]
    assert "konkyo-conflicting" in classes(message_html(conflict, 3))


@pytest.mark.parametrize(("question", "head", "badge"), [("Who led the team?", "The answer stands on", "asserted"),
                                                         ("チームを率いたのは誰?", "回答の根拠", "断定")])
def test_the_panel_speaks_the_questions_language(question: str, head: str, badge: str) -> None:
    panel = panel_html(answered(question), lambda _: doc(), key=1)
    assert head in panel and f">{badge}<" in panel


def test_the_empty_panel_has_a_hint() -> None:
    assert "Ask a question" in panel_html(None, lambda _: None, key=0)


def test_every_ui_string_exists_in_both_languages() -> None:
    from ui.strings import STRINGS

    assert STRINGS["en"].keys() == STRINGS["ja"].keys()
    for key in STRINGS["en"]:
        fields = set(re.findall(r"{(\w+)}", STRINGS["en"][key]))
        assert fields == set(re.findall(r"{(\w+)}", STRINGS["ja"][key])), key
