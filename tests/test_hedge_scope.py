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
