"""The decision on small corpora written for each case: conflict, false premise, speculation asked as a
yes/no and as a what question, absent facts, and answers in the question's language.

The store uses the hash embedder: with a handful of sentences every one is retrieved, so these tests
exercise the reader and the decision, not the embedding model.
"""

from __future__ import annotations

import dataclasses

import pytest
from assistants import assistant_over

from rag.assistant import Assistant
from rag.decision import told_by_two
from rag.forecast import asks_forecast, intention, not_settled_by
from rag.question import analyse
from rag.retrieval import Passage
from rag.support import Reader, Support, Vocabulary

ARTICLES = {
    "acme_en.md": """---
title: Acme Robotics profile
lang: en
---
Acme Robotics was founded in 2015 by Jane Doe in Osaka.
Acme Robotics builds warehouse robots for logistics companies.
Acme Robotics closed its Kyoto factory in 2021.
Acme Robotics may be planning a humanoid robot, according to rumours.
""",
    "acme_news.md": """---
title: Acme Robotics in the news
lang: en
---
Acme Robotics was founded in 2017, according to its company filing.
The weather in Osaka was mild last spring.
""",
    "acme_ja.md": """---
title: アクメ・ロボティクスの紹介
lang: ja
---
アクメ・ロボティクスは倉庫用のロボットを開発している。
アクメ・ロボティクスは人型ロボットを計画しているかもしれない。
""",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("decision"), ARTICLES)


def _slices_back(assistant: Assistant, answer) -> None:  # type: ignore[no-untyped-def]
    for c in answer.citations:
        assert assistant.document(c.doc_id).text[c.char_start : c.char_end] == c.quote


def test_two_sources_giving_different_years_are_laid_out_as_a_conflict(assistant: Assistant) -> None:
    answer = assistant.ask("When was Acme Robotics founded?")
    assert answer.status == "conflicting"
    assert {c.title for c in answer.citations} == {"Acme Robotics profile", "Acme Robotics in the news"}
    assert "2015" in answer.text and "2017" in answer.text
    assert answer.text.startswith("The articles disagree")
    _slices_back(assistant, answer)


def test_a_false_premise_gets_the_cited_correction(assistant: Assistant) -> None:
    answer = assistant.ask("Why did Acme Robotics close its Kyoto factory in 2019?")
    assert answer.status == "answered"
    assert answer.text.startswith("The question's premise does not match the articles")
    assert [c.quote for c in answer.citations] == ["Acme Robotics closed its Kyoto factory in 2021."]
    _slices_back(assistant, answer)


def test_a_plain_fact_is_answered_with_its_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("What does Acme Robotics build?")
    assert answer.status == "answered"
    assert answer.citations[0].quote == "Acme Robotics builds warehouse robots for logistics companies."
    assert not answer.citations[0].speculative


@pytest.mark.parametrize(
    "question",
    ["Is Acme Robotics planning a humanoid robot?", "What kind of humanoid robot is Acme Robotics planning?"],
)
def test_a_speculative_claim_is_refused_whatever_the_question_form(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert (answer.status, answer.reason) == ("refused", "speculative")
    assert answer.citations and all(c.speculative for c in answer.citations)
    assert any("may" in c.cues or "may be" in " ".join(c.cues) for c in answer.citations)
    _slices_back(assistant, answer)


def test_japanese_speculation_is_refused_in_japanese(assistant: Assistant) -> None:
    answer = assistant.ask("アクメ・ロボティクスは人型ロボットを計画しているの?")
    assert (answer.status, answer.reason) == ("refused", "speculative")
    assert answer.text.startswith("記事はこの点について推測しているだけ")


def test_an_absent_attribute_is_not_found_although_the_company_is_known(assistant: Assistant) -> None:
    for question in ("How much revenue did Acme Robotics make last year?", "アクメ・ロボティクスの売上高はいくら?"):
        answer = assistant.ask(question)
        assert (answer.status, answer.reason, answer.citations) == ("refused", "not_found", [])


def test_a_japanese_question_is_answered_in_japanese(assistant: Assistant) -> None:
    answer = assistant.ask("アクメ・ロボティクスは何を開発しているの?")
    assert answer.status == "answered" and answer.text.startswith("記事によると")
    assert "倉庫用のロボット" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        ("Who led the Omni team?", "オムニチームを率いてGPT-4oを開発した。", True),  # led ~ 率いる, Omni ~ オムニ
        ("OpenAIの売上高はいくら?", "OpenAI's sales grew last year.", True),  # 売上高 ~ sales
        ("Who led the Omni team?", "オムニチームは新しいモデルを発表した。", False),  # nobody led anything
        ("When did he marry?", "He married in 2024.", True),  # stems
    ],
)
def test_the_reader_matches_what_is_asked_across_languages(question: str, sentence: str, expected: bool) -> None:
    q = analyse(question)
    vocabulary = Vocabulary([sentence])
    across = analyse(sentence).lang != q.lang
    asked = [t for t in q.key_terms if not t.isascii() or t not in {"omni", "openai"}]
    attribute = {"Who led the Omni team?": "led", "OpenAIの売上高はいくら?": "売上高", "When did he marry?": "marry"}[question]
    assert attribute in asked
    assert vocabulary.speaks_of(attribute, across) is expected


