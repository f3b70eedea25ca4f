"""The UI's server side without a browser: upload names and sizes, per-file outcomes, removal, the shared
Assistant swapped after writes, the first start, and launch options (loopback, no share link, login)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ingest.errors import ConfigError, KonkyoError
from ingest.settings import Settings, load_settings
from ui.library import Library
from ui.sources import add_files, documents_html, remove_document, sanitise_name, upload_files

ARTICLE = "# Kiwi team\n\nThe kiwi team shipped the Kiwi model in June 2024.\n"


@pytest.mark.parametrize(("raw", "safe"), [
    ("report.md", "report.md"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Users\\me\\notes.TXT", "notes.txt"),
    ("good note (draft).md", "good_note_draft.md"),
    (".hidden.md", "hidden.md"),
    ("記事 その1.html", "記事_その1.html"),
    ("a;rm -rf $HOME`.txt", "a_rm_-rf_HOME.txt"),
    ("....", ""),
    ("x" * 300 + ".md", "x" * 97 + ".md"),
])
def test_upload_names_are_sanitised(raw: str, safe: str) -> None:
    assert sanitise_name(raw) == safe


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store={"dir": tmp_path / "store"}, embedder={"backend": "hash"},  # type: ignore[arg-type]
                    ui={"max_upload_mb": 1, "max_upload_files": 3})


@pytest.fixture
def library(settings: Settings, tmp_path: Path) -> Library:
    lib = Library(settings)
    seed = tmp_path / "seed.md"
    seed.write_text("# Seed\n\nThe seed article says that the omni team was led by Prafulla Dhariwal.\n", encoding="utf-8")
    lib.ingest([seed])
    return lib


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / "incoming" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def test_each_file_gets_its_own_outcome(library: Library, tmp_path: Path) -> None:
    files = [write(tmp_path, "kiwi article.md", ARTICLE), write(tmp_path, "tool.exe", b"MZ"),
             write(tmp_path, "big.txt", "word " * 300_000)]
    outcomes = {o.name: o for o in add_files(library, files, "en")}
    assert outcomes["kiwi_article.md"].ok and outcomes["kiwi_article.md"].message.startswith("kiwi_article.md: added")
    assert not outcomes["tool.exe"].ok and "not a supported type" in outcomes["tool.exe"].message
    assert not outcomes["big.txt"].ok and "larger than 1 MB" in outcomes["big.txt"].message
    assert sorted(p.name for p in library.uploads_dir.iterdir()) == ["kiwi_article.md"]
    assert "Kiwi team" in documents_html(library)


def test_unreadable_files_are_reported_without_the_server_path(library: Library, tmp_path: Path) -> None:
    html = upload_files(library, [write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)], "en")
    assert "photo.txt: not added:" in html and "binary" in html
    assert str(library.uploads_dir) not in html
    assert not any(library.uploads_dir.iterdir())


def test_too_many_files_at_once_is_one_clear_error(library: Library, tmp_path: Path) -> None:
    html = upload_files(library, [write(tmp_path, f"{i}.md", ARTICLE) for i in range(4)], "en")
    assert "upload at most 3 at a time" in html


def test_the_same_name_again_updates_the_document(library: Library, tmp_path: Path) -> None:
    first = add_files(library, [write(tmp_path, "kiwi.md", ARTICLE)], "en")
    again = add_files(library, [write(tmp_path, "kiwi.md", ARTICLE.replace("June", "July"))], "en")
    assert first[0].message.startswith("kiwi.md: added") and again[0].message.startswith("kiwi.md: updated")
    assert sum("Kiwi team" in d.title for d in library.documents.values()) == 1


def test_messages_follow_the_language(library: Library, tmp_path: Path) -> None:
    outcome = add_files(library, [write(tmp_path, "kiwi.md", ARTICLE)], "ja")[0]
    assert outcome.message.startswith("kiwi.md: 追加しました")


def test_new_documents_are_answered_from_and_removal_takes_them_out(library: Library, tmp_path: Path) -> None:
    before = library._assistant
    add_files(library, [write(tmp_path, "kiwi.md", ARTICLE)], "en")
    assert library._assistant is not before  # swapped for one that knows the new document
    doc_id = next(d for d, doc in library.documents.items() if doc.title == "Kiwi team")
    assert doc_id in library._assistant.documents
    assert library.ask("When did the kiwi team ship the Kiwi model?").question
    assert "Removed Kiwi team" in remove_document(library, doc_id, "en")
    assert doc_id not in library.documents and not any(library.uploads_dir.iterdir())
    assert "no document" in remove_document(library, doc_id, "en")
    assert "Pick a document" in remove_document(library, None, "en")


def test_questions_keep_being_answered_while_a_write_runs(library: Library, tmp_path: Path) -> None:
    errors: list[BaseException] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            try:
                library.ask("Who led the omni team?")
            except BaseException as err:  # noqa: BLE001  # collected for the assertion below
                errors.append(err)

    asker = threading.Thread(target=keep_asking)
    asker.start()
    try:
        for i in range(3):
            add_files(library, [write(tmp_path, f"k{i}.md", ARTICLE.replace("Kiwi", f"Kiwi{i}"))], "en")
        for doc_id in [d for d, doc in library.documents.items() if doc.title.startswith("Kiwi")]:
            library.remove(doc_id)
    finally:
        stop.set()
        asker.join()
    assert not errors


def test_one_write_at_a_time(library: Library, tmp_path: Path) -> None:
    with library._write:  # another user's upload is running
        with pytest.raises(KonkyoError, match="another upload or removal is running"):
            library.ingest([Path(write(tmp_path, "k.md", ARTICLE))])


def test_an_empty_store_reads_the_bundled_corpus_in_the_background(settings: Settings) -> None:
    library = Library(settings)
    assert library.documents == {} and library.ready
    with pytest.raises(KonkyoError, match="the library is empty"):
        library.ask("Who led the Omni team?")
    lines: list[str] = []
    library.start_bundled_ingest(lines.append).join(timeout=300)
    assert library.ready and len(library.documents) == 7
    assert lines[0].startswith("konkyo: reading the bundled articles: 0/7")
    assert lines[-1] == "konkyo: the bundled articles are ready"


def test_launch_options_stay_on_loopback_with_an_optional_login(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import launch_options

    monkeypatch.delenv("KONKYO_UI_AUTH", raising=False)
    plain = launch_options(load_settings(), port=9999)
    assert plain["server_name"] == "127.0.0.1" and plain["share"] is False and plain["auth"] is None
    assert plain["server_port"] == 9999 and plain["max_file_size"] == "10mb"
    monkeypatch.setenv("KONKYO_UI_AUTH", "alice:pa:ss")
    assert launch_options(load_settings())["auth"] == ("alice", "pa:ss")
    assert launch_options(load_settings())["server_port"] == 7860
    monkeypatch.setenv("KONKYO_UI_AUTH", "no-password")
    with pytest.raises(ConfigError, match="user:password"):
        load_settings()
