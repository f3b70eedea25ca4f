"""The chat UI in a real Chromium: answers with their passages, refusals, uploads, login, several users."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from uikit import (
    Offline,
    UiServer,
    ask,
    last_answer,
    new_page,
    start_ui,
    stop_ui,
    update_readme_screenshot,
    watch_pending,
)

pytestmark = pytest.mark.ui

OMNI_TITLE = "GPT-4oを開発したOMNIチームとは?"


def rendering_fonts(page: Any, selector: str) -> set[str]:
    """The fonts Chromium actually drew the element's text with (DevTools' "Rendered Fonts")."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"] for f in fonts if f["glyphCount"] > 0}


def test_first_start_reads_the_bundled_corpus_with_progress(ui_server: UiServer) -> None:
    seen = ui_server.first_start
    assert seen["banner"] and "Reading the bundled articles" in seen["banner"], seen
    assert "/7" in seen["banner"] or "of 7" in seen["banner"], seen
    assert seen["waited"], "a question asked during the first ingest did not say it was waiting"
    assert "konkyo-answered" in seen["answer_classes"], seen
    assert not seen["blocked"], f"the page tried to reach the network: {seen['blocked']}"


def test_english_question_shows_the_japanese_passage(page: Any, screenshots: Path) -> None:
    page.locator("#konkyo-banner").wait_for(state="hidden")  # the store is ready: no progress banner
    watch_pending(page)
    ask(page, "Who led the Omni team?")
    answer = last_answer(page)
    answer.wait_for()
    assert page.evaluate("window.__konkyoSearching"), "no 'searching' message was streamed first"
    assert "konkyo-answered" in answer.get_attribute("class")
    assert answer.inner_text().startswith("According to the articles")
    card = page.locator("#konkyo-evidence .konkyo-card").first
    assert OMNI_TITLE in card.locator(".konkyo-title").inner_text()
    assert card.locator(".konkyo-badge").inner_text() == "asserted"
    assert card.locator(".konkyo-lang").inner_text() == "ja"
    quotes = page.locator("#konkyo-evidence mark.konkyo-quote").all_inner_texts()
    assert any("プラフラ・ダリワル" in q for q in quotes), quotes  # the Japanese passage, highlighted
    # The highlighted quote sits inside more of its paragraph.
    context = card.locator(".konkyo-context").inner_text()
    assert len(context) > len(card.locator("mark").inner_text())
    # [1] is a link to its card: clicking it brings the card into view and flashes it.
    answer.locator("a.konkyo-ref", has_text="[1]").click()
    page.wait_for_selector("#konkyo-evidence .konkyo-card.konkyo-flash")
    # Japanese is drawn with a CJK font (text, not boxes).
    fonts = rendering_fonts(page, "#konkyo-evidence mark.konkyo-quote")
    assert any("CJK" in f or "JP" in f for f in fonts), fonts
    page.wait_for_timeout(2000)  # let the flash fade before the picture
    shot = screenshots / "answer-en.png"
    page.screenshot(path=str(shot))
    update_readme_screenshot(shot)


def test_a_japanese_example_is_answered_in_japanese(page: Any) -> None:
    page.get_by_text("オムニチームを率いたのは誰?", exact=True).click()  # examples are asked on click
    answer = last_answer(page)
    answer.wait_for()
    assert answer.inner_text().startswith("記事によると")
    assert "回答の根拠" in page.locator("#konkyo-evidence .konkyo-panel-head").inner_text()
    assert page.locator("#konkyo-evidence .konkyo-badge").first.inner_text() == "断定"
    assert page.locator("#konkyo-send").inner_text() == "質問する"  # the page's words follow the question


def test_speculative_question_is_refused_with_its_badges(page: Any, screenshots: Path) -> None:
    ask(page, "Is the 'google bard' account Prafulla Dhariwal's alt account?")
    answer = last_answer(page)
    answer.wait_for()
    classes = answer.get_attribute("class")
    assert "konkyo-refused" in classes and "konkyo-reason-speculative" in classes
    assert "konkyo-answered" not in classes
    head = page.locator("#konkyo-evidence .konkyo-panel-head")
    assert "The articles only speculate about this" in head.inner_text()
    cards = page.locator("#konkyo-evidence .konkyo-card")
    assert cards.count() >= 1
    for badge in cards.locator(".konkyo-badge").all_inner_texts():
        assert badge == "speculative"
    cues = page.locator("#konkyo-evidence .konkyo-cues").first.inner_text()
    assert any(word in cues for word in ("とされ", "可能性が高")), cues
    # Refusals look different from answers: another border colour.
    answered_colour = "rgb(47, 158, 68)"
    assert answer.evaluate("el => getComputedStyle(el).borderLeftColor") != answered_colour
    page.screenshot(path=str(screenshots / "refusal-speculative.png"))


