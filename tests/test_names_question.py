"""Cross-script name matching and question analysis (the answering stage's building blocks)."""

from __future__ import annotations

import pytest

from rag.names import name_words, romanise, same_name
from rag.question import analyse


def _match(a: str, b: str) -> bool:
    return any(same_name(x, y) for x in name_words(a) for y in name_words(b))


@pytest.mark.parametrize(
    ("katakana", "latin"),
    [("プラフラ・ダリワル", "Prafulla Dhariwal"), ("サム・アルトマン", "Sam Altman"),
     ("イリヤ・サツケヴァー", "Ilya Sutskever"), ("アンソロピック", "Anthropic"), ("アカウント", "account"),
     ("テスラ", "Tesla"), ("マルチモーダル", "multimodal"), ("バースワイズ", "Berthwise"),  # ズ for a final s
     ("リッジライン", "Ridgeline"), ("シャオラン", "Xiaolan")],  # dge is ジ; a pinyin xi is シ
)
def test_names_match_across_scripts(katakana: str, latin: str) -> None:
    assert _match(katakana, latin)


@pytest.mark.parametrize(
    ("a", "b"),
    [("ダリワル", "Sutskever"), ("アルトマン", "Anthropic"), ("パラメータ", "Prafulla"), ("テスラ", "Altman")],
)
def test_different_names_do_not_match(a: str, b: str) -> None:
    assert not _match(a, b)


def test_short_words_are_not_matched_by_chance() -> None:
    assert name_words("チーム") == set() and name_words("team") == set()


def test_question_analysis_keeps_what_the_answer_must_speak_to() -> None:
    q = analyse("How many parameters does GPT-4o have?")
    assert (q.lang, q.yes_no, q.key_terms) == ("en", False, ("parameters", "gpt-4o"))
    ja = analyse("オムニチームを率いたのは誰?")
    assert ja.lang == "ja" and set(ja.key_terms) == {"オムニ", "チーム", "率いる"} and not ja.yes_no
    quoted = analyse("Is the 'google bard' account Prafulla Dhariwal's alt account?")
    assert quoted.yes_no and quoted.quoted == ("google bard",)
    assert analyse("サム・アルトマンはOpenAIのCEOですか?").yes_no



def test_how_much_of_something_and_auxiliaries_are_no_key_terms() -> None:
    assert "程度" not in analyse("どの程度の割合でクマを見分けられましたか？").key_terms
    assert "うち" not in analyse("被害金のうち、凍結できたのはいくら？").key_terms
    assert "仕舞う" not in analyse("送金してしまった課長は処分されるのですか。").key_terms
    assert "全部" in analyse("学生は全部で何人いる？").key_terms  # 全部で: a total, which a part does not answer


def test_compound_particles_are_no_key_terms() -> None:
    # Sudachi reads a verb into にとって (取る), について, によって: they relate the question's words, they are not one
    assert analyse("メリディアンにとって苫小牧のデータセンターはどのくらいの規模なの?").key_terms == (
        "メリディアン", "苫小牧", "データセンター", "規模")
    assert analyse("AIによって仕事はどう変わるの?").key_terms == ("ai", "仕事", "変わる")
    assert "取る" in analyse("誰が責任を取るの?").key_terms  # the verb itself stays


@pytest.mark.parametrize(("katakana", "latin"), [
    ("ヴェイラ", "veira"), ("ファンド", "fando"), ("ウェブ", "webu"), ("キャッシュ", "kyasyu"), ("ミヤコ", "miyako"),
])
def test_small_kana_join_the_syllable_before(katakana: str, latin: str) -> None:
    assert romanise(katakana) == latin


@pytest.mark.parametrize(("question", "yes_no"), [
    ("コーヴェインの東京オフィスって閉鎖されちゃうの?", True),  # a question mark and no wh-word
    ("岐阜県の条例って、違反したら罰則あるの？", True),
    ("雪あかりのアルコール度数は?", False),  # …は? asks what it is
    ("第2工場の量産開始が前倒しされたのはなんで?", False),  # なんで is why
    ("ネクスライドは何台止めたの?", False),
])
def test_a_japanese_question_without_a_wh_word_asks_yes_or_no(question: str, yes_no: bool) -> None:
    assert analyse(question).yes_no is yes_no
