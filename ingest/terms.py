"""Keyword terms for BM25: Sudachi morphemes for Japanese, lower-cased words for English, stopwords dropped."""

from __future__ import annotations

import functools
import re
import threading
import unicodedata

TOKENIZER_VERSION = "sudachi-C-normalized/en-lower/v2"  # v2: 「ナビって」 is ナビ + って, not a verb ナビる

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
_ASCII_RUN = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*")
# Parts of speech that carry no topic: particles, auxiliaries, punctuation, blanks, suffixes.
_SKIP_POS = {"助詞", "助動詞", "補助記号", "空白", "記号", "接尾辞", "感動詞", "接続詞"}
_JA_STOP = {
    "する", "ある", "居る", "いる", "成る", "なる", "こと", "もの", "物", "事", "これ", "それ", "あれ",
    "この", "その", "あの", "様", "よう", "為", "ため", "彼", "出来る", "できる", "言う", "思う",
    "有る", "無い", "ない", "又", "及び", "等", "など", "とき", "時", "所", "ところ", "氏", "さん",
    # Sudachi's normalised forms of the same function words: する -> 為る, その -> 其の, ...
    "為る", "其の", "此の", "彼の", "其れ", "此れ", "彼れ", "居る", "様", "為", "事", "物", "所", "有る", "成る",
}
_EN_STOP = set(
    """a an and are as at be been being but by can could did do does for from had has have he her his how
    i if in into is it its itself me my no not of on or our she so than that the their them then there these
    they this those to was we were what when where which who whom whose why will with would you your about
    after all also any because before between both during each few more most other over same should some
    such through under until up very while along among against within without across around upon onto per
    via even just only still yet ever really""".split()
)


@functools.cache
def _dictionary():  # type: ignore[no-untyped-def]
    from sudachipy import Dictionary

    return Dictionary(dict="core")


_local = threading.local()


def _sudachi():  # type: ignore[no-untyped-def]
    # A Sudachi tokenizer must not be used by two threads at once (LangChain batches and Gradio use
    # threads): one per thread, over one shared dictionary.
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        from sudachipy import SplitMode

        tokenizer = _local.tokenizer = _dictionary().tokenizer(mode=SplitMode.C)
    return tokenizer


def _english_term(word: str) -> bool:
    # A lone letter is noise (the "s" of "OpenAI's"); a lone digit is not.
    return word not in _EN_STOP and (len(word) > 1 or word.isdigit())


_KATAKANA_VERB = re.compile(r"[ァ-ヴー]{2,}る")
_KATAKANA_TE = re.compile(r"[ァ-ヴー]{2,}っ")


def terms(text: str) -> list[str]:
    """The BM25 terms of ``text``; mixed Japanese/English text gets both treatments."""
    return [term for term, _ in terms_with_offsets(text)]


def terms_with_offsets(text: str) -> list[tuple[str, int]]:
    """Each term of ``text`` with where it starts (in the NFKC form of ``text``): English words first,
    then Japanese morphemes."""
    text = unicodedata.normalize("NFKC", text)  # full-width letters and digits match their ASCII forms
    out = [(m.group(0), m.start()) for m in _WORD.finditer(text.lower()) if _english_term(m.group(0))]
    morphemes = _morphemes(text)
    for at, morpheme in enumerate(morphemes):
        if morpheme.part_of_speech()[0] in _SKIP_POS:
            continue
        form = morpheme.normalized_form()
        if (_KATAKANA_VERB.fullmatch(form) and _KATAKANA_TE.fullmatch(morpheme.surface())
                and at + 1 < len(morphemes) and morphemes[at + 1].surface() == "て"):
            form = form[:-1]  # 「ナビって」 is ナビ + the colloquial って, not a verb ナビる
        if form and form not in _JA_STOP and not form.isspace():
            out.append((form, morpheme.begin()))
    return out


def _morphemes(text: str, fine: bool = False) -> list:  # type: ignore[type-arg]
    """Sudachi's morphemes of the Japanese in NFKC ``text`` (none if it has no Japanese). Latin-script
    words get the English treatment wherever they stand, so "GPT-4o" is one term in both languages
    (Sudachi would split it, and turns English words into katakana: team -> チーム); blanking them with
    spaces of the same length keeps the offsets. ``fine``: Sudachi's shortest units (mode A)."""
    if not JAPANESE.search(text):
        return []
    blanked = _ASCII_RUN.sub(lambda m: " " * len(m.group(0)), text)
    if not fine:
        return list(_sudachi().tokenize(blanked))
    from sudachipy import SplitMode

    return list(_sudachi().tokenize(blanked, SplitMode.A))


def kanji_readings(text: str) -> set[str]:
    """The katakana readings of the words of ``text`` written in kanji (東邦 -> トウホウ, 石狩 -> イシカリ),
    split finely (福岡市博多区 -> 福岡, 市, 博多, 区): a name in kanji is written in Latin script by its reading."""
    morphemes = _morphemes(unicodedata.normalize("NFKC", text), fine=True)
    return {m.reading_form() for m in morphemes if KANJI.search(m.surface()) and m.reading_form()}


def sub_words(word: str) -> list[str]:
    """The parts of a Japanese compound (研究開発 -> 研究, 開発; 従業員数 -> 従業員, 数), normalised as
    ``terms`` normalises: a compound a dictionary lacks is understood through its parts."""
    parts = [m.normalized_form() for m in _morphemes(word, fine=True) if m.part_of_speech()[0] not in _SKIP_POS - {"接尾辞"}]
    return [p for p in parts if p and p not in _JA_STOP] if len(parts) > 1 else []


def kanji_proper_nouns(text: str, places: bool = True) -> set[str]:
    """Names written in kanji (Sudachi's proper nouns: 織部, 苫小牧, 北上), normalised as ``terms`` gives them;
    without place names (福井, 北陸) unless ``places``."""
    return {m.normalized_form() for m in _morphemes(unicodedata.normalize("NFKC", text))
            if m.part_of_speech()[1] == "固有名詞" and KANJI.search(m.surface())
            and (places or m.part_of_speech()[2] != "地名")}


def people_named(text: str, titles: frozenset[str]) -> set[str]:
    """The words of the people's names in ``text`` that stand for a person: a family and a given name
    (石黒大輔), or a name before one of ``titles`` (石黒社長, 石黒氏); not a company named after someone
    (鴻海精密工業), nor a lone name, which may be either."""
    found: set[str] = set()
    run: list[str] = []
    for m in [*_morphemes(unicodedata.normalize("NFKC", text)), None]:
        if m is not None and m.part_of_speech()[2] == "人名":
            run.append(m.normalized_form())
            continue
        if len(run) >= 2 or (run and m is not None and m.surface() in titles):
            found.update(run)
        run = []
    return found


def noun_runs(text: str) -> list[list[tuple[str, str]]]:
    """Runs of consecutive nouns (with prefixes and suffixes) in the Japanese of ``text``, each morpheme as
    (normalised form, surface): 空都デバイスは… -> [[(空都, 空都), (デバイス, デバイス)], …]. A company or place
    name is such a run."""
    runs: list[list[tuple[str, str]]] = [[]]
    for m in _morphemes(unicodedata.normalize("NFKC", text)):
        if m.part_of_speech()[0] in ("名詞", "接頭辞", "接尾辞") and not m.surface().isspace():
            runs[-1].append((m.normalized_form(), m.surface()))
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]
