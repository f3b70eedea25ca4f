"""Is a kanji name written this way in Latin script? 黒羽 ~ Kurobane, 空都 ~ Sorato, 東海南 ~ Tokai Minami.

Sudachi gives one reading per word, and for a name it often guesses wrong (黒羽 -> kuroha, 空都 -> kuto).
A name may take any reading of each of its kanji, including the readings used only in names: these come
from KANJIDIC2 (``rag/data/kanji_readings.tsv.gz``, built by ``rag.readings_build``). The kanji after the
first may voice their first sound (rendaku: 羽 hane -> bane, 崎 saki -> zaki) and a kanji may close on a
doubled consonant (日本 nippon). Long vowels are not written (東 tou -> to), as in most romanised names.
"""

from __future__ import annotations

import functools
import gzip
import re
from pathlib import Path

from rag.names import hepburn

DATA_FILE = Path(__file__).resolve().parent / "data" / "kanji_readings.tsv.gz"
KANJI_RUN = re.compile(r"[\u4e00-\u9fff々]{2,}")
_HIRAGANA = re.compile(r"^[ぁ-ゖ]{2,}")
MIN_NAME = 4  # a shorter romanised word (Ono, Abe) is read as too many kanji pairs to tell anything
_VOICED = {"k": "g", "s": "z", "t": "d", "h": "b", "f": "b"}
_DOUBLING = ("tsu", "chi", "ku", "ki")  # 日 nichi + 本 pon -> nippon


@functools.cache
def _readings() -> dict[str, tuple[str, ...]]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as lines:
        return {kanji: tuple(readings.split()) for kanji, _, readings in (line.rstrip("\n").partition("\t") for line in lines)}


def romaji_key(latin: str) -> str:
    """A romanised word as readings are compared: lower case, long vowels unmarked (Tōkyō, Tokyo, Toukyou,
    Ohno ~ Ono), and m before b or p as the n it writes (Namba ~ Nanba)."""
    text = re.sub(r"[^a-z]", "", latin.lower().translate(str.maketrans("āēīōūâêîôû", "aeiouaeiou")))
    text = re.sub(r"oh(?=[^aeiou]|$)", "o", text)
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        text = text.replace(long, short)
    return re.sub(r"m(?=[bp])", "n", text)


@functools.lru_cache(maxsize=8192)
def _forms(kanji: str, first: bool) -> frozenset[str]:
    forms = set(_readings().get(kanji, ()))
    if not first:
        forms |= {_VOICED[r[0]] + r[1:] for r in forms if r[:1] in _VOICED}
        forms |= {"p" + r[1:] for r in forms if r[:1] in "hf"}  # 本 hon -> pon
        forms |= {"j" + r[2:] for r in forms if r[:2] in ("sh", "ch")}
        forms |= {"z" + r[2:] for r in forms if r.startswith("ts")}
    return frozenset(romaji_key(f) for f in forms)


def _units(name: str) -> list[str]:
    """A name's hiragana opening (read as written) and then its kanji, one by one: みなと屋 -> みなと, 屋."""
    opening = _HIRAGANA.match(name)
    return ([opening.group(0)] if opening else []) + list(name[opening.end() if opening else 0:])


@functools.lru_cache(maxsize=8192)
def _unit_forms(unit: str, first: bool) -> frozenset[str]:
    if _HIRAGANA.fullmatch(unit):  # ひらがな -> katakana -> its romanised spelling
        return frozenset({romaji_key(hepburn("".join(chr(ord(c) + 0x60) for c in unit)))})
    return _forms(unit, first)


def reads_as(kanji: str, latin: str) -> bool:
    """Can ``kanji`` (known kanji, perhaps after an opening in hiragana) be read as the romanised word ``latin``?"""
    target = romaji_key(latin)
    units = _units(kanji)
    if len(target) < MIN_NAME or not kanji or any(u not in _readings() for u in units if not _HIRAGANA.match(u)):
        return False
    reached = {0}
    for i, ch in enumerate(units):
        last = i == len(units) - 1
        nxt: set[int] = set()
        for at in reached:
            for form in _unit_forms(ch, first=i == 0):
                if target.startswith(form, at):
                    nxt.add(at + len(form))
                if not last:  # a doubled consonant: nichi -> ni + p(pon)
                    for ending in _DOUBLING:
                        stem = form[: -len(ending)]
                        if form.endswith(ending) and stem and target.startswith(stem, at):
                            end = at + len(stem)
                            if end + 1 < len(target) and target[end] == target[end + 1] and target[end] not in "aeioun":
                                nxt.add(end + 1)
        reached = {at for at in nxt if at <= len(target)}
        if not reached:
            return False
    return len(target) in reached


def name_prefixes(text: str) -> list[str]:
    """The kanji runs of ``text`` and their leading parts of two kanji or more, longest first: a name is the
    front of a run (黒羽 of 黒羽商事, 東海南 of 東海南鉄道); a name opening in hiragana, down to its opening
    (みなと屋, みなと)."""
    out: list[str] = []
    opening = _HIRAGANA.match(text)
    if opening:
        out += [text[:n] for n in range(len(text), max(len(opening.group(0)), 3) - 1, -1)]
    for run in KANJI_RUN.findall(text):
        out += [run[:n] for n in range(len(run), 1, -1)]
    return list(dict.fromkeys(out))
