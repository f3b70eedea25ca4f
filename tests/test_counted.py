"""What a count counts (rag.counted): a how-many question is answered by a count of what it asks about."""

from __future__ import annotations

import pytest

from rag.answer_kind import answer_type_ok, answers_none, quantities
from rag.counted import asked_nouns, counted_noun_ja, counted_words, counts_asked
from rag.question import analyse


@pytest.mark.parametrize(("question", "nouns"), [
    ("How many pre-orders did Tsubame get?", ["pre", "orders"]),
    ("How many monthly users can a company have before it needs a licence?", ["monthly", "users"]),
    ("How many people work at Harima Works?", ["people", "work"]),
    ("What did it cost?", []),
    # after "of", a possessive and a number: what is counted
    ("How many of Higashihama's 35 mid-career posts were actually filled?", ["mid", "career", "posts"]),
    ("How many of the lettuce factory's staff were hired locally?", ["staff"]),
    # a thing counted by its measure: the thing too
    ("How many heads of lettuce does the plant turn out a day?", ["heads", "lettuce"]),
])
def test_the_noun_a_how_many_question_counts(question: str, nouns: list[str]) -> None:
    assert asked_nouns(question) == nouns


@pytest.mark.parametrize(("after", "words"), [
    (" optical shops and hearing-aid specialty stores", ["optical", "shops"]),
    (" million monthly active users, the company said", ["monthly", "active", "users"]),
    (" to 161.", []),
    ("-billion-parameter variant", ["parameter", "variant"]),
])
def test_the_words_a_number_counts(after: str, words: list[str]) -> None:
    assert counted_words(after) == words


