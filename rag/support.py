"""Does a passage speak to what the question asks? The reader behind every decision.

A question names things (entities: Sam Altman, 'google bard', GPT-4o) and asks something about them
(attributes: who *led*, the *revenue*, *married*). A passage supports the question when
- its context (the sentence, the sentence before it, the document title) names every entity, across
  scripts too (プラフラ・ダリワル ~ Prafulla Dhariwal), and the sentence itself or an anaphor in it
  ("this", これ) refers to one;
- the sentence itself speaks to most of what is asked, each attribute weighted by how rare it is in the
  corpus (an attribute the corpus never mentions weighs most: that is how absent facts are caught), with
  words meeting across languages through a Japanese-English gloss lexicon (rag.lexicon);
- it has a number, date or amount where the question asks how many, when or how much.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ingest.records import StoredDocument
import itertools

from ingest.terms import terms, terms_with_offsets
from rag.lexicon import all_concepts, concepts, english_concepts, stem
from rag.names import katakana_forms, latin_forms, name_words, same_name, short_name_match
from rag.question import Question
from rag.retrieval import Passage

# A supporting sentence must speak to more than half of what is asked (by weight): not all, since a
# question's wording is never the article's. (On the bundled set, 0.4 answered 6 more answerable
# questions but invented 2 answers; 0.6 answered 5 fewer and invented none. See eval/.)
ATTRIBUTE_SHARE = 0.5

_QUANTITY_QUESTION = re.compile(
    r"\b(when|how (long|many|much|soon|old)|what (year|date|day|month)|birthday|date of)\b"
    r"|いつ|何[日年月週人回]|どのくらい|どれくらい|何時間|いくつ|誕生日|生年月日|日付",
    re.I,
)
QUANTITY = re.compile(
    # A digit inside a name (GPT-4o, gpt2-chatbot) is not a quantity.
    r"(?<![\w-])\d+(?:[.,]\d+)?(?![A-Za-z-])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(?:days?|weeks?|months?|years?|hours?)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozens?|hundreds|thousands|millions|billions)\b|[一二三四五六七八九十百千万億]+[日週年月時人倍個つ回]",
    re.I,
)
# A count ("how many staff", 何人) is not answered by a year or a date.
_COUNT_QUESTION = re.compile(r"\bhow many\b|何[人個回件社本台名]|いくつ|幾つ", re.I)
_YEAR_OR_DATE = re.compile(r"^(1[89]|20)\d\d$")
_MONEY_QUESTION = re.compile(r"\bhow much (money|capital|funding|revenue|does it cost)|\bhow much\b.*\b(raise|earn|cost|pay|worth)|いくら|幾ら|金額|売上", re.I)
_MONEY = re.compile(r"[$¥€£]\s?\d|\d[\d,.]*\s*(million|billion|trillion|dollars|yen|円|ドル|万|億)", re.I)
_KATAKANA = re.compile(r"[ァ-ヴー]{2,}")
_LATIN = re.compile(r"[A-Za-z]{3,}")
# Capitalised or digit-bearing Latin words (not a sentence's first word); ASCII only, since \w would run on
# into the Japanese that follows a name ("Arenaを動かしている").
_NAME_IN_QUESTION = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][A-Za-z0-9.-]*|\b[A-Za-z-]*\d[A-Za-z0-9.-]*")
# Capitalised, but not names: a date is checked as a quantity, not matched as a word.
_CALENDAR = set("""january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split())
# A sentence opening with one of these is about what the sentence before it named.
# A sentence with one of these speaks of what its context named ("With Hinton, he co-invented AlexNet").
_ANAPHOR = re.compile(r"\b(this|these|it|he|she|they|his|her|its|their|him|them|the (company|model|team|project))\b"
                      r"|これ|それ|この|その|彼|彼女|同社|同氏|同チーム|同モデル", re.I)


