"""Two sources disagree only on the asked kind of value, in the same unit (rag.conflicts)."""

from __future__ import annotations

import pytest

from rag.answer_kind import answer_type_ok
from rag.conflicts import asked_kinds, conflicting_sides, counterparts, disagree, stated
from rag.question import analyse
from rag.retrieval import Passage
from rag.support import Support


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("How many people signed the open letter?", "It had collected signatures from 340 researchers and engineers.",
         "賛同者は約410人に達した。"),
        ("北陽県がツキミシステムズに払う契約額っていくら？", "It was built under a contract worth ¥38 million.",
         "契約額は約4,200万円。"),
        ("この実証実験でカバーする水田の面積は何ヘクタール？", "The trial will cover 1,200 hectares of paddy fields.",
         "対象は約1500ヘクタールの水田で、本格的な飛行を開始する。"),
        ("When did the ministry approve NoduLens?", "The ministry granted approval on June 12.", "6月14日付で国の承認を得た。"),
        ("When was the first fund raised?", "It raised its debut fund in 2019.", "2020年に組成した1号ファンド。"),
        ("How many times did the chatbot give the wrong deadline?", "It did so in 1,240 conversations.",
         "誤った回答は約1,400件にのぼる。"),
        ("In which month do the drone flights begin?", "Flights are scheduled to begin in June.", "7月から飛行を開始する。"),
        ("When did the collision occur?", "The collision occurred on October 14.", "10月15日に事故を起こした。"),
        ("When was Kagura-2 released?", "Kagura-2 was released in October 2024.", "2024年11月に公開した。"),  # same year
        ("How much text was it trained on?", "It was trained on 9.5 trillion tokens of text.", "約11兆トークンのテキストで学習した。"),
        ("How many songs did Otoha use?", "Otoha used about 68,000 of their songs.", "オトハは約8万曲を使ったという。"),
        ("How many documents does YamaText contain?", "It contains roughly 1.2 million Japanese documents.",
         "約80万本の文書を収録している。"),  # what a counter counts follows の
        ("How many minivans run in the trial?", "The trial uses six electric minivans.", "The trial uses 8 electric minivans."),
        ("What score did Kagura-2 get?", "Kagura-2 scored 78.4, the highest of any model.", "Kagura-2が81.2点を記録した。"),
        # what a Japanese count counts stands before the number (発酵タンク36基); "of Kurahashi's" is no unit
        ("How many tanks get sensors?", "Sensors go in all 42 of Kurahashi's fermentation tanks.", "発酵タンク36基すべてに取り付ける。"),
        # the days beside the counts are spans, not counts of something else that agree (9営業日 ~ nine business days)
        ("試行期間中に処理した申し込みは何件？", "Kurabe processed 2,300 applications and cut the wait from 9 business days to 2.",
         "2800件の申し込みを処理し、期間は平均9営業日から2営業日に短縮された。"),
        # どれだけ asks a quantity
        ("年間どれだけの水の損失を防げる？", "Repairs save about 1.3 million cubic metres of water a year.",
         "年間約90万立方メートルの水の損失を防いだ。"),
        # a full-width ％ is a share; 台 counts whatever the English names; トン分 is tonnes
        ("モドリの手数料は運賃の何％？", "Modori charges a commission of 4% of the freight fee.", "運賃の5％を手数料として支払う。"),
        ("How many elevators will get sensors?", "It will fit all 26,000 elevators.", "対象は約2万4000台だ。"),
        ("How many heads of lettuce does it turn out per day?", "The facility produces 12,000 heads of lettuce a day.",
         "レタスを1日あたり約1万株生産する。"),  # 株 counts plants
        ("How much will be issued?", "About 410,000 tonnes of credits will be issued.", "年内に約39万トン分を発行する。"),
        # 何日前 asks a span
        ("シフトは何日前までに示す？", "Schedules must be posted at least 14 days before the shift.", "勤務開始の少なくとも10日前までに示す。"),
        # the last part of 5万2000 is no year
        ("How big is the reserve?", "It covers the 48,000-hectare reserve.", "保護林（約5万2000ヘクタール）で使う。"),
    ],
)
def test_the_same_kind_of_value_with_no_value_in_common_disagrees(question: str, first: str, second: str) -> None:
    assert disagree(analyse(question), first, second)
    assert disagree(analyse(question), second, first)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # "by how much": the shares differ; that both reports are about 2025 does not make them agree
        ("By how much did the drones reduce pesticide use?", "Farmers in the 2025 trials used 30% less pesticide.",
         "2025年の実証では、農薬の使用量を平均で42%減らせた。"),
        # a month against a month of the same year disagrees, whatever else the sentences say
        ("When did the hospital start using the AI?", "The hospital began using it in October 2025.",
         "病院はシステムを2025年11月に導入し、これまでに14人の発見につながった。"),
    ],
)
def test_values_that_differ_disagree_whatever_else_the_reports_share(question: str, first: str, second: str) -> None:
    assert disagree(analyse(question), first, second)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        # the same value in two notations
        ("How many parameters does the model have?", "It is built on a model with about 3 billion parameters.",
         "約30億パラメーターの言語モデルを端末内で動かす。"),
        # counts of different things
        ("How many companies use the service in Japan?", "The company operates about 62,000 GPUs.",
         "国内の利用企業は約300社に上る。"),
        # a money question does not compare the years beside the amounts
        ("アオゾラの投資額はいくら？", "Aozora will invest ¥240 billion and open in fiscal 2028.",
         "投資額は2400億円で、2027年度の開業を予定する。"),
        # no value of the asked kind on one side
        ("How many employees does it have?", "It employs 140 people.", "本社は東京にある。"),
        # a month alone agrees with a day of it; a name is no month ("Jane"), nor is the modal "may"
        ("When did it open?", "It opened in June.", "6月14日に開いた。"),
        ("When was it founded?", "Jane founded it.", "It may be founded in May."),
        # offices are not officers, though the stems meet
        ("How many interpreters does the city have?", "The city has avatars at nine ward offices.",
         "市は手話通訳者を6人体制で維持する。"),
        # 8割 is 80%
        ("What share of the leaks were underground?", "About 80% of the leaks were underground.",
         "漏水のうち約8割は地下漏水だった。"),
        ("What score did Kagura-2 get?", "Kagura-2 scored 78.4 on the test.", "Kagura-2は78.4点だった。"),
        # a proportion is not a change: 40% of skiers against sales 12％ higher (nor is "make up about" a rise)
        ("外国人客の割合は？", "Foreign visitors now make up about 40% of skiers.", "1人当たりの売上高は前年同期比12％増えた。"),
        # spans of time in other units (minutes against a six-month trial), and "1店舗あたり" (per store) is no
        # count of stores against "120 stores"
        ("How much time do store managers save on ordering?", "店長らが発注にかける時間が1店舗あたり1日平均約45分から約15分に短縮した。",
         "During a six-month trial at 120 stores, the system reduced food waste by 31%."),
        ("How long did the trial run?", "The trial ran for 6 months.", "最初の講習は90分で終わった。"),
        # amounts in two currencies cannot be compared without an exchange rate
        ("How much money has Hikari Compute raised in total so far?", "累計の調達額は約700億円となった。",
         "Hikari Compute said it had raised $320 million in a Series C round."),
        # a Japanese how-long question compares spans, not the dates a report gives
        ("研究所の評価って、どのくらい時間かけてやったの?", "評価は2025年10月から約4カ月かけて実施した。",
         "The institute published its first evaluation report on Tuesday, March 10."),
    ],
)
def test_other_units_equal_values_and_other_kinds_do_not_disagree(question: str, first: str, second: str) -> None:
    assert not disagree(analyse(question), first, second)


