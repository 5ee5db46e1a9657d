"""Two editors change the same claim: the one holding a stale ETag gets 412 and nothing is lost.

Runs on SQLite and on PostgreSQL (CI runs the suite again with DATABASE_URL). The threaded test puts two real
requests in flight at once, each on its own database connection.
"""

from __future__ import annotations

import json
import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from newsfacts.models import Claim
from newsfacts.roles import EDITORS, sync_roles
from tests.factories import ClaimFactory, UserFactory
from tests.hardening.conftest import http, manage, serving

FIRST = {"status": "false", "rationale": "The census counts 1,200, not 12,000."}
SECOND = {"status": "verified", "rationale": "Matches the press release."}


def make_editor(name: str):
    user = UserFactory(username=name, is_staff=True)
    user.groups.add(Group.objects.get(pk=sync_roles()[EDITORS].pk))
    return user


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def claim_url(claim: Claim) -> str:
    return reverse("api:claim-detail", kwargs={"pk": claim.pk})


@pytest.fixture
def claim(db) -> Claim:
    return ClaimFactory()


@pytest.fixture
def editors(db):
    return make_editor("desk-ana"), make_editor("desk-ben")


def test_second_editor_with_a_stale_etag_gets_412_and_the_first_write_is_kept(claim, editors):
    ana, ben = client_for(editors[0]), client_for(editors[1])
    etag = ana.get(claim_url(claim)).headers["ETag"]
    assert ben.get(claim_url(claim)).headers["ETag"] == etag
    changes_before = claim.history.count()

    first = ana.patch(claim_url(claim), FIRST, HTTP_IF_MATCH=etag)
    second = ben.patch(claim_url(claim), SECOND, HTTP_IF_MATCH=etag)

    assert first.status_code == 200
    assert second.status_code == 412
    claim.refresh_from_db()
    assert (claim.status, claim.rationale, claim.reviewed_by) == (FIRST["status"], FIRST["rationale"], editors[0])
    assert claim.history.count() == changes_before + 1
    assert claim.history.latest().history_user == editors[0]


def test_the_412_answer_tells_the_editor_to_read_again(claim, editors):
    ana, ben = client_for(editors[0]), client_for(editors[1])
    etag = ana.get(claim_url(claim)).headers["ETag"]
    ana.patch(claim_url(claim), FIRST, HTTP_IF_MATCH=etag)

    refused = ben.patch(claim_url(claim), SECOND, HTTP_IF_MATCH=etag)

    assert "GET it again" in refused.json()["detail"]


def test_the_second_editor_succeeds_after_reading_the_new_etag(claim, editors):
    ana, ben = client_for(editors[0]), client_for(editors[1])
    stale = ana.get(claim_url(claim)).headers["ETag"]
    fresh = ana.patch(claim_url(claim), FIRST, HTTP_IF_MATCH=stale).headers["ETag"]

    assert ben.get(claim_url(claim)).headers["ETag"] == fresh
    assert ben.patch(claim_url(claim), SECOND, HTTP_IF_MATCH=fresh).status_code == 200
    claim.refresh_from_db()
    assert claim.status == SECOND["status"]
    assert [h.history_user for h in claim.history.all()[:2]] == [editors[1], editors[0]]


def test_an_etag_from_another_claim_does_not_match(editors):
    one, other = ClaimFactory(), ClaimFactory()
    ana = client_for(editors[0])
    foreign = ana.get(claim_url(other)).headers["ETag"]

    assert ana.patch(claim_url(one), FIRST, HTTP_IF_MATCH=foreign).status_code == 412
    one.refresh_from_db()
    assert one.status == "unverified"


IN_MEMORY_SQLITE = pytest.mark.skipif(
    connection.vendor == "sqlite" and connection.settings_dict["TEST"].get("NAME") in (None, "", ":memory:"),
    reason="the in-memory SQLite test database locks whole tables across threads (SQLITE_LOCKED, no busy wait); "
    "test_two_gunicorn_workers_* runs the same race on a production SQLite file",
)


