"""Split Japanese and English article text into sentence spans that index into the original string.

``split_sentences(text, lang, headings)`` never alters the text: every span is ``text[start:end]``,
stripped of white space, and together the spans cover each non-white-space character exactly once.

How text is cut, from coarse to fine:

1. Heading spans given by the loader are cut out first; each line inside one is a ``"heading"`` unit.
2. Blank lines always end a unit (they separate *blocks*).
3. Inside a block, a line break ends a unit when the document is Japanese (``lang="ja"``), when either
   line is mostly Japanese, or when the lines are list items, table rows (``a | b``) or ``Key: value``
   pairs. Otherwise (wrapped English prose) the lines are read as one paragraph.
4. Inside a unit, sentences end at 。．！？ and at ASCII ?! after Japanese characters (always), and at
   English . ? ! only before white space and a word that does not start in lower case. Abbreviations,
   initials, decimals, URLs, version numbers, ellipses, caption labels ("Table 1.") and list markers
   ("1.") do not end a sentence, nor does anything inside matched brackets or 「」『』“”. A closing
   quote or bracket, and a citation mark like "[1]", after the stop belong to the sentence.

Heading heuristic (conservative): the first line of a block (blank line or start of text before it)
is a heading if it is short (<= 60 characters when mostly Japanese, else <= 80), has a letter, is no
list item, table row or ``Key: value`` line, has no sentence boundary inside, and does not end in
sentence punctuation (。．！？!?.…) or a continuation mark (, 、 : ; - ( 「) or, in Latin script, a
function word ("of", "the", ...). If text follows directly on the next line, that line must be longer
or a list item, and a Latin heading must not start in lower case. One exception: a Japanese line that
stands alone between blank lines and ends in ?/？ is a title ("GPT-4oを開発したOMNIチームとは?") unless
it is a polite question addressed to the reader ("…してみませんか?", "…でしょうか?").
``= Title =`` (wiki) and ``# Title`` (Markdown) lines are always headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ingest.types import SentenceKind, SentenceSpan

Span = tuple[int, int]

_JA_STOPS = "。．！？"
_STOPS = ".!?…‥" + _JA_STOPS
_CLOSERS = "\"'”’)]}）」』】〕》〉］｝»›"
_OPENERS = "\"'“‘([{（「『【〔《〈［｛«‹"
_PAIRS = {"(": ")", "[": "]", "{": "}", "（": "）", "「": "」", "『": "』", "【": "】",
          "〔": "〕", "《": "》", "〈": "〉", "［": "］", "｛": "｝", "“": "”"}
# After a quote that ends in a stop, these continue the sentence: 「…です。」と述べた。
_JA_PARTICLES = "とっのはがをにでもやかへ、，,・"

_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_LIST_RE = re.compile(
    r"[ \t\u3000]*(?:[-*+–](?=\s)|[•・●○■□◆◇▪▸►‣]|[(（][0-9０-９]{1,3}[)）]|[①-⑳]"
    r"|[0-9０-９]{1,3}[.)．）](?=\s|[\u3040-\u30ff\u4e00-\u9fff]))[ \t\u3000]*"
)
_TABLE_RE = re.compile(r"^\s*\||\s\|\s")
_KEY_VALUE_RE = re.compile(r"^[^:：]{1,40}[:：](?!//)\s*\S")
_WIKI_HEADING_RE = re.compile(r"(=+)\s*\S.*?\s*\1|#{1,6}\s+\S.*")
_CAPTION_RE = re.compile(
    r"(?i)(?:table|figure|fig\.?|chart|exhibit|plate|step|section|chapter|part|appendix|algorithm"
    r"|listing|example|equation|eq\.?|lemma|theorem|definition|図|表)\s*[0-9A-Z][\w.\-]*"
)
_CITATION_RE = re.compile(r"(?:\[[^\[\]\s]{1,20}\])+")
_NEXT_WORD_RE = re.compile(r"\s*[" + re.escape(_OPENERS) + r"]*(\S*)")
_LAST_WORD_RE = re.compile(r"(?<![0-9A-Za-z])(?:[A-Za-z]+\.)*[A-Za-z]+$")  # "U.S", "Dr", not "1st"
_POLITE_QUESTION_RE = re.compile(r"(?:ます|ません|ましょう|です|でしょう)か[?？]$")

# Never end a sentence: titles, Latin shorthands, months.
_NEVER = set(
    "mr mrs ms dr prof st mt sen rep gov gen lt col capt sgt rev hon fr pres messrs mme mlle vs v "
    "e.g i.e cf viz approx ca dept est ave blvd jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Do not end a sentence when a number follows: "No. 5", "Ver. 2", "Fig. 3".
_BEFORE_NUMBER = set("no nos vol vols ver fig figs eq eqs sec ch chap pp p art op ed ref refs nr tab".split())
# Often end a sentence too: split only when a typical sentence opener follows ("…, etc. The next").
_AMBIGUOUS = set("etc inc ltd co corp llc plc jr sr al esq bros".split())
_OPENER_WORDS = set(
    "the this that these those it its he she they we i you a an in on at as but and however there his "
    "her their our my when if after before since for so then also some many most one today yet what "
    "why how who where while although though during thus hence still".split()
)
_FUNCTION_WORDS = set(
    "a an the of to and or in on for with by at from is are was were be that which as but if than "
    "into its their our his her this these".split()
)


def split_sentences(text: str, lang: str, headings: Sequence[tuple[int, int]] = ()) -> list[SentenceSpan]:
    """Sentence spans of ``text`` in order; ``headings`` are heading spans known from markup."""
    ja_doc = str(lang or "").lower().startswith("ja")
    spans: list[SentenceSpan] = []
    for start, end, is_heading in _segments(text, headings):
        if is_heading:
            for line in _lines(text, start, end):
                spans.extend(_emit(text, line[0], [], line[1], "heading"))
            continue
        for block in _blocks(text, start, end):
            spans.extend(_split_block(text, block, ja_doc))
    return spans


# --- coarse structure: heading segments, blocks, lines ---------------------------------------------


def _segments(text: str, headings: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """Cut the text at given headings; overlapping or empty heading spans are ignored."""
    pos = 0
    for raw_start, raw_end in sorted(headings):
        start, end = max(raw_start, 0), min(raw_end, len(text))
        if start >= end:
            continue
        start, end = _widen_heading(text, start, end)
        if start < pos:
            continue  # overlaps the previous heading
        yield pos, start, False
        yield start, end, True
        pos = end
    yield pos, len(text), False


def _widen_heading(text: str, start: int, end: int) -> Span:
    """Take in the rest of the heading's line when it is only markup ("== ", "# "), so no stray "#"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not any(ch.isalnum() for ch in text[line_start:start]):
        start = line_start
    if not any(ch.isalnum() for ch in text[end:line_end]):
        end = line_end
    return start, end


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    """Non-blank lines in [start, end), without their line break."""
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline == -1 else newline
        if text[pos:line_end].strip():
            yield pos, line_end
        pos = line_end + 1


