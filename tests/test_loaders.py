"""Loading documents: metadata, titles, languages, ids, HTML and Markdown rendering, input discovery,
and the bundled corpus."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import ingest.loaders as loaders
from ingest.errors import KonkyoError, UnreadableFileError
from ingest.html_text import html_to_text
from ingest.loaders import SUPPORTED_SUFFIXES, bundled_corpus_dir, find_inputs, iter_input_files, load_document
from ingest.markdown_text import markdown_to_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS = {
    "en_lmsys_blog_arena_policy_2024": ("en", "https://lmsys.org/blog/2024-03-01-policy/", "MIT"),
    "en_lmsys_blog_chatbot_arena_2023": ("en", "https://lmsys.org/blog/2023-05-03-arena/", "MIT"),
    "en_wikipedia_effective_accelerationism": ("en", "https://en.wikipedia.org/wiki/Effective_accelerationism", "CC BY-SA 4.0"),
    "en_wikipedia_ilya_sutskever": ("en", "https://en.wikipedia.org/wiki/Ilya_Sutskever", "CC BY-SA 4.0"),
    "en_wikipedia_sam_altman": ("en", "https://en.wikipedia.org/wiki/Sam_Altman", "CC BY-SA 4.0"),
    "ja_note_gpt4o_omni_team": ("ja", "", "supplied by the project's user"),
    "ja_wikipedia_kouka_teki_ritashugi": (
        "ja", "https://ja.wikipedia.org/wiki/%E5%8A%B9%E6%9E%9C%E7%9A%84%E5%88%A9%E4%BB%96%E4%B8%BB%E7%BE%A9",
        "CC BY-SA 4.0"),
}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _load(tmp_path: Path, name: str, text: str):
    return load_document(_write(tmp_path, name, text))


def _headings(doc_or_text, spans=None) -> list[str]:
    text, spans = (doc_or_text.text, doc_or_text.headings) if spans is None else (doc_or_text, spans)
    return [text[a:b] for a, b in spans]


# --- metadata -------------------------------------------------------------------------------------------


def test_front_matter_metadata(tmp_path):
    doc = _load(tmp_path, "post.md", (
        "---\nid: my-post_1\ntitle: A Post\nurl: https://example.com/post\nlanguage: ja-JP\n"
        "license: CC BY 4.0\nauthor: Someone\ntags: [ai, llm]\ndate: 2024-05-14\n---\n\n# Heading\n\nBody text.\n"
    ))
    assert (doc.doc_id, doc.title, doc.url, doc.lang, doc.licence) == (
        "my-post_1", "A Post", "https://example.com/post", "ja", "CC BY 4.0")
    assert doc.extra == {"author": "Someone", "tags": "ai, llm", "date": "2024-05-14"}
    assert doc.text == "Heading\n\nBody text." and doc.format == "md"


def test_front_matter_in_txt_keeps_text_verbatim(tmp_path):
    doc = _load(tmp_path, "note.txt", "---\ntitle: Note\nlang: en\n---\n\n**not markdown** in a .txt\n")
    assert doc.text == "**not markdown** in a .txt\n" and doc.title == "Note"


def test_invalid_front_matter_is_reported_on_one_line(tmp_path):
    path = _write(tmp_path, "bad.md", "---\ntitle: [unclosed\nurl: x\n---\ntext\n")
    with pytest.raises(UnreadableFileError) as err:
        load_document(path)
    message = str(err.value)
    assert "\n" not in message and "front matter" in message and "not valid YAML" in message


def test_markdown_rule_at_top_is_not_front_matter(tmp_path):
    doc = _load(tmp_path, "rules.md", "---\nJust a line between rules.\n---\n\nMore text.\n")
    assert doc.text == "Just a line between rules.\n\nMore text."
    assert doc.headings == ((0, len("Just a line between rules.")),)  # setext: the line above "---"


def test_header_format_metadata(tmp_path):
    doc = _load(tmp_path, "article.txt", (
        "Id: art-1\nTitle: An Article\nURL: https://example.org/a (source: repo @ abc)\nLanguage: en\n"
        "Licence: CC BY-SA 4.0\nNotes: plain-text rendering\nExcerpt: lead only\n=== TEXT ===\n"
        "First line of text.\n\nSecond paragraph.\n"
    ))
    assert (doc.doc_id, doc.title, doc.url, doc.lang, doc.licence) == (
        "art-1", "An Article", "https://example.org/a", "en", "CC BY-SA 4.0")
    assert doc.extra == {"notes": "plain-text rendering", "excerpt": "lead only", "url_note": "(source: repo @ abc)"}
    assert doc.text == "First line of text.\n\nSecond paragraph.\n"  # only the newline after the marker dropped


def test_header_format_url_without_address(tmp_path):
    doc = _load(tmp_path, "n.txt", "Title: T\nURL: (none given)\n=== TEXT ===\nテキストです。\n")
    assert doc.url == "" and doc.extra["url_note"] == "(none given)" and doc.lang == "ja"


def test_header_like_lines_without_marker_are_text(tmp_path):
    doc = _load(tmp_path, "memo.txt", "Subject: lunch\nWhen: noon\n\nSee you there.\n")
    assert doc.text.startswith("Subject: lunch") and doc.title == "Subject: lunch" and doc.extra == {}


# --- titles and languages -------------------------------------------------------------------------------


def test_title_from_first_heading_or_line(tmp_path):
    assert _load(tmp_path, "a.md", "Intro line\n\n## The Heading\n\ntext").title == "The Heading"
    assert _load(tmp_path, "b.txt", "= Wiki Title =\n\nBody.").title == "Wiki Title"
    assert _load(tmp_path, "c.txt", "\n\n  First   line here  \nsecond").title == "First line here"
    long_line = "word " * 40
    title = _load(tmp_path, "d.txt", long_line).title
    assert title.endswith("…") and len(title) <= 81 and long_line.startswith(title[:-1])


def test_title_from_html_title_then_h1(tmp_path):
    page = "<html><head><title> Page &amp; Co </title></head><body><h1>Big</h1><p>x</p></body></html>"
    assert _load(tmp_path, "a.html", page).title == "Page & Co"
    assert _load(tmp_path, "b.html", "<body><h1>Only <em>H1</em></h1><p>x</p></body>").title == "Only H1"


def test_language_detected_and_declared(tmp_path):
    assert _load(tmp_path, "ja.txt", "これは日本語の文章です。GPT-4oについて。").lang == "ja"
    assert _load(tmp_path, "en.txt", "This is English about 東京.").lang == "en"
    assert _load(tmp_path, "p.html", '<html lang="ja-JP"><body><p>Short English words</p></body></html>').lang == "ja"
    assert _load(tmp_path, "q.md", "---\nlang: en-US\n---\n日本語の本文です。").lang == "en"
    doc = _load(tmp_path, "r.md", "---\nlang: fr\n---\nこれは日本語です。")
    assert doc.lang == "ja" and doc.extra["declared_language"] == "fr"


# --- doc ids --------------------------------------------------------------------------------------------


def test_derived_doc_id_and_source(tmp_path):
    path = _write(tmp_path, "sub/My Article (v2).txt", "text")
    doc = load_document(path)
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    assert doc.doc_id == f"my-article-v2-{digest}" and doc.source == str(path.resolve())
    other = load_document(_write(tmp_path, "other/My Article (v2).txt", "text"))
    assert other.doc_id != doc.doc_id  # same stem, other folder


def test_japanese_stem_gets_doc_prefix(tmp_path):
    doc = _load(tmp_path, "効果的利他主義.txt", "本文です。")
    assert doc.doc_id.startswith("doc-") and len(doc.doc_id) == 12
    assert _load(tmp_path, "Café_記事.md", "text").doc_id.startswith("cafe-")


@pytest.mark.parametrize("bad", ["has space", "x" * 129, "a/b", "日本語", "quote'"])
def test_invalid_explicit_id_is_rejected(tmp_path, bad):
    path = _write(tmp_path, "x.md", f"---\nid: \"{bad}\"\n---\ntext\n")
    with pytest.raises(UnreadableFileError) as err:
        load_document(path)
    assert "invalid id" in str(err.value) and "\n" not in str(err.value) and err.value.fix


@pytest.mark.parametrize("good", ["a", "A.b-c_d:1", "x" * 128, "2024"])
def test_valid_explicit_ids(tmp_path, good):
    assert _load(tmp_path, "x.txt", f"Id: {good}\n=== TEXT ===\ntext").doc_id == good


# --- HTML -----------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><title>T</title><style>p {color: red}</style>
<script>var s = "<p>script text</p>";</script></head><body>
<header><a href="/">SiteName</a></header><nav><a href="/x">Menu item</a></nav>
<main><article><header><h1>The <em>Real</em>
  Title</h1></header>
<p>First   paragraph with <a href="x">a link</a>, <strong>bold</strong> and <code>f()</code>.
 Entities: &amp; &lt;tag&gt; &eacute; &#x263A;&nbsp;end.</p>
<h2>List &amp; Table</h2>
<ul><li>one</li><li><p>two</p></li><li>three<ul><li>sub</li></ul></li></ul>
<ol><li>first</li><li>second</li></ol>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
<pre>
code  kept
  as is</pre>
<p>line1<br>line2</p><div hidden>hidden text</div><div style="display:none">invisible</div>
<p>日本語の
文章です。</p><noscript>Enable JS</noscript><form><input value="Search"></form>
<aside>Related links</aside><!-- comment --></article></main>
<footer>Copyright footer</footer><div role="navigation">Role nav</div><svg><text>svg text</text></svg>
</body></html>"""


