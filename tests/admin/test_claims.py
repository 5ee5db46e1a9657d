"""The claim admin: the review queue, the claim in context, review with rationale and evidence, bulk review, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from newsfacts.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsfacts_claim_changelist")
QUEUE = reverse("admin:newsfacts_claim_review")


def change_url(claim: Claim) -> str:
    return reverse("admin:newsfacts_claim_change", args=[claim.pk])


def claim_in(article, position: int, start: int = 0, length: int | None = None, **kwargs) -> Claim:
    sentence = article.sentences.get(position=position)
    begin = sentence.start + start
    end = sentence.end if length is None else begin + length
    return Claim.objects.create(
        article=article, sentence=sentence, start=begin, end=end, text=article.text[begin:end], **kwargs
    )


def review_post(claim: Claim, **changes) -> dict[str, str]:
    data = {
        "status": claim.status,
        "rationale": claim.rationale,
        "evidence_urls": "\n".join(claim.evidence_urls),
        "reason": "",
        "claimant": claim.claimant_id or "",
        "claimant_description": claim.claimant_description,
        "kind": claim.kind,
    }
    data.update(changes)
    return data


def listed(response) -> list[int]:
    return [obj.pk for obj in response.context["cl"].result_list]


def test_changelist_lists_claims(editor_web):
    claims = ClaimFactory.create_batch(3)
    response = editor_web.get(CHANGELIST)
    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(c.pk for c in claims)


def test_review_queue_lists_unverified_claims_oldest_article_first(editor_web):
    new = ArticleFactory(published=dt.date(2025, 5, 1))
    old = ArticleFactory(published=dt.date(2020, 1, 1))
    undated = ArticleFactory(published=None)
    in_new, in_old, in_undated = ClaimFactory(article=new), ClaimFactory(article=old), ClaimFactory(article=undated)
    ClaimFactory(article=old, status="verified", rationale="checked")
    response = editor_web.get(QUEUE)
    assert response.status_code == 200
    assert listed(response) == [in_old.pk, in_new.pk, in_undated.pk]
    assert "Review queue" in response.context["title"]


def test_review_queue_sorts_by_confidence_and_filters_its_buckets(editor_web):
    unsure, sure, middling = (ClaimFactory(confidence=c) for c in (0.3, 0.95, 0.6))
    # the "confidence" column is sortable: the admin names it by its position among the changelist's columns
    column = editor_web.get(QUEUE).context["cl"].list_display.index("confidence")
    assert listed(editor_web.get(QUEUE, {"o": f"-{column}"})) == [sure.pk, middling.pk, unsure.pk]
    assert listed(editor_web.get(QUEUE, {"confidence": "low"})) == [unsure.pk]
    assert listed(editor_web.get(QUEUE, {"confidence": "high"})) == [sure.pk]


def test_review_queue_orders_by_ingestion_when_articles_share_a_date(editor_web):
    first = ArticleFactory(published=dt.date(2024, 1, 1))
    second = ArticleFactory(published=dt.date(2024, 1, 1))
    Claim_second, claim_first = ClaimFactory(article=second), ClaimFactory(article=first)
    assert listed(editor_web.get(QUEUE)) == [claim_first.pk, Claim_second.pk]


def test_review_queue_can_show_another_status(editor_web):
    ClaimFactory()
    done = ClaimFactory(status="false", rationale="the registry says otherwise")
    assert listed(editor_web.get(QUEUE, {"status": "false"})) == [done.pk]
    assert len(listed(editor_web.get(QUEUE, {"status": "all"}))) == 2


@pytest.mark.parametrize("param", ["article", "claimant"])
def test_review_queue_filters_by_one_article_or_claimant(editor_web, param):
    wanted, other = ClaimFactory(), ClaimFactory()
    value = getattr(wanted, f"{param}_id")
    response = editor_web.get(QUEUE, {param: value})
    assert listed(response) == [wanted.pk]
    assert other.pk not in listed(response)


def test_review_queue_filters_by_kind_and_searches_text_and_article_title(editor_web, article):
    figure = claim_in(article, 1, kind="figure")
    claim_in(article, 2, kind="date")
    assert listed(editor_web.get(QUEUE, {"kind__exact": "figure"})) == [figure.pk]
    assert listed(editor_web.get(QUEUE, {"q": "Sentence 1 of"})) == [figure.pk]
    assert len(listed(editor_web.get(QUEUE, {"q": "gather"}))) == 2


def test_an_unknown_article_filter_lists_nothing(editor_web):
    ClaimFactory()
    assert listed(editor_web.get(QUEUE, {"article": "not-a-number"})) == []


def test_needs_review_filter_splits_reviewed_from_unreviewed(editor_web):
    todo, done = ClaimFactory(), ClaimFactory(status="verified", rationale="ok")
    assert listed(editor_web.get(CHANGELIST, {"needs_review": "yes"})) == [todo.pk]
    assert listed(editor_web.get(CHANGELIST, {"needs_review": "no"})) == [done.pk]


def test_change_page_shows_the_claim_in_context_with_the_span_marked(editor_web, article):
    claim = claim_in(article, 2, start=11, length=19)
    html = editor_web.get(change_url(claim)).content.decode()
    assert f"Sentence 2 <mark>{claim.text}</mark>200 people came." in html
    for position in (0, 1, 3, 4):
        assert f"Sentence {position} of the report" in html
    assert 'class="nf-sentence nf-prose nf-source" data-position="2"' in html
    assert "Crowds &lt;b&gt;gather&lt;/b&gt; &amp; wait" in html
    assert "Example Press" in html
    assert f'href="{article.url}"' in html


def test_context_shows_two_sentences_either_side_only(editor_web):
    article = ArticleFactory(text=" ".join(f"Sentence {i} says {i} things." for i in range(9)))
    html = editor_web.get(change_url(claim_in(article, 4))).content.decode()
    shown = [i for i in range(9) if f"Sentence {i} says" in html]
    assert shown == [2, 3, 4, 5, 6]


def test_context_escapes_markup_in_the_article_text(editor_web):
    article = ArticleFactory(text="Sentence 0 <script>alert(1)</script> 10 came. Sentence 1 is here.")
    html = editor_web.get(change_url(claim_in(article, 0))).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_context_does_not_link_an_article_url_that_is_not_http(editor_web):
    article = ArticleFactory(url="javascript:alert(1)")
    html = editor_web.get(change_url(claim_in(article, 0))).content.decode()
    assert 'href="javascript:' not in html


def test_setting_a_status_with_rationale_fills_reviewer_time_and_history(editor_web, staff_editor):
    claim = ClaimFactory()
    response = editor_web.post(
        change_url(claim),
        review_post(
            claim,
            status="false",
            rationale="The census gives 1,200.",
            evidence_urls="https://stats.example.org/census\n\nhttps://stats.example.org/table",
            reason="checked the census",
        ),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.rationale, claim.reviewed_by) == ("false", "The census gives 1,200.", staff_editor)
    assert claim.evidence_urls == ["https://stats.example.org/census", "https://stats.example.org/table"]
    assert claim.reviewed_at is not None
    latest = claim.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (staff_editor, "checked the census")


def test_without_a_reason_the_history_records_the_status_change_and_rationale(editor_web):
    claim = ClaimFactory()
    editor_web.post(change_url(claim), review_post(claim, status="verified", rationale="Matches the record."))
    assert claim.history.latest().history_change_reason == "unverified → verified: Matches the record."


def test_a_status_without_rationale_is_refused_with_a_form_error(editor_web):
    claim = ClaimFactory()
    response = editor_web.post(change_url(claim), review_post(claim, status="verified", rationale=""))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["rationale"]
    assert len(errors["rationale"]) == 1
    assert "rationale" in errors["rationale"][0]
    claim.refresh_from_db()
    assert claim.status == "unverified"


@pytest.mark.parametrize("evidence", ["ftp://files.example.org/x", "see the census", "https://ok.example/\nwww.x.org"])
def test_evidence_that_is_not_an_http_url_is_refused(editor_web, evidence):
    claim = ClaimFactory()
    response = editor_web.post(
        change_url(claim), review_post(claim, status="verified", rationale="ok", evidence_urls=evidence)
    )
    assert response.status_code == 200
    assert "evidence_urls" in response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.status == "unverified"


def test_evidence_urls_are_shown_one_a_line(editor_web):
    claim = ClaimFactory(
        status="verified", rationale="ok", evidence_urls=["https://a.example/1", "https://a.example/2"]
    )
    form = editor_web.get(change_url(claim)).context["adminform"].form
    assert form["evidence_urls"].value() == "https://a.example/1\nhttps://a.example/2"


def test_changing_the_claimant_records_the_reason_in_history(editor_web, staff_editor):
    claim = ClaimFactory()
    other = SpeakerFactory(name="Grace Hopper")
    editor_web.post(change_url(claim), review_post(claim, claimant=other.pk, reason="wrong person"))
    claim.refresh_from_db()
    assert claim.claimant == other
    assert claim.status == "unverified"
    assert claim.history.latest().history_change_reason == "wrong person"


def test_a_claim_of_an_unnamed_source_shows_its_description_in_the_list_and_is_found_by_it(editor_web):
    unnamed = ClaimFactory(claimant=None, claimant_description="a harbour official")
    ClaimFactory(claimant=None)
    assert "unnamed: a harbour official" in editor_web.get(CHANGELIST).content.decode()
    assert listed(editor_web.get(CHANGELIST, {"q": "harbour official"})) == [unnamed.pk]


def test_saving_from_the_queue_returns_to_the_queue(editor_web):
    claim = ClaimFactory()
    queue_page = editor_web.get(QUEUE, {"kind__exact": "figure"})
    link = queue_page.context["cl"].url_for_result(claim)
    assert link == change_url(claim)
    preserved = queue_page.context["cl"].preserved_filters
    response = editor_web.post(
        f"{change_url(claim)}?{preserved}", review_post(claim, status="verified", rationale="ok")
    )
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?kind__exact=figure"


def test_history_page_shows_who_changed_what_and_why(editor_web, staff_editor):
    claim = ClaimFactory()
    editor_web.post(
        change_url(claim), review_post(claim, status="misleading", rationale="Out of context.", reason="desk check")
    )
    response = editor_web.get(reverse("admin:newsfacts_claim_history", args=[claim.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "desk check" in html
    assert staff_editor.username in html
    assert "unverified" in html and "misleading" in html
    changes = {
        str(change["field"]).lower(): (change["old"], change["new"])
        for change in response.context["page_obj"][0].history_delta_changes
    }
    assert changes["status"] == ("unverified", "misleading")
    assert changes["rationale"] == ("(empty)", "Out of context.")
    assert changes["reviewed by"] == ("(none)", staff_editor.username)


def test_bulk_action_asks_for_a_rationale_and_says_how_many_change(editor_web):
    claims = ClaimFactory.create_batch(3)
    ClaimFactory(status="verified", rationale="done")
    already = Claim.objects.get(status="verified")
    selected = [c.pk for c in claims] + [already.pk]
    response = editor_web.post(CHANGELIST, {"action": "mark_verified", "_selected_action": selected})
    assert response.status_code == 200
    assert response.templates[0].name == "admin/newsfacts/bulk_review.html"
    assert (response.context["count"], response.context["changing"]) == (4, 3)
    assert "will change status to" in response.content.decode()
    assert Claim.objects.filter(status="verified").count() == 1


def test_bulk_action_applies_the_shared_rationale(editor_web, staff_editor):
    claims = ClaimFactory.create_batch(3)
    response = editor_web.post(
        QUEUE,
        {
            "action": "mark_unverifiable",
            "_selected_action": [c.pk for c in claims],
            "index": "0",
            "select_across": "0",
            "apply": "yes",
            "rationale": "No public record either way.",
            "evidence_urls": "https://archive.example.org/search",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.rationale, claim.reviewed_by) == (
            "unverifiable",
            "No public record either way.",
            staff_editor,
        )
        assert claim.evidence_urls == ["https://archive.example.org/search"]
        assert claim.history.latest().history_user == staff_editor


def test_bulk_action_without_rationale_shows_the_page_again_with_an_error(editor_web):
    claims = ClaimFactory.create_batch(2)
    response = editor_web.post(
        CHANGELIST,
        {"action": "mark_verified", "_selected_action": [c.pk for c in claims], "index": "0", "apply": "yes"},
    )
    assert response.status_code == 200
    assert "rationale" in response.context["form"].errors
    assert not Claim.objects.filter(status="verified").exists()


def test_bulk_action_on_every_row_of_the_filtered_list(editor_web):
    article = ArticleFactory()
    mine = [claim_in(article, i) for i in range(3)]
    other = ClaimFactory()
    editor_web.post(
        f"{QUEUE}?article={article.pk}",
        {
            "action": "mark_verified",
            "_selected_action": [mine[0].pk],
            "select_across": "1",
            "index": "0",
            "apply": "yes",
            "rationale": "All three match the record.",
        },
    )
    assert set(Claim.objects.filter(status="verified").values_list("pk", flat=True)) == {c.pk for c in mine}
    other.refresh_from_db()
    assert other.status == "unverified"


def test_claims_cannot_be_added_in_the_admin(editor_web, superuser, client):
    client.force_login(superuser)
    assert client.get(reverse("admin:newsfacts_claim_add")).status_code == 403


def test_save_and_review_next_opens_the_next_claim_of_the_queue(editor_web):
    old, new = ArticleFactory(published=dt.date(2020, 1, 1)), ArticleFactory(published=dt.date(2024, 1, 1))
    first, second = ClaimFactory(article=old), ClaimFactory(article=new)
    url = f"{change_url(first)}?_changelist_filters=kind__exact%3Dfigure&_queue=1"
    assert 'name="_savenext"' in editor_web.get(url).content.decode()
    response = editor_web.post(url, review_post(first, status="verified", rationale="ok", _savenext="1"))
    assert response.status_code == 302
    assert response["Location"] == f"{change_url(second)}?_changelist_filters=kind__exact%3Dfigure&_queue=1"


def test_save_and_review_next_on_the_last_claim_returns_to_the_empty_queue(editor_web):
    claim = ClaimFactory()
    url = f"{change_url(claim)}?_queue=1"
    response = editor_web.post(url, review_post(claim, status="verified", rationale="ok", _savenext="1"), follow=True)
    assert response.redirect_chain[-1][0] == QUEUE
    assert "Nothing left in the review queue." in response.content.decode()


def test_save_and_review_next_is_offered_only_from_the_queue(editor_web):
    claim = ClaimFactory()
    assert 'name="_savenext"' not in editor_web.get(change_url(claim)).content.decode()


def test_reverting_to_an_earlier_version_restores_the_review_and_records_who_reverted(editor_web, staff_editor):
    claim = ClaimFactory()
    editor_web.post(change_url(claim), review_post(claim, status="verified", rationale="Matches the record."))
    claim.refresh_from_db()
    verified = claim.history.latest()
    editor_web.post(change_url(claim), review_post(claim, status="false", rationale="Misread the record."))
    revert_url = reverse("admin:newsfacts_claim_simple_history", args=[claim.pk, verified.history_id])
    form = editor_web.get(revert_url).context["adminform"].form
    assert form["status"].value() == "verified"
    response = editor_web.post(revert_url, review_post(verified.instance))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.rationale) == ("verified", "Matches the record.")
    latest = claim.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (staff_editor, "reverted to an earlier version")


def test_context_labels_headings_and_captions(editor_web):
    article = ArticleFactory(text="Sentence 0 is a heading. Sentence 1 says 5 came.")
    article.sentences.filter(position=0).update(kind="heading")
    html = editor_web.get(change_url(claim_in(article, 1))).content.decode()
    assert '<p class="nf-sentence nf-heading" data-position="0"><span class="nf-kind">heading</span> ' in html