def _blocks(text: str, start: int, end: int) -> Iterator[list[Span]]:
    """Runs of non-blank lines separated by blank lines."""
    block: list[Span] = []
    for line in _lines(text, start, end):
        if block and text[block[-1][1] : line[0]].count("\n") > 1:
            yield block
            block = []
        block.append(line)
    if block:
        yield block


# --- line classification -------------------------------------------------------------------------


def _mostly_japanese(line: str) -> bool:
    cjk = len(_CJK_RE.findall(line))
    return cjk > 0 and cjk * 3 >= len(_LATIN_RE.findall(line))


def _is_list_item(line: str) -> bool:
    return _LIST_RE.match(line) is not None


def _is_structured(line: str) -> bool:
    return _is_list_item(line) or _TABLE_RE.search(line) is not None


def _hard_break(text: str, prev: Span, line: Span, ja_doc: bool, in_list: bool) -> bool:
    """Does the line break between ``prev`` and ``line`` end a unit?"""
    a, b = text[prev[0] : prev[1]], text[line[0] : line[1]]
    if ja_doc or _mostly_japanese(a) or _mostly_japanese(b):
        return True
    if _is_structured(b) or _TABLE_RE.search(a):
        return True
    if in_list:  # an indented line continues a list item; anything else ends it
        return not b[:1].isspace()
    return bool(_KEY_VALUE_RE.match(a.strip()) and _KEY_VALUE_RE.match(b.strip()))


def _is_heading(text: str, block: list[Span]) -> bool:
    """Heuristic: is the block's first line a title? (See the module docstring.)"""
    start, end = _strip(text, *block[0])
    line = text[start:end]
    if _WIKI_HEADING_RE.fullmatch(line):
        return True
    japanese = _mostly_japanese(line)
    if (
        len(line) > (60 if japanese else 80)
        or not any(ch.isalpha() for ch in line)
        or _is_structured(line)
        or _KEY_VALUE_RE.match(line)
        or _boundaries(text, start, end)
    ):
        return False
    if line[-1] in "?？" and _is_cjk(line[-2:-1]):  # a Japanese title question, standing alone
        return len(block) == 1 and not _POLITE_QUESTION_RE.search(line)
    if line[-1] in _STOPS + ",、;；:：-–—(（「『/":
        return False
    last_word = line.split()[-1].lower()
    if not japanese and last_word in _FUNCTION_WORDS:
        return False
    if len(block) == 1:
        return True
    following = text[block[1][0] : block[1][1]]
    if not japanese and line[0].islower():
        return False
    return _is_structured(following) or len(following.strip()) > len(line)


# --- sentence boundaries inside a unit -----------------------------------------------------------


