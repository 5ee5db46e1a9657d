"""Every editorial action leaves the same stored state whether an editor takes it in the admin or through the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from newsfacts.models import Claim, Quote
from newsfacts.review import DESCRIPTION_FIELD, PERSON_FIELD
from tests.factories import ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

# Differ between two rows by nature: their ids, and the times of the actions.
VOLATILE = {"id", "reviewed_at", "edited_at", "rejected_at", "added_at"}


def stored(obj: Quote | Claim) -> dict[str, Any]:
    obj.refresh_from_db()
    state = {k: v for k, v in model_to_dict(obj).items() if k not in VOLATILE}
    state["set"] = {name: getattr(obj, name) is not None for name in VOLATILE - {"id"}}
    latest = obj.history.latest()
    state["history"] = (latest.history_user_id, latest.history_change_reason, latest.history_type)
    return state


def admin_form(obj: Quote | Claim, **changes: Any) -> dict[str, Any]:
    """The change form as a browser posts it, with `changes` applied (an unticked checkbox left out)."""
    person, description = PERSON_FIELD[type(obj)], DESCRIPTION_FIELD[type(obj)]
    data: dict[str, Any] = {
        "status": obj.status,
        "rationale": obj.rationale,
        "evidence_urls": "\n".join(obj.evidence_urls),
        "reason": "",
        person: getattr(obj, f"{person}_id") or "",
        description: getattr(obj, description),
        "kind": obj.kind,
    }
    if isinstance(obj, Quote) and obj.attribution_confirmed:
        data["attribution_confirmed"] = "on"
    for name, value in changes.items():
        if name == "evidence_urls":
            value = "\n".join(value)
        if name == "attribution_confirmed":
            data.pop(name, None)
            if value:
                data[name] = "on"
            continue
        data[name] = "" if value is None else value
    return data


def api_patch(editor_client, obj: Quote | Claim, **changes: Any) -> None:
    name = obj._meta.model_name
    response = editor_client.patch(reverse(f"api:{name}-detail", args=[obj.pk]), changes, format="json")
    assert response.status_code == 200, response.json()


def admin_post(web: Client, obj: Quote | Claim, **changes: Any) -> None:
    name = obj._meta.model_name
    response = web.post(reverse(f"admin:newsfacts_{name}_change", args=[obj.pk]), admin_form(obj, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response


def twins(factory: Callable[..., Quote | Claim], **fields: Any) -> tuple[Quote | Claim, Quote | Claim]:
    """Two items alike but for their id, in the same sentence of one article."""
    first = factory(**fields)
    person = "speaker" if isinstance(first, Quote) else "claimant"
    fields.setdefault(person, getattr(first, person))
    second = factory(article=first.article, sentence=first.sentence, **fields)
    return first, second


CHANGES: list[tuple[str, Callable[[], dict[str, Any]]]] = [
    ("review", lambda: {"status": "false", "rationale": "The registry says 120.", "reason": ""}),
    ("evidence", lambda: {"evidence_urls": ["https://registry.example.org/a"]}),
    ("kind", lambda: {"kind": "indirect"}),
    ("new speaker", lambda: {"speaker": SpeakerFactory(name="Jane Roe").pk}),
    ("clear speaker", lambda: {"speaker": None}),
    ("confirm speaker", lambda: {"attribution_confirmed": True}),
    ("describe an unnamed speaker instead", lambda: {"speaker": None, "speaker_description": "a council aide"}),
    (
        "review with a reason",
        lambda: {"status": "verified", "rationale": "On video.", "reason": "Checked   against the  video " + "x" * 70},
    ),
]


@pytest.mark.parametrize(("label", "make_changes"), CHANGES, ids=[c[0] for c in CHANGES])
def test_admin_and_api_store_the_same_quote_edit(label, make_changes, editor, editor_client):
    web = Client()
    web.force_login(editor)
    speaker = SpeakerFactory(name="Ann Example")
    by_admin, by_api = twins(QuoteFactory, speaker=speaker, attribution="pronoun", confidence=0.4)
    changes = make_changes()
    admin_post(web, by_admin, **changes)
    api_patch(editor_client, by_api, **{k: v for k, v in changes.items() if k != "reason" or v})
    assert stored(by_admin) == stored(by_api)


CLAIM_CHANGES = [
    ("review", {"status": "misleading", "rationale": "Counts only one year."}),
    ("kind", {"kind": "date"}),
    ("clear claimant", {"claimant": None}),
    ("describe an unnamed claimant instead", {"claimant": None, "claimant_description": "a council aide"}),
]


@pytest.mark.parametrize(("label", "changes"), CLAIM_CHANGES, ids=[c[0] for c in CLAIM_CHANGES])
def test_admin_and_api_store_the_same_claim_edit(label, changes, editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(ClaimFactory, claimant=SpeakerFactory(name="Ann Example"))
    admin_post(web, by_admin, **changes)
    api_patch(editor_client, by_api, **changes)
    assert stored(by_admin) == stored(by_api)


@pytest.mark.parametrize("factory", [QuoteFactory, ClaimFactory], ids=["quote", "claim"])
@pytest.mark.parametrize("edit", ["name the source", "clear the description"])
def test_editing_a_described_items_source_stores_the_same_on_every_path(edit, factory, editor, editor_client):
    """Naming the source of an item the article describes ("a council aide") clears the description, as clearing
    it does, whichever path the editor takes."""
    web = Client()
    web.force_login(editor)
    model = factory._meta.model
    person, description = PERSON_FIELD[model], DESCRIPTION_FIELD[model]
    by_admin, by_api = twins(factory, **{person: None, description: "a council aide"})
    named = SpeakerFactory(name="Ann Example").pk if edit == "name the source" else None
    changes = {person: named} if named else {description: ""}
    admin_post(web, by_admin, **changes)
    api_patch(editor_client, by_api, **changes)
    assert stored(by_admin) == stored(by_api)
    assert (getattr(by_admin, f"{person}_id"), getattr(by_admin, description)) == (named, "")


def test_clearing_a_quotes_speaker_leaves_it_not_attributed_and_unconfirmed_on_every_path(editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(QuoteFactory, speaker=SpeakerFactory(), attribution="name", attribution_confirmed=True)
    admin_post(web, by_admin, speaker=None, attribution_confirmed=False)
    api_patch(editor_client, by_api, speaker=None)
    for quote in (by_admin, by_api):
        quote.refresh_from_db()
        assert (quote.speaker, quote.attribution, quote.attribution_confirmed) == (None, "none", False)


# The new actions: reject, restore, correct a span, add; each through its admin page and through the API.


def test_admin_and_api_store_the_same_rejection_and_restore(editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(ClaimFactory)
    response = web.post(
        reverse("admin:newsfacts_claim_reject", args=[by_admin.pk]), {"reason": "not_claim", "note": "a greeting"}
    )
    assert response.status_code == 302
    url = reverse("api:claim-detail", args=[by_api.pk])
    assert editor_client.post(f"{url}reject/", {"reason": "not_claim", "note": "a greeting"}).status_code == 200
    assert stored(by_admin) == stored(by_api)
    assert by_admin.rejected_reason == "not_claim"

    assert web.post(reverse("admin:newsfacts_claim_restore", args=[by_admin.pk])).status_code == 302
    assert editor_client.post(f"{url}restore/", {}).status_code == 200
    assert stored(by_admin) == stored(by_api)
    assert by_admin.rejected_reason == ""


def test_admin_and_api_store_the_same_span_correction(editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(QuoteFactory)
    start, end = by_admin.start + 2, by_admin.end - 1
    response = web.post(reverse("admin:newsfacts_quote_span", args=[by_admin.pk]), {"start": start, "end": end})
    assert response.status_code == 302
    api_patch(editor_client, by_api, start=start, end=end)
    assert stored(by_admin) == stored(by_api)
    assert by_admin.text == by_admin.article.text[start:end]


@pytest.mark.parametrize("item", ["quote", "claim"])
def test_admin_and_api_store_the_same_added_item(item, editor, editor_client):
    web = Client()
    web.force_login(editor)
    speaker = SpeakerFactory()
    article = ClaimFactory().article
    sentence = article.sentences.order_by("position").last()
    a = (sentence.start, sentence.start + 10)
    b = (sentence.start + 11, sentence.end)
    person = "speaker" if item == "quote" else "claimant"
    kind = "indirect" if item == "quote" else "figure"
    response = web.post(
        reverse("admin:newsfacts_article_add_item", args=[article.pk]),
        {"item": item, "start": a[0], "end": a[1], f"{item}_kind": kind, "speaker": speaker.pk},
    )
    assert response.status_code == 302, response.context["form"].errors
    body = {"article": article.pk, "start": b[0], "end": b[1], "kind": kind, person: speaker.pk}
    response = editor_client.post(reverse(f"api:{item}-list"), body, format="json")
    assert response.status_code == 201, response.json()
    model = Quote if item == "quote" else Claim
    by_admin, by_api = model.objects.get(start=a[0], end=a[1]), model.objects.get(start=b[0], end=b[1])
    ignore = {"start", "end", "text"}
    admin_state = {k: v for k, v in stored(by_admin).items() if k not in ignore}
    api_state = {k: v for k, v in stored(by_api).items() if k not in ignore}
    admin_state["history"] = api_state["history"] = None  # the default reason quotes the text
    assert admin_state == api_state
    assert (by_admin.origin, by_admin.added_by) == ("editor", editor)