OTHER_ARTICLES = {
    "exam_en.md": """---
title: Asagiri University reviews its exams
lang: en
---
Asagiri University found that 63 students in its economics faculty had submitted essays written by AI.
The university will hold oral exams from April.
""",
}


@pytest.fixture(scope="module")
def exam_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("other"), OTHER_ARTICLES)


def test_a_question_about_others_is_not_answered_by_the_one_named(exam_assistant: Assistant) -> None:
    asked = exam_assistant.ask("Did students in the economics faculty at Asagiri University submit essays written by AI?")
    assert asked.status == "answered"  # the same sentence answers the question about the faculty it names
    other = exam_assistant.ask("Did students in other faculties at Asagiri University submit essays written by AI?")
    assert other.status == "refused"


def test_a_count_is_not_answered_by_an_amount_of_money() -> None:
    from rag.answer_kind import answer_type_ok

    question = analyse("How many tonnes of food waste did Tsubaki cut?")
    assert not answer_type_ok(question, "Lower waste saved about ¥1.2 billion in disposal costs.")
    assert answer_type_ok(question, "Tsubaki cut its food waste by about 4,300 tonnes.")


# Each report opens with a lead of its own: a first sentence must say nearly all of a question (rag.support).
LETTER_ARTICLES = {
    "letter_en.md": """---
title: Researchers sign an open letter against the Mizuchi licence
lang: en
---
Researchers are pushing back against the terms of a new model licence.
An open letter against the Mizuchi licence had collected signatures from 340 researchers by Friday.
""",
    "letter_ja.md": """---
title: ミズチのライセンスに反対する公開書簡
lang: ja
---
新しいモデルのライセンス条件に研究者が反発している。
ミズチのライセンスに反対する公開書簡の賛同者は約410人に達した。
""",
}


def test_the_same_report_with_another_figure_in_the_other_language_is_a_conflict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assistant = assistant_over(tmp_path, LETTER_ARTICLES)
    answer = assistant.ask("How many researchers signed the open letter against the Mizuchi licence?")
    assert answer.status == "conflicting"
    assert {c.lang for c in answer.citations} == {"en", "ja"}
    assert "340" in answer.text and "410" in answer.text


FUND_ARTICLES = {
    "fund_en.md": """---
title: Hikari AI Ventures closes its second fund
lang: en
---
Hikari AI Ventures closed its second fund at a total size of ¥32 billion.
""",
    "fund_ja.md": """---
title: ヒカリAIベンチャーズ、2号ファンドをクローズ
lang: ja
---
Hikari AI Venturesは2号ファンドを総額300億円でクローズした。
""",
}


def test_a_value_asked_without_how_much_is_compared_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = assistant_over(tmp_path, FUND_ARTICLES).ask("What was the total size of the second fund Hikari AI Ventures closed?")
    assert answer.status == "conflicting"
    assert "32" in answer.text and "300" in answer.text


RAIL_ARTICLES = {
    "rail_ja.md": """---
title: 東海南鉄道、AIで線路を点検
lang: ja
---
東海南鉄道は2023年12月から知多線で夜間の巡回とAIの点検を比べる試験を実施した。
""",
}


