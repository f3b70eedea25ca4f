"""Tell Japanese from English text, and read language tags written in metadata."""

from __future__ import annotations

# Below this share of kana/kanji among the letters a text is English that quotes some Japanese.
# Counted per character, one kanji carries about as much as a whole English word, so the bar is low.
_JAPANESE_SHARE = 0.15

_TAGS = {
    "ja": "ja", "jp": "ja", "jpn": "ja", "japanese": "ja", "日本語": "ja",
    "en": "en", "eng": "en", "english": "en", "英語": "en",
}
LANGUAGES = ("en", "ja")  # every document is read as one of these (normalise_language_tag, detect_language)


def is_japanese_char(ch: str) -> bool:
    """Hiragana, katakana (full and half width) or a CJK ideograph."""
    code = ord(ch)
    return (
        0x3041 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF66 <= code <= 0xFF9F  # half-width katakana
        or 0x20000 <= code <= 0x2FA1F  # rare kanji in the supplementary planes
        or code in (0x3005, 0x3006)  # 々 〆
    )


def detect_language(text: str) -> str:
    """ "ja" if kana/kanji make up a real share of the letters, else "en" (also for text without letters)."""
    letters = 0
    japanese = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            japanese += is_japanese_char(ch)
    if letters == 0:
        return "en"
    return "ja" if japanese >= _JAPANESE_SHARE * letters else "en"


def normalise_language_tag(value: str | None) -> str | None:
    """ "ja", "ja-JP", "Japanese" -> "ja"; "en-US", "English" -> "en"; anything else -> None."""
    if not value:
        return None
    tag = value.strip().lower().replace("_", "-")
    return _TAGS.get(tag) or _TAGS.get(tag.split("-")[0])
