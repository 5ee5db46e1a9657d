"""Who may write what, through the API and the admin: every write for anonymous, reader, editor and superuser.

Users get their rights the way production gives them: the `readers` and `editors` groups (newsfacts/roles.py),
both staff as `setup_roles` makes them. A refused write must change nothing; an accepted one must change the row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.roles import EDITORS, READERS, sync_roles
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "reader", "editor", "superuser")
REVIEW = {"status": "verified", "rationale": "Matches the agency's published figures."}


@dataclass
class World:
    article: Article
    quote: Quote
    claim: Claim
    speaker: Speaker
    duplicate: Speaker
    users: dict[str, Any]


@pytest.fixture
def world(db) -> World:
    groups = sync_roles()
    users: dict[str, Any] = {"anonymous": None}
    for role, group in (("reader", READERS), ("editor", EDITORS)):
        users[role] = UserFactory(username=f"hardening-{role}", is_staff=True)
        users[role].groups.add(Group.objects.get(pk=groups[group].pk))
    users["superuser"] = UserFactory(username="hardening-root", is_staff=True, is_superuser=True)
    article = ArticleFactory()
    speaker = SpeakerFactory(name="Ana Ruiz")
    duplicate = SpeakerFactory(name="Ruiz")
    quote = QuoteFactory(article=article, speaker=speaker)
    claim = ClaimFactory(article=article, claimant=duplicate)
    return World(article, quote, claim, speaker, duplicate, users)


def snapshot() -> dict[str, list[tuple]]:
    """Every row of the dataset, to tell a refused write (nothing moved) from an accepted one."""
    return {
        model.__name__: list(model.objects.order_by("pk").values_list())
        for model in (Article, Sentence, Speaker, Quote, Claim)
    }


# -- API ----------------------------------------------------------------------------------------------------------


def api_client(world: World, role: str) -> APIClient:
    client = APIClient()
    user = world.users[role]
    if user is not None:
        # The header a script sends, not force_authenticate: the real authentication path.
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@dataclass(frozen=True)
class ApiWrite:
    method: str
    route: str
    target: str | None  # the World attribute whose pk is in the URL
    body: dict[str, Any] | Callable[[World], dict[str, Any]]
    # Expected statuses for anonymous, reader, editor, superuser.
    expected: tuple[set[int], set[int], set[int], set[int]]
    # Whether an accepted write took effect.
    took_effect: Callable[[World], bool] | None = None

    def url(self, world: World) -> str:
        if self.target is None:
            return reverse(f"api:{self.route}")
        return reverse(f"api:{self.route}", kwargs={"pk": getattr(world, self.target).pk})


def _reviewed(name: str) -> Callable[[World], bool]:
    return lambda w: type(getattr(w, name)).objects.get(pk=getattr(w, name).pk).status == "verified"


def _free_span(world: World) -> dict[str, int]:
    """Offsets of the article's last sentence: no quote or claim of the world lies there."""
    last = world.article.sentences.order_by("position").last()
    return {"start": last.start, "end": last.end}


ACCEPTED = ({401}, {403}, {200}, {200})
# A method the endpoint does not offer: 405, or the refusal of a role that could not write anyway.
NOT_OFFERED = ({401, 405}, {403, 405}, {403, 405}, {405})

