"""An Answer as readable terminal text: the answer, then each cited passage with its source."""

from __future__ import annotations

from rag.answer import Answer


def render(answer: Answer) -> str:
    lines = [answer.text]
    if answer.citations:
        lines.append("")
    for c in answer.citations:
        tag = "speculative" if c.speculative else "asserted"
        cues = f" ({', '.join(c.cues)})" if c.cues else ""
        source = f"{c.title}" + (f" <{c.url}>" if c.url else "")
        lines.append(f"[{c.n}] {source} [{c.lang}, {tag}{cues}] chars {c.char_start}-{c.char_end}")
        lines.append(f"    {c.quote}")
    return "\n".join(lines)