def test_the_question_decides_which_kinds_of_value_are_compared() -> None:
    assert asked_kinds(analyse("いつ発売？")) == {"year", "date"}
    assert asked_kinds(analyse("How much did it raise?")) == {"money"}
    assert asked_kinds(analyse("何人が署名した？")) == {"count"}
    assert asked_kinds(analyse("How much time do store managers save?")) == {"span"}


def test_a_question_asks_the_kind_of_value_its_first_question_word_asks() -> None:
    stranded = analyse("How many passengers got stranded when the Hayabusa Maru sailing was cancelled?")
    assert asked_kinds(stranded) == frozenset({"count"})  # "when" here is no question word
    assert disagree(stranded, "The cancellation left 312 passengers stranded at the Aomori terminal.",
                    "乗客286人が足止めされ、大半は同日午後の便に振り替えた。")
    both = analyse("When does the co-op start using UmiYomi, and for how many boats?")
    assert asked_kinds(both) == frozenset({"year", "date"})


def test_a_how_much_question_does_not_compare_the_dates_reports_mention() -> None:
    paying = analyse("How much is Sorano Bank paying customers whose accounts were frozen?")
    assert not disagree(paying, "ソラノ銀行は2026年1月22日、影響を受けた利用者に一律3000円を支払うと発表した。",
                        "By the evening of January 13, all but about 300 accounts had been restored, the bank said.")


