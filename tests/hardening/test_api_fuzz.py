"""The API fuzzed from its own OpenAPI schema (/api/v1/schema/) with schemathesis: every operation, anonymous and as
an editor with a token. No answer may be a server error, and every documented answer must match its schema.

The database holds real ingested articles (quotes, claims, speakers) so that lists and details return rows and ids
the fuzzer draws can hit them. Examples are bounded per operation and derandomized for CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import response_schema_conformance

from newsfacts.ingestion import ingest_text
from newsfacts.models import Claim, Quote, Speaker
from newsfacts.roles import EDITORS, sync_roles
from tests.factories import ClaimFactory, QuoteFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ARTICLES = Path(django_settings.BASE_DIR, "tests", "extraction", "articles")
CHECKS = [not_a_server_error, response_schema_conformance]
EXAMPLES = int(os.environ.get("HARDENING_API_EXAMPLES", 25))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def seeded(db, keep_connection) -> str:
    """Real articles through the real pipeline, a few reviewed rows; returns an editor's token."""
    for path in sorted(ARTICLES.glob("*.txt")):
        ingest_text(path.read_text(encoding="utf-8"), title=path.stem, publisher="Example Press")
    QuoteFactory.create_batch(3, status="verified", rationale="Checked.", evidence_urls=["https://example.org/a"])
    ClaimFactory.create_batch(3, status="false", rationale="Refuted by the census.")
    editor = UserFactory(username="fuzz-editor", is_staff=True)
    editor.groups.add(Group.objects.get(pk=sync_roles()[EDITORS].pk))
    return Token.objects.create(user=editor).key


@pytest.fixture
def keep_connection():
    """Keep the test's connection across requests, as Django's test client does.

    Schemathesis calls the WSGI application directly, so Django closes "old" connections at the end of each request;
    inside the test's transaction that would close the connection holding the seeded rows (PostgreSQL).
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def load_schema(**phases: dict) -> schemathesis.openapi.OpenApiSchema:
    # Loaded at collection: the schema view reads no table, so it needs no database.
    config = SchemathesisConfig.from_dict({"phases": phases})
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application(), config=config)


# Anonymous: every operation and every phase, the coverage phase's boundary values and unexpected methods included.
schema = load_schema()
# An editor's writes (reads answer an editor as they answer anyone): explicit examples and random fuzzing.
editor_schema = load_schema(coverage={"enabled": False}).include(method=["POST", "PATCH", "PUT", "DELETE"])


@schema.parametrize()
@FUZZ
def test_api_answers_anonymous_clients_without_server_errors_and_as_documented(case, seeded):
    case.call_and_validate(checks=CHECKS)


@editor_schema.parametrize()
@FUZZ
def test_api_answers_an_editors_writes_without_server_errors_and_as_documented(case, seeded):
    _aim_at_stored_rows(case)
    case.call_and_validate(headers={"Authorization": f"Token {seeded}"}, checks=CHECKS)


MODELS = {"quotes": Quote, "claims": Claim, "speakers": Speaker}


def _aim_at_stored_rows(case) -> None:
    """Map the generated ids onto stored rows, so that writes reach real rows instead of answering 404."""
    model = MODELS.get(case.path.strip("/").split("/")[2])
    if model is None:
        return
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    if not ids:
        return
    generated = (case.path_parameters or {}).get("id")
    if isinstance(generated, int):
        case.path_parameters["id"] = ids[generated % len(ids)]
    body = case.body if isinstance(case.body, dict) else {}
    if isinstance(body.get("speakers"), list):
        body["speakers"] = [ids[n % len(ids)] if isinstance(n, int) else n for n in body["speakers"]]


# -- regressions the fuzzer found, fixed by the API's owner ---------------------------------------------------

ON_POSTGRESQL = connection.vendor == "postgresql"
NUL_IN_A_LIST_FILTER = [
    "/api/v1/articles/?publisher=AF%00P",
    "/api/v1/articles/?language=e%00n",
    "/api/v1/speakers/?slug=a%00b",
    "/api/v1/speakers/?wikidata_id=Q1%002",
    "/api/v1/quotes/?speaker_slug=a%00b",
    "/api/v1/quotes/?cue=sa%00id",
    "/api/v1/claims/?publisher=AF%00P",
    "/api/v1/claims/?claimant_slug=a%00b",
]
OFFSET_BEYOND_POSTGRESQL = [
    "/api/v1/quotes/?reviewed_before=2002-01-19T07:06:21%2B19:02",
    "/api/v1/claims/?reviewed_after=2002-01-19T07:06:21%2B16:00",
    "/api/v1/articles/?ingested_after=2002-01-19T07:06:21-23:59",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", NUL_IN_A_LIST_FILTER)
def test_a_nul_character_in_a_filter_value_is_refused_with_400(client, url):
    # As the q filters already do ("Null characters are not allowed."): PostgreSQL text cannot hold NUL.
    assert client.get(url).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("url", OFFSET_BEYOND_POSTGRESQL)
def test_a_datetime_filter_with_an_extreme_utc_offset_is_not_a_server_error(client, url):
    assert client.get(url).status_code in {200, 400}


@pytest.mark.django_db
def test_a_datetime_filter_past_the_last_representable_instant_is_refused_with_400(client):
    assert client.get("/api/v1/claims/?reviewed_after=9999-12-31T23:59:59-23:00").status_code == 400
