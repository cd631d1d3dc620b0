"""The web pages in a real browser: Debian's Chromium driven by Playwright, against the app
served by uvicorn on a free loopback port (in a thread of this process) over its own data
directory, loaded as on first start. Without /usr/bin/chromium the browser tests skip on a
developer's machine, and fail in CI (CI=true), which installs it (.ci/run).

Every page a test opens records the addresses the browser asks for; after the test, any
address that is not the app's own fails it."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from rich.console import Console

from api.app import create_app
from api.server import first_start
from core.settings import Settings
from search.embeddings import HashEmbedder

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
KEYS = {"reader-key": "reader", "recorder-key": "recorder", "admin-key": "admin"}


def web_app(data_dir: Path, **overrides: Any) -> FastAPI:
    """The whole app (API and pages) over a data directory prepared as on first start."""
    settings = Settings(data_dir=data_dir, api_keys=KEYS, **overrides)
    first_start(settings, console=Console(stderr=True, quiet=True))
    return create_app(settings, embedder=HashEmbedder())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Served:
    base: str
    app: FastAPI


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The app on http://127.0.0.1:PORT in a background thread, for the session."""
    app = web_app(tmp_path_factory.mktemp("web"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="liuhen-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield Served(base=f"http://127.0.0.1:{port}", app=app)
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="session")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app in-process, for tests of headers, cookies and forms without a browser."""
    with TestClient(web_app(tmp_path_factory.mktemp("web-client"))) as running:
        yield running


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must run the browser tests")
    pytest.skip(reason)


# Package scope, not session: Playwright's sync API keeps an event loop on the main thread
# while it is open, so a test elsewhere that calls asyncio.run() fails if the browser is still
# up. In random order the browser opens and closes around each run of tests/web modules.
@pytest.fixture(scope="package")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Chromium with an empty user-data directory, while tests/web runs."""
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            locale="zh-CN", viewport={"width": 1200, "height": 900},
        )
        context.set_default_timeout(20_000)
        yield context
        context.close()


@dataclass
class Browsing:
    """One page of the browser, logged out at the start, with what it asked for."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def go(self, path: str) -> Any:
        return self.page.goto(self.base + path)

    def login(self, key: str) -> None:
        self.go("/ui/login")
        self.page.fill("#api_key", key)
        self.page.click("form.card button[type=submit]")
        self.page.wait_for_load_state()

    def foreign(self) -> list[str]:
        return [u for u in self.requests
                if not (u.startswith(self.base + "/") or u.startswith(("data:", "about:")))]


@pytest.fixture
def web(browser_context: Any, served: Served) -> Iterator[Browsing]:
    browser_context.clear_cookies()
    page = browser_context.new_page()
    browsing = Browsing(page=page, base=served.base)
    page.on("request", lambda request: browsing.requests.append(request.url))
    def on_dialog(dialog: Any) -> None:
        browsing.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: browsing.errors.append(str(error)))
    page.on("console", lambda message: browsing.errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None)
    yield browsing
    page.close()
    assert not browsing.foreign(), f"requests to other addresses: {browsing.foreign()}"
    assert not browsing.dialogs, f"dialogs opened (script ran?): {browsing.dialogs}"
    assert not browsing.errors, f"script errors or CSP violations: {browsing.errors}"
