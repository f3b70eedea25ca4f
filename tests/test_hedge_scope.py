"""Which clauses of a hedged English sentence the hedge covers (rag.hedge_scope)."""

from __future__ import annotations

import pytest

from rag.hedge_scope import asserted_text


@pytest.mark.parametrize(("sentence", "cues", "kept", "dropped"), [
    # a relative clause set off by commas is outside the main clause's hearsay
    ("The company, which has about 60 employees, is reportedly in talks to raise new funding.", ("reportedly",),
     "60 employees", "talks"),
    # a second verb phrase's hedge covers that phrase only
    ("The insurer handles roughly 1.1 million claims a year and expects about 40% of them to qualify.", ("expects",),
     "1.1 million claims", "40%"),
    # a modal inside a restrictive relative clause covers that clause
    ("Tsuji said the software identifies about 97% of the cracks that human inspectors would find, and flags them early.",
     ("would",), "97%", "inspectors"),
])
def test_the_clauses_no_cue_is_in_are_kept(sentence: str, cues: tuple[str, ...], kept: str, dropped: str) -> None:
    text = asserted_text(sentence, cues)
    assert kept in text and dropped not in text


@pytest.mark.parametrize(("sentence", "cues"), [
    ("Sources say the company, which has about 60 employees, is in talks.", ("sources say",)),  # it frames the rest
    ("Reportedly, the company has 60 employees and plans to hire more.", ("reportedly",)),
    ("The plant may open in 2027, and will employ 3,000 people.", ("may",)),
    ("同社は従業員60人を抱え、資金調達を検討しているとみられる。", ("とみられる",)),  # Japanese: the hedge closes the sentence
    ("The company has 60 employees, analysts believe.", ("believe",)),  # a closing attribution covers it all
    ("The company has 60 employees, as reported by Nikkei.", ("rumoured",)),  # a cue that is not found as written
])
def test_a_hedge_that_opens_the_sentence_or_cannot_be_placed_covers_it_all(sentence: str, cues: tuple[str, ...]) -> None:
    assert asserted_text(sentence, cues) == ""


@pytest.mark.parametrize(("sentence", "cues", "kept", "dropped"), [
    # a Japanese hedge ending a clause that modifies a noun covers that clause only
    ("東雲銀行は2月12日、不当に断られた可能性がある約1900件について、改めて審査を行うと発表した。", ("可能性があ",),
     "約1900件について", "断られ"),
    ("警察は、40代とみられる男性を逮捕した。", ("とみられ",), "男性を逮捕した", "40代"),
    # on suspicion of something (…の疑いで, …の容疑で): the suspicion is hedged, the act that follows is not
    ("公正取引委員会は3月11日、独占禁止法違反の疑いで本社に立ち入り検査した。", ("疑い",), "3月11日、本社に立ち入り検査した",
     "独占禁止法"),
    ("警視庁は5日、詐欺の容疑で男を逮捕した。", ("容疑",), "男を逮捕した", "詐欺"),
])
def test_a_japanese_hedge_on_a_noun_covers_its_clause(sentence: str, cues: tuple[str, ...], kept: str, dropped: str) -> None:
    text = asserted_text(sentence, cues)
    assert kept in text and dropped not in text


@pytest.mark.parametrize(("sentence", "cues"), [
    ("不正の可能性がある取引を1900件調べた。", ("可能性があ",)),  # no comma: where the clause starts is unknown
    ("同社は、3月に開かれる見通しで調整している。", ("見通し",)),  # the hedge goes on with で, not a noun
    ("同社は、2027年に稼働するとみられる見通しだ。", ("とみられ",)),  # a noun a hedge closes a sentence with
    ("同社は、約40%とみられる額を、約40%とみられる期間に払う。", ("とみられ",)),  # the cue twice: which is unknown
    ("同社には、独占禁止法違反の疑いがある。", ("疑い",)),  # the suspicion is what the sentence says
    ("同社は独占禁止法違反の疑いで3月11日に立ち入り検査を受けた。", ("疑い",)),  # no comma before the phrase
])
def test_a_japanese_hedge_that_closes_a_clause_covers_the_sentence(sentence: str, cues: tuple[str, ...]) -> None:
    assert asserted_text(sentence, cues) == ""
