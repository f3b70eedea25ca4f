"""Japanese-aware BM25 terms and the index built from them."""

from __future__ import annotations

from pathlib import Path

from ingest.keyword_index import KeywordIndex
from ingest.terms import terms
from rag.retrieval import latin_terms


def test_japanese_terms_are_morphemes_without_particles() -> None:
    got = terms("オムニチームを率いてGPT-4oの開発をつづけリリースにこぎつけた")
    assert {"オムニ", "チーム", "率いる", "開発", "gpt-4o"} <= set(got)
    assert not {"を", "て", "の", "に"} & set(got)


def test_english_terms_drop_stopwords_and_keep_model_names() -> None:
    assert terms("Who led the Omni team behind GPT-4o?") == ["led", "omni", "team", "behind", "gpt-4o"]
    assert terms("OpenAI's CEO") == ["openai", "ceo"]


def test_latin_words_in_japanese_text_match_the_english_form() -> None:
    ja = set(terms("Prafulla Dhariwal氏がOmniチームを率いた"))
    en = set(terms("Prafulla Dhariwal led the Omni team"))
    assert {"prafulla", "dhariwal", "omni"} <= ja & en


def test_full_width_forms_match_ascii() -> None:
    assert "gpt-4o" in terms("ＧＰＴ－４ｏとは何か")


def test_latin_terms_are_the_latin_script_terms_without_the_japanese() -> None:
    text = "ＧＰＴ-4oは2024年5月に公開され、OpenAIのチームが開発した。"
    assert latin_terms(text) == {"gpt-4o", "2024", "5", "openai"}
    assert latin_terms(text) < set(terms(text))  # the Japanese morphemes are not read for it
    assert latin_terms("オムニチームを率いた。") == set()


def test_bm25_ranks_and_drops_chunks_with_no_shared_term(tmp_path: Path) -> None:
    records = [
        ("a", terms("サム・アルトマンはOpenAIのCEOです。")),
        ("b", terms("効果的利他主義は社会運動である。")),
        ("c", terms("Chatbot Arena uses Elo ratings for anonymous battles.")),
    ]
    index = KeywordIndex.build(records, fingerprint="f1")
    assert [i for i, _ in index.search(terms("Elo rating arena"))] == ["c"]
    assert [i for i, _ in index.search(terms("効果的利他主義とは"))][0] == "b"
    assert index.search(terms("quantum chromodynamics")) == []
    index.save(tmp_path / "k.npz")
    loaded = KeywordIndex.load(tmp_path / "k.npz")
    assert loaded is not None and loaded.fingerprint == "f1"
    assert loaded.search(terms("Elo rating arena")) == index.search(terms("Elo rating arena"))


def test_a_damaged_index_file_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    (tmp_path / "k.npz").write_bytes(b"not an index")
    assert KeywordIndex.load(tmp_path / "k.npz") is None


def test_terms_are_safe_to_compute_from_several_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    text = "オムニチームを率いてGPT-4oの開発をつづけたプラフラ・ダリワル氏"
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(terms, [text] * 64))
    assert all(r == results[0] for r in results) and "率いる" in results[0]