@pytest.mark.parametrize(("question", "sentence", "expected"), [
    # a count of something else
    ("How many pre-orders did Tsubame get?", "It will go on sale through about 1,200 optical shops.", False),
    ("How many wards are in the CareFlow pilot?", "It submitted a petition with 1,200 signatures from staff.", False),
    ("How many patients have gone through the pilot?", "It submitted a petition with 1,200 signatures from staff.", False),
    ("How many wards are in the CareFlow pilot?", "病棟の看護師約900人が参加した。", False),
    # a count of it, of a synonym (images ~ pictures, through 画像), of people for people, or of a thing unsaid
    ("How many pre-orders did Tsubame get?", "発売前の予約件数は約3000件に達した。", True),
    ("How many pictures was the AI trained on?", "The model was trained on 1.2 million images of tuna.", True),
    ("How many employees does Kazane Labs have?", "Kazane has 23 employees.", True),
    ("How many employees does Kazane Labs have?", "社員数は31人。", True),
    ("How many nurses work there?", "The union has about 410 members.", False),  # its members, not all nurses
    ("How many nurses work there?", "About 900 people work there.", True),  # people as such
    ("How many employees does Kazane Labs have?", "Kazane has 23 staff.", True),  # one workforce, two names
    ("How many users does Kazane Labs have?", "Kazane has 23 employees.", False),
    ("How many languages can it translate?", "全国約40の自治体が使っている。", False),  # 40 municipalities
    ("How many hospitals use it?", "全国約40の病院が使っている。", True),
    ("ソナリって社員何人いるの?", "The app has 4.2 million monthly users worldwide.", False),
    ("ソナリって社員何人いるの?", "Sonari has 230 employees in Japan.", True),
    ("病院には看護師が全部で何人いるの?", "The nurses' union, which has about 410 members, objected.", False),
    ("病院には看護師が全部で何人いるの?", "The hospital employs about 900 nurses.", True),
    ("何人が参加したの?", "About 900 workers joined the strike.", True),  # people as such asked
    ("コトハラボって社員何人くらいの会社?", "The company currently has 48 employees.", True),  # 会社 is no one counted
    ("東海高速って橋の点検員は何人くらい抱えてるの?", "It employs about 140 bridge inspectors.", True),  # 点検 ~ inspect
    ("How many bus trips a day were dropped?", "The number of daily trips was cut from 186 to 161.", True),
    # how many it has: not those of them who did something
    ("How many employees does Hanaori have?", "In the test, 40 employees volunteered to be photographed.", False),
    ("How many employees does Hanaori have?", "Hanaori has 300 employees based in Osaka.", True),
    ("How many workers walked out?", "About 120 workers walked out on Monday.", True),  # what they did is asked
    ("How many signatures did the petition have?", "組合は約980人分の署名を添えて要望書を提出していた。", True),
    # a word for people that qualifies another noun does not make its count one of people
    ("How many people can each lift carry?", "The car is one of 24 passenger lifts in the tower.", False),
    ("How many people were in the lift?", "Six passengers were in the car.", True),
    # Japanese counts people in 人 or 名, or what they did in 件, but never in a counter of things
    ("How many keepers work at the zoo?", "ゾウやキリンなど約30種が見守りの対象となっている。", False),
    ("How many keepers work at the zoo?", "園内に48台のカメラを設置した。", False),
    ("How many viewers contacted the station?", "局には約1200件の意見が寄せられた。", True),
    # a body's members, whoever they are; and surgeons are people
    ("外科医ユニオンって何人くらい入ってるの?", "The union, which represents about 210 surgeons, objected.", True),
    ("外科医ユニオンって何人くらい入ってるの?", "The union's 3 offices are in Sendai.", False),
    # a count of events goes by 回 or 件 alike
    ("ハダレンズって今までに何回くらいダウンロードされてるの?", "累計ダウンロード数が約290万件に上る人気アプリだ。", True),
    ("ハダレンズって今までに何回くらいダウンロードされてるの?", "利用者は約290万人に上る。", False),
    # 何か国語 asks how many languages
    ("かわなみトークって何か国語に対応してるの?", "The service runs on tablets placed at 18 counters in the ward office.", False),
    ("かわなみトークって何か国語に対応してるの?", "It supports 14 languages, including Vietnamese.", True),
    ("かわなみトークって何か国語に対応してるの?", "英語や中国語など12か国語に対応する。", True),
    # a number in a unit of measure or on a clock counts nothing
    ("How many trains a day run on the line?", "同社は早池峰線の遠野―釜石高原間(約38キロ)で試験運用を始めた。", False),
    ("How many trains a day run on the line?", "The 38-kilometre line carries 40 trains a day.", True),
    ("How many guests were affected by the outage?", "障害は9日午前6時40分ごろから約4時間半続いた。", False),
    ("How many people were stuck in the lift?", "The car halted at around 8:50 a.m. on the 29th floor.", False),
    ("How many people were stuck in the lift?", "The car halted at around 8:50 a.m. with six people inside.", True),
    ("何人が閉じ込められたの?", "午前8時50分ごろ、5人が閉じ込められた。", True),
    # a Japanese number written with 万 and digits after it (1万2000人) is one count
    ("How many stores does it run?", "同社は約1万2000人を雇用する。", False),
    ("How many stores does it run?", "同社は全国で約1万2000の店舗を運営する。", True),
    ("How many flights were cancelled?", "約1万1000の手荷物が積み込まれないまま残された。", False),
    # 何体, 何隻 ask for so many 体, 隻; a score (100点満点) counts no people
    ("火葬待ちの遺体は何体あったの?", "市は2月3日、遺体保管の費用を補助する制度を始めた。", False),
    ("火葬待ちの遺体は何体あったの?", "ピークの1月20日には146体が火葬を待っていた。", True),
    ("あと何隻受注してるの?", "新たに3件の契約を結んだ。", False),
    ("あと何隻受注してるの?", "受注残は12隻ある。", True),
    ("How many students use the grader?", "生徒の作文をAIが100点満点で採点する。", False),
    ("How many students use the grader?", "小学生から高校生まで約1万2000人が使っている。", True),
])
def test_a_count_answers_a_how_many_question_only_of_what_it_asks(question: str, sentence: str, expected: bool) -> None:
    assert answer_type_ok(analyse(question), sentence) is expected


def test_each_count_of_a_sentence_is_read_on_its_own() -> None:
    sentence = "It sold 40 robots to 12 hospitals."
    by_number = {m.group(0): counts_asked("How many hospitals bought one?", sentence, m) for m in quantities(sentence)}
    assert by_number == {"40": False, "12": True}


def test_a_count_of_what_there_is_is_not_answered_by_something_not_done() -> None:
    assert not answers_none(analyse("瀬戸内日報の記者って何人くらいいるの?"), "瀬戸内日報は当面、要約機能を再開しない方針だ。")
    assert answers_none(analyse("How many operators did it lay off?"), "It will not lay off staff.")


