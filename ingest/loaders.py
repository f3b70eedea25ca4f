"""Find the input files and load each into a LoadedDocument: decoded, metadata read, rendered to text."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from ingest.encoding import decode_bytes
from ingest.errors import KonkyoError, UnreadableFileError
from ingest.html_text import declared_charset, html_to_text
from ingest.language import detect_language, normalise_language_tag
from ingest.markdown_text import markdown_to_text
from ingest.types import LoadedDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# Files that describe a folder rather than being an article (the bundled corpus has two of them):
# skipped inside folders like unsupported types, loaded when named explicitly.
_FOLDER_NOTES = {"readme", "sources", "licence", "license", "changelog", "notice", "copying"}
_MAX_BYTES = 50_000_000
_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
_WIKI_HEADING = re.compile(r"^(={1,6})[ \t]*(\S.*?)[ \t]*\1[ \t]*$", re.M)
_EDIT_HEADING = re.compile(r"^(\S.{0,80}?)\[(?:編集|edit)\][ \t]*$", re.M)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z0-9 _-]{0,40}):[ \t]*(.*)")
_TEXT_MARKER = "=== TEXT ==="
_KEYS = {"id": "id", "title": "title", "url": "url", "lang": "lang", "language": "lang",
         "licence": "licence", "license": "licence"}


@dataclass
class Metadata:
    body: str
    header_format: bool = False  # "Key: value" lines, then "=== TEXT ===" (the bundled corpus format)
    id: str = ""
    title: str = ""
    url: str = ""
    lang: str = ""
    licence: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def bundled_corpus_dir() -> Path:
    """The articles shipped with konkyo (next to the package in a checkout and in an editable install)."""
    folder = Path(__file__).resolve().parent.parent / "corpus"
    if not folder.is_dir():
        raise KonkyoError(
            f"the bundled corpus folder {folder} is missing",
            "reinstall konkyo from a source checkout (pip install -e .), or give the files to ingest",
        )
    return folder


def find_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files to load, [(path, reason)] skipped). Folders are searched recursively, in sorted order,
    leaving out hidden entries and, silently, unsupported types; each file is listed once."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path, reason in _candidates(paths):
        if reason is not None:
            skipped.append((path, reason))
        elif path.resolve() not in seen:
            seen.add(path.resolve())
            files.append(path)
    return files, skipped


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files find_inputs would load; missing paths and unsupported files given explicitly are left out
    (find_inputs says why)."""
    yield from find_inputs(paths)[0]


def _candidates(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    for given in paths:
        path = Path(given).expanduser()
        if path.is_dir():
            yield from ((found, None) for found in _walk(path))
        elif path.is_file():
            yield path, None if path.suffix.lower() in SUPPORTED_SUFFIXES else _unsupported(path)
        elif path.exists():
            yield path, "it is not a regular file"
        else:
            yield path, "no such file or folder"


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):  # does not follow links to folders: no cycles
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                if Path(name).stem.lower() not in _FOLDER_NOTES:
                    yield path


def _unsupported(path: Path) -> str:
    kind = path.suffix or "(no suffix)"
    return f"unsupported file type {kind} (konkyo reads {', '.join(SUPPORTED_SUFFIXES)})"


