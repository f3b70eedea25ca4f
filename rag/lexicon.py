"""Words as concepts, so that what a question asks can be checked in a passage of either language.

An English word stands for its stem; a Japanese word for itself and the stems of its English glosses
(from JMdict's common words, ``rag/data/ja_en_glosses.tsv.gz``, built by ``rag.lexicon_build``). Two
words meet when their concepts meet: 売上高 meets "sales", 率いる meets "led", テスト meets "testing".
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Iterable
from pathlib import Path

from ingest.terms import sub_words

DATA_FILE = Path(__file__).resolve().parent / "data" / "ja_en_glosses.tsv.gz"
# Business- and AI-news words JMdict glosses otherwise (売上高 is "sales" there, "revenue" in the articles;
# 学習 is "learning" there, "training" in articles about models).
BUSINESS_FILE = DATA_FILE.with_name("ja_en_business.tsv")

# Irregular past forms a question or an article often uses ("Who led ...?"); a suffix rule cannot find them.
_IRREGULAR = {
    "led": "lead", "began": "begin", "begun": "begin", "became": "become", "left": "leave", "won": "win",
    "made": "make", "took": "take", "taken": "take", "gave": "give", "given": "give", "wrote": "write",
    "written": "write", "said": "say", "told": "tell", "sold": "sell", "bought": "buy", "built": "build",
    "held": "hold", "grew": "grow", "grown": "grow", "knew": "know", "known": "know", "thought": "think",
    "went": "go", "gone": "go", "came": "come", "saw": "see", "seen": "see", "met": "meet", "paid": "pay",
    "spent": "spend", "sent": "send", "ran": "run", "chose": "choose", "chosen": "choose", "fell": "fall",
    "brought": "bring", "taught": "teach", "rose": "rise", "risen": "rise", "quit": "quit", "drew": "draw",
    "drawn": "draw", "found": "find", "hid": "hide", "hidden": "hide", "shown": "show", "beat": "beat", "fought": "fight",
    "used": "use", "uses": "use", "using": "use",
    "froze": "freeze", "frozen": "freeze", "stole": "steal", "stolen": "steal", "fallen": "fall", "broke": "break",
    "broken": "break", "spoke": "speak", "spoken": "speak", "drove": "drive", "driven": "drive", "flew": "fly",
    "flown": "fly", "lost": "lose", "meant": "mean", "stood": "stand", "understood": "understand", "struck": "strike",
    "threw": "throw", "thrown": "throw", "wore": "wear", "worn": "wear", "laid": "lay", "hung": "hang",
    "shook": "shake", "shaken": "shake", "forgot": "forget", "forgotten": "forget", "hit": "hit", "sought": "seek",
    "caught": "catch", "fed": "feed", "kept": "keep", "felt": "feel", "dealt": "deal", "lent": "lend",
    "rode": "ride", "ridden": "ride", "arose": "arise", "arisen": "arise", "withdrew": "withdraw",
    "withdrawn": "withdraw", "undertook": "undertake", "undertaken": "undertake", "overtook": "overtake",
    "overtaken": "overtake", "forbade": "forbid", "forbidden": "forbid", "woke": "wake", "woken": "wake",
}
# The plurals and third persons that add "es" after a hissing sound (boxes, classes, launches); other "-es"
# words only add "s" to a final "e" (closes, cases, releases).
_PLURAL_ES = ("sses", "shes", "ches", "xes", "zes")
# Endings that make an adjective or adverb of a word: experimental, approval, publicly (not the -ly of
# family, supply or assembly).
_DERIVED = re.compile(r"\w{4}(als?|(?<![ipb])ly)$")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ists", "isms", "ist", "ism", "ies", "ied", "ing", "ers", "er", "ed", "es", "s", "y")


# British spellings meet American ones (licence ~ license, centre ~ center, labour ~ labor, organise ~
# organize): the bundled articles and the users who ask about them write both.
_BRITISH = [(re.compile(r"^(licen|defen|offen|preten)ce(s?)$"), r"\1se\2"),
            (re.compile(r"^(\w{2,})tre(s?)$"), r"\1ter\2"),
            (re.compile(r"^(colo|labo|favo|behavio|hono|neighbo|harbo|flavo|humo|rumo|vapo|endeavo|savo|armo)ur(\w*)$"), r"\1r\2"),
            (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations|er|ers)$"), r"\1iz\2"),
            (re.compile(r"^(analy|paraly|cataly)s(e|ed|es|ing)$"), r"\1z\2")]


# Most words match none of the patterns: one combined test first (the lexicon's 23,000 gloss words are
# stemmed when it loads, before the first answer).
_BRITISH_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _BRITISH))


def _american(word: str) -> str:
    if not word.isascii() or not _BRITISH_ANY.match(word):
        return word
    for pattern, replacement in _BRITISH:
        word = pattern.sub(replacement, word)
    return word


# Clipped words a user types for the article's full ones ("the exam" for "the examination").
_CLIPPED = {"exam": "examination", "exams": "examinations", "lab": "laboratory", "labs": "laboratories",
            "info": "information", "photo": "photograph", "photos": "photographs"}
# Words whose "s" is no plural: "news" is not "new", "odds" not "odd".
_NOT_PLURAL = frozenset({"news", "odds", "does", "goes", "lens", "ones", "arms"})


@functools.cache
def _gloss_lines() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The gloss file, read once: each headword with its English words as written."""
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as lines:
        return tuple((head, tuple(words.split())) for head, _, words in (line.rstrip("\n").partition("\t") for line in lines))