# Nouns that name the kind of answer wanted, not what it is about: "what was his *job*" is answered by
# "he was chief scientist", "誕生日" by "born April 22". An answer need not contain them.
_ANSWER_KIND = set(
    """job jobs role roles position title reason reasons date birthday age year place country nationality number
    amount price purpose origin meaning called""".split()
) | {"職業", "役職", "仕事", "名前", "名", "理由", "日付", "誕生日", "生年月日", "年齢", "場所", "国籍", "数", "金額",
     "目的", "意味", "由来", "時期", "時点"}


def asks_quantity(question: Question) -> bool:
    return bool(_QUANTITY_QUESTION.search(question.text))


@dataclass(frozen=True)
class Support:
    passage: Passage
    supports: bool
    share: float  # weighted share of the asked attributes the sentence speaks to
    named: bool = False  # its context names every entity of the question


class Vocabulary:
    """The words of some text, ready to be matched: exactly, by stem, as a name across scripts, or by meaning."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.words = {t for text in texts for t in terms(text)}
        self.stems = {stem(w) for w in self.words}
        # Sudachi's words split runs of katakana (オムニチーム -> オムニ, チーム): match names against both.
        joined = "\n".join([*texts, *(w for w in self.words if _KATAKANA.fullmatch(w))])
        self.kana_skeletons = name_words(" ".join(_KATAKANA.findall(joined)))
        self.latin_skeletons = name_words(" ".join(_LATIN.findall(joined)))
        self.kana_forms = katakana_forms(joined)
        self.latin_forms = latin_forms(joined)
        self.concepts = all_concepts(self.words)

    def names(self, term: str) -> bool:
        """The term itself, its stem, or the same name in the other script (Latin ~ katakana only:
        within one script a consonant skeleton would match unrelated words, "exact" ~ "executive")."""
        if term in self.words or stem(term) in self.stems:
            return True
        if term.isascii():
            skeletons, forms, own = self.kana_skeletons, self.kana_forms, latin_forms(term)
        elif _KATAKANA.search(term):
            skeletons, forms, own = self.latin_skeletons, self.latin_forms, katakana_forms(term)
        else:
            return False
        return any(same_name(a, b) for a in name_words(term) for b in skeletons) or short_name_match(own, forms)

    def speaks_of(self, term: str, across: bool) -> bool:
        """Does the text say something about ``term``? Across languages, also by gloss (売上高 ~ sales)."""
        if self.names(term):
            return True
        return across and bool(concepts(term) & self.concepts)


def entities(question: Question) -> set[str]:
    """The names the question is about: Latin words written as names, quoted phrases, katakana words."""
    found = {t for m in _NAME_IN_QUESTION.finditer(question.text) for t in terms(m.group(0))} - _CALENDAR
    found |= {t for phrase in question.quoted for t in terms(phrase)}
    # A katakana word is a name unless it is a common loanword the lexicon knows (モデル, メンバー).
    found |= {t for t in question.key_terms if _KATAKANA.fullmatch(t) and not english_concepts(t)}
    if question.lang == "ja":  # Latin script and numbers in a Japanese question are names...
        # ...except a number scaled by 万/億 (100万 is "a million" in English: it cannot match as written).
        scaled = {m.group(1) for m in re.finditer(r"(\d+(?:\.\d+)?)\s*[万億千]", question.text)}
        found |= set(question.ascii_terms) - scaled
    return found & set(question.key_terms)


def _answer_type_ok(question: Question, sentence: str) -> bool:
    """A how-much question needs an amount, a how-many/when question a number or date, in the sentence
    itself and beyond the question's own."""
    if _MONEY_QUESTION.search(question.text):
        return bool(_MONEY.search(sentence))
    if not asks_quantity(question):
        return True
    own = {m.group(0).lower() for m in QUANTITY.finditer(question.text)}
    found = [m for m in QUANTITY.finditer(sentence) if m.group(0).lower() not in own]
    if _COUNT_QUESTION.search(question.text):
        found = [m for m in found if not _YEAR_OR_DATE.match(m.group(0))
                 and not re.match(r"\s*[年月日]", sentence[m.end():])]
    return bool(found)


