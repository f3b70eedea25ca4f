"""Encoding detection and language detection: real corpus text through every supported encoding."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from ingest.encoding import decode_bytes
from ingest.errors import UnreadableFileError
from ingest.language import detect_language, normalise_language_tag
from ingest.loaders import bundled_corpus_dir, load_document

CODECS = ["shift_jis", "cp932", "euc_jp", "iso2022_jp"]


def _body(name: str) -> str:
    text = (bundled_corpus_dir() / name).read_text(encoding="utf-8")
    return text.split("\n=== TEXT ===\n", 1)[1]


@pytest.fixture(scope="module")
def ja_paragraph() -> str:
    """A long paragraph of the founding note with kana, kanji, ASCII and 「」, encodable in every codec."""
    for para in _body("ja_note_gpt4o_omni_team.txt").split("\n\n"):
        if len(para) > 120 and "「" in para and any(c.isascii() and c.isalpha() for c in para):
            try:
                for codec in CODECS:
                    para.encode(codec)
            except UnicodeEncodeError:
                continue
            return para
    raise AssertionError("no suitable paragraph in the Japanese note")


@pytest.fixture(scope="module")
def ja_article() -> str:
    return _body("ja_wikipedia_kouka_teki_ritashugi.txt")  # whole excerpt, several paragraphs


def _load(tmp_path: Path, data: bytes, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return load_document(path)


def _one_line(err: pytest.ExceptionInfo[UnreadableFileError]) -> str:
    message = str(err.value)
    assert "\n" not in message and message.strip() == message and message
    return message


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-8", "utf-8"), ("shift_jis", "shift_jis"), ("cp932", "shift_jis"), ("euc_jp", "euc_jp"),
     ("iso2022_jp", "iso2022_jp")],
)
def test_japanese_codecs_round_trip_corpus_text(tmp_path, ja_paragraph, ja_article, codec, expected):
    for text in (ja_paragraph, ja_article):
        doc = _load(tmp_path, text.encode(codec))
        assert doc.text == text
        assert doc.encoding == expected  # identical bytes in cp932 and Shift_JIS: the standard name
        assert doc.lang == "ja"


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_byte_order_marks_are_used_and_stripped(tmp_path, ja_paragraph, codec):
    data = ja_paragraph.encode(codec)
    doc = _load(tmp_path, data)
    assert doc.text == ja_paragraph and not doc.text.startswith("\ufeff")
    assert doc.encoding == codec
    assert data.decode(doc.encoding) == ja_paragraph  # the name reported decodes the file


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path, ja_paragraph, codec):
    doc = _load(tmp_path, ja_paragraph.encode(codec))  # ASCII letters give the NUL pattern
    assert (doc.text, doc.encoding) == (ja_paragraph, codec)
    english = "Chatbot Arena is a benchmark platform.\nIt uses Elo ratings.\n"
    assert decode_bytes(english.encode(codec)) == (english, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_ascii(codec):
    # No NUL byte at all, and "。" is 02 30: must not be mistaken for binary or Shift_JIS.
    text = "これは、解説する必要もないですね。事実は見たままって事ですね。"
    assert decode_bytes(text.encode(codec)) == (text, codec)


def test_cp932_only_characters_choose_cp932():
    text = "①の項目はサポートされています。"
    assert decode_bytes(text.encode("cp932")) == (text, "cp932")


def test_windows_newlines_are_normalised(tmp_path, ja_article):
    crlf = ja_article.replace("\n", "\r\n")
    for codec in ("utf-8", "shift_jis", "euc_jp"):
        assert _load(tmp_path, crlf.encode(codec)).text == ja_article
    assert decode_bytes(b"one\rtwo\r\nthree\n")[0] == "one\ntwo\nthree\n"


def test_text_is_not_nfkc_normalised():
    text = "ＡＢＣ ｶﾀｶﾅ ㈱ ① ﬁ — “quoted”"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


@pytest.mark.parametrize("word", ["こんにちは", "今日は", "カタカナ", "東京", "漢字"])
def test_short_japanese_in_shift_jis_and_euc_jp(word):
    # "こんにちは" in EUC-JP also decodes as Shift_JIS (half-width "､ｳ､ﾁ..."): the score must choose right.
    assert decode_bytes(word.encode("euc_jp")) == (word, "euc_jp")
    assert decode_bytes(word.encode("shift_jis")) == (word, "shift_jis")


def test_truly_ambiguous_short_bytes_are_refused():
    data = "ｱｲｳｴ".encode("shift_jis")  # b1 b2 b3 b4: half-width kana in Shift_JIS, two kanji in EUC-JP
    assert data.decode("euc_jp") != "ｱｲｳｴ"
    with pytest.raises(UnreadableFileError) as err:
        decode_bytes(data, "short.txt")
    assert _one_line(err) == "cannot tell the text encoding of short.txt: save it as UTF-8 and ingest again"


@pytest.mark.parametrize(
    "text",
    ["He said \u201cdon\u2019t\u201d \u2014 the caf\u00e9 was na\u00efve.\n", "It\u2019s", "don\u2019t",
     "\u201cQuoted\u201d and \u2018single\u2019 \u2026 \u00a9 2023 LMSYS"],
)
def test_cp1252_english_with_curly_quotes(tmp_path, text):
    # "It\x92s" is also valid Shift_JIS ("It痴"); charset-normalizer alone says cp1250 for "na\xefve".
    doc = _load(tmp_path, text.encode("cp1252"))
    assert (doc.text, doc.encoding, doc.lang) == (text, "cp1252", "en")


def test_cp1252_english_corpus_text(tmp_path):
    paragraphs = []
    for para in _body("en_wikipedia_sam_altman.txt").split("\n\n"):
        try:
            para.encode("cp1252")
            paragraphs.append(para)
        except UnicodeEncodeError:
            pass  # e.g. a Polish name with "\u0142"
    text = "\n\n".join(paragraphs) + "\n\nIt\u2019s \u201cquoted\u201d here.\n"
    assert len(paragraphs) >= 3 and "\u2014" in text
    assert _load(tmp_path, text.encode("cp1252")).text == text


def test_html_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"><title>T</title></head><body><p>\u201cHi\u201d caf\u00e9</p>'
    doc = _load(tmp_path, page.encode("cp1252"), "page.html")  # browsers read latin-1 labels as cp1252
    assert doc.text == "\u201cHi\u201d caf\u00e9" and doc.encoding == "cp1252"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello " * 50)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (_zip_bytes(), "zip archive"),
        (random.Random(7).randbytes(4096), ""),
        (b"abc\x00\x01\x02def\x00\x00ghi\x07\x08", ""),
        (b"text with \x01\x02\x03\x04\x05 control bytes \x06\x0e\x0f", ""),
    ],
)
def test_binary_files_are_rejected(tmp_path, data, kind):
    with pytest.raises(UnreadableFileError) as err:
        _load(tmp_path, data, "picture.txt")
    message = _one_line(err)
    assert "picture.txt is a binary file" in message and kind in message


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff".encode("utf-8"), " \n".encode("utf-16")])
def test_empty_files_are_rejected(tmp_path, data):
    with pytest.raises(UnreadableFileError) as err:
        _load(tmp_path, data, "empty.txt")
    assert _one_line(err).startswith(f"{tmp_path / 'empty.txt'} has no text: ")


def test_undecodable_bytes_are_refused_not_guessed():
    for data in (bytes(range(0x80, 0x100)), bytes(b | 0x80 for b in random.Random(3).randbytes(300))):
        with pytest.raises(UnreadableFileError, match="cannot tell the text encoding of x.txt"):
            decode_bytes(data, "x.txt")


def test_broken_bom_file_is_refused():
    with pytest.raises(UnreadableFileError, match="cannot tell the text encoding"):
        decode_bytes(b"\xef\xbb\xbfok \xff\xfe bad", "bad.txt")


def test_detect_language(ja_paragraph, ja_article):
    assert detect_language(ja_paragraph) == "ja"  # has plenty of "GPT-4o", "Prafulla Dhariwal"
    assert detect_language(ja_article) == "ja"
    assert detect_language(_body("en_wikipedia_ilya_sutskever.txt")) == "en"  # has a Hebrew name
    assert detect_language("Tokyo (東京) is the capital of Japan and its largest city by far.") == "en"
    assert detect_language("GPT2-chatbot騒動については下記のNoteにまとめています") == "ja"
    assert detect_language("12345 !!! ---") == "en"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [("ja", "ja"), ("ja-JP", "ja"), ("JA_jp", "ja"), ("Japanese", "ja"), ("日本語", "ja"), ("en-US", "en"),
     ("EN", "en"), ("english", "en"), ("fr", None), ("", None), (None, None), ("jabberwock", None)],
)
def test_normalise_language_tag(tag, expected):
    assert normalise_language_tag(tag) == expected