def test_a_change_said_as_shorter_is_compared_with_a_fall() -> None:
    cut = analyse("By how much did Kitahama cut the waiting time?")
    assert disagree(cut, "The average wait fell by 38 percent after the AI went live.", "平均待ち時間は約31%短くなった。")
    assert not disagree(cut, "The average wait fell by 38 percent after the AI went live.", "待ち時間は約38%短くなった。")


def test_stated_values_carry_their_unit_and_leave_out_the_questions_own() -> None:
    values = stated("The suit seeks ¥2.2 billion for 410,000 articles copied since 2021.")
    assert [(v.kind, v.values) for v in values] == [
        ("money", frozenset({2.2e9})), ("count", frozenset({410000.0})), ("year", frozenset({2021.0}))]
    assert values[1].counted[0] == "articles"
    assert [v.kind for v in stated("2021年に310人を採用した。", leave_out=frozenset({2021.0}))] == ["count"]


def _passage(text: str, lang: str, doc_id: str = "a", cues: tuple[str, ...] = ()) -> Passage:
    """A candidate sentence; hedged when it has cues."""
    return Passage(doc_id=doc_id, title="", url="", lang=lang, sentence=0, char_start=0, char_end=len(text), text=text,
                   speculative=bool(cues), cues=cues, reported=False, score=0.0)


def test_two_reports_of_the_same_thing_are_counterparts_across_languages() -> None:
    english = _passage("The complaint was accompanied by a petition signed by 2,300 people.", "en")
    japanese = _passage("同団体は3200人分の賛同署名を添えて、初期設定を無効にするよう求めている。", "ja")
    assert counterparts(english, japanese) and counterparts(japanese, english)


def test_sentences_about_different_things_are_not_counterparts() -> None:
    total = _passage("The private university, which has about 11,000 students, said the essays were found in May.", "en")
    caught = _passage("経済学部の期末レポート試験で、学生58人が生成AIの作文ツールを使って作成した答案を提出していた。", "ja")
    assert not counterparts(total, caught)


def test_a_sentence_not_naming_the_subject_is_a_side_only_as_a_close_counterpart() -> None:
    question = analyse("ナギサ・インテリジェンスの上場日はいつ?")
    best = Support(_passage("ナギサ・インテリジェンスの上場予定日は12月18日。", "ja", "ja"), True, 1.0, True)
    # The English article names Nagisa a paragraph earlier; this sentence reports the same listing date.
    close = _passage("Its listing on the Growth market is scheduled for December 16.", "en", "en")
    loose = _passage("The exhibition in Osaka is scheduled for December 16.", "en", "en")
    assert conflicting_sides(question, [best], [Support(close, False, 0.3, False)]) == [best.passage, close]
    assert conflicting_sides(question, [best], [Support(loose, False, 0.3, False)]) == []