@functools.cache
def _gloss_words() -> frozenset[str]:
    """Every English word of the gloss file as written (not stemmed: stem() reads this)."""
    return frozenset(w.removeprefix(MODIFIER) for _, words in _gloss_lines() for w in words)


def _short_base(word: str) -> str:
    """The base of a short inflected word (asked, paying, hired, cuts), whose stem the suffix rule leaves
    whole because three letters are too few to cut blindly ("string" is no "str", "thing" no "th"): cut
    only where what is left, with its "e" back first (hired: hire, rating: rate), is a word of the glosses."""
    for suffix in ("ing", "ed", "s"):
        rest = word[: -len(suffix)]
        if not word.endswith(suffix) or len(rest) != 3 or (suffix == "s" and word in _NOT_PLURAL):
            continue
        for base in ((rest + "e", rest) if suffix != "s" else (rest,)):
            if base in _gloss_words():
                return base
    return word


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer, so that "accelerationists" meets "accelerationism" and "married" "marry"."""
    word = _IRREGULAR.get(word, word)
    word = _CLIPPED.get(word, word)
    if word.isascii() and len(word) <= 6:
        word = _short_base(word)
    word = _american(word)
    # an adjective, adverb or noun meets its base: experimental ~ experiment, approval ~ approve, publicly ~ public
    derived = word.isascii() and _DERIVED.search(word)
    if derived:
        word = word[: derived.start(1)]
    for suffix in _SUFFIXES:
        if word.isascii() and len(word) > len(suffix) + 3 and word.endswith(suffix):
            if suffix in ("es", "s"):
                # The "s" of propos(al) is the base's; class, focus and status have no plural "s" to lose;
                # boxes and classes lose "es", closes and cases only their "s".
                if derived or (word.endswith(("ss", "us", "is")) and not word.endswith(_PLURAL_ES)):
                    break
                suffix = "es" if word.endswith(_PLURAL_ES) else "s"
            # operation / operates / operated all meet at "operat".
            word = word[: -len(suffix)] + ("at" if suffix.startswith("ation") else "")
            break
    # headquarters / headquartered: both end at "headquart".
    if word.isascii() and len(word) > 6 and word.endswith("er"):
        word = word[:-2]
    # close / closed / closing all meet at "clos"; employee / employs at "employ".
    while word.isascii() and len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    # trialled / trial, planned / plan, running / run: a doubled final consonant counts once (in every word,
    # so that install and installed still meet, at "instal").
    if word.isascii() and len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


SPECIFIC_GLOSSES = 4  # a headword glossed by at most this many words names one thing (画像: image, picture)


# In the gloss file a word that qualifies a role in a two-word gloss ("company" in 社員's "company employee")
# is marked: it is an English word (is_english_word), but not what the headword means, so 社員 does not meet
# "the company" (rag.lexicon_build).
MODIFIER = "~"
MODIFIERS_MEAN = False  # True reads marked words as meanings too (as before they were marked), to measure


@functools.cache
def _gloss_table() -> tuple[dict[str, frozenset[str]], frozenset[str], dict[str, int]]:
    """The headwords' meanings (stems), the stems of the words that only qualify a gloss, and how many
    words (qualifying ones too) each headword is glossed with."""
    stems: dict[str, str] = {}  # 41,000 headwords share 23,000 gloss words: stem each once (halves the load)
    table: dict[str, frozenset[str]] = {}
    qualifying: set[str] = set()
    glossed_with: dict[str, int] = {}
    for head, words in _gloss_lines():
        glossed_with[head] = len(words)
        meant = []
        for word in words:
            if word.startswith(MODIFIER):
                word = word[len(MODIFIER):]
                qualifying.add(stems.get(word) or stems.setdefault(word, stem(word)))
                if not MODIFIERS_MEAN:
                    continue
            meant.append(stems.get(word) or stems.setdefault(word, stem(word)))
        table[head] = frozenset(meant)
    for line in BUSINESS_FILE.read_text(encoding="utf-8").splitlines():
        head, _, words = line.partition("\t")
        if words and not head.startswith("#"):
            table[head] = table.get(head, frozenset()) | {stem(w) for w in words.split()}
    return table, frozenset(qualifying), glossed_with


def _glosses() -> dict[str, frozenset[str]]:
    return _gloss_table()[0]


def concepts(term: str) -> frozenset[str]:
    if term.isascii():
        return frozenset((stem(term),))
    return english_concepts(term) | {term}


@functools.lru_cache(maxsize=65536)
def english_concepts(term: str) -> frozenset[str]:
    """What a term means in English: its stem, or a Japanese word's glosses (empty when unknown), and
    what the words it is compounded of mean (研究開発: research, development; 資金調達: funds, procurement).
    One-character parts beside longer ones are affixes (化, 数, 号) that would match too much, and the
    single characters of a word the lexicon knows (株式: 株, 式) are not its meaning."""
    if term.isascii():
        return frozenset((stem(term),))
    glosses = _glosses()
    known = glosses.get(term)
    parts = sub_words(term)
    if any(len(p) > 1 for p in parts):
        parts = [p for p in parts if len(p) > 1]
    elif known is not None:
        return known
    return frozenset(known or ()) | frozenset(c for p in parts for c in glosses.get(p, ()))


def is_headword(term: str) -> bool:
    """Is the word, as written, an entry of the lexicon (not only a compound of entries)?"""
    return term in _glosses()


@functools.cache
def _english_words() -> frozenset[str]:
    return frozenset(w for words in _glosses().values() for w in words) | _gloss_table()[1]


def is_english_word(word: str) -> bool:
    """Is it a common English word (one the gloss lexicon uses: "several", "apple"), so probably no name?"""
    return stem(word) in _english_words()


@functools.lru_cache(maxsize=1024)
def synonyms(word: str) -> frozenset[str]:
    """An English word's stem and the stems that gloss a specific Japanese word with it (pictures ~ images,
    both 画像). A headword glossed by many words (時: time, hour, moment, case, ...) says nothing of synonymy."""
    own = stem(word)
    return frozenset({own}) | frozenset(w for head in _glossed_by().get(own, ()) for w in _glosses()[head])


@functools.cache
def _glossed_by() -> dict[str, tuple[str, ...]]:
    heads: dict[str, list[str]] = {}
    glossed_with = _gloss_table()[2]
    for head, words in _glosses().items():
        if glossed_with.get(head, len(words)) <= SPECIFIC_GLOSSES:
            for w in words:
                heads.setdefault(w, []).append(head)
    return {w: tuple(h) for w, h in heads.items()}


def all_concepts(terms: Iterable[str]) -> set[str]:
    return {c for t in terms for c in concepts(t)}