def load_document(path: Path) -> LoadedDocument:
    """Read, decode and render one file. Every failure is an UnreadableFileError with a one-line reason."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UnreadableFileError(f"{path}: {_unsupported(path)}", "convert it to one of these types first")
    data = _read(path)
    try:
        return _build(path, fmt, data)
    except KonkyoError:
        raise
    except (RecursionError, ValueError, MemoryError) as err:  # pathological markup, not our bug to crash on
        raise UnreadableFileError(f"cannot read {path} ({type(err).__name__})", "save it as plain text") from err


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > _MAX_BYTES:
            raise UnreadableFileError(f"{path} is larger than 50 MB", "split it into smaller files")
        return path.read_bytes()
    except OSError as err:
        raise UnreadableFileError(f"cannot read {path}: {err.strerror or err}", "check the path and its permissions")


def _build(path: Path, fmt: str, data: bytes) -> LoadedDocument:
    declared = declared_charset(data) if fmt == "html" else None
    raw, encoding = decode_bytes(data, str(path), declared=declared)
    meta = split_metadata(raw, str(path))
    hint_title, hint_lang, hint_url = "", "", ""
    if fmt == "html":
        page = html_to_text(meta.body)
        text, headings = page.text, page.headings
        hint_title, hint_lang, hint_url = page.title, page.lang, page.url
    elif fmt == "md":
        text, headings = markdown_to_text(meta.body)
    else:
        text = meta.body.lstrip("\n")  # kept verbatim: a blank line after front matter is not content
        headings = _txt_headings(text, obvious=meta.header_format)
    if not text.strip():
        raise UnreadableFileError(f"{path} has no text", "add some text to it or leave it out")
    resolved = path.resolve()
    extra = dict(meta.extra)
    lang = _language(meta, hint_lang, text, extra)
    return LoadedDocument(
        doc_id=_doc_id(meta.id, resolved, str(path)), title=meta.title or hint_title or _first_line(text, headings),
        text=text, lang=lang, source=str(resolved), url=_url(meta.url, extra) or hint_url,
        licence=meta.licence, format=fmt, encoding=encoding, headings=headings, extra=extra,
    )


def _language(meta: Metadata, page_lang: str, text: str, extra: dict[str, str]) -> str:
    for declared in (meta.lang, page_lang):
        tag = normalise_language_tag(declared)
        if tag:
            return tag
        if declared:
            extra.setdefault("declared_language", declared)  # e.g. "fr": kept, but konkyo reads ja/en only
    return detect_language(text)


def _url(value: str, extra: dict[str, str]) -> str:
    # The bundled headers add notes after the address: "https://... (source: ...)", or no address at all.
    first, _, rest = value.strip().partition(" ")
    if re.match(r"https?://\S+$", first):
        if rest.strip():
            extra["url_note"] = rest.strip()
        return first
    if value.strip():
        extra["url_note"] = value.strip()
    return ""


def _doc_id(explicit: str, resolved: Path, label: str) -> str:
    if explicit:
        if not _ID.fullmatch(explicit):
            raise UnreadableFileError(
                f"{label} has an invalid id {explicit[:40]!r}",
                "use 1-128 letters, digits or - _ . : (for example id: my-article-1)",
            )
        return explicit
    ascii_stem = unicodedata.normalize("NFKD", resolved.stem).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:60].strip("-")
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    return f"{slug or 'doc'}-{digest}"


def _first_line(text: str, headings: tuple[tuple[int, int], ...]) -> str:
    line = text[headings[0][0] : headings[0][1]] if headings else next(s for s in text.split("\n") if s.strip())
    line = " ".join(line.split())
    if len(line) <= 80:
        return line
    cut = line[:80]
    return (cut.rsplit(" ", 1)[0] if " " in cut[40:] else cut) + "…"


def _txt_headings(text: str, obvious: bool) -> tuple[tuple[int, int], ...]:
    spans = {m.span(2) for m in _WIKI_HEADING.finditer(text)}
    spans |= {(m.start(1), m.start(1) + len(m.group(1).rstrip())) for m in _EDIT_HEADING.finditer(text)}
    if obvious:  # the bundled plain-text renderings dropped the heading markers ("Our Mission")
        spans |= {s for s in _standalone_headings(text) if not any(s[0] < b and a < s[1] for a, b in spans)}
    return tuple(sorted(spans))


def _standalone_headings(text: str) -> Iterator[tuple[int, int]]:
    # A short line after a blank line, not a sentence, list item or table row, with a blank line or a
    # longer paragraph line below it.
    lines = text.split("\n")
    start = 0
    for i, line in enumerate(lines):
        above = lines[i - 1].strip() if i else ""
        below = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not above and _heading_like(line.strip()) and (not below or (len(below) > len(line) and not _listy(below))):
            lead = len(line) - len(line.lstrip())
            yield start + lead, start + lead + len(line.strip())
        start += len(line) + 1


def _heading_like(line: str) -> bool:
    return 0 < len(line) <= 60 and line[-1] not in ".。:：;；、,，…" and "。" not in line and ". " not in line \
        and not _listy(line) and not line.startswith(("=", "(", "「"))


def _listy(line: str) -> bool:
    return " | " in line or re.match(r"(?:[-*•※]|\d+[.)] )", line) is not None


def split_metadata(text: str, label: str) -> Metadata:
    """Metadata from YAML front matter or bundled-format header lines, and the text after it."""
    if text.startswith("---\n"):
        end = re.search(r"^(?:---|\.\.\.)[ \t]*$\n?", text[4:], re.M)
        if end and (fields := _front_matter(text[4 : 4 + end.start()], label)) is not None:
            return _metadata(text[4 + end.end() :], fields, header_format=False)
    head, marker, body = text.partition(f"\n{_TEXT_MARKER}\n")
    if not marker and text.endswith(f"\n{_TEXT_MARKER}"):
        head, marker, body = text[: -len(_TEXT_MARKER) - 1], "x", ""
    lines = [line for line in head.split("\n") if line.strip()]
    if marker and lines and all(_HEADER_LINE.fullmatch(line.rstrip()) for line in lines):
        fields = dict(_HEADER_LINE.fullmatch(line.rstrip()).groups() for line in lines)  # type: ignore[union-attr]
        return _metadata(body, fields, header_format=True)
    return Metadata(body=text)


def _front_matter(block: str, label: str) -> dict[str, object] | None:
    try:
        fields = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as err:
        if not _HEADER_LINE.match(block.lstrip()):
            return None  # a Markdown rule, then text: not meant as front matter
        line = getattr(getattr(err, "problem_mark", None), "line", -1) + 2
        raise UnreadableFileError(
            f"the front matter of {label} is not valid YAML (near line {line})",
            "fix the block between the --- lines, e.g. quote values that contain ': '",
        ) from err
    return fields if isinstance(fields, dict) else None


def _metadata(body: str, fields: dict[str, object], header_format: bool) -> Metadata:
    meta = Metadata(body=body, header_format=header_format)
    for key, value in fields.items():
        name = re.sub(r"[\s-]+", "_", str(key).strip().lower())
        if name in _KEYS and not getattr(meta, _KEYS[name]):
            setattr(meta, _KEYS[name], _as_text(value))
        elif name not in _KEYS:
            meta.extra[name] = _as_text(value)
    return meta


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_as_text(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()