def test_the_other_articles_best_answer_is_a_side_however_it_is_worded() -> None:
    question = analyse("Kagura-2は何年何月にリリースされましたか?")
    best = Support(_passage("The startup's flagship model, Kagura-2, was released in October 2024.", "en", "en"), True, 1.0, True)
    other = _passage("2024年11月に公開した「Kagura-2」は国内の金融機関で導入が進んでいる。", "ja", "ja")
    better = _passage("Kagura-2は2024年に発表された主力モデルで、金融機関向けだ。", "ja", "ja")
    assert conflicting_sides(question, [best], [Support(other, False, 0.4, True)]) == [best.passage, other]
    # not when its article has a sentence that speaks to more of the question, nor when it speaks to too little
    assert conflicting_sides(question, [best], [Support(other, False, 0.4, True), Support(better, False, 0.5, True)]) == []
    assert conflicting_sides(question, [best], [Support(other, False, 0.3, True)]) == []
    # a translation meets the question's words through glosses only: in the other language a little less will do
    assert conflicting_sides(question, [best], [Support(other, False, 0.36, True)]) == [best.passage, other]
    same_language = _passage("The bank's model, Kagura-2, came out in November 2024.", "en", "en2")
    assert conflicting_sides(question, [best], [Support(same_language, False, 0.36, True)]) == []


@pytest.mark.parametrize(("numeral", "value"), [
    ("総投資額は3億2000万円", 320_000_000), ("32万1000件の出品を削除した", 321_000), ("総額14億6000万円", 1_460_000_000),
])
def test_a_japanese_numeral_of_several_scales_is_one_value(numeral: str, value: float) -> None:
    assert [v.values for v in stated(numeral)] == [frozenset({value})]


def test_japanese_numerals_of_several_scales_disagree_as_whole_values() -> None:
    question = analyse("倉橋酒造の総投資額はいくら?")
    assert disagree(question, "総投資額は3億2000万円。", "Kurahashi put the total investment at 380 million yen.")
    assert not disagree(question, "総投資額は3億8000万円。", "Kurahashi put the total investment at 380 million yen.")


def test_amounts_in_the_same_currency_still_disagree() -> None:
    question = analyse("How much money has Hikari Compute raised in total so far?")
    assert disagree(question, "累計の調達額は約700億円となった。", "Hikari Compute has raised 500 billion yen in total.")
    assert disagree(question, "It has raised $320 million.", "It has raised $250 million so far.")


def test_spans_of_time_in_the_same_unit_still_disagree() -> None:
    assert disagree(analyse("How long did the trial run?"), "The trial ran for 6 months.", "試験期間は4か月だった。")
    assert not disagree(analyse("How long did the trial run?"), "The trial ran for 6 months.", "試験期間は6か月だった。")


def test_a_target_is_no_other_answer_to_what_is() -> None:
    question = analyse("ライデン・コンピュートって今社員何人いるの？")
    best = Support(_passage("Raiden Compute has 85 employees.", "en", "en"), True, 1.0, True)
    target = _passage("ライデン・コンピュートは2026年末までに従業員を150人規模にする計画だ。", "ja", "ja")
    now = _passage("ライデン・コンピュートの従業員は約120人。", "ja", "ja2")
    assert conflicting_sides(question, [best], [Support(target, False, 0.6, True)]) == []
    assert conflicting_sides(question, [best], [Support(now, False, 0.6, True)]) == [best.passage, now]
    # "これまでに" (so far) sets no target: 37 operations postponed so far against 42
    surgeries = analyse("How many operations did the hospital postpone?")
    english = Support(_passage("The attack forced the hospital to postpone 42 planned surgeries.", "en", "en"), True, 1.0, True)
    so_far = _passage("病院はこれまでに予定していた手術37件を延期した。", "ja", "ja")
    assert conflicting_sides(surgeries, [english], [Support(so_far, False, 0.6, True)]) == [english.passage, so_far]


