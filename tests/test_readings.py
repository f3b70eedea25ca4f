"""Kanji names read as romanised names (rag.readings): by any reading of each kanji, from KANJIDIC2."""

import pytest

from rag.entities import kanji_names, compound_names
from rag.question import analyse
from rag.readings import name_prefixes, reads_as, romaji_key
from rag.support import Vocabulary, _names_compound


@pytest.mark.parametrize(("kanji", "latin"), [
    ("黒羽", "Kurobane"),  # rendaku: hane -> bane
    ("空都", "Sorato"),  # kun + on, not Sudachi's guess (kuto)
    ("東海南", "TokaiMinami"),  # two words of a name, written together
    ("日本", "Nippon"),  # a doubled consonant: nichi + hon -> nip + pon
    ("新橋", "Shimbashi"),  # m before b
    ("東京", "Tōkyō"),  # long vowels, marked or not
])
def test_a_kanji_name_reads_as_its_romanisation(kanji: str, latin: str) -> None:
    assert reads_as(kanji, latin)


@pytest.mark.parametrize(("kanji", "latin"), [
    ("黒羽", "Sorato"), ("東京", "Tokai"), ("日本", "Japan"),
    ("黒羽", "Kuro"),  # every kanji must be read
    ("東京", "Toky"),  # and the whole word
    ("abc", "Kurobane"),  # not kanji
])
def test_a_kanji_name_does_not_read_as_another_word(kanji: str, latin: str) -> None:
    assert not reads_as(kanji, latin)


def test_romaji_keys_drop_long_vowels_and_write_n_before_b() -> None:
    assert romaji_key("Ohno") == romaji_key("Ōno") == "ono"
    assert romaji_key("Namba") == "nanba"


def test_names_are_the_front_of_a_run_of_kanji() -> None:
    assert kanji_names("黒羽商事の株価と東海南鉄道") == {"黒羽", "東海南"}
    assert "株価" not in kanji_names("株価が下がった")  # a common word is no name
    assert name_prefixes("白凪町") == ["白凪町", "白凪"]


def test_a_compound_name_is_named_by_its_romanisation() -> None:
    question = analyse("白凪町のドローン配送、住民は1回いくら払うの？")
    [(surface, members)] = compound_names(question)
    assert _names_compound(Vocabulary(["Shiranagi town's residents pay ¥300 per order."]), surface, members)
    assert not _names_compound(Vocabulary(["Shirosaki town's residents pay ¥300 per order."]), surface, members)


def test_a_name_opening_in_hiragana_is_read_as_written() -> None:
    assert kanji_names("みなと屋は横浜市に本社を置く。") == {"みなと屋"}  # Sudachi reads みなと as 港
    assert kanji_names("あおぞら銀行の頭取が語った。") == {"あおぞら"}  # the bank is what it is
    assert "ほか" not in kanji_names("ほかの銀行も追随した。")  # two hiragana alone are no name
    assert name_prefixes("みなと屋") == ["みなと屋", "みなと"]
    assert reads_as("みなと屋", "Minatoya") and not reads_as("みなと屋", "Minamiya")
    assert Vocabulary(["同社は1958年創業で、みなと屋の売上高は2480億円だった。"]).names("minatoya")