def test_html_rendering():
    page = html_to_text(PAGE)
    assert page.text == (
        "The Real Title\n\n"
        "First paragraph with a link, bold and f(). Entities: & <tag> é ☺ end.\n\n"
        "List & Table\n\n- one\n- two\n- three\n  - sub\n\n1. first\n2. second\n\n"
        "A | B\n1 | 2\n\ncode  kept\n  as is\n\nline1\nline2\n\n日本語の文章です。"
    )
    assert _headings(page.text, page.headings) == ["The Real Title", "List & Table"]
    assert (page.title, page.lang) == ("T", "en")


@pytest.mark.parametrize("chrome", ["SiteName", "Menu item", "script text", "color", "hidden text", "invisible",
                                    "Enable JS", "Search", "Related links", "comment", "Copyright footer",
                                    "Role nav", "svg text"])
def test_html_site_chrome_and_hidden_content_dropped(chrome):
    assert chrome not in html_to_text(PAGE).text


def test_html_document_headings_and_blank_lines(tmp_path):
    doc = _load(tmp_path, "p.html", "<h1>A</h1>\n\n\n<p>x</p><p></p><p> </p><h3>B <small>c</small></h3>y<br><br><br>z")
    assert doc.text == "A\n\nx\n\nB c\n\ny\n\nz"
    assert _headings(doc) == ["A", "B c"] and doc.format == "html"


