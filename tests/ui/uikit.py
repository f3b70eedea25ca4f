"""Helpers of the browser tests: start and stop the UI, open pages that cannot reach the network,
ask, and find the answer."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# The flags OFFLINE.md gives: no sandbox (root in a container), nothing fetched in the background.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
READY_TIMEOUT_S = 300  # the first ingest embeds ~400 texts: ~16 s on an idle 2-core machine
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class UiServer:
    url: str
    store: Path
    log: Path
    proc: subprocess.Popen[bytes]
    first_start: dict[str, Any] = field(default_factory=dict)  # what the first page load showed

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def start_ui(tmp: Path, env: dict[str, str] | None = None) -> UiServer:
    """`python -m ui.app` on a free port with an empty store in ``tmp``; returns once it answers HTTP."""
    port = free_port()
    store, log = tmp / "store", tmp / "ui.log"
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("KONKYO_")}
    child_env.update(env or {})
    out = open(log, "wb")
    proc = subprocess.Popen([sys.executable, "-m", "ui.app", "--port", str(port), "--store", str(store)],
                            cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=child_env)
    server = UiServer(f"http://127.0.0.1:{port}", store, log, proc)
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(server.url + "/config", timeout=2).read()
            return server
        except OSError as err:
            # 401 with a login: the server is up
            if getattr(err, "code", None) == 401:
                return server
            if proc.poll() is not None or time.monotonic() > deadline:
                stop_ui(server)
                raise RuntimeError(f"the UI did not start:\n{server.log_tail()}") from None
            time.sleep(0.3)


def stop_ui(server: UiServer) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


class Offline:
    """Routes every request of a browser context: loopback goes through, anything else is refused and
    remembered, so a test can assert that the page needed nothing from the network."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def new_page(browser: Any, offline: Offline, **context: Any) -> Any:
    ctx = browser.new_context(viewport={"width": 1400, "height": 950}, **context)
    ctx.route("**/*", offline)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    return page


# -- helpers shared by the tests ------------------------------------------------------------------

ANSWER = "#konkyo-chat .konkyo-msg:not(.konkyo-pending)"


def watch_pending(page: Any) -> None:
    """Record (in window flags) whether a "searching" / "reading first" message ever appeared: streamed
    states can be too short-lived to catch by polling."""
    page.evaluate("""() => {
      window.__konkyoSearching = false; window.__konkyoWaited = false;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('#konkyo-chat .konkyo-pending')) {
          window.__konkyoSearching = true;
          if (/\\d+ ?(of|\\/) ?\\d+/.test(el.textContent)) window.__konkyoWaited = true;
        }
      }).observe(document.body, {subtree: true, childList: true, characterData: true});
    }""")


def ask(page: Any, question: str) -> None:
    page.locator("#konkyo-question textarea").fill(question)
    page.locator("#konkyo-send").click()


def last_answer(page: Any) -> Any:
    return page.locator(ANSWER).last


def update_readme_screenshot(shot: Path) -> None:
    """Copy a screenshot to ui/screenshot.png (the README's) when it is missing or when asked to with
    KONKYO_UPDATE_SCREENSHOT=1, so that ordinary test runs leave the checkout unchanged."""
    target = REPO / "ui" / "screenshot.png"
    if not target.exists() or os.environ.get("KONKYO_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, target)
