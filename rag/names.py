"""Match names and loanwords across scripts: プラフラ・ダリワル ~ Prafulla Dhariwal, アカウント ~ account.

Both sides are reduced to a consonant skeleton (katakana romanised first; vowels, h and doubled letters
dropped; l/r, v/b, c/k merged, as Japanese transcription merges them), and skeletons are compared.
"""

from __future__ import annotations

import functools
import re
from difflib import SequenceMatcher

_KANA = {
    "ア": "a", "イ": "i", "ウ": "u", "エ": "e", "オ": "o", "カ": "ka", "キ": "ki", "ク": "ku", "ケ": "ke",
    "コ": "ko", "ガ": "ga", "ギ": "gi", "グ": "gu", "ゲ": "ge", "ゴ": "go", "サ": "sa", "シ": "si", "ス": "su",
    "セ": "se", "ソ": "so", "ザ": "za", "ジ": "zi", "ズ": "zu", "ゼ": "ze", "ゾ": "zo", "タ": "ta", "チ": "ti",
    "ツ": "tsu", "テ": "te", "ト": "to", "ダ": "da", "ヂ": "di", "ヅ": "du", "デ": "de", "ド": "do", "ナ": "na",
    "ニ": "ni", "ヌ": "nu", "ネ": "ne", "ノ": "no", "ハ": "ha", "ヒ": "hi", "フ": "fu", "ヘ": "he", "ホ": "ho",
    "バ": "ba", "ビ": "bi", "ブ": "bu", "ベ": "be", "ボ": "bo", "パ": "pa", "ピ": "pi", "プ": "pu", "ペ": "pe",
    "ポ": "po", "マ": "ma", "ミ": "mi", "ム": "mu", "メ": "me", "モ": "mo", "ヤ": "ya", "ユ": "yu", "ヨ": "yo",
    "ラ": "ra", "リ": "ri", "ル": "ru", "レ": "re", "ロ": "ro", "ワ": "wa", "ヲ": "o", "ン": "n", "ヴ": "vu",
    "ァ": "^a", "ィ": "^i", "ゥ": "^u", "ェ": "^e", "ォ": "^o", "ャ": "~a", "ュ": "~u", "ョ": "~o", "ー": "", "ッ": "",
}
_KATAKANA_WORD = re.compile(r"[ァ-ヴー]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def romanise(katakana: str) -> str:
    # A small ャ/ュ/ョ (~) palatalises the syllable before it: キャ is kya; a full-size ヤ is not: ミヤ is miya.
    return _small_vowels("".join(_KANA.get(ch, "") for ch in katakana).replace("i~", "y").replace("~", "y"))


def _small_vowels(romanised: str) -> str:
    """A small ァ/ィ/ゥ/ェ/ォ (^) takes the place of the vowel before it: ヴェ is ve, ファ fa, ティ ti; after a
    bare ウ it is a w: ウェブ is webu."""
    romanised = re.sub(r"(?<![a-z])u\^|(?<=[aeiou])u\^", "w", romanised)
    return re.sub(r"[aeiou]?\^", "", romanised)


@functools.lru_cache(maxsize=65536)
def skeleton(word: str, silent_r: bool = False) -> str:
    """Consonants only, in the forms Japanese transcription keeps apart."""
    text = word.lower()
    # English spellings as Japanese hears them: a silent gh (Bright ~ ブライト), th as s (Anthropic ~
    # アンソロピック), a soft c (Voice ~ ボイス), and with ``silent_r`` no r after a vowel (Quorvane ~
    # クォーベイン; but Fernhollow ~ フェルンホロウ keeps it). Romanised katakana has none of these
    # spellings, so the rules touch English words only.
    text = re.sub(r"gh(?=t|$)", "", text)
    text = re.sub(r"c(?=[eiy])", "s", text)
    text = re.sub(r"dg(?=e)", "z", text)  # Ridgeline ~ リッジライン: dge is heard as ジ
    text = re.sub(r"(?<![a-z])x(?=i)", "s", text)  # a pinyin xi is シ: Xiaolan ~ シャオラン
    if silent_r:
        text = re.sub(r"(?<=[aeiou])r(?![aeiouy])", "", text)
    for a, b in (("ph", "f"), ("th", "s"), ("sh", "s"), ("ch", "t"), ("ck", "k"), ("qu", "k"), ("x", "ks")):
        text = text.replace(a, b)
    text = text.translate(str.maketrans({"l": "r", "v": "b", "c": "k", "q": "k", "j": "z", "z": "s", "y": ""}))
    text = re.sub(r"[aeiouh]", "", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    # A final n of a romanised word is usually the syllabic ン; keep it, English names end in n too.
    return text


def name_words(text: str) -> set[str]:
    """Skeletons of the katakana words and Latin words of ``text`` (3+ consonants, to avoid chance hits)."""
    kana = [skeleton(romanise(w)) for w in _KATAKANA_WORD.findall(text)]
    latin = [skeleton(w, silent_r) for w in _LATIN_WORD.findall(text) for silent_r in (False, True)]
    return {s for s in kana + latin if len(s) >= 3}


def same_name(a: str, b: str) -> bool:
    if a == b:
        return True
    shortest = min(len(a), len(b))
    needed = 0.85 if shortest == 4 else 0.8  # longer skeletons tolerate one transcription difference
    return shortest >= 4 and _similar(a, b, needed)


def _similar(a: str, b: str, needed: float) -> bool:
    # The length bound first: the ratio cannot exceed 2 * shorter / total, and most pairs fail it.
    if 2 * min(len(a), len(b)) < needed * (len(a) + len(b)):
        return False
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= needed and matcher.ratio() >= needed


def _loose(romanised: str) -> str:
    """A romanised katakana word without the vowels Japanese adds after consonants: omuni -> omni."""
    # Epenthetic vowels: u after most consonants, o after t/d (ト, ド); ン before p/b is m (プロンプト).
    loose = re.sub(r"((?<=[bcfghjkmnprsvwz])u|(?<=[td])o)(?=[bcdfghjkmnprstvwz]|$)", "", romanised)
    return re.sub(r"n(?=[pb])", "m", loose).replace("l", "r")


def katakana_forms(text: str) -> set[str]:
    # A vowel before ー is long, so real: トークン -> to:kun -> tokn, not tkn.
    forms = {_loose(":".join(romanise(part) for part in w.split("ー"))).replace(":", "") for w in _KATAKANA_WORD.findall(text)}
    # ...and as a name is romanised: ジョ is jo, シャ sha, チョ cho (ジョホール ~ Johor).
    return forms | {_hepburn_digraphs(f) for f in forms}


def _hepburn_digraphs(romanised: str) -> str:
    for a, b in (("zy", "j"), ("sy", "sh"), ("ty", "ch")):
        romanised = romanised.replace(a, b)
    return romanised


def latin_forms(text: str) -> set[str]:
    # Japanese loanwords have no plural (tokens ~ トークン) and end a final -er/-or in a long a
    # (parameter ~ パラメータ, monitor ~ モニター).
    singular = {re.sub(r"(?<=[^s])s$", "", w.lower()).replace("l", "r") for w in _LATIN_WORD.findall(text)}
    # ...and hear v as b, a soft c as s, and no silent final e: voice ~ ボイス (bois).
    heard = {re.sub(r"(?<=[^aeiou])e$", "", re.sub(r"c(?=[eiy])", "s", w.replace("v", "b")).replace("c", "k"))
             for w in singular}
    heard |= {re.sub(r"(?<=[aeiou])y", "i", w) for w in singular | heard}  # Veyra ~ ヴェイラ
    # ...and a final -are as ウェア: malware ~ マルウェア, software ~ ソフトウェア.
    return singular | heard | {re.sub(r"[eo]r$", "a", w) for w in singular if len(w) > 5} | {
        re.sub(r"are$", "ea", w) for w in singular if w.endswith("ware")}


def short_name_match(forms: set[str], others: set[str]) -> bool:
    """Names too short for a consonant skeleton (Omni / オムニ) compared letter for letter, loosely."""
    return any(len(a) >= 4 and _similar(a, b, 0.85) for a in forms for b in others)


def hepburn(katakana: str) -> str:
    """A kanji word's reading as a name is written in Latin script: トウホウ -> toho, キュウシュウ -> kyushu,
    ホッカイドウ -> hokkaido (long vowels unmarked, as names usually are)."""
    out = ""
    for i, ch in enumerate(katakana):
        if ch == "ッ":  # doubles the next consonant
            out += _KANA.get(katakana[i + 1], "")[:1] if i + 1 < len(katakana) else ""
        else:
            out += _KANA.get(ch, "")
    out = _small_vowels(out.replace("i~", "y").replace("~", "y"))  # キャ -> kya, シャ -> sya -> sha
    for a, b in (("sy", "sh"), ("ty", "ch"), ("zy", "j"), ("dy", "j"), ("si", "shi"), ("ti", "chi"), ("zi", "ji"),
                 ("di", "ji")):
        out = out.replace(a, b)
    for a, b in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        out = out.replace(a, b)
    return out.replace("l", "r")