def test_html_without_text_is_rejected(tmp_path):
    with pytest.raises(UnreadableFileError, match="has no text"):
        _load(tmp_path, "e.html", "<html><head><title>x</title></head><body><script>x()</script></body></html>")


# --- Markdown -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("**bold** and *em* and __strong__ and _em_", "bold and em and strong and em"),
        ("snake_case_name and a_b_c and x_1 stay", "snake_case_name and a_b_c and x_1 stay"),
        ("変数_名_は ok", "変数_名_は ok"),
        ("5 * 3 * 2 and 2*3*4", "5 * 3 * 2 and 2*3*4"),
        ("日本語の**太字**です", "日本語の太字です"),
        ("a [link](https://x.org/a_(b) \"t\") and [ref][r] and [1]", "a link and ref and [1]"),
        ("before ![alt text](img.png) after", "before after"),
        ("`code *not em*` and ``a ` b``", "code *not em* and a ` b"),
        ("\\*literal\\* &amp; &copy; <https://a.b/c>", "*literal* & © https://a.b/c"),
        ("<span>inline</span> html<br> and List<String>", "inline html and List<String>"),
        ("~~gone~~ markers", "gone markers"),
        ("* star item\n+ plus item\n- dash item\n1. one\n2) two", "- star item\n- plus item\n- dash item\n1. one\n2) two"),
        ("> quoted **line**\n> > nested", "quoted line\nnested"),
        ("```python\nx = a_b_c * 2  # *no*\n```", "x = a_b_c * 2  # *no*"),
        ("text\n<!-- hidden\ncomment -->\nmore <!-- inline --> end", "text\nmore end"),
        ("| A | B `x|y` |\n|---|:--:|\n| 1 | 2 \\| 3 |", "A | B x|y\n1 | 2 | 3"),
        ("para\n\n\n\n***\n\n\nnext", "para\n\nnext"),
        ("hard  \nbreak\\\nend", "hard\nbreak\nend"),
        ("[r]: https://example.com\ntext", "text"),
    ],
)
def test_markdown_rendering(source, expected):
    assert markdown_to_text(source)[0] == expected


def test_markdown_headings_recorded():
    text, spans = markdown_to_text("# Top *one* #\n\nintro\n\nSetext\n======\n\nSub\n---\n\n###### Six\n#no\n")
    assert text == "Top one\n\nintro\n\nSetext\n\nSub\n\nSix\n#no"
    assert _headings(text, spans) == ["Top one", "Setext", "Sub", "Six"]


def test_txt_wiki_headings_stay_in_text(tmp_path):
    doc = _load(tmp_path, "w.txt", "= Title =\n\nText.\n\n== Section two ==\nMore.\n")
    assert doc.text == "= Title =\n\nText.\n\n== Section two ==\nMore.\n"
    assert _headings(doc) == ["Title", "Section two"]


# --- finding inputs -------------------------------------------------------------------------------------