@IN_MEMORY_SQLITE
@pytest.mark.django_db(transaction=True)
def test_two_editors_writing_at_the_same_moment_one_wins_and_one_gets_412():
    claim = ClaimFactory()
    ana, ben = make_editor("desk-ana"), make_editor("desk-ben")
    etag = client_for(ana).get(claim_url(claim)).headers["ETag"]
    changes_before = claim.history.count()
    start = threading.Barrier(2)
    statuses: dict[str, int] = {}
    errors: list[BaseException] = []

    def write(name: str, user, body: dict) -> None:
        try:
            client = client_for(user)
            start.wait(timeout=30)
            statuses[name] = client.patch(claim_url(claim), body, HTTP_IF_MATCH=etag).status_code
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection; leave none open

    threads = [
        threading.Thread(target=write, args=("ana", ana, FIRST)),
        threading.Thread(target=write, args=("ben", ben, SECOND)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sorted(statuses.values()) == [200, 412], statuses
    winner = (ana, FIRST) if statuses["ana"] == 200 else (ben, SECOND)
    claim.refresh_from_db()
    assert (claim.status, claim.rationale, claim.reviewed_by) == (
        winner[1]["status"],
        winner[1]["rationale"],
        winner[0],
    )
    assert claim.history.count() == changes_before + 1
    assert claim.history.latest().history_user == winner[0]


SEED = """
import json
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from newsfacts.roles import EDITORS, sync_roles
from tests.factories import ClaimFactory, UserFactory
from tests.hardening.conftest import http, manage, serving
group = Group.objects.get(pk=sync_roles()[EDITORS].pk)
tokens = []
for name in ("desk-ana", "desk-ben"):
    user = UserFactory(username=name, is_staff=True)
    user.groups.add(group)
    tokens.append(Token.objects.create(user=user).key)
print(json.dumps({"claim": ClaimFactory().pk, "tokens": tokens}))
"""
HISTORY = """
import json
from newsfacts.models import Claim
claim = Claim.objects.get(pk={pk})
user = claim.history.latest().history_user
print(json.dumps({{"changes": claim.history.count(), "user": user and user.username, "status": claim.status}}))
"""


def _last_json_line(result) -> dict:
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


def test_two_gunicorn_workers_writing_at_the_same_moment_on_sqlite_one_wins_and_one_gets_412(sqlite_env, tmp_path):
    env = {**sqlite_env, "BEHIND_TLS_PROXY": "1", "ALLOWED_HOSTS": "127.0.0.1"}
    seeded = _last_json_line(manage("shell", "-c", SEED, env=env))
    created = _last_json_line(manage("shell", "-c", HISTORY.format(pk=seeded["claim"]), env=env))["changes"]
    with serving(env, tmp_path / "gunicorn.log", workers=2) as base:
        url = f"{base}/api/v1/claims/{seeded['claim']}/"
        https = {"X-Forwarded-Proto": "https", "Content-Type": "application/json"}
        _, headers, _ = http("GET", url, headers=https)
        etag = headers["ETag"]
        start = threading.Barrier(2)
        statuses: dict[str, int] = {}

        def write(name: str, token: str, body: dict) -> None:
            auth = {**https, "Authorization": f"Token {token}", "If-Match": etag}
            start.wait(timeout=30)
            statuses[name] = http("PATCH", url, headers=auth, body=json.dumps(body).encode())[0]

        threads = [
            threading.Thread(target=write, args=("desk-ana", seeded["tokens"][0], FIRST)),
            threading.Thread(target=write, args=("desk-ben", seeded["tokens"][1], SECOND)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

    assert sorted(statuses.values()) == [200, 412], statuses
    winner = next(name for name, status in statuses.items() if status == 200)
    stored = _last_json_line(manage("shell", "-c", HISTORY.format(pk=seeded["claim"]), env=env))
    expected = FIRST if winner == "desk-ana" else SECOND
    assert stored == {"changes": created + 1, "user": winner, "status": expected["status"]}
