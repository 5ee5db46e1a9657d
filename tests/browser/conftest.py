"""Shared by the browser tests: headless Chromium through Playwright, editors' accounts, logging in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from newsfacts.roles import EDITORS, sync_roles
from tests.factories import UserFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def browser(monkeypatch) -> Iterator[Any]:
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test body are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _page(browser: Any) -> Any:
    """A page in its own browser context: its own cookies, so two pages are two editors."""
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    return page


@pytest.fixture
def browser_page(browser) -> Any:
    return _page(browser)


@pytest.fixture
def new_page(browser) -> Callable[[], Any]:
    return lambda: _page(browser)


def make_editor(username: str) -> Any:
    # The live server flushes the database between tests, groups included: make the roles again.
    groups = sync_roles()
    user = UserFactory(username=username, is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(pk=groups[EDITORS].pk))
    return user


@pytest.fixture
def editor_account(transactional_db):
    return make_editor("browser-editor")


def log_in(page: Any, live_server: Any, user: Any) -> None:
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