def _split_block(text: str, block: list[Span], ja_doc: bool) -> Iterator[SentenceSpan]:
    if _is_heading(text, block):
        yield from _emit(text, block[0][0], [], block[0][1], "heading")
        block = block[1:]
    if not block:
        return
    unit_start, unit_end = block[0]
    in_list = _is_list_item(text[unit_start:unit_end])
    for prev, line in zip(block, block[1:]):
        if _hard_break(text, prev, line, ja_doc, in_list):
            yield from _emit(text, unit_start, _boundaries(text, unit_start, unit_end), unit_end, "sentence")
            unit_start, in_list = line[0], _is_list_item(text[line[0] : line[1]])
        unit_end = line[1]
    yield from _emit(text, unit_start, _boundaries(text, unit_start, unit_end), unit_end, "sentence")


def _emit(text: str, start: int, cuts: list[int], end: int, kind: SentenceKind) -> Iterator[SentenceSpan]:
    for a, b in zip([start, *cuts], [*cuts, end]):
        s, e = _strip(text, a, b)
        if s < e:
            yield SentenceSpan(s, e, kind)


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside_brackets(text: str, start: int, end: int) -> list[bool]:
    """For each position in the unit: is it inside a *matched* bracket or quote pair?"""
    depth_change = [0] * (end - start + 1)
    stack: list[tuple[str, int]] = []
    for i in range(start, end):
        ch = text[i]
        if ch in _PAIRS:
            stack.append((_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:  # unmatched closers ("1) item") are ignored
            _, opened = stack.pop()
            depth_change[opened + 1 - start] += 1
            depth_change[i - start] -= 1
    inside, depth = [], 0
    for change in depth_change[:-1]:
        depth += change
        inside.append(depth > 0)
    return inside


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets where a sentence ends inside the unit [start, end)."""
    marker = _LIST_RE.match(text, start, end)  # a list marker ("1.") is no sentence end
    i = marker.end() if marker else start
    inside = _inside_brackets(text, start, end)
    cuts: list[int] = []
    while i < end:
        ch = text[i]
        closes_quote = ch in _CLOSERS and i > start and text[i - 1] in _STOPS
        if inside[i - start] or not (ch in _STOPS or closes_quote):
            i += 1
            continue
        stop_start = i
        while stop_start > start and text[stop_start - 1] in _STOPS:
            stop_start -= 1
        stop_end = i
        while stop_end < end and text[stop_end] in _STOPS:
            stop_end += 1
        j = stop_end
        while j < end and text[j] in _CLOSERS:
            j += 1
        citation = _CITATION_RE.match(text, j, end)
        after = citation.end() if citation else j
        if after < end and _ends_sentence(text, start, stop_start, stop_end, j, after, end):
            cuts.append(after)
        i = max(after, i + 1)
    return cuts


def _is_cjk(ch: str) -> bool:
    """Japanese letters and full-width punctuation: the context in which ASCII ?! end a sentence."""
    if not ch:
        return False
    return _CJK_RE.match(ch) is not None or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff60"


def _ends_sentence(text: str, unit: int, s0: int, s1: int, closed: int, after: int, end: int) -> bool:
    """Is the stop text[s0:s1] (closers up to ``closed``, citations up to ``after``) a sentence end?"""
    stop, nxt = text[s0:s1], text[after]
    before = text[s0 - 1] if s0 > unit else ""
    if any(c in _JA_STOPS for c in stop) or (("?" in stop or "!" in stop) and _is_cjk(before)):
        if stop == "．" and before.isdigit() and nxt.isdigit():
            return False  # "１．５"
        return not (closed > s1 and nxt in _JA_PARTICLES)
    if not nxt.isspace():  # URLs, decimals, versions: "3.5", "chat.lmsys.org", "v1.2.3"
        return stop in ".?!" and _is_cjk(before) and _is_cjk(nxt)
    word = _next_word(text, after, end)
    if not word or word[0].islower():
        return False
    if "?" in stop or "!" in stop:
        return True
    if stop != ".":
        return False  # an ellipsis continues the sentence
    return _period_ends(text, unit, s0, word)


def _next_word(text: str, pos: int, end: int) -> str:
    match = _NEXT_WORD_RE.match(text, pos, end)
    return match.group(1) if match else ""


def _period_ends(text: str, unit: int, dot: int, next_word: str) -> bool:
    """English '.' followed by white space and a word that is not lower case."""
    marker = _LIST_RE.match(text, unit, dot)
    line_start = marker.end() if marker else unit
    if dot - line_start < 40 and _CAPTION_RE.fullmatch(text[line_start:dot].strip()):
        return False  # "Table 1. LLM Leaderboard"
    last_word = _LAST_WORD_RE.search(text, max(unit, dot - 40), dot)
    word = last_word.group() if last_word else ""
    lower = word.lower()
    opener = next_word.strip(_CLOSERS + ".,;:").lower() in _OPENER_WORDS
    if lower in _NEVER:
        return False
    if lower in _BEFORE_NUMBER and next_word[0].isdigit():
        return False
    if lower in _AMBIGUOUS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", lower) or re.fullmatch(r"[A-Z]", word):
        return opener  # initials ("Joseph E. Gonzalez"), "U.S.", "etc."
    return True
