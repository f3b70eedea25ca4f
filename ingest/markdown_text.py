"""Render Markdown to plain text conservatively: drop markup only where it is clearly markup, keep the
words, lines and list markers as written, and record where the headings are."""

from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^([ \t]*\d{1,9}[.)])[ \t]+(.*)$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TARGET = r"\(\s*<?[^()\s>]*(?:\([^()\s]*\)[^()\s>]*)*>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
_LABEL = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"
_IMAGE = re.compile(rf"( ?)!{_LABEL}(?:{_TARGET}|\[[^\[\]]*\])( ?)")
_LINK = re.compile(rf"{_LABEL}(?:{_TARGET}|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[A-Za-z]+)>")
# Only real HTML tag names: "List<String>" in prose is not markup.
_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|center|cite|code|del|details|div|em|figcaption|figure|font|h[1-6]|hr|i|img|ins|kbd"
    r"|mark|p|picture|q|s|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|video)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_COMMENT = re.compile(r"( ?)<!--.*?-->( ?)")
# Emphasis: '*' may not touch an ASCII letter or digit outside ("2*3*4", "a*b") but may touch Japanese
# ("**太字**です"); '_' may touch no word character at all, so snake_case names stay whole.
_EMPHASIS = [
    re.compile(rf"(?<![A-Za-z0-9*\\]){m}(?=[^\s*])(.+?)(?<=[^\s*]){m}(?![A-Za-z0-9*])") for m in (r"\*\*\*", r"\*\*", r"\*")
] + [
    re.compile(rf"(?<![\w\\]){m}(?=[^\s_])(.+?)(?<=[^\s_]){m}(?!\w)") for m in ("___", "__", "_")
] + [re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")]
_Line = tuple[str, str, str]  # (rendered text, kind: blank heading text list code table, source line)
_SLOT = 0x100000  # private-use plane 16: stand-ins for code spans and escaped characters while rendering


def markdown_to_text(source: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """(plain text, spans of the headings in it). ``source`` has \\n newlines and no front matter."""
    lines: list[_Line] = []
    fence: str | None = None
    in_comment = False
    for raw in source.split("\n"):
        if fence is not None:
            if raw.strip().startswith(fence) and not raw.strip().strip(fence[0]):
                fence = None
            else:
                lines.append((raw.rstrip(), "code", raw))
            continue
        line, in_comment = _drop_comments(raw, in_comment)
        if line is None:
            continue
        if opened := _FENCE.match(line):
            fence = opened.group(1)
            continue
        _block(line, lines)
    return _assemble(lines)


def _drop_comments(line: str, in_comment: bool) -> tuple[str | None, bool]:
    """The line without HTML comments (None if nothing is left of it), and whether one is still open."""
    kept = line
    if in_comment:
        if "-->" not in kept:
            return None, True
        kept = kept.split("-->", 1)[1]
    kept = _COMMENT.sub(lambda m: " " if m.group(1) and m.group(2) else "", kept)
    in_comment = "<!--" in kept
    kept = kept.split("<!--", 1)[0]
    return (None if kept != line and not kept.strip() else kept), in_comment


def _block(line: str, lines: list[_Line]) -> None:
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    _, kind, raw = lines[-1] if lines else ("", "blank", "")
    if not line.strip():
        lines.append(("", "blank", line))
    elif atx := _ATX.match(line):
        lines.append((inline(atx.group(2) or "").strip(), "heading", line))
    elif _SETEXT.match(line) and kind == "text":
        lines[-1] = (lines[-1][0].strip(), "heading", raw)
    elif _RULE.match(line) or _REF_DEF.match(line):
        lines.append(("", "blank", line))
    elif _TABLE_RULE.match(line) and "|" in line + raw and kind in ("text", "table"):
        lines[-1] = (_table_row(raw), "table", raw)  # the header row above the rule
    elif kind == "table" and "|" in line:
        lines.append((_table_row(line), "table", line))
    elif line.startswith(("    ", "\t")) and kind in ("blank", "code") and not _in_list(lines):
        lines.append((line.rstrip(), "code", line))  # indented code block
    elif bullet := _BULLET.match(line):
        lines.append((f"{bullet.group(1)}- {inline(bullet.group(2))}".rstrip(), "list", line))
    elif ordered := _ORDERED.match(line):
        lines.append((f"{ordered.group(1)} {inline(ordered.group(2))}".rstrip(), "list", line))
    else:
        text_kind = "list" if kind == "list" and line.startswith((" ", "\t")) else "text"
        lines.append((_hard_break(inline(line)), text_kind, line))


def _in_list(lines: list[_Line]) -> bool:
    kinds = [kind for _, kind, _ in lines if kind != "blank"]
    return bool(kinds) and kinds[-1] == "list"


def _hard_break(line: str) -> str:
    return line[:-1].rstrip() if line.endswith("\\") else line.rstrip()


def _table_row(line: str) -> str:
    # Split the source line on unescaped pipes, then render each cell; rows read "a | b", as in the corpus.
    row = _QUOTE.sub("", line).strip().removeprefix("|")
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    code = [range(*m.span()) for m in _CODE_SPAN.finditer(row)]
    cuts = [i for i, ch in enumerate(row) if ch == "|" and row[i - 1 : i] != "\\" and not any(i in c for c in code)]
    cells = [row[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(row)])]
    return " | ".join(inline(cell).strip() for cell in cells)


def inline(text: str) -> str:
    """Render one line's inline markup: code spans, links, images, emphasis, entities, HTML tags."""
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        code = match.group(2)
        if code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        spans.append(code)
        return chr(_SLOT + len(spans) - 1)

    text = _CODE_SPAN.sub(hold, text)
    text = _ESCAPE.sub(lambda m: chr(_SLOT + 0x8000 + ord(m.group(1))), text)
    text = _IMAGE.sub(lambda m: " " if m.group(1) and m.group(3) else "", text)  # no double space left
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    for _ in range(2):  # twice, for one level of nesting ("**bold _and_ more**")
        for pattern in _EMPHASIS:
            text = pattern.sub(lambda m: m.group(1), text)
    return "".join(_restore(ch, spans) for ch in text)


def _restore(ch: str, spans: list[str]) -> str:
    code = ord(ch) - _SLOT
    if 0 <= code < len(spans):
        return spans[code]
    return chr(code - 0x8000) if 0x8000 <= code < 0x8080 else ch


def _assemble(lines: list[_Line]) -> tuple[str, tuple[tuple[int, int], ...]]:
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    size = 0
    for text, kind, _ in lines:
        if not text.strip() and kind != "code":
            text, kind = "", "blank"  # e.g. a line that held only an image or an HTML tag
        if kind == "blank" and (not parts or parts[-1] == ""):
            continue  # at most one blank line, none at the start
        if parts:
            size += 1  # the newline before this line
        if kind == "heading":
            headings.append((size, size + len(text)))
        parts.append(text)
        size += len(text)
    while parts and parts[-1] == "":
        parts.pop()
    return "\n".join(parts), tuple(headings)
