"""The words of a text, ready to be matched against a question's: exactly, by stem, as a name across scripts
(プラフラ・ダリワル ~ Prafulla Dhariwal, 東邦 ~ Toho by its reading), or by meaning through the gloss lexicon.
The reader (rag.support) builds one for a sentence, its context and its document's title."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from ingest.terms import kanji_readings, terms
from rag.entities import KANJI, KATAKANA, MONTHS, kanji_names, word_parts
from rag.lexicon import all_concepts, concepts, english_concepts, is_english_word, stem
from rag.names import hepburn, katakana_forms, latin_forms, name_words, same_name, short_name_match
from rag.readings import MIN_NAME, name_prefixes, reads_as

_LATIN = re.compile(r"[A-Za-z]{3,}")
_OTHER_ROLE_EN = re.compile(r"\b(?:(?:vice|deputy|former|ex|assistant)[- ])+([A-Za-z]+)", re.I)


class Vocabulary:
    """The words of some text, ready to be matched: exactly, by stem, as a name across scripts, or by meaning."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = {t for text in texts for t in terms(text)}
        # Short plurals the stemmer leaves alone: GPUs ~ GPU.
        self.words |= {w[:-1] for w in self.words if w.isascii() and w.endswith("s") and not w.endswith("ss") and len(w) > 3}
        # The parts of a hyphenated word: JLQ-Bench names JLQ, co-founded says founded.
        self.words |= {part for w in self.words if "-" in w for part in word_parts(w)}
        # A Japanese date names its month: 2月末 ~ "the end of February".
        self.words |= {MONTHS[int(m)] for text in texts for m in re.findall(r"(?<!\d)(1[0-2]|0?[1-9])\s*月", text)}
        # Initials of runs of words, for acronyms: "chief technology officer" ~ CTO.
        latin = [w for w in re.findall(r"[A-Za-z]+", " ".join(texts)) if len(w) > 3]
        self.initialisms = {"".join(w[0] for w in latin[i:i + n]).lower() for n in (3, 4, 5) for i in range(len(latin) - n + 1)}
        # A C-suite title drops its "officer": "chief executive Dana Whitlock" ~ CEO.
        self.initialisms |= {f"c{b[0].lower()}o" for a, b in zip(latin, latin[1:]) if a.lower() == "chief"}
        # A name and a loanword written as one katakana word (フクヤストア, "Fukuya Store"): the name alone is a word.
        self.words |= {front for w in self.words if KATAKANA.fullmatch(w) for front in _name_before_loanword(w)}
        self.stems = {stem(w) for w in self.words}
        # Sudachi's words split runs of katakana (オムニチーム -> オムニ, チーム): match names against both.
        joined = "\n".join([*texts, *(w for w in self.words if KATAKANA.fullmatch(w))])
        self.kana_skeletons = name_words(" ".join(KATAKANA.findall(joined)))
        latin_words = re.findall(r"[A-Za-z]+", joined)
        # A katakana compound writes a two-word name as one: シリコンバレー ~ Silicon Valley.
        pairs = " ".join(a + b.lower() for a, b in zip(latin_words, latin_words[1:]) if a[:1].isupper() and b[:1].isupper())
        self.latin_skeletons = name_words(" ".join(_LATIN.findall(joined)) + " " + pairs)
        # Romanised names, each word and each pair of capitalised words (Tokai Minami), to read kanji names as.
        self.latin_names = {w for w in latin_words if w[:1].isupper() and len(w) >= MIN_NAME and not is_english_word(w.lower())}
        self.latin_names |= set(pairs.split())
        self.kana_forms = katakana_forms(joined)
        self.latin_forms = latin_forms(joined + " " + pairs)
        self.reading_forms = {hepburn(r) for r in kanji_readings(joined)}  # 東邦 -> toho, 石狩 -> ishikari
        # A vice president is not the president (the English side of _OTHER_ROLE): a word written only
        # after such a prefix gives no meaning to match by gloss (学長 is not met by "vice president").
        raw = "\n".join(texts)
        prefixed = {w.lower() for w in _OTHER_ROLE_EN.findall(raw)}
        left = terms(_OTHER_ROLE_EN.sub(" ", raw)) if prefixed else set()
        self.glossable = self.words - {w for w in self.words if w in prefixed and w not in left}
        self.concepts = all_concepts(self.glossable)
        self._named: dict[str, bool] = {}
        self.text = unicodedata.normalize("NFKC", "\n".join(texts))

    def names(self, term: str) -> bool:
        found = self._named.get(term)
        if found is None:
            found = self._named[term] = self._names(term)
        return found

    def _names(self, term: str) -> bool:
        """The term itself, its stem, or the same name in the other script (Latin ~ katakana only:
        within one script a consonant skeleton would match unrelated words, "exact" ~ "executive")."""
        if term in self.words or stem(term) in self.stems:
            return True
        if not term.isascii() and len(term) >= 2 and any(_contains(term, w) for w in self.words):
            return True
        if term.isascii() and term.isalpha() and 3 <= len(term) <= 5 and term in self.initialisms:
            return True
        if term.isascii():
            # A hyphenated name is one word in katakana: Kiri-Go ~ キリゴー. (Not a place with its suffix,
            # Hanazono-cho: joined, it met 花園町 by its reading and two questions of set 92 were answered wrongly.)
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", term) and term.rsplit("-", 1)[1] not in _PLACE_SUFFIXES:
                term = term.replace("-", "")
            skeletons, forms, own = self.kana_skeletons, self.kana_forms, latin_forms(term)
            if short_name_match(own, self.reading_forms):  # Toho ~ 東邦
                return True
            if term.isalpha() and not is_english_word(term) and any(
                    reads_as(front, term) for name in kanji_names(self.text) for front in name_prefixes(name)):
                return True  # Kurobane ~ 黒羽(商事)
        elif KATAKANA.search(term):
            skeletons, forms, own = self.latin_skeletons, self.latin_forms, katakana_forms(term)
        else:  # kanji: by its reading, against Latin script (東邦 ~ Toho, 黒羽 ~ Kurobane)
            # (A name that is also a word, 瀬戸内 "inland sea", is read whole, and only as a long romanised
            # name: Setouchi Shinwa's 瀬戸内; KANJIDIC's name readings read 生成 as "Mori".)
            return short_name_match(self.latin_forms, {hepburn(r) for r in kanji_readings(term)}) or (
                self.reads(term) if not english_concepts(term) else any(
                    len(latin) >= WORD_AS_NAME and reads_as(term, latin) for latin in self.latin_names))
        return any(same_name(a, b) for a in name_words(term) for b in skeletons) or short_name_match(own, forms)

    def reads(self, kanji: str) -> bool:
        """Does the text write a kanji name (or the name at the front of it: 黒羽 of 黒羽商事) in Latin script?"""
        return any(reads_as(front, latin) for name in kanji_names(kanji) for front in name_prefixes(name)
                   for latin in self.latin_names)

    def glossing(self, term: str) -> set[str]:
        """The words of the text that mean what ``term`` means, by gloss (売上高 ~ sales, revenue)."""
        wanted = concepts(term)
        return {w for w in self.glossable if concepts(w) & wanted} if wanted & self.concepts else set()

    def speaks_of(self, term: str, across: bool) -> bool:
        """Does the text say something about ``term``? Across languages, also by gloss (売上高 ~ sales)."""
        if self.names(term):
            return True
        return across and bool(concepts(term) & self.concepts)


