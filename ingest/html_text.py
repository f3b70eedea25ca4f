"""Render an HTML page to the plain text konkyo stores: the article's words, one block per line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ingest.language import is_japanese_char

_DROP = {"script", "style", "noscript", "template", "svg", "nav", "form", "iframe", "head", "button",
         "select", "textarea", "object", "embed", "canvas", "audio", "video", "map", "dialog", "title",
         "meta", "link", "base"}  # the last four: a page without <head> has them in the body
_CHROME = {"footer", "aside"}  # site chrome (a page-level <header> too, see _skipped)
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search"}
_PARAGRAPHS = {"p", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "section", "article", "main",
               "address", "hr", "details", "fieldset", "header", "footer", "aside"}
_LINES = {"div", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "legend", "body", "html"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space; U+00A0 is content, not markup
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class HtmlText:
    text: str
    headings: tuple[tuple[int, int], ...]
    title: str  # <title>, else the first <h1>, else ""
    lang: str  # <html lang>, as written
    url: str  # rel=canonical or og:url


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def html_to_text(html: str) -> HtmlText:
    soup = BeautifulSoup(html, "html.parser")
    writer = _Writer()
    _walk(soup, writer, pre=False)
    text, headings = writer.result()
    root = soup.find("html")
    lang = str(root.get("lang") or "") if isinstance(root, Tag) else ""
    return HtmlText(text, headings, _title(soup), lang.strip(), _canonical_url(soup))


class _Writer:
    """Appends text so that what is written is final: heading offsets never need fixing afterwards."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.breaks = 0  # newlines owed before the next word: 1 = line, 2 = blank line
        self.space = ""  # collapsed white space owed before the next word, "" if none
        self.after_marker = False  # a list marker was just written: its text follows on the same line
        self.heading_start: int | None = None
        self.in_heading = False
        self.headings: list[tuple[int, int]] = []

    def last(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def put(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.size += len(chunk)

    def line_break(self, count: int) -> None:
        if count and not self.after_marker:
            self.breaks = max(self.breaks, count)
            self.space = ""

    def words(self, text: str) -> None:
        for piece in re.split(f"({_SPACES.pattern})", text):
            if _SPACES.fullmatch(piece):
                self.space = self.space or piece
            elif piece:
                self.word(piece.replace("\xa0", " "))

    def word(self, word: str, marker: bool = False) -> None:
        if self.breaks and self.parts:
            self.trim()
            self.put("\n" * self.breaks)
        elif self.space and self.last() not in " \n" and not self.joins(word):
            self.put(" ")
        self.breaks, self.space, self.after_marker = 0, "", marker
        if self.in_heading and self.heading_start is None:
            self.heading_start = self.size
        self.put(word)

    def joins(self, word: str) -> bool:
        # A line break inside Japanese running text is source formatting, not a space (as browsers do).
        return "\n" in self.space and is_japanese_char(self.last()) and is_japanese_char(word[0])

    def verbatim(self, text: str) -> None:
        if text:
            self.word(text[:1])
            self.put(text[1:])

    def open_heading(self) -> None:
        self.line_break(2)
        self.in_heading, self.heading_start = True, None

    def close_heading(self) -> None:
        if self.heading_start is not None:
            self.headings.append((self.heading_start, self.size))
        self.in_heading, self.heading_start = False, None
        self.line_break(2)

    def trim(self) -> None:
        # White space before a line break: only <pre> text leaves any, and never inside a heading.
        while self.parts and self.parts[-1] != self.parts[-1].rstrip():
            stripped = self.parts[-1].rstrip()
            self.size -= len(self.parts[-1]) - len(stripped)
            self.parts[-1:] = [stripped] if stripped else []

    def result(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        self.trim()
        return "".join(self.parts), tuple(self.headings)


def _walk(node: Tag, writer: _Writer, pre: bool) -> None:
    for child in node.children:
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            text = str(child)
            if not pre:
                writer.words(text)
                continue
            if node.name == "pre" and node.contents[0] is child and text.startswith("\n"):
                text = text[1:]  # HTML ignores a newline right after <pre>
            writer.verbatim(text)
        elif isinstance(child, Tag) and not _skipped(child):
            _element(child, writer, pre)


def _skipped(tag: Tag) -> bool:
    name = tag.name.lower()
    if name in _DROP or tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    if str(tag.get("role", "")).lower() in _CHROME_ROLES or _HIDDEN_STYLE.search(str(tag.get("style", ""))):
        return True
    if name == "header":  # an article's own header holds its title; the page's is site chrome
        return tag.find_parent(["article", "main", "section"]) is None
    return name in _CHROME


def _element(tag: Tag, writer: _Writer, pre: bool) -> None:
    name = tag.name.lower()
    if name == "br":
        writer.line_break(min(writer.breaks + 1, 2) if writer.parts else 0)
        return
    if name in _HEADINGS:
        writer.open_heading()
        _walk(tag, writer, pre=False)
        writer.close_heading()
        return
    if name == "li" and not tag.get_text(strip=True):
        return  # an empty item would leave a bare "- "
    gap = 2 if name in _PARAGRAPHS else 1 if name in _LINES else 0
    if gap and tag.find_parent("li") is not None:
        gap = 1  # paragraphs and sub-lists inside a list item stay in the list
    writer.line_break(gap)
    if name == "li":
        writer.word(_list_marker(tag), marker=True)
    elif name in ("td", "th") and tag.find_previous_sibling(["td", "th"]) is not None:
        writer.space = " "
        writer.word("|")  # the cells of a row on one line, as in the bundled corpus texts
        writer.space = " "
    _walk(tag, writer, pre or name == "pre")
    writer.after_marker = False
    writer.line_break(gap)


def _list_marker(tag: Tag) -> str:
    depth = len(tag.find_parents(["ul", "ol"])) - 1
    parent = tag.find_parent(["ul", "ol"])
    marker = "- "
    if parent is not None and parent.name == "ol":
        items = parent.find_all("li", recursive=False)
        first = str(parent.get("start", "1")).strip()
        start = int(first) if first.isdigit() else 1
        index = next((i for i, item in enumerate(items) if item is tag), None)
        marker = f"{start + index}. " if index is not None else "- "
    return "  " * max(depth, 0) + marker


def _title(soup: BeautifulSoup) -> str:
    title = soup.find("title")
    if isinstance(title, Tag) and title.get_text(strip=True):
        return " ".join(title.get_text().split())
    first_h1 = soup.find("h1")
    if isinstance(first_h1, Tag):
        return " ".join(first_h1.get_text().split())
    return ""


def _canonical_url(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        return str(link["href"]).strip()
    meta = soup.find("meta", property="og:url")
    return str(meta.get("content", "")).strip() if isinstance(meta, Tag) else ""