def test_find_inputs_walks_folders(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.html", "sub/deeper/d.HTM", "sub/e.markdown", "z.pdf", "image.png",
                 ".hidden.txt", ".git/x.txt", "sub/.cache/y.md", "README.md", "sub/SOURCES.md"]:
        _write(tmp_path, name, "text")
    files, skipped = find_inputs([tmp_path])
    rel = [p.relative_to(tmp_path).as_posix() for p in files]
    assert rel == ["a.txt", "b.md", "sub/c.html", "sub/e.markdown", "sub/deeper/d.HTM"]
    assert skipped == []  # unsupported types inside folders are ignored silently
    assert list(iter_input_files([tmp_path])) == files


def test_find_inputs_explicit_paths(tmp_path):
    hidden = _write(tmp_path, ".hidden.md", "text")
    pdf = _write(tmp_path, "paper.pdf", "%PDF-")
    readme = _write(tmp_path, "README.md", "text")
    plain = _write(tmp_path, "a.txt", "text")
    missing = tmp_path / "nope.txt"
    files, skipped = find_inputs([hidden, str(pdf), missing, readme, plain, tmp_path / "a.txt"])
    assert files == [hidden, readme, plain]  # explicit files load even if hidden; duplicates once
    assert [p for p, _ in skipped] == [pdf, missing]
    assert "unsupported file type .pdf" in skipped[0][1] and ".txt" in skipped[0][1]
    assert skipped[1][1] == "no such file or folder"
    assert list(iter_input_files([missing, pdf, plain])) == [plain]


def test_load_document_errors_are_one_line(tmp_path):
    for path, expected in [(tmp_path / "missing.txt", "cannot read"), (_write(tmp_path, "x.pdf", "t"), "unsupported"),
                           (tmp_path, "unsupported")]:
        with pytest.raises(UnreadableFileError) as err:
            load_document(path)
        assert expected in str(err.value) and "\n" not in str(err.value)
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(UnreadableFileError, match="cannot read"):
        load_document(folder)


# --- the bundled corpus ---------------------------------------------------------------------------------


def test_bundled_corpus_dir_found_and_complete():
    folder = bundled_corpus_dir()
    assert folder.is_dir() and (folder / "SOURCES.md").is_file() and (folder / "README.md").is_file()
    files, skipped = find_inputs([folder])
    assert sorted(p.stem for p in files) == sorted(CORPUS) and skipped == []
    sources = (folder / "SOURCES.md").read_text(encoding="utf-8")
    for doc_id in CORPUS:
        assert f"`{doc_id}`" in sources
    assert "Copyright (c) 2023 LMSYS Org" in sources and "Permission is hereby granted" in sources


def test_bundled_corpus_dir_missing_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "__file__", str(tmp_path / "ingest" / "loaders.py"))
    with pytest.raises(KonkyoError) as err:
        bundled_corpus_dir()
    assert err.value.fix and "corpus" in str(err.value)


@pytest.mark.parametrize("doc_id", sorted(CORPUS))
def test_bundled_corpus_documents(doc_id):
    path = bundled_corpus_dir() / f"{doc_id}.txt"
    raw = path.read_text(encoding="utf-8")
    header = dict(line.split(": ", 1) for line in raw.split("\n=== TEXT ===\n")[0].split("\n"))
    doc = load_document(path)
    lang, url, licence = CORPUS[doc_id]
    assert (doc.doc_id, doc.lang, doc.url, doc.encoding, doc.format) == (doc_id, lang, url, "utf-8", "txt")
    assert doc.title == header["Title"] and doc.title
    assert doc.licence == header["Licence"] and doc.licence.startswith(licence)
    assert doc.text == raw.split("\n=== TEXT ===\n", 1)[1]
    assert all(doc.text[a:b].strip() == doc.text[a:b] != "" for a, b in doc.headings)
    assert raw.startswith(f"Id: {doc_id}\n")


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("doc_id", sorted(CORPUS))
def test_bundled_corpus_matches_shared_source(doc_id):
    ours = (bundled_corpus_dir() / f"{doc_id}.txt").read_bytes()
    source = (SHARED / f"{doc_id}.txt").read_bytes()
    assert ours == f"Id: {doc_id}\n".encode() + source  # one header line added, nothing else changed
    marker = b"\n=== TEXT ===\n"
    assert load_document(bundled_corpus_dir() / f"{doc_id}.txt").text.encode() == source.split(marker, 1)[1]


def test_corpus_headings_found():
    doc = load_document(bundled_corpus_dir() / "en_wikipedia_sam_altman.txt")
    assert _headings(doc)[:2] == ["Sam Altman", "Early life and education"]
    doc = load_document(bundled_corpus_dir() / "ja_wikipedia_kouka_teki_ritashugi.txt")
    assert {"原理", "費用有効性"} <= set(_headings(doc))
    doc = load_document(bundled_corpus_dir() / "en_lmsys_blog_arena_policy_2024.txt")
    assert {"Our Mission", "Our Progress", "FAQ"} <= set(_headings(doc))


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")
