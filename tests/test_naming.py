"""Whether a sentence names the someone or something a who-, which- or name-question asks for (rag.naming)."""

from __future__ import annotations

import pytest

from rag.answer_kind import answer_type_ok
from rag.naming import asks_name, names_someone_new
from rag.question import analyse

AUDIT_JA = "開発元のサキガケ・タレントの石黒大輔社長は取材に「2023年には外部機関による偏りの監査も受けている」と反論した。"
AUDIT_EN = ("Sakigake Talent chief executive Daisuke Ishiguro told reporters the tool had passed an external bias "
            "audit in 2023.")


@pytest.mark.parametrize("question", ["Which company carried out Sakigake Talent's bias audit?",
                                      "サキガケ・タレントの監査をしたのはどこ？", "どの機関がサキガケ・タレントを監査したの？"])
@pytest.mark.parametrize("sentence", [AUDIT_JA, AUDIT_EN])
def test_a_question_asking_for_a_body_is_not_answered_by_a_person(question: str, sentence: str) -> None:
    assert not names_someone_new(analyse(question), sentence)


@pytest.mark.parametrize("sentence", [AUDIT_JA, AUDIT_EN])
def test_the_same_person_answers_a_who_question(sentence: str) -> None:
    assert names_someone_new(analyse("Who runs Sakigake Talent?"), sentence)
    assert names_someone_new(analyse("サキガケ・タレントの社長は誰?"), sentence)


def test_a_body_named_answers_a_question_asking_for_one() -> None:
    question = analyse("Which company carried out Sakigake Talent's bias audit?")
    assert names_someone_new(question, "The audit was carried out by Kestrel Assurance, a Tokyo company.")
    assert names_someone_new(question, "監査はケストレル・アシュアランスが担当した。")


def test_a_title_before_a_name_is_not_the_question_naming_it() -> None:
    # "CEO" is the question's word, "CEO Daisuke Ishiguro" is still a name it does not give.
    assert names_someone_new(analyse("Who is the CEO?"), "CEO Daisuke Ishiguro said an outside firm audited it.")
    # ...while a name the question gives in part stays the question's own.
    assert not names_someone_new(analyse("What did Ishiguro say?"), "CEO Daisuke Ishiguro said an outside firm audited it.")


def test_a_title_is_read_case_sensitively_around_names() -> None:
    # "director" before lower-case words does not make the firm named after them a person.
    question = analyse("Which firm audited the tool?")
    assert names_someone_new(question, "The director said the audit was done by Kestrel Assurance.")


def test_a_company_is_named_by_its_name_not_by_where_it_is_or_what_it_does() -> None:
    question = analyse("ポリグロットを買収しようとしたのってどこの会社?")
    assert not names_someone_new(question, "また、ポリグロットには昨年、米国の大手IT企業から買収の打診があったという。")
    # a company named after a place is still named
    assert names_someone_new(question, "2026年1月には新潟県三条市の農業機械メーカー、三条農機と資本業務提携を結んだ。")
    assert names_someone_new(analyse("Which company tried to buy Polyglot?"), "Polyglot received an offer from Google last year.")


def test_the_name_of_a_person_is_not_a_place() -> None:
    question = analyse("What's the name of the woman who collapsed in Toyooka?")
    assert not names_someone_new(question, "兵庫県豊岡市で一人暮らしの84歳の女性が自宅で倒れた。")
    assert names_someone_new(question, "倒れたのは豊岡市の山本花子さん(84)だった。")


def test_a_place_or_a_title_is_no_name_for_a_body() -> None:
    question = analyse("What's the name of the Nagasaki shipyard doing the conversion work on the Shiokaze Aurora?")
    unnamed = ("Shiokaze will invest about 18 billion yen in the project, including conversion work at a shipyard "
               "in Nagasaki Prefecture, President Hiroshi Kuroda said.")
    assert not names_someone_new(question, unnamed)
    assert names_someone_new(question, "The conversion work will be done at Kaiyo Shipbuilding's shipyard in Nagasaki.")


def test_a_japanese_question_asking_a_name_is_answered_by_one() -> None:
    question = analyse("問題が起きたはなみずき薬局の川口の店って、何て名前の店舗?")
    assert asks_name(question)
    assert not answer_type_ok(question, "男性は同じ川口市内の店舗で薬を受け取った。")  # 川口市: the question's own place
    assert answer_type_ok(question, "男性は「はなみずき薬局川口駅前店」で薬を受け取った。")
    assert not asks_name(analyse("社長は何て言ってるの?"))  # what was said, not a name


def test_the_questions_own_place_read_in_kanji_is_no_name() -> None:
    question = analyse("Which hospital in Takayama treated the man who had the stroke?")
    assert not names_someone_new(question, "男性は高山市内の病院に搬送され、脳梗塞と診断された。")
    assert names_someone_new(question, "男性は高山赤十字病院に搬送された。")


@pytest.mark.parametrize(("question", "sentence", "named"), [
    # a sentence's first word "One" names no one, nor does a town's block ("Sakuradai 2-chome")
    ("What is the name of the hiker who broke his ankle?", "One member, a 62-year-old man, had broken his ankle.", False),
    ("What's the name of the truck driver who hit the woman?",
     "The woman was hit by a left-turning truck at the Sakuradai 2-chome intersection.", False),
    ("What is the name of the hiker who broke his ankle?", "The hiker, Kenji Sato, had slipped on wet rock.", True),
])
def test_a_name_question_is_not_answered_by_a_count_word_or_a_place(question: str, sentence: str, named: bool) -> None:
    assert names_someone_new(analyse(question), sentence) is named
