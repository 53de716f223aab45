"""Headless Chromium for the report tests: Debian's /usr/bin/chromium driven by Playwright.

Playwright never downloads a browser here: it launches the system Chromium by path. Tests
that need a browser call `skip_reason()` and skip with its message when there is none.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and nothing that reaches the network (updates, sync, safe-browsing lists).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 900}


def skip_reason() -> str | None:
    """Why browser tests cannot run on this machine, or None when they can."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright)"
    return None


@contextmanager
def open_page(path: Path, javascript: bool = True) -> Iterator[tuple[object, list[str]]]:
    """A Playwright page showing the local file `path` (with scripts off unless `javascript`),
    and the list of every request it makes beyond that file (aborted, so the page shows what
    it looks like offline)."""
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    outside: list[str] = []

    def block(route) -> None:
        outside.append(route.request.url)
        route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, java_script_enabled=javascript)
            page.route(lambda u: u != url and not u.startswith("data:"), block)
            page.goto(url)
            yield page, outside
        finally:
            browser.close()
