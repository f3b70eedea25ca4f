"""A question that asks two things is answered part by part (rag.compound, rag.decision)."""

from __future__ import annotations

from pathlib import Path

from assistants import assistant_over

from rag.compound import question_parts
from rag.question import analyse


def test_each_part_of_a_compound_question_carries_the_names_of_the_whole() -> None:
    parts = question_parts(analyse("How tall is the Hibari robot, and how long can it run on a single charge?"))
    assert [p.text for p in parts] == ["How tall is the Hibari robot",
                                       "how long can it run on a single charge (Hibari)?"]
    parts = question_parts(analyse("風花ロボティクスの最初の大口顧客ってどこ？何台買うの？"))
    assert [p.text for p in parts] == ["風花ロボティクスの最初の大口顧客ってどこ？", "風花ロボティクスの何台買うの？"]
    parts = question_parts(analyse("ツバキ・リテールがAIを最初に試したのはいつ？何店舗で？"))
    assert parts[1].text.startswith("ツバキ・リテールの")  # the whole name, not its parts
    parts = question_parts(analyse("Who founded Veridia Canopy, and what did they do before?"))
    assert parts[1].text == "what did they do before (Veridia Canopy)?"  # a name of two capitalised words


def test_a_question_that_asks_one_thing_has_no_parts() -> None:
    assert question_parts(analyse("How many employees and contractors does Hibari Robotics have?")) == []
    assert question_parts(analyse("木簡解読AIの学習には、どれくらいの数の文字画像が使われたか？")) == []  # no question before the comma


HIBARI = {
    "hibari_en.md": "---\ntitle: Hibari Robotics shows its humanoid\nlang: en\n---\n"
                    "Hibari Robotics showed its humanoid robot in Kyoto on Monday.\n\n"
                    "The Hibari robot stands 165 centimetres tall and weighs 62 kilograms.\n\n"
                    "The company plans to sell the robot to warehouses.\n",
    "hibari_ja.md": "---\ntitle: ヒバリ・ロボティクスが人型ロボット\nlang: ja\n---\n"
                    "ヒバリ・ロボティクスは人型ロボットを公開した。\n\n1回の充電で約4時間稼働する。\n",
}


def test_a_compound_question_is_answered_from_the_sentences_of_its_parts(tmp_path: Path) -> None:
    assistant = assistant_over(tmp_path, HIBARI)
    answer = assistant.ask("How tall is the Hibari robot, and what does it weigh?")
    assert answer.status == "answered", answer.text
    assert answer.question == "How tall is the Hibari robot, and what does it weigh?"
    assert any("165 centimetres" in c.quote for c in answer.citations)
    # a part nothing supports adds no citation; the answer stands on the part that is supported
    answer = assistant.ask("How tall is the Hibari robot, and who designed its hands?")
    assert answer.status == "answered", answer.text
    assert [c.quote for c in answer.citations] == ["The Hibari robot stands 165 centimetres tall and weighs 62 kilograms."]
    # and a question none of whose parts is supported is still refused
    assert assistant.ask("Who designed the Hibari robot's hands, and what did they cost?").status == "refused"