def test_deadlines_that_differ_conflict_though_both_are_targets() -> None:
    question = analyse("東雲銀行は改善計画をいつまでに出さないといけないの?")
    english = Support(_passage("The agency told the bank to submit a plan by March 31.", "en", "en"), True, 1.0, True)
    japanese = Support(_passage("金融庁は同行に対し、4月30日までに業務改善計画を提出するよう求めている。", "ja", "ja"), True, 0.9, True)
    assert conflicting_sides(question, [english, japanese]) == [english.passage, japanese.passage]
    # without the deadline asked, a target is still no other answer to what is (the test above)
    same = Support(_passage("金融庁は同行に対し、3月31日までに業務改善計画を提出するよう求めている。", "ja", "ja"), True, 0.9, True)
    assert conflicting_sides(question, [english, same]) == []


def test_a_span_that_measures_an_amount_is_no_span_of_time() -> None:
    # 1か月分の献立案 is a month's worth of menus: it gives no duration to set against "a three-month trial".
    assert stated("入力すると、1か月分の献立案を自動で組み立てる。") == ()
    assert [v.kind for v in stated("3カ月の試験運用を経て本格導入した。")] == ["span"]
    assert stated("It keeps a week's worth of logs and 3 months' worth of backups.") == ()
    question = analyse("How long does it take to draft the monthly menu?")
    assert not disagree(question, "The city began using it after a three-month trial.", "1か月分の献立案を自動で組み立てる。")
    assert not answer_type_ok(question, "1か月分の献立案を自動で組み立てる。")
    assert answer_type_ok(question, "Drafting the menu now takes about 10 hours.")


def test_a_span_spelled_out_is_compared_as_a_span() -> None:
    # "roughly six hours" against 約4時間半: two lengths of the same outage.
    question = analyse("How long was the outage?")
    english = "The outage began at about 6:40 a.m. and lasted roughly six hours."
    assert [(v.kind, v.counted, v.values) for v in stated(english) if v.kind == "span"] == [("span", ("hour",), frozenset({6.0}))]
    assert disagree(question, english, "障害は午前6時40分ごろから約4時間半続いた。")
    assert not disagree(question, english, "障害は約6時間続いた。")


def test_a_sum_spent_from_now_on_is_a_plan_in_either_language() -> None:
    # "plans to invest 4.2 billion yen over three years" and 今後3年間で38億円を投じ are both plans: the
    # same plan with another figure, which a plan set against what is (the test above) must not hide.
    question = analyse("How much money is Aonami putting into AI design?")
    japanese = Support(_passage("同社は今後3年間で38億円を投じ、設計業務へのAI導入を進める。", "ja", "ja"), True, 1.0, True)
    english = _passage("The company plans to invest 4.2 billion yen over three years in AI design tools.", "en", "en")
    assert conflicting_sides(question, [japanese], [Support(english, False, 0.63, True)]) == [japanese.passage, english]


def test_a_hedged_sentence_is_a_side_by_the_clauses_its_hedge_does_not_cover() -> None:
    # The suspicion is hedged (疑い); the date of the inspection is stated, and it is another date.
    question = analyse("公取委がひかり電機に立ち入り検査に入ったのって何日?")
    english = Support(_passage("The commission's investigators entered Hikari Denki's head office on March 4, 2026.", "en", "en"),
                      True, 0.8, True)
    japanese = _passage("公正取引委員会は3月11日、ひかり電機の本社に独占禁止法違反の疑いで立ち入り検査した。", "ja", "ja", ("疑い",))
    assert conflicting_sides(question, [english], [Support(japanese, False, 0.78, True)]) == [english.passage, japanese]
    # A hedge that covers the date ("…とみられる") leaves no stated date to set against the other.
    guessed = _passage("公正取引委員会は3月11日にもひかり電機の本社に立ち入り検査するとみられる。", "ja", "ja", ("とみられる",))
    assert conflicting_sides(question, [english], [Support(guessed, False, 0.78, True)]) == []
