"""Pack whole sentences into token-budgeted chunks. Chunks exist to retrieve sentences, not to be cited."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.types import SentenceSpan


@dataclass(frozen=True)
class Chunk:
    """Sentences ``first``..``last`` (inclusive) of a document; ``text[start:end]`` is the chunk."""

    index: int
    start: int
    end: int
    first: int
    last: int
    heading: str  # the heading the chunk's text stands under ("" before the first heading)

    def embed_text(self, text: str) -> str:
        """What the embedder sees: the chunk, led by its heading when the heading is not already in it."""
        body = text[self.start : self.end]
        if self.heading and not body.startswith(self.heading):
            return f"{self.heading}\n{body}"
        return body


def chunk_sentences(
    text: str,
    sentences: Sequence[SentenceSpan],
    count_tokens: Callable[[str], int],
    max_tokens: int,
    overlap: int = 1,
) -> list[Chunk]:
    """Greedy packing: a chunk closes when the next sentence would pass ``max_tokens``.

    A heading opens a new chunk (so it travels with the text under it) and never ends one.
    ``overlap`` sentences are repeated at the start of the next chunk within a section.
    A single sentence longer than the budget becomes a chunk of its own: sentences are never cut.
    """
    # +1 per sentence: the white space between sentences costs about a token.
    cost = [count_tokens(text[s.start : s.end]) + 1 for s in sentences]
    groups: list[tuple[int, int]] = []
    first, used = 0, 0
    for i, sentence in enumerate(sentences):
        has_body = any(sentences[j].kind != "heading" for j in range(first, i))
        starts_section = sentence.kind == "heading" and has_body
        # Headings alone never make a chunk: they wait for the first sentence under them.
        if has_body and (starts_section or used + cost[i] > max_tokens):
            cut = _cut_before_trailing_headings(sentences, first, i)
            groups.append((first, cut - 1))
            first = cut if starts_section or cut < i else _overlap_start(sentences, cost, cut, i, overlap, max_tokens)
            used = sum(cost[first:i])
        used += cost[i]
    if sentences:
        groups.append((first, len(sentences) - 1))
    return [_make_chunk(n, text, sentences, a, b) for n, (a, b) in enumerate(groups)]


def _cut_before_trailing_headings(sentences: Sequence[SentenceSpan], first: int, end: int) -> int:
    """Index where the closing chunk should end (exclusive), so that it does not end on a heading."""
    cut = end
    while cut - 1 > first and sentences[cut - 1].kind == "heading":
        cut -= 1
    return cut


def _overlap_start(
    sentences: Sequence[SentenceSpan],
    cost: Sequence[int],
    cut: int,
    nxt: int,
    overlap: int,
    max_tokens: int,
) -> int:
    """First sentence of the next chunk: up to ``overlap`` body sentences before ``cut``, if they fit."""
    start = cut
    while (
        start > 0
        and cut - start < overlap
        and sentences[start - 1].kind != "heading"
        and sum(cost[start - 1 : nxt + 1]) <= max_tokens
    ):
        start -= 1
    return start


def _make_chunk(
    index: int, text: str, sentences: Sequence[SentenceSpan], first: int, last: int
) -> Chunk:
    heading = ""
    for j in range(last, -1, -1):
        if sentences[j].kind == "heading":
            heading = text[sentences[j].start : sentences[j].end]
            break
    return Chunk(
        index=index,
        start=sentences[first].start,
        end=sentences[last].end,
        first=first,
        last=last,
        heading=heading,
    )