API_WRITES = {
    "PATCH quote": ApiWrite("PATCH", "quote-detail", "quote", REVIEW, ACCEPTED, _reviewed("quote")),
    "PATCH claim": ApiWrite("PATCH", "claim-detail", "claim", REVIEW, ACCEPTED, _reviewed("claim")),
    "PATCH speaker": ApiWrite(
        "PATCH",
        "speaker-detail",
        "speaker",
        {"description": "mayor of the city"},
        ACCEPTED,
        lambda w: Speaker.objects.get(pk=w.speaker.pk).description == "mayor of the city",
    ),
    "POST speaker": ApiWrite(
        "POST",
        "speaker-list",
        None,
        {"name": "Lena Park", "kind": "person"},
        ({401}, {403}, {201}, {201}),
        lambda w: Speaker.objects.filter(name="Lena Park").exists(),
    ),
    "POST speaker merge": ApiWrite(
        "POST",
        "speaker-merge",
        "speaker",
        lambda w: {"speakers": [w.duplicate.pk]},
        ACCEPTED,
        lambda w: (
            not Speaker.objects.filter(pk=w.duplicate.pk).exists()
            and Claim.objects.get(pk=w.claim.pk).claimant_id == w.speaker.pk
        ),
    ),
    "PUT quote": ApiWrite("PUT", "quote-detail", "quote", REVIEW, NOT_OFFERED),
    "DELETE quote": ApiWrite("DELETE", "quote-detail", "quote", {}, NOT_OFFERED),
    "POST quote": ApiWrite(
        "POST",
        "quote-list",
        None,
        lambda w: {"article": w.article.pk, **_free_span(w)},
        ({401}, {403}, {201}, {201}),
        lambda w: Quote.objects.filter(origin="editor").exists(),
    ),
    "PUT claim": ApiWrite("PUT", "claim-detail", "claim", REVIEW, NOT_OFFERED),
    "DELETE claim": ApiWrite("DELETE", "claim-detail", "claim", {}, NOT_OFFERED),
    "POST claim": ApiWrite(
        "POST",
        "claim-list",
        None,
        lambda w: {"article": w.article.pk, **_free_span(w)},
        ({401}, {403}, {201}, {201}),
        lambda w: Claim.objects.filter(origin="editor").exists(),
    ),
    "PUT speaker": ApiWrite("PUT", "speaker-detail", "speaker", {"name": "X", "kind": "person"}, NOT_OFFERED),
    # Speakers go away only by a merge, which moves their quotes and claims first.
    "DELETE speaker": ApiWrite("DELETE", "speaker-detail", "speaker", {}, NOT_OFFERED),
    "POST article": ApiWrite("POST", "article-list", None, {"text": "New.", "title": "New"}, NOT_OFFERED),
    "PATCH article": ApiWrite("PATCH", "article-detail", "article", {"title": "Changed"}, NOT_OFFERED),
    "PUT article": ApiWrite("PUT", "article-detail", "article", {"title": "Changed"}, NOT_OFFERED),
    "DELETE article": ApiWrite("DELETE", "article-detail", "article", {}, NOT_OFFERED),
    "POST sentence": ApiWrite("POST", "sentence-list", None, {"text": "New."}, NOT_OFFERED),
    "PATCH sentence": ApiWrite("PATCH", "sentence-detail", "article", {"text": "Changed."}, NOT_OFFERED),
    "DELETE sentence": ApiWrite("DELETE", "sentence-detail", "article", {}, NOT_OFFERED),
    # Releases are published files: public to read, written only by `manage.py export_dataset`.
    "POST export": ApiWrite("POST", "export-list", None, {"name": "x"}, ({405}, {405}, {405}, {405})),
}
MATRIX = [(name, role, i) for name in API_WRITES for i, role in enumerate(ROLES)]


@pytest.mark.parametrize(("write_name", "role", "column"), MATRIX, ids=[f"{n}-{r}" for n, r, _ in MATRIX])
def test_api_write_is_allowed_exactly_to_the_roles_that_hold_it(world, write_name, role, column):
    write = API_WRITES[write_name]
    if write.route == "sentence-detail":
        url = reverse("api:sentence-detail", kwargs={"pk": world.article.sentences.first().pk})
    else:
        url = write.url(world)
    body = write.body(world) if callable(write.body) else write.body
    before = snapshot()

    response = api_client(world, role).generic(write.method, url, data=_json(body), content_type="application/json")

    assert response.status_code in write.expected[column], response.content[:500]
    if response.status_code < 300:
        assert write.took_effect is not None and write.took_effect(world)
    else:
        assert snapshot() == before


def test_anonymous_write_is_told_how_to_authenticate(world):
    response = api_client(world, "anonymous").patch(reverse("api:quote-detail", kwargs={"pk": world.quote.pk}), REVIEW)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Token")