def test_clicking_an_older_answer_brings_back_its_passages(page: Any) -> None:
    ask(page, "Who led the Omni team?")
    last_answer(page).wait_for()
    ask(page, "Is the 'google bard' account Prafulla Dhariwal's alt account?")
    page.locator("#konkyo-chat .konkyo-msg.konkyo-refused").wait_for()
    first = page.locator("#konkyo-chat .konkyo-msg.konkyo-answered")
    assert "speculate" in page.locator("#konkyo-evidence .konkyo-panel-head").inner_text()
    first.locator("a.konkyo-ref").first.click()
    page.wait_for_selector("#konkyo-evidence .konkyo-card.konkyo-flash")
    assert OMNI_TITLE in page.locator("#konkyo-evidence .konkyo-title").first.inner_text()
    assert "answer stands on" in page.locator("#konkyo-evidence .konkyo-panel-head").inner_text()


def test_two_users_are_answered_at_once(browser: Any, ui_server: UiServer) -> None:
    pages = [new_page(browser, Offline()) for _ in range(2)]
    try:
        for p in pages:
            p.goto(ui_server.url)
        ask(pages[0], "Who led the Omni team?")
        ask(pages[1], "オムニチームを率いたのは誰?")
        for p in pages:
            last_answer(p).wait_for()
        assert last_answer(pages[0]).inner_text().startswith("According to the articles")
        assert last_answer(pages[1]).inner_text().startswith("記事によると")
    finally:
        for p in pages:
            p.context.close()


def test_upload_reports_each_file_and_remove_takes_it_out(page: Any, ui_server: UiServer, screenshots: Path) -> None:
    page.get_by_role("tab", name="Sources · 資料").click()
    table = page.locator("#konkyo-documents")
    table.get_by_text(OMNI_TITLE).wait_for()
    page.locator("#konkyo-upload input[type=file]").set_input_files([
        {"name": "photo.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8},
        {"name": "setup.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00"},
        {"name": "good note (draft).md", "mimeType": "text/markdown",
         "buffer": "# Konkyo upload test\n\nThe upload test article says that the kiwi team shipped in June.\n".encode()},
    ])
    result = page.locator("#konkyo-upload-result")
    result.locator("li").nth(2).wait_for(timeout=120_000)
    rejected = result.locator("li.konkyo-outcome-rejected").all_inner_texts()
    assert any(r.startswith("photo.txt: not added:") and "binary" in r for r in rejected), rejected
    assert any(r.startswith("setup.exe: not added: not a supported type") for r in rejected), rejected
    ok = result.locator("li.konkyo-outcome-ok").all_inner_texts()
    assert ok and ok[0].startswith("good_note_draft.md: added"), ok
    table.get_by_text("Konkyo upload test").wait_for()
    page.screenshot(path=str(screenshots / "upload.png"))
    uploads = ui_server.store / "uploads"
    assert sorted(p.name for p in uploads.iterdir()) == ["good_note_draft.md"]  # rejected files are not kept

    page.locator("#konkyo-remove-pick input").click()
    page.get_by_role("option", name="Konkyo upload test", exact=False).click()
    page.locator("#konkyo-remove").click()
    result.get_by_text("Removed Konkyo upload test").wait_for()
    table.get_by_text("Konkyo upload test").wait_for(state="detached")
    assert not any(uploads.iterdir())


def test_login_is_required_when_configured(browser: Any, tmp_path: Path) -> None:
    server = start_ui(tmp_path, env={"KONKYO_UI_AUTH": "alice:s3cret", "KONKYO_EMBEDDER__BACKEND": "hash"})
    page = new_page(browser, Offline())
    try:
        page.goto(server.url)
        page.locator("input[type=password]").wait_for()
        assert page.locator("#konkyo-chat").count() == 0
        page.locator("input[type=text]").first.fill("alice")
        page.locator("input[type=password]").fill("wrong")
        page.get_by_role("button", name="Login").click()
        page.get_by_text("Incorrect", exact=False).wait_for()
        page.locator("input[type=text]").first.fill("alice")  # a failed login empties the form
        page.locator("input[type=password]").fill("s3cret")
        page.get_by_role("button", name="Login").click()
        page.locator("#konkyo-chat").wait_for()
    finally:
        page.context.close()
        stop_ui(server)
