"""The API docs (Swagger UI and Redoc) load everything from our own server: no font, script or style from elsewhere.

Runs headless Chromium from Debian (/usr/bin/chromium) through Playwright against pytest-django's live server.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]


@pytest.mark.parametrize(("path", "rendered"), [("/api/v1/redoc/", ".api-content"), ("/api/v1/docs/", ".swagger-ui")])
def test_the_api_docs_render_without_fetching_anything_from_another_host(
    live_server, monkeypatch, transactional_db, path, rendered
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    own_host = urlsplit(live_server.url).netloc
    sent: list[str] = []  # every request the browser let out (one its content security policy blocks never is)

    def route(route) -> None:
        sent.append(route.request.url)
        # Anything headed elsewhere is refused, so a page that needed it would not render.
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.goto(live_server.url + path)
            page.wait_for_selector(rendered, timeout=30_000)
        finally:
            browser.close()

    elsewhere = [url for url in sent if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own_host]
    assert elsewhere == []
    assert any(url.endswith(".js") for url in sent)
