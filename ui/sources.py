"""The Sources tab's actions: list the documents, take uploads (names sanitised, sizes checked), remove."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ingest.errors import KonkyoError
from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.records import StoredDocument
from ingest.report import IngestReport
from ui.library import Library, Progress
from ui.strings import both, t

_UNSAFE = re.compile(r"[^\w.\-]+")  # \w is Unicode: Japanese names survive
_MAX_NAME = 100


@dataclass(frozen=True)
class FileOutcome:
    name: str  # the sanitised name, as the user will recognise it
    ok: bool
    message: str


def sanitise_name(raw: str) -> str:
    """A safe file name from an uploaded one: no folders, no control or shell characters, no leading dot,
    at most 100 characters with its suffix kept. Empty when nothing usable is left."""
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip("._")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem.strip("._")[: _MAX_NAME - len(suffix) - 1]
    if not stem:
        return ""
    return f"{stem}.{suffix.lower()}" if suffix else stem


def documents_html(library: Library) -> str:
    """The documents table (bilingual headers: it shows before any question sets a language)."""
    head = "".join(f"<th>{escape(both(k))}</th>" for k in ("col_title", "col_lang", "col_licence", "col_chunks", "col_id"))
    rows = "".join(
        f'<tr><td class="konkyo-doc-title">{_title_cell(d.title, d.url)}</td><td>{escape(d.lang)}</td>'
        f"<td>{escape(d.licence or '—')}</td><td class=\"konkyo-num\">{d.n_chunks}</td>"
        f"<td><code>{escape(d.doc_id)}</code></td></tr>"
        for d in _sorted(library)
    )
    return f'<table class="konkyo-documents"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _title_cell(title: str, url: str) -> str:
    if url.startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(title)}</a>'
    return escape(title)


def _sorted(library: Library) -> list[StoredDocument]:
    return sorted(library.documents.values(), key=lambda d: (d.title.casefold(), d.doc_id))


def document_choices(library: Library) -> list[tuple[str, str]]:
    return [(f"{d.title} ({d.doc_id})", d.doc_id) for d in _sorted(library)]


def add_files(library: Library, uploaded: Sequence[str], lang: str, progress: Progress | None = None) -> list[FileOutcome]:
    """Copy the uploads under the store's uploads folder with sanitised names, ingest them, and say per
    file what happened. Rejected files are not kept."""
    ui = library.settings.ui
    if len(uploaded) > ui.max_upload_files:
        raise KonkyoError(f"{len(uploaded)} files were given", f"upload at most {ui.max_upload_files} at a time")
    outcomes: list[FileOutcome] = []
    saved: list[tuple[Path, str]] = []
    library.uploads_dir.mkdir(parents=True, exist_ok=True)
    for raw in uploaded:
        source = Path(raw)
        name = sanitise_name(source.name)
        shown = name or source.name[:_MAX_NAME]
        problem = _problem(source, name, ui.max_upload_mb, {n for _, n in saved})
        if problem:
            outcomes.append(FileOutcome(shown, False, t(lang, "rejected", name=shown, reason=problem)))
            continue
        target = library.uploads_dir / name
        shutil.copyfile(source, target)
        saved.append((target, name))
    if saved:
        reports = library.ingest([p for p, _ in saved], progress)
        for (path, name), report in zip(saved, reports):
            outcomes.append(_outcome(library, path, name, report, lang))
    return outcomes


def _problem(source: Path, name: str, max_mb: int, taken: set[str]) -> str | None:
    if not name:
        return "the file name has no usable characters; rename it"
    if Path(name).suffix not in SUPPORTED_SUFFIXES:
        return f"not a supported type; give {', '.join(SUPPORTED_SUFFIXES)}"
    if name in taken:
        return "another file of this upload has the same name"
    try:
        size = source.stat().st_size
    except OSError:
        return "the upload did not arrive; try again"
    if size > max_mb * 1_000_000:
        return f"larger than {max_mb} MB; split it"
    return None


def _outcome(library: Library, path: Path, name: str, report: IngestReport, lang: str) -> FileOutcome:
    if report.skipped:
        path.unlink(missing_ok=True)
        reason = "; ".join(r for _, r in report.skipped).replace(str(path), name)
        return FileOutcome(name, False, t(lang, "rejected", name=name, reason=reason))
    doc_ids = report.new + report.changed + report.unchanged
    doc = library.document(doc_ids[0]) if doc_ids else None
    chunks = doc.n_chunks if doc else 0
    key = "added" if report.new else "updated" if report.changed else "unchanged"
    return FileOutcome(name, True, t(lang, key, name=name, chunks=chunks))


# -- the tab's two actions, each answering with one block of HTML --------------------------------------


def upload_files(library: Library, uploaded: Sequence[str], lang: str, progress: Progress | None = None) -> str:
    try:
        outcomes = add_files(library, uploaded, lang, progress)
    except KonkyoError as err:
        return _line(False, str(err))
    return '<ul class="konkyo-outcomes">' + "".join(_line(o.ok, o.message, "li") for o in outcomes) + "</ul>"


def remove_document(library: Library, doc_id: str | None, lang: str) -> str:
    try:
        if not doc_id:
            raise KonkyoError(t(lang, "nothing_picked"))
        return _line(True, t(lang, "removed", title=library.remove(doc_id).title))
    except KonkyoError as err:
        return _line(False, str(err))


def _line(ok: bool, message: str, tag: str = "div") -> str:
    return f'<{tag} class="konkyo-outcome-{"ok" if ok else "rejected"}">{escape(message)}</{tag}>'
