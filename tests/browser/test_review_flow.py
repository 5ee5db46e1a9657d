"""An editor's review in a real browser: log in, open the review queue, review a claim, read its history.

Runs headless Chromium from Debian (/usr/bin/chromium) through Playwright against pytest-django's live server.
Saves screenshots of the claim's change page and history to test-artifacts/ (claim-change.png, claim-history.png).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from newsfacts.models import Article, Claim, Sentence
from newsfacts.roles import EDITORS, sync_roles
from tests.factories import SpeakerFactory, UserFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]

SENTENCES = [
    "Harbour City council approved a new flood barrier on Tuesday.",
    "The barrier will cost 48 million dollars and protect 12,000 homes, the mayor said.",
    "Work is due to start in March and take three years.",
    "Residents had campaigned for a barrier since the floods of 2019.",
    "Opposition councillors said the cost had doubled since the first estimate.",
]


def make_article() -> tuple[Article, Claim]:
    text = " ".join(SENTENCES)
    article = Article.objects.create(
        title="Council approves flood barrier",
        publisher="Example Press",
        url="https://news.example.org/flood-barrier",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    start = 0
    rows = []
    for position, sentence in enumerate(SENTENCES):
        begin = text.index(sentence, start)
        rows.append(Sentence(article=article, position=position, start=begin, end=begin + len(sentence), text=sentence))
        start = begin + len(sentence)
    Sentence.objects.bulk_create(rows)
    source = article.sentences.get(position=1)
    span = "The barrier will cost 48 million dollars"
    begin = source.start + source.text.index(span)
    claim = Claim.objects.create(
        article=article,
        sentence=source,
        start=begin,
        end=begin + len(span),
        text=span,
        kind="figure",
        claimant=SpeakerFactory(name="Maria Example", aliases=["the mayor"]),
    )
    return article, claim


@pytest.fixture
def browser_page(monkeypatch) -> Iterator:
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls in the test body are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            browser.close()


@pytest.fixture
def editor_account(transactional_db):
    # The live server flushes the database between tests, groups included: make the roles again.
    groups = sync_roles()
    user = UserFactory(username="browser-editor", is_staff=True, password=PASSWORD)
    user.groups.add(Group.objects.get(pk=groups[EDITORS].pk))
    return user


def test_an_editor_reviews_a_claim_from_the_queue_and_reads_its_history(live_server, browser_page, editor_account):
    from playwright.sync_api import expect

    page = browser_page
    _, claim = make_article()

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", editor_account.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.click("text=Claims to verify")
    expect(page.locator("h1")).to_contain_text("Review queue")
    page.click(f"#result_list a:has-text('{claim.text}')")

    context = page.locator(".nf-context")
    expect(context.locator("mark")).to_have_text(claim.text)
    expect(context.locator(".nf-source")).to_contain_text(SENTENCES[1])
    expect(context).to_contain_text("Council approves flood barrier")
    expect(context).to_contain_text(SENTENCES[0])

    # A status without a rationale is refused, with the reason on the form.
    page.select_option("#id_status", "verified")
    page.click("input[name=_continue]")
    expect(page.locator(".field-rationale .errorlist")).to_contain_text("rationale")

    page.select_option("#id_status", "misleading")
    page.fill("#id_rationale", "The 48 million is the first estimate; the council's budget papers give 96 million.")
    page.fill("#id_evidence_urls", "https://council.example.org/budget-2026\nhttps://council.example.org/minutes")
    page.fill("#id_reason", "checked the budget papers")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    expect(page.locator("h1")).to_contain_text("Review queue")

    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by_id) == ("misleading", editor_account.pk)

    page.goto(f"{live_server.url}/admin/newsfacts/claim/{claim.pk}/change/")
    expect(page.locator("#id_status")).to_have_value("misleading")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "claim-change.png"), full_page=True)

    page.click("a.historylink")
    history = page.locator("#change-history")
    expect(history).to_contain_text("checked the budget papers")
    expect(history).to_contain_text(editor_account.username)
    expect(history).to_contain_text("unverified")
    expect(history).to_contain_text("misleading")
    page.screenshot(path=str(ARTIFACTS / "claim-history.png"), full_page=True)