def test_never_said_of_something_else_is_no_count_of_none() -> None:
    # "never fed the book into the system" says nothing of how many speeches the tool wrote
    assert not answers_none(analyse("How many speeches has Blanc Ciel's AI tool written so far?"),
                            "It said Blanc Ciel itself never fed the book into the system.")


@pytest.mark.parametrize(("question", "noun"), [
    ("花火大会で迷子って何人出たの?", ("迷子", True)),
    ("組合の組合員って全部で何人いるの?", ("組合員", True)),
    ("転倒による骨折って何件減ったの?", ("骨折", False)),
    ("ツバサラーニングって社員何人くらいいるの?", ("社員", True)),
    ("人数は何人?", ("", False)),  # a count as such names nothing
])
def test_the_noun_a_japanese_count_names_before_its_counter(question: str, noun: tuple[str, bool]) -> None:
    assert counted_noun_ja(question) == noun


@pytest.mark.parametrize(("sentence", "ok"), [
    ("スロープセンスは2025年4月に導入された。", True),
    ("AIの学習に使うのを4月1日から停止すると発表した。", True),
    ("It has been in use since April 2025.", True),
    ("It estimates the probability of a slope failure up to three hours in advance.", False),  # a span dates nothing
    ("点検は3日間続いた。", False),
])
def test_since_when_is_answered_by_a_date_not_a_span(sentence: str, ok: bool) -> None:
    assert answer_type_ok(analyse("スロープセンスって、いつから使われてるの?"), sentence) is ok


@pytest.mark.parametrize(("sentence", "ok"), [
    ("ストは1998年以来だった。", True),
    ("全面改正は26年ぶりとなる。", True),
    ("スト当日は、駅前で1時間近く待つ客もいた。", False),  # a span of hours is no number of years
])
def test_after_how_many_years_is_answered_by_a_year_or_years(sentence: str, ok: bool) -> None:
    assert answer_type_ok(analyse("ストがあったのって何年ぶり?"), sentence) is ok


@pytest.mark.parametrize(("question", "sentence", "ok"), [
    ("On what date did Wakayama turn off the answers?", "The prefecture turned them off on January 27.", True),
    ("On what date did Wakayama turn off the answers?", "The bus company published its new timetable in November.", False),
    ("毛ガニ漁って何日に始まるの?", "漁は3月15日に始まる。", True),
    ("毛ガニ漁って何日に始まるの?", "漁は3月に始まる。", False),  # a month is no day
])
def test_what_date_is_answered_by_a_day_not_a_month(question: str, sentence: str, ok: bool) -> None:
    assert answer_type_ok(analyse(question), sentence) is ok


@pytest.mark.parametrize(("question", "ok"), [
    ("How much does a typical driver take home each month?", False),  # how much, not how much it fell
    ("By how much has the drivers' take-home pay fallen?", True),
])
def test_an_amount_is_not_answered_by_how_much_it_changed_unless_that_is_asked(question: str, ok: bool) -> None:
    sentence = "The union says take-home pay has fallen by about 38,000 yen since the system was introduced."
    assert answer_type_ok(analyse(question), sentence) is ok
    assert answer_type_ok(analyse("ドライバーの手取りはいくら?"), "手取りは月3万8000円減った。") is False
    assert answer_type_ok(analyse("ドライバーの手取りはいくら?"), "手取りは月28万円だ。") is True


@pytest.mark.parametrize(("sentence", "ok"), [
    ("運転員の平均年齢が50歳を超え、技能の継承が課題になっていた。", False),  # an age counts nobody
    ("A 34-year-old worker was burned by splashing slag.", False),
    ("The works employs about 1,200 people.", True),
])
def test_how_many_people_is_not_answered_by_an_age(sentence: str, ok: bool) -> None:
    assert answer_type_ok(analyse("How many people work at the Shiomi Works?"), sentence) is ok


@pytest.mark.parametrize(("sentence", "ok"), [
    ("復旧までにおよそ19時間かかった。", False),  # so many hours is a span, not a time of day
    ("水道管は午前3時ごろ破裂した。", True),
    ("The main burst at 3:10 a.m.", True),
])
def test_what_time_is_answered_by_a_time_of_day_not_hours(sentence: str, ok: bool) -> None:
    assert answer_type_ok(analyse("What time did the water main in Minase burst?"), sentence) is ok
