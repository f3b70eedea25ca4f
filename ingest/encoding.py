"""Turn a file's bytes into text. Decoding is strict and a doubtful guess is refused: one wrong
guess would corrupt every citation taken from the file."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ingest.errors import UnreadableFileError

# Signatures of binary formats that get renamed or dropped into a text folder by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"%PDF-", "PDF document"), (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"), (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip archive"), (b"\xd0\xcf\x11\xe0", "MS Office file"),
    (b"\x7fELF", "program"), (b"7z\xbc\xaf\x27\x1c", "7z archive"),
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
# Control bytes no text contains; TAB LF VT FF CR, Ctrl-Z (old DOS end mark) and ESC (ISO-2022-JP) occur.
_BAD_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}
_JP_CODECS = ("shift_jis", "cp932", "euc_jp")  # identical readings keep the first name
_FAMILY = {"shift_jis": "sjis", "cp932": "sjis", "euc_jp": "euc"}
_PREFER = {"cp932": 1, "shift_jis": 0, "euc_jp": 0}  # Windows files win a tie between the two SJIS maps


def decode_bytes(data: bytes, name: str = "", *, declared: str | None = None) -> tuple[str, str]:
    """(text with \\n newlines and no BOM, codec name that decodes ``data``). ``declared``: e.g. an HTML
    meta charset, used when the bytes are not UTF-8 and it decodes them cleanly."""
    label = name or "the input"
    text, encoding = _detect(data, label, declared) if data.strip() else ("", "utf-8")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFileError(f"{label} has no text", "add some text to it or leave it out")
    return text, encoding


def _detect(data: bytes, label: str, declared: str | None) -> tuple[str, str]:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise _binary(label, kind)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if (text := _try(data, codec)) is None:
                raise _unknown(label)
            return text, codec
    if b"\x00" in data:
        return _utf16_with_nuls(data, label)
    if (found := _utf16_japanese(data)) is not None:
        return found
    if sum(byte in _BAD_CONTROLS for byte in data) > len(data) * 0.01:
        raise _binary(label, "")
    if b"\x1b$" in data or b"\x1b(" in data:  # ISO-2022-JP is 7-bit: it would pass as UTF-8 too
        for codec in ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2"):
            if (text := _try(data, codec)) is not None:
                return text, codec
    if (text := _try(data, "utf-8")) is not None:
        return text, "utf-8"
    if declared and (text := _try(data, _browser_codec(declared))) is not None and junk_share(text) == 0:
        return text, _browser_codec(declared)
    return _legacy(data, label)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _browser_codec(label: str) -> str:
    codec = label.strip().lower()
    return "cp1252" if codec in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else codec


def _utf16_with_nuls(data: bytes, label: str) -> tuple[str, str]:
    # An ASCII character in UTF-16 puts its NUL byte on the same side of every byte pair.
    even, odd = data[0::2].count(0), data[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for codec in order if len(data) % 2 == 0 else ():
        text = _try(data, codec)
        if text is not None and junk_share(text) == 0 and _common_share(text) >= 0.9:
            return text, codec
    raise _binary(label, "")


def _utf16_japanese(data: bytes) -> tuple[str, str] | None:
    # Kana and kanji in UTF-16 have no NUL bytes ("。" is 02 30), so without a BOM they look like binary or
    # pass for Shift_JIS. Other bytes read as UTF-16 give random ideographs, hardly ever kana: safe to try.
    for codec in ("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ():
        text = _try(data, codec)
        if text is None or junk_share(text) > 0 or japanese_score(text) < 1.0:
            continue
        if _count(text, _is_kana) >= 0.2 * sum(not ch.isspace() for ch in text):
            return text, codec
    return None


def _legacy(data: bytes, label: str) -> tuple[str, str]:
    japanese = _best_japanese(data, label)
    if japanese and (_count(japanese[0], _is_kana) > 0 or _japanese_share(japanese[0]) >= 0.6):
        return japanese
    western = _western(data)
    # Kanji-only Shift_JIS reads in cp1252 as runs of symbols ("効果" -> "Œø‰Ê"); real Western text
    # rarely has two non-ASCII characters side by side. A cp1252 quote can make one kanji ("It\x92s").
    if japanese and (western is None or _paired_share(western[0]) >= 0.5):
        return japanese
    if western is None:
        raise _unknown(label)
    return western


def _best_japanese(data: bytes, label: str) -> tuple[str, str] | None:
    readings: dict[str, str] = {}
    for codec in _JP_CODECS:
        text = _try(data, codec)
        if text is not None and text not in readings.values():
            readings[codec] = text
    fits = [c for c, t in readings.items() if junk_share(t) == 0 and japanese_score(t) >= 0.5]
    if not fits:
        return None
    best = max(fits, key=lambda c: (japanese_score(readings[c]), _PREFER[c]))
    rivals = [c for c in readings if _FAMILY[c] != _FAMILY[best] and junk_share(readings[c]) == 0]
    if rivals and _count(readings[best], _is_kana) == 0:
        raise _unknown(label)  # e.g. half-width kana in Shift_JIS read as kanji in EUC-JP: no way to tell
    return readings[best], best


def _western(data: bytes) -> tuple[str, str] | None:
    # charset-normalizer's pick among Western code pages is arbitrary on short text (cp1250 for English
    # "na\xefve"), so cp1252, by far the commonest, wins unless clearly worse. Other pages only when
    # charset-normalizer also recognises a language: short input fits almost any single-byte page.
    matches = [m for m in from_bytes(data) if m.chaos <= 0.05 and m.coherence >= 0.2 and _wordy(str(m))]
    best = min(matches, key=lambda m: m.chaos, default=None)
    text = _try(data, "cp1252")
    if text is not None and junk_share(text) == 0 and _wordy(text) and _count(text, str.isascii) >= 0.7 * len(text):
        ratio = mess_ratio(text, maximum_threshold=1.0)
        if ratio <= 0.15 and (best is None or ratio <= best.chaos + 0.05):
            return text, "cp1252"
    if best is not None and junk_share(str(best)) == 0:
        return str(best), best.encoding
    return None


def _wordy(text: str) -> bool:
    # Prose is mostly letters; random bytes read as a single-byte page are half symbols and digits.
    return _count(text, str.isalnum) >= 0.6 * sum(not ch.isspace() for ch in text)


def junk_share(text: str) -> float:
    """Share of characters no real text contains: stray controls, unassigned, private use, U+FFFD."""
    return _count(text, _is_junk) / max(len(text), 1)


def _is_junk(ch: str) -> bool:
    if ch in "\t\n\r\x0b\x0c\x1a":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")


def _count(text: str, test: Callable[[str], bool]) -> int:
    return sum(1 for ch in text if test(ch))


def _is_kana(ch: str) -> bool:
    return 0x3041 <= ord(ch) <= 0x30FF


def _common_share(text: str) -> float:
    # ASCII, Latin-1 letters, punctuation, kana, kanji, full-width forms: what real ja/en text is made of.
    ranges = ((0x09, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF))
    return _count(text, lambda ch: any(lo <= ord(ch) <= hi for lo, hi in ranges)) / max(len(text), 1)


def _japanese_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(1 for ch in letters if ord(ch) >= 0x3040) / max(len(letters), 1)


def _paired_share(text: str) -> float:
    wide = [i for i, ch in enumerate(text) if ord(ch) > 0x7F]
    marked = set(wide)
    return sum(1 for i in wide if i - 1 in marked or i + 1 in marked) / max(len(wide), 1)


def japanese_score(text: str) -> float:
    """Mean plausibility of the non-ASCII characters as Japanese: kana high, odd symbols negative."""
    chars = [ch for ch in text if ord(ch) > 0x7F]
    return sum(_char_score(ch) for ch in chars) / max(len(chars), 1)


def _char_score(ch: str) -> float:
    code = ord(ch)
    if 0x3041 <= code <= 0x309F:
        return 2.0  # hiragana: the backbone of Japanese prose, rare in mis-decoded bytes
    if 0x30A0 <= code <= 0x30FF or 0x3000 <= code <= 0x303F:
        return 1.5
    if 0xFF01 <= code <= 0xFF5E:
        return 1.0  # full-width ASCII
    if 0xFF61 <= code <= 0xFF65:
        return -1.0  # half-width "､": how every EUC-JP hiragana starts when read as Shift_JIS
    if 0xFF66 <= code <= 0xFF9F:
        return 0.0  # half-width kana: found in old files, but also all over mis-decoded EUC-JP
    if _is_junk(ch):
        return -5.0
    try:
        lead = ch.encode("euc_jp")[0]
    except UnicodeEncodeError:
        return -1.0  # vendor extensions (circled digits, IBM kanji) or no JIS character at all
    if 0xB0 <= lead <= 0xCF:
        return 1.0  # JIS level-1 kanji: the common ones
    if 0xA6 <= lead <= 0xA8 or lead == 0x8F:
        return -1.0  # Greek, Cyrillic, box drawing, JIS X 0212: typical of mis-decoding
    return 0.5 if lead == 0xA1 else 0.0


def _unknown(label: str) -> UnreadableFileError:
    return UnreadableFileError(f"cannot tell the text encoding of {label}", "save it as UTF-8 and ingest again")


def _binary(label: str, kind: str) -> UnreadableFileError:
    what = f"a binary file ({kind})" if kind else "a binary file"
    return UnreadableFileError(f"{label} is {what}, not text", "convert it to .txt, .md or .html first")