def _other_variant(name: str, sentence: Vocabulary) -> bool:
    """The sentence names a sibling of a numbered name (Kagura-2 for Kagura-1, GPT-4o for GPT-4) and not
    the name itself: it is about the sibling."""
    base = re.match(r"^([a-z][a-z-]*?)-?\d", name)
    if not base or name in sentence.words:
        return False
    return any(w != name and w.startswith(base.group(1)) and any(c.isdigit() for c in w) for w in sentence.words)


class Reader:
    """Reads passages against one question; ``document_frequency`` weighs its attributes by rarity."""

    def __init__(self, question: Question, document_frequency: Callable[[str], int], documents: int) -> None:
        self.question = question
        self.names = entities(question)
        self.attributes = [t for t in question.key_terms if t not in self.names and t not in _ANSWER_KIND]
        self.weights = {t: math.log(1 + (documents + 1) / (document_frequency(t) + 0.5)) for t in self.attributes}

    def _checkable_names(self, passage: Passage) -> set[str]:
        if passage.lang == self.question.lang:
            return self.names
        # Across languages only names in Latin script or katakana can be matched.
        return {t for t in self.names if t.isascii() or name_words(t)}

    def _attribute_share(self, passage: Passage, sentence: Vocabulary) -> float:
        weights = dict(self.weights)
        if passage.lang != self.question.lang:  # a word the lexicon does not know cannot be checked
            weights = {t: w for t, w in weights.items() if english_concepts(t) or name_words(t)}
        total = sum(weights.values())
        if not total:
            return 1.0 if not self.attributes else 0.0
        across = passage.lang != self.question.lang
        return sum(w for t, w in weights.items() if sentence.speaks_of(t, across)) / total

    def assess(self, passage: Passage, doc: StoredDocument) -> Support:
        before = doc.sentence_text(doc.sentences[passage.sentence - 1]) if passage.sentence else ""
        sentence = Vocabulary([passage.text])
        context = Vocabulary([passage.text, doc.title, before])
        names = self._checkable_names(passage)
        # Every name in the context; and the sentence itself names one, refers back to one, or stands in
        # a document whose title names them all (an article about Sam Altman speaks of him throughout).
        named = all(context.names(t) for t in names) and (
            not names or any(sentence.names(t) for t in names) or bool(_ANAPHOR.search(passage.text))
            or all(Vocabulary([doc.title]).names(t) for t in names)
        )
        named = named and not any(_other_variant(t, sentence) for t in names)
        share = self._attribute_share(passage, sentence)
        supports = named and share > ATTRIBUTE_SHARE and _answer_type_ok(self.question, passage.text)
        return Support(passage, supports, share, named)

    def spread(self, passage: Passage) -> int:
        """How many characters the sentence needs to mention every question word it mentions: a sentence
        that states the asked claim says it compactly ("オムニチームを率いて"); one that mentions the
        words in different clauses is usually about something else."""
        positions = terms_with_offsets(passage.text)
        spots = []
        for term in [*self.names, *self.attributes]:
            hits = [at for word, at in positions if _same_word(term, word)][:6]
            if hits:
                spots.append(hits)
        if len(spots) < 2:
            return 0
        return min(max(choice) - min(choice) for choice in itertools.product(*spots))


def _same_word(term: str, word: str) -> bool:
    if term == word or stem(term) == stem(word) or concepts(term) & concepts(word):
        return True
    if term.isascii() != word.isascii():
        a, b = (term, word) if term.isascii() else (word, term)
        return any(same_name(x, y) for x in name_words(a) for y in name_words(b)) or short_name_match(
            latin_forms(a), katakana_forms(b))
    return False
