"""An editor's review in a real browser: log in, open the review queue, review a claim, read its history.

Runs headless Chromium from Debian (/usr/bin/chromium) through Playwright against pytest-django's live server.
Saves screenshots of the claim's change page and history to test-artifacts/ (claim-change.png, claim-history.png).
"""

from __future__ import annotations

import hashlib

import pytest

from newsfacts.models import Article, Claim, Sentence
from tests.browser.conftest import ARTIFACTS, CHROMIUM, log_in
from tests.factories import SpeakerFactory

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


def test_an_editor_reviews_a_claim_from_the_queue_and_reads_its_history(live_server, browser_page, editor_account):
    from playwright.sync_api import expect

    page = browser_page
    _, claim = make_article()

    log_in(page, live_server, editor_account)

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
