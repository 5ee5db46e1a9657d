"""Every editorial action leaves the same stored state whether an editor takes it in the admin or through the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from newsfacts.models import Claim, Quote
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
    person = "speaker" if isinstance(obj, Quote) else "claimant"
    data: dict[str, Any] = {
        "status": obj.status,
        "rationale": obj.rationale,
        "evidence_urls": "\n".join(obj.evidence_urls),
        "reason": "",
        person: getattr(obj, f"{person}_id") or "",
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
    second = factory(article=first.article, sentence=first.sentence, **fields)
    return first, second


CHANGES: list[tuple[str, Callable[[], dict[str, Any]]]] = [
    ("review", lambda: {"status": "false", "rationale": "The registry says 120.", "reason": ""}),
    ("evidence", lambda: {"evidence_urls": ["https://registry.example.org/a"]}),
    ("kind", lambda: {"kind": "indirect"}),
    ("new speaker", lambda: {"speaker": SpeakerFactory(name="Jane Roe").pk}),
    ("clear speaker", lambda: {"speaker": None}),
    ("confirm speaker", lambda: {"attribution_confirmed": True}),
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
]


@pytest.mark.parametrize(("label", "changes"), CLAIM_CHANGES, ids=[c[0] for c in CLAIM_CHANGES])
def test_admin_and_api_store_the_same_claim_edit(label, changes, editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(ClaimFactory, claimant=SpeakerFactory(name="Ann Example"))
    admin_post(web, by_admin, **changes)
    api_patch(editor_client, by_api, **changes)
    assert stored(by_admin) == stored(by_api)


def test_clearing_a_quotes_speaker_leaves_it_not_attributed_and_unconfirmed_on_every_path(editor, editor_client):
    web = Client()
    web.force_login(editor)
    by_admin, by_api = twins(QuoteFactory, speaker=SpeakerFactory(), attribution="name", attribution_confirmed=True)
    admin_post(web, by_admin, speaker=None, attribution_confirmed=False)
    api_patch(editor_client, by_api, speaker=None)
    for quote in (by_admin, by_api):
        quote.refresh_from_db()
        assert (quote.speaker, quote.attribution, quote.attribution_confirmed) == (None, "none", False)
