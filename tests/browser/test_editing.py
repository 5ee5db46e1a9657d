"""Editors completing and correcting the dataset in a real browser (headless Chromium through Playwright).

Adding a quote by selecting its words (in a text with an emoji and accents), rejecting and restoring a claim,
correcting a span with the live preview, two editors saving the same claim, "review next" for two editors.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import datetime
import hashlib

import pytest

from newsfacts.models import Article, Claim, Quote, Sentence
from tests.browser.conftest import CHROMIUM, log_in, make_editor, screenshot
from tests.factories import SpeakerFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)"
    ),
]

SENTENCES = [
    "La maire 🎉 a déclaré : « Nous reconstruirons l'école avant l'hiver ».",
    "Le chantier coûtera 4,2 millions d'euros et emploiera 120 personnes.",
    "L'école a été construite en 1962.",
]
TEXT = "\n".join(SENTENCES)


def make_article(published: datetime.date | None = None, title: str = "L'école reconstruite") -> Article:
    text = TEXT if published is None else f"{TEXT}\n{title}."
    article = Article.objects.create(
        title=title,
        publisher="Exemple",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        published=published,
    )
    rows, start = [], 0
    for position, sentence in enumerate(text.split("\n")):
        begin = text.index(sentence, start)
        rows.append(Sentence(article=article, position=position, start=begin, end=begin + len(sentence), text=sentence))
        start = begin + len(sentence)
    Sentence.objects.bulk_create(rows)
    return article


def make_claim(article: Article, words: str) -> Claim:
    begin = article.text.index(words)
    sentence = article.sentences.get(start__lte=begin, end__gt=begin)
    return Claim.objects.create(
        article=article, sentence=sentence, start=begin, end=begin + len(words), text=words, kind="figure"
    )


def select(page, selector: str, words: str) -> None:
    """Select `words` inside the element as a user's mouse would: a DOM range over its text (UTF-16 offsets)."""
    page.evaluate(
        """([selector, words]) => {
            const box = document.querySelector(selector);
            const node = box.firstChild;
            const from = node.textContent.indexOf(words);
            const range = document.createRange();
            range.setStart(node, from);
            range.setEnd(node, from + words.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        [selector, words],
    )


def test_an_editor_adds_a_quote_by_selecting_its_words_past_an_emoji(live_server, browser_page, editor_account):
    from playwright.sync_api import expect

    page = browser_page
    article = make_article()
    SpeakerFactory(name="Claire Maire")
    log_in(page, live_server, editor_account)
    page.goto(f"{live_server.url}/admin/newsfacts/article/{article.pk}/change/")
    page.click("#nf-add-item")
    expect(page.locator("#nf-article-text[data-ready='1']")).to_contain_text("La maire")  # its script is set up

    words = "Nous reconstruirons l'école avant l'hiver"
    select(page, "#nf-article-text", words)
    expect(page.locator("#nf-selection")).to_have_text(words)
    start = TEXT.index(words)  # code points: the emoji before the words is one, though the browser counts two
    expect(page.locator("#nf-offsets")).to_have_text(f"(characters {start} to {start + len(words)})")
    page.check("input[name=item][value=quote]")
    page.select_option("#id_quote_kind", "direct")
    # The speaker's autocomplete (select2): type, then pick.
    page.click(".field-speaker .select2-selection, form .select2-selection")
    page.fill(".select2-search__field", "Claire")
    page.click(".select2-results__option:has-text('Claire Maire')")
    screenshot(page, "add-quote-selection.png")
    page.click("input[name=_add]")

    expect(page.locator(".messagelist")).to_contain_text("Added quote")
    quote = Quote.objects.get()
    assert quote.text == words == TEXT[quote.start : quote.end]
    assert (quote.start, quote.origin, quote.added_by_id) == (start, "editor", editor_account.pk)
    assert quote.speaker.name == "Claire Maire"
    expect(page.locator(".nf-context mark")).to_have_text(words)
    screenshot(page, "add-quote-added.png")


def test_an_editor_rejects_a_claim_and_restores_it(live_server, browser_page, editor_account):
    from playwright.sync_api import expect

    page = browser_page
    article = make_article()
    claim = make_claim(article, "L'école a été construite en 1962.")
    log_in(page, live_server, editor_account)
    page.goto(f"{live_server.url}/admin/newsfacts/claim/{claim.pk}/change/")
    page.click("#nf-reject")
    page.check("input[name=reason][value=wrong_span]")
    page.fill("#id_note", "the year is the claim, not the sentence")
    page.click("input[name=_reject]")
    expect(page.locator(".messagelist")).to_contain_text("Rejected as wrong span")
    expect(page.locator("#nf-restore")).to_be_visible()
    screenshot(page, "claim-rejected.png")
    claim.refresh_from_db()
    assert (claim.rejected_reason, claim.rejected_by_id) == ("wrong_span", editor_account.pk)

    page.goto(f"{live_server.url}/admin/newsfacts/claim/")
    expect(page.locator("#result_list")).to_have_count(0)  # the list leaves rejected claims out
    page.goto(f"{live_server.url}/admin/newsfacts/claim/{claim.pk}/change/")
    page.click("#nf-restore")
    expect(page.locator(".messagelist")).to_contain_text("Restored")
    expect(page.locator("#nf-reject")).to_be_visible()
    claim.refresh_from_db()
    assert claim.rejected_reason == ""


def test_an_editor_corrects_a_span_with_the_live_preview(live_server, browser_page, editor_account):
    from playwright.sync_api import expect

    page = browser_page
    article = make_article()
    claim = make_claim(article, "Le chantier coûtera 4,2 millions d'euros")
    log_in(page, live_server, editor_account)
    page.goto(f"{live_server.url}/admin/newsfacts/claim/{claim.pk}/change/")
    page.click("#nf-correct-span")
    expect(page.locator("#nf-span-window[data-ready='1']")).to_be_visible()
    expect(page.locator("#nf-span-preview")).to_have_text("Le chantier coûtera 4,2 millions d'euros")
    wider = TEXT.index(" et emploiera 120 personnes") + len(" et emploiera 120 personnes")
    page.fill("#id_end", str(wider))
    expect(page.locator("#nf-span-preview")).to_have_text(
        "Le chantier coûtera 4,2 millions d'euros et emploiera 120 personnes"
    )
    screenshot(page, "span-preview.png")
    page.click("input[name=_span]")
    expect(page.locator(".messagelist")).to_contain_text("The span now reads")
    claim.refresh_from_db()
    assert (
        claim.text
        == TEXT[claim.start : claim.end]
        == "Le chantier coûtera 4,2 millions d'euros et emploiera 120 personnes"
    )


def test_two_editors_save_the_same_claim_and_the_second_sees_the_conflict(live_server, new_page, editor_account):
    from playwright.sync_api import expect

    other = make_editor("second-editor")
    article = make_article()
    claim = make_claim(article, "Le chantier coûtera 4,2 millions d'euros")
    alice, bob = new_page(), new_page()
    log_in(alice, live_server, editor_account)
    log_in(bob, live_server, other)
    url = f"{live_server.url}/admin/newsfacts/claim/{claim.pk}/change/"
    alice.goto(url)
    bob.goto(url)

    alice.select_option("#id_status", "false")
    alice.fill("#id_rationale", "The budget says 6 million.")
    alice.click("input[name=_continue]")
    expect(alice.locator(".messagelist")).to_contain_text("was changed successfully")

    bob.select_option("#id_status", "verified")
    bob.fill("#id_rationale", "Matches the press release.")
    bob.click("input[name=_continue]")
    conflict = bob.locator("#nf-conflict")
    expect(conflict).to_contain_text("Another editor saved this claim")
    expect(conflict).to_contain_text("The budget says 6 million.")
    expect(conflict).to_contain_text(editor_account.username)
    screenshot(bob, "conflict.png")
    claim.refresh_from_db()
    assert claim.status == "false"  # nothing overwritten

    bob.click("input[name=_continue]")  # Bob chooses his version
    expect(bob.locator(".messagelist")).to_contain_text("was changed successfully")
    claim.refresh_from_db()
    assert (claim.status, claim.rationale) == ("verified", "Matches the press release.")


def test_review_next_hands_two_editors_different_claims(live_server, new_page, editor_account):
    from playwright.sync_api import expect

    other = make_editor("second-editor")
    older = make_claim(make_article(datetime.date(2020, 1, 1), "Older"), "L'école a été construite en 1962.")
    newer = make_claim(make_article(datetime.date(2021, 1, 1), "Newer"), "L'école a été construite en 1962.")
    alice, bob = new_page(), new_page()
    log_in(alice, live_server, editor_account)
    log_in(bob, live_server, other)
    for page in (alice, bob):
        page.goto(f"{live_server.url}/admin/newsfacts/claim/review/")
        page.click("#nf-review-next")
    expect(alice).to_have_url(f"{live_server.url}/admin/newsfacts/claim/{older.pk}/change/?_queue=1")
    expect(bob).to_have_url(f"{live_server.url}/admin/newsfacts/claim/{newer.pk}/change/?_queue=1")

    alice.goto(f"{live_server.url}/admin/newsfacts/claim/review/")
    rows = alice.locator("#result_list tbody tr")
    expect(rows.filter(has_text="Older")).to_contain_text(f"{editor_account.username} until")
    expect(rows.filter(has_text="Newer")).to_contain_text(f"{other.username} until")
    screenshot(alice, "review-queue-taken.png")