@functools.lru_cache(maxsize=65536)
def _name_before_loanword(word: str) -> tuple[str, ...]:
    """The fronts of a katakana word the lexicon does not know, where the rest is a loanword it knows."""
    if english_concepts(word):
        return ()
    return tuple(word[:i] for i in range(2, len(word) - 1) if word[i] != "ー" and english_concepts(word[i:]))


@functools.lru_cache(maxsize=4096)
def vocabulary(*texts: str) -> Vocabulary:
    """The Vocabulary of some texts, kept for the next question: the same sentences and titles come back."""
    return Vocabulary(texts)


def _names_part(text: Vocabulary, part: str) -> bool:
    """A part of a name of several words: a part that is also a common word (リサーチ, サム, General) names
    the whole only written as it is, not through its translation ("research" is not Parallax Research)."""
    if is_english_word(part) if part.isascii() else english_concepts(part):
        return part in text.words
    return text.names(part)


def _contains(a: str, b: str) -> bool:
    """One Japanese compound holds the other and most of it (従業員数 ~ 従業員): Sudachi cuts compounds
    differently in different sentences. ``a`` is the asked word, ``b`` a word of the text."""
    skeleton = _kanji_skeleton(a)
    if skeleton != a and len(skeleton) < len(b):
        # The asked word inside the text's compound (売り上げ ~ 売上高), not the reverse: a title's 売上 does
        # not say an asked 売上高 (on the outside sets that answered a revenue question with money raised).
        a = skeleton
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long.endswith(short) and long[: -len(short)] in _OTHER_ROLE:  # 副社長 is not the 社長, 元社員 no 社員
        return False
    return len(short) >= 2 and not short.isascii() and short in long and len(short) >= 0.6 * len(long)


WORD_AS_NAME = 6  # letters a romanised name needs for a kanji word to be read as it
_PLACE_SUFFIXES = frozenset("cho machi ku shi ken mura son gun dori".split())
_OKURIGANA = re.compile(r"[一-龥][ぁ-ん]+[一-龥]")


@functools.lru_cache(maxsize=65536)  # called for every word pair a Japanese term is matched against
def _kanji_skeleton(word: str) -> str:
    """A word Sudachi spells with okurigana (売上 -> 売り上げ) in its kanji alone, as compounds write it (売上高)."""
    return re.sub(r"[ぁ-ん]", "", word) if _OKURIGANA.search(word) else word


# Prefixes that make another role or thing of a word: vice-, former, next, not (a 新社長 is the 社長).
_OTHER_ROLE = frozenset({"副", "元", "前", "旧", "次期", "非", "未", "不", "無"})


def _names_compound(text: Vocabulary, surface: str, members: set[str]) -> bool:
    """A compound name is named as written, or by a part of it the lexicon does not know (北斗 of 北斗クラウド,
    also by its reading: Hokuto)."""
    if KATAKANA.fullmatch(surface):  # a coined katakana name: as written, or in Latin script (Berthwise)
        return surface in text.text or text.names(surface)
    return surface in text.text or any(
        KANJI.search(m) and len(m) > 1 and not english_concepts(m) and text.names(m) for m in members) or text.reads(surface)