def test_a_bad_token_is_refused_with_401_and_writes_nothing(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    before = snapshot()

    response = client.patch(reverse("api:claim-detail", kwargs={"pk": world.claim.pk}), REVIEW)

    assert response.status_code == 401
    assert snapshot() == before


def _json(body: dict[str, Any]) -> str:
    import json

    return json.dumps(body)


# -- Admin --------------------------------------------------------------------------------------------------------


def admin_client(world: World, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _change_form(model: str, target: str, data: Callable[[World], dict[str, Any]]):
    def post(client: Client, world: World):
        obj = getattr(world, target)
        return client.post(reverse(f"admin:newsfacts_{model}_change", args=[obj.pk]), data(world))

    return post


def _review_form(world: World, obj: Quote | Claim, person: str) -> dict[str, Any]:
    return {
        "status": "verified",
        "rationale": REVIEW["rationale"],
        "evidence_urls": "https://stats.example.org/report",
        "reason": "",
        person: getattr(obj, f"{person}_id") or "",
        "kind": obj.kind,
        **({"attribution_confirmed": "on"} if person == "speaker" else {}),
    }


def _speaker_form(speaker: Speaker, **changes: str) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "slug": speaker.slug,
        "kind": speaker.kind,
        "aliases": "\n".join(speaker.aliases),
        "description": speaker.description,
        "wikidata_id": speaker.wikidata_id,
        **changes,
    }


def _action(model: str, action: str, targets: Callable[[World], list[int]], confirm: dict[str, Any]):
    """An admin action as a browser runs it: the confirmation page, then the apply button."""

    def post(client: Client, world: World):
        url = reverse(f"admin:newsfacts_{model}_changelist")
        data = {"action": action, "_selected_action": targets(world), "index": "0"}
        response = client.post(url, data)
        if response.status_code != 200:
            return response
        return client.post(url, {**data, "apply": "1", **confirm(world)})

    return post


def _history_form(model: str, target: str, data: Callable[[World], dict[str, Any]]):
    """Save the form of an earlier version from the row's history page (simple_history's "revert")."""

    def post(client: Client, world: World):
        obj = getattr(world, target)
        version = obj.history.earliest()
        return client.post(
            reverse(f"admin:newsfacts_{model}_simple_history", args=[obj.pk, version.history_id]), data(world)
        )

    return post


def _article_form(world: World) -> dict[str, Any]:
    return {
        "title": "Changed title",
        "publisher": world.article.publisher,
        "url": world.article.url,
        "published": world.article.published.isoformat(),
        "language": "en",
        "credit": "",
        "sentences-TOTAL_FORMS": "0",
        "sentences-INITIAL_FORMS": "0",
    }


# A reader may open the history of a row but must not save an old version over it.
@dataclass(frozen=True)
class AdminWrite:
    post: Callable[[Client, World], Any]
    took_effect: Callable[[World], bool]
    editor_may: bool = True


ADMIN_WRITES = {
    "quote change form": AdminWrite(
        _change_form("quote", "quote", lambda w: _review_form(w, w.quote, "speaker")), _reviewed("quote")
    ),
    "claim change form": AdminWrite(
        _change_form("claim", "claim", lambda w: _review_form(w, w.claim, "claimant")), _reviewed("claim")
    ),
    "speaker change form": AdminWrite(
        _change_form("speaker", "speaker", lambda w: _speaker_form(w.speaker, description="mayor")),
        lambda w: Speaker.objects.get(pk=w.speaker.pk).description == "mayor",
    ),
    "speaker add form": AdminWrite(
        lambda client, w: client.post(
            reverse("admin:newsfacts_speaker_add"),
            {"name": "Lena Park", "slug": "lena-park", "kind": "person", "aliases": "", "description": ""},
        ),
        lambda w: Speaker.objects.filter(slug="lena-park").exists(),
    ),
    "speaker delete": AdminWrite(
        lambda client, w: client.post(
            reverse("admin:newsfacts_speaker_delete", args=[w.duplicate.pk]), {"post": "yes"}
        ),
        lambda w: not Speaker.objects.filter(pk=w.duplicate.pk).exists(),
    ),
    "article change form": AdminWrite(
        _change_form("article", "article", _article_form),
        lambda w: Article.objects.get(pk=w.article.pk).title == "Changed title",
        editor_may=False,
    ),
    "quote history form": AdminWrite(
        _history_form("quote", "quote", lambda w: _review_form(w, w.quote, "speaker")), _reviewed("quote")
    ),
    "claim history form": AdminWrite(
        _history_form("claim", "claim", lambda w: _review_form(w, w.claim, "claimant")), _reviewed("claim")
    ),
    "speaker history form": AdminWrite(
        _history_form("speaker", "speaker", lambda w: _speaker_form(w.speaker, description="reverted")),
        lambda w: Speaker.objects.get(pk=w.speaker.pk).description == "reverted",
    ),
    "article history form": AdminWrite(
        _history_form("article", "article", _article_form),
        lambda w: Article.objects.get(pk=w.article.pk).title == "Changed title",
        editor_may=False,
    ),
    "quote action mark verified": AdminWrite(
        _action("quote", "mark_verified", lambda w: [w.quote.pk], lambda w: {"rationale": REVIEW["rationale"]}),
        _reviewed("quote"),
    ),
    "claim action mark verified": AdminWrite(
        _action("claim", "mark_verified", lambda w: [w.claim.pk], lambda w: {"rationale": REVIEW["rationale"]}),
        _reviewed("claim"),
    ),
    "claim action mark unverifiable": AdminWrite(
        _action("claim", "mark_unverifiable", lambda w: [w.claim.pk], lambda w: {"rationale": "No source."}),
        lambda w: Claim.objects.get(pk=w.claim.pk).status == "unverifiable",
    ),
    "speaker action merge": AdminWrite(
        _action(
            "speaker",
            "merge_selected",
            lambda w: [w.speaker.pk, w.duplicate.pk],
            lambda w: {"into": w.speaker.pk, "reason": "same person"},
        ),
        lambda w: not Speaker.objects.filter(pk=w.duplicate.pk).exists(),
    ),
    "speaker action delete selected": AdminWrite(
        _action("speaker", "delete_selected", lambda w: [w.duplicate.pk], lambda w: {"post": "yes"}),
        lambda w: not Speaker.objects.filter(pk=w.duplicate.pk).exists(),
    ),
}
ADMIN_MATRIX = [
    pytest.param(
        name,
        role,
        id=f"{name}-{role}",
    )
    for name in ADMIN_WRITES
    for role in ROLES
]


@pytest.mark.parametrize(("write_name", "role"), ADMIN_MATRIX)
def test_admin_write_is_allowed_exactly_to_the_roles_that_hold_it(world, write_name, role):
    write = ADMIN_WRITES[write_name]
    allowed = role == "superuser" or (role == "editor" and write.editor_may)
    before = snapshot()

    response = write.post(admin_client(world, role), world)

    if role == "anonymous":
        assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    elif allowed:
        # Success in the admin is a redirect to the list (a 200 would be the form again, with errors).
        assert response.status_code == 302, _form_errors(response)
        assert write.took_effect(world)
        return
    elif "action" in write_name:
        # Django offers no action the user lacks the permission for: the post shows the list again, unchanged.
        assert response.status_code in {200, 302}
    else:
        assert response.status_code == 403, (response.status_code, write.took_effect(world))
    assert snapshot() == before
    assert not write.took_effect(world)


def test_quotes_and_claims_cannot_be_added_in_the_admin_even_by_a_superuser(world):
    client = admin_client(world, "superuser")

    for model in ("quote", "claim", "article", "sentence"):
        assert client.get(reverse(f"admin:newsfacts_{model}_add")).status_code == 403


def _form_errors(response) -> str:
    context = getattr(response, "context", None)
    if not context:
        return f"status {response.status_code}"
    for key in ("adminform", "form"):
        form = context.get(key) if hasattr(context, "get") else None
        if form is not None:
            return str(getattr(form, "errors", form.form.errors if hasattr(form, "form") else ""))
    return f"status {response.status_code}"