def test_a_when_question_is_not_answered_by_a_date_of_something_else(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assistant = assistant_over(tmp_path, RAIL_ARTICLES)
    assert assistant.ask("東海南鉄道は知多線で夜間の巡回をいつから減らすの？").status == "refused"  # 減らす: not said
    assert assistant.ask("東海南鉄道は知多線でいつから試験を実施したの？").status == "answered"


LISTING_ARTICLES = {
    "ipo_ja.md": """---
title: ナギサ・インテリジェンス、東証グロースに上場へ
lang: ja
---
ナギサ・インテリジェンスは12月18日に東証グロース市場へ上場する。
""",
}


def test_a_wrong_date_in_the_question_gets_the_stated_date(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assistant = assistant_over(tmp_path, LISTING_ARTICLES)
    wrong = assistant.ask("ナギサ・インテリジェンスは12月16日に上場するの？")  # 16 is not 18, though 12 is 12
    assert wrong.status == "answered" and wrong.text.startswith("質問の前提")
    assert [c.quote for c in wrong.citations] == ["ナギサ・インテリジェンスは12月18日に東証グロース市場へ上場する。"]
    right = assistant.ask("ナギサ・インテリジェンスは12月18日に上場するの？")
    assert right.status == "answered" and not right.text.startswith("質問の前提")


PADDY_ARTICLES = {
    "paddy_en.md": """---
title: Drones to scout rice paddies for pests in Hokuriku
lang: en
---
The trial will cover 1,200 hectares of paddy fields farmed by 320 member households, the cooperative said.
""",
    "paddy_ja.md": """---
title: 水田の害虫、ドローンで監視
lang: ja
---
対象は県中部の平野部を中心とする約1500ヘクタールの水田で、7月から本格的な飛行を開始する。
""",
}


def test_two_articles_giving_the_asked_unit_differently_conflict_however_worded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    answer = assistant_over(tmp_path, PADDY_ARTICLES).ask("How many hectares of paddy fields will the trial cover?")
    assert answer.status == "conflicting"
    assert "1,200" in answer.text and "1500" in answer.text


def test_a_date_of_another_event_is_no_other_side(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assistant = assistant_over(tmp_path, {
        "kazane_en.md": "---\ntitle: Kazane Care Systems sensors\nlang: en\n---\n"
                        "Kazane Care Systems, founded in 2019, says its sensors are now installed in about 3,000 rooms.\n",
        "kazane_ja.md": "---\ntitle: 風音ケアシステムズの転倒検知\nlang: ja\n---\n"
                        "あおぞらの里は2025年、風音ケアシステムズが開発した転倒検知システムを導入した。\n",
    })
    # 2025年 dates the introduction (導入), not the founding (設立) the question asks about
    answer = assistant.ask("風音ケアシステムズって何年に設立されたの?")
    assert answer.status == "answered" and "2019" in answer.citations[0].quote


PORT_ARTICLES = {
    "port_en.md": """---
title: Kaizu port brings in AI crane planning
lang: en
---
Kaizu Container Terminal has started planning its crane moves with an AI system.
Kaizu Container Terminal said it will not lay off any crane operators because of the system.
""",
}


def test_how_many_is_answered_by_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assistant = assistant_over(tmp_path, PORT_ARTICLES)
    answer = assistant.ask("How many crane operators did Kaizu Container Terminal lay off after the AI went in?")
    assert answer.status == "answered" and "will not lay off" in answer.citations[0].quote
    # a count of something else is still no answer
    other = assistant.ask("How many ships did Kaizu Container Terminal turn away after the AI went in?")
    assert other.status == "refused"


FEARED = {
    "union_ja.md": """---
title: 倉庫ロボットと労働組合
lang: ja
---
アクメ・ロボティクスは2025年に倉庫ロボットを導入した。
労働組合は、倉庫ロボットのデータが従業員の人事評価に使われることへの懸念を示している。
""",
}


@pytest.fixture(scope="module")
def feared(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(tmp_path_factory.mktemp("feared"), FEARED)


def test_a_fear_that_it_is_so_does_not_answer_a_yes_no_question(feared: Assistant) -> None:
    answer = feared.ask("倉庫ロボットのデータって人事評価に使われるの?")
    assert (answer.status, answer.reason) == ("refused", "speculative")
    assert "懸念" in answer.text and answer.citations[0].quote.startswith("労働組合は")
    _slices_back(feared, answer)


FORECASTS = {
    "coast_ja.md": "---\ntitle: 海上保安庁、衛星AIで違法漁船を監視\nlang: ja\n---\n"
                   "海上保安庁は衛星画像をAIで解析し、違法操業の漁船を探す試験を始めた。\n\n"
                   "衛星の撮影間隔は現在12時間で、同庁は複数の事業者から画像を購入して撮影間隔を縮めたい考えだ。\n",
    "trucks_en.md": "---\ntitle: Tsubame Transport's route planner\nlang: en\n---\n"
                    "Tsubame Transport began using the RouteMind planner in 2023.\n\n"
                    "Tsubame Transport plans to sell RouteMind to other trucking firms next year.\n",
}


def test_a_question_about_the_likely_outcome_is_not_answered_by_an_intention(tmp_path) -> None:
    answer = assistant_over(tmp_path, FORECASTS).ask("海上保安庁の衛星の撮影間隔って、この先どこまで縮まりそう?")
    assert (answer.status, answer.reason) == ("refused", "speculative"), answer.text
    assert "たい考え" in answer.text  # the intention is shown as the wording that makes it no answer


@pytest.mark.parametrize(("question", "forecast"), [
    ("ルートマインドを他の運送会社に売る計画はどうなりそう?", True),
    ("Is Tsubame Transport likely to sell RouteMind?", True),
    ("ルートマインドはいつ導入されたの?", False),
    ("When did Tsubame Transport start using RouteMind?", False),
])
def test_a_forecast_is_asked_by_what_is_likely(question: str, forecast: bool) -> None:
    assert asks_forecast(analyse(question)) is forecast


def test_an_intention_is_found_in_either_language() -> None:
    assert intention("Tsubame Transport plans to sell RouteMind.") == "plans"
    assert intention("他社への外販も計画していた。") == "計画"
    assert intention("The plant began shipping in March.") == ""


@pytest.mark.parametrize(("question", "sentence", "wording"), [
    # when something yet to come happens: an aim gives a target, not the date
    ("エンジン音で判定する機能っていつ使えるようになるの?", "2026年中の実用化を目指すという。", "目指"),
    ("When will the Kobe plant open?", "The company aims to open the Kobe plant in 2027.", "aims"),
    ("When will the Kobe plant open?", "The Kobe plant will open in April 2027.", ""),
    ("エンジン音で判定する機能はいつ導入された?", "2026年中の実用化を目指すという。", ""),  # the past: not asked of an aim
])
def test_an_aim_does_not_say_when_something_yet_to_come_happens(question: str, sentence: str, wording: str) -> None:
    assert not_settled_by(analyse(question), sentence) == wording


def test_a_target_date_is_refused_as_speculation_and_shown_as_such(tmp_path) -> None:
    docs = {"kobe.md": "---\ntitle: Hoshino Foods plans a Kobe plant\nlang: en\n---\n"
            "Hoshino Foods builds frozen meals in Osaka.\n\n"
            "Hoshino Foods targets an opening of its Kobe plant in April 2027.\n"}
    answer = assistant_over(tmp_path, docs).ask("When will Hoshino Foods' Kobe plant open?")
    assert (answer.status, answer.reason) == ("refused", "speculative")
    assert "(hedged wording: targets)" in answer.text


def test_the_same_sentence_answers_a_question_that_asks_no_forecast(tmp_path) -> None:
    answer = assistant_over(tmp_path, FORECASTS).ask("海上保安庁の衛星の撮影間隔は今何時間?")
    assert answer.status == "answered" and "12時間" in answer.citations[0].quote


def _support(text: str, lang: str, doc_id: str, share: float, cues: tuple[str, ...] = ()) -> Support:
    passage = Passage(doc_id=doc_id, title="", url="", lang=lang, sentence=0, char_start=0, char_end=len(text),
                      text=text, speculative=bool(cues), cues=cues, reported=False, score=0.0)
    return Support(passage, True, share, True, True)


FOUNDED_EN = _support("Epitoma was founded in 2021 by Aya Kurokawa.", "en", "en", 1.0)
FOUNDED_JA = _support("エピトマは2021年、黒川氏らが設立した。", "ja", "ja", 1.0)
LISTING = _support("市場では、エピトマが2027年にも上場するとの観測が出ている。", "ja", "ja", 1.0, ("との観測",))


def _reader(question: str) -> Reader:
    return Reader(analyse(question), lambda term: 1, 100)


def test_two_articles_stating_it_outweigh_one_hedging_as_much() -> None:
    assert told_by_two(analyse("Who started Epitoma?"), _reader("Who started Epitoma?"), [FOUNDED_EN, FOUNDED_JA], [LISTING])


@pytest.mark.parametrize(("question", "asserted", "hedged"), [
    ("Who started Epitoma?", [FOUNDED_EN], [LISTING]),  # one article states it: the tie goes to the hedge
    ("Who started Epitoma?", [FOUNDED_EN, FOUNDED_JA],  # both articles hedge as much as they state
     [LISTING, _support("Epitoma may list in 2027, analysts say.", "en", "en", 1.0, ("may",))]),
    ("Did Kurokawa start Epitoma?", [FOUNDED_EN, FOUNDED_JA], [LISTING]),  # yes/no: any sentence on it shares its words
    ("Who started Epitoma?", [FOUNDED_EN, dataclasses.replace(FOUNDED_JA, share=0.5)], [LISTING]),  # the second says less
])
def test_a_tie_still_goes_to_the_hedge(question: str, asserted: list[Support], hedged: list[Support]) -> None:
    assert not told_by_two(analyse(question), _reader(question), asserted, hedged)
