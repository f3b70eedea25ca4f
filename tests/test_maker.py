"""Who made it: an article saying a system was built in-house against one naming its maker is a conflict."""

from __future__ import annotations

import pytest
from assistants import assistant_over

from rag.answer_kind import answer_type_ok
from rag.maker import asks_maker, says_in_house
from rag.question import analyse

MACHINAVI = {
    "machinavi_ja.md": "---\ntitle: 関西メディカル、待ち時間予測AIを導入\nlang: ja\n---\n"
                       "大阪市の病院グループ、関西メディカルは外来の待ち時間をAIで予測する取り組みを進めている。\n\n"
                       "待ち時間予測システム「マチナビ」は、同社のデジタル推進室が自社開発し、2025年7月に導入した。\n\n"
                       "平均の待ち時間は導入前より約2割短くなった。\n",
    "machinavi_en.md": "---\ntitle: Hospital group adopts wait-time AI\nlang: en\n---\n"
                       "OSAKA — Kansai Medical, a hospital group, now tells outpatients how long they will wait.\n\n"
                       "The prediction system, known as MachiNavi, was developed by Queuelogic, an Osaka-based startup.\n\n"
                       "Average waits have fallen by about a fifth, the group said.\n",
}


@pytest.mark.parametrize("question", ["マチナビってどこが開発したシステムなの?", "Who developed MachiNavi?"])
def test_in_house_against_a_named_maker_is_laid_out_as_a_conflict(tmp_path, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = assistant_over(tmp_path, MACHINAVI).ask(question)
    assert answer.status == "conflicting", answer.text
    assert {c.lang for c in answer.citations} == {"ja", "en"}


def test_two_articles_naming_the_same_maker_do_not_conflict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    agreeing = {**MACHINAVI, "machinavi_ja.md": MACHINAVI["machinavi_ja.md"].replace(
        "同社のデジタル推進室が自社開発し", "大阪のスタートアップ、キューロジックが開発し")}
    answer = assistant_over(tmp_path, agreeing).ask("Who developed MachiNavi?")
    assert answer.status == "answered", answer.text


@pytest.mark.parametrize(("question", "expected"), [
    ("Who developed MachiNavi?", True),
    ("ユナビってどこが開発したの?", True),
    ("Which company built the kiosk software?", True),
    ("When was MachiNavi developed?", False),  # a time, not a maker
    ("マチナビはどこで使われているの?", False),  # where, not who
])
def test_a_maker_is_asked_by_who_made_it(question: str, expected: bool) -> None:
    assert asks_maker(analyse(question)) is expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("同社の情報システム部門が約2年かけて自社で開発した。", True),
    ("The engine was built in-house by a team of about 40 engineers.", True),
    ("YuNavi was developed jointly with Netsuwa Systems.", False),
    ("翻訳エンジンは東京のミツメAIが開発した。", False),
])
def test_in_house_is_read_in_either_language(sentence: str, expected: bool) -> None:
    assert says_in_house(sentence) is expected


def test_built_in_house_answers_who_built_it() -> None:
    in_house = "待ち時間予測システム「マチナビ」は、同社のデジタル推進室が自社開発した。"
    assert answer_type_ok(analyse("Who developed MachiNavi?"), in_house)
    assert not answer_type_ok(analyse("Who runs MachiNavi?"), in_house)  # a maker is asked only by who made it
