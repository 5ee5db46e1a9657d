"""An outside-in probe: hostile requests against a production server (DEBUG=0, two workers) on loopback, under
gunicorn and under granian.

It replays what an attacker or a careless client sends (bad parameters, forged cursors, format suffixes, ids beyond
any column, odd headers, malformed and oversized bodies, path traversal, stored XSS payloads, two editors racing) and
asserts the exact status of each answer: never a server error, and under /api/ always a JSON body. The server runs
on the engine the suite runs on (a fresh SQLite file, or a fresh database on the suite's PostgreSQL server), with the
seed dataset loaded. About 200 requests: 165 probes, a stored XSS checked on 7 pages, 15 races of two editors.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.utils.datastructures import CaseInsensitiveMapping

from tests.hardening.conftest import http, manage, production_env, serving

pytestmark = pytest.mark.slow

HUGE = "99999999999999999999"  # beyond a 64-bit id column
BIG = 3 * 1024 * 1024  # past Django's DATA_UPLOAD_MAX_MEMORY_SIZE
XSS = "<script>alert('nf-xss')</script>"
SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY
from rest_framework.authtoken.models import Token
from newsfacts.models import Claim, Quote, Speaker
from newsfacts.roles import EDITORS, sync_roles

user = get_user_model().objects.create_user("probe-editor", password="not-used-here", is_staff=True)
user.groups.add(Group.objects.get(pk=sync_roles()[EDITORS].pk))
session = SessionStore()
session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash()})
session.create()
print(json.dumps({"token": Token.objects.create(user=user).key, "session": session.session_key,
                  "claim": Claim.objects.order_by("pk").first().pk, "quote": Quote.objects.order_by("pk").first().pk,
                  "speaker": Speaker.objects.order_by("pk").first().pk}))
"""


def _cursor(ordering: str, position: list) -> str:
    payload = {"o": ordering, "p": position, "r": False}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@dataclass(frozen=True)
class Probe:
    method: str
    path: str
    expected: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    editor: str = ""  # "token" or "session": sent as the probe's editor


def _json(value: object) -> bytes:
    return json.dumps(value).encode()


LISTS = ("articles", "sentences", "speakers", "quotes", "claims")
BAD_PARAMETERS = [
    ("status=bogus", ("quotes", "claims")),
    ("page_size=0", LISTS),
    ("page_size=1001", LISTS),
    ("page_size=abc", ("claims",)),
    ("ordering=nope", LISTS),
    ("ordering=id,id", ("claims",)),
    (f"article={HUGE}", ("sentences", "quotes", "claims")),
    ("article=-1", ("claims",)),
    (f"speaker={HUGE}", ("quotes",)),
    (f"claimant={HUGE}", ("claims",)),
    ("published_after=2024-13-45", ("claims", "articles")),
    ("reviewed_after=9999-99-99T99:99", ("claims",)),
    ("count=maybe", LISTS),
    ("no_such_filter=1", LISTS),
    ("format=xml", LISTS),
    ("offsets=utf8", ("sentences", "quotes", "claims")),
    ("offsets=utf16", ("articles", "speakers")),
    ("has_speaker=perhaps", ("quotes",)),
    ("q=a%00b", ("claims", "speakers")),
    ("q=" + "x" * 3000, ("claims",)),
    ("speaker_slug=x", ("claims",)),
]
GOOD_PARAMETERS = [
    "q=%F0%9F%98%80%27%22%3B--",
    "claimant_slug=%3Cscript%3E",
    "status=false&status=",
    "status=false,misleading",
    "ordering=-reviewed_at,-published",
    "offsets=utf16&format=csv",
    "count=true&page_size=1000",
]
CURSORS = [
    ("reviewed_at", ["9999-12-31T23:59:59-01:00", 1], "claims"),
    ("-reviewed_at", ["0001-01-01T00:00:00+01:00", 1], "claims"),
    ("ingested_at", ["9999-12-31T23:59:59-01:00", 1], "articles"),
    ("published", ["0000-01-01", 1], "articles"),
    ("published", ["2024-02-30", 1], "claims"),
    ("id", [10**30], "claims"),
    ("id", ["1; DROP TABLE newsfacts_claim"], "claims"),
    ("id", [None], "speakers"),
    ("start", [1.5, 1], "quotes"),
]


def probes(ids: dict) -> list[Probe]:
    claim, quote, speaker = ids["claim"], ids["quote"], ids["speaker"]
    found: list[Probe] = []
    for query, lists in BAD_PARAMETERS:
        found += [Probe("GET", f"/api/v1/{name}/?{query}", 400) for name in lists]
    found += [Probe("GET", f"/api/v1/claims/?{query}", 200) for query in GOOD_PARAMETERS]
    for ordering, position, name in CURSORS:
        keys = ordering if ordering == "id" else f"{ordering},id"
        found.append(Probe("GET", f"/api/v1/{name}/?ordering={ordering}&cursor={_cursor(keys, position)}", 400))
    found += [Probe("GET", f"/api/v1/claims/?cursor={token}", 400) for token in ("%%%", "bm90IGpzb24", "e30")]
    found += [  # format suffixes
        Probe("GET", "/api/v1/.json", 200),
        Probe("GET", "/api/v1/exports.json", 200),
        Probe("GET", "/api/v1/exports/none-such.json", 404),
        Probe("GET", "/api/v1/claims.json", 200),
        Probe("GET", f"/api/v1/claims/{claim}.json", 200),
        Probe("GET", "/api/v1/claims.xml", 404),
        Probe("GET", f"/api/v1/claims/{claim}/?format=csv", 400),
        Probe("GET", "/api/v1/exports/?format=csv", 200),
        Probe("GET", "/api/v1/exports/?format=ndjson&x=1", 400),
    ]
    for name in LISTS:  # ids
        found += [Probe("GET", f"/api/v1/{name}/{pk}/", 404) for pk in (HUGE, "abc", "-1", "0", "1e3")]
    found += [  # headers
        Probe("GET", f"/api/v1/claims/{claim}/", 200, {"If-None-Match": '"' + "x" * 5000 + '"'}),
        Probe("GET", f"/api/v1/claims/{claim}/", 406, {"Accept": "application/xml"}),
        Probe("GET", "/api/v1/claims/", 200, {"Accept": "text/csv"}),
        Probe("GET", "/api/v1/claims/", 200, {"X-Forwarded-For": "1.2.3.4, <script>, ::1, " + "9" * 300}),
        Probe("GET", "/api/v1/claims/", 200, {"Accept-Language": "xx-" + "y" * 500}),
        Probe("GET", "/api/v1/claims/", 400, {"Host": "evil.example.org"}),
        Probe("GET", "/api/v1/claims/", 401, {"Authorization": "Token " + "0" * 40}),
        Probe("GET", "/api/v1/claims/", 401, {"Authorization": "Token a b c"}),
        Probe("GET", "/api/v1/claims/", 200, {"Authorization": "Basic " + "%%%"}),  # no such scheme here
        Probe("PATCH", f"/api/v1/claims/{claim}/", 412, {"If-Match": '"stale"'}, _json({"kind": "figure"}), "token"),
        Probe("PATCH", f"/api/v1/claims/{claim}/", 415, {"Content-Type": "application/xml"}, b"<a/>", "token"),
    ]
    json_type = {"Content-Type": "application/json"}
    claim_url, speaker_url = f"/api/v1/claims/{claim}/", f"/api/v1/speakers/{speaker}/"
    found += [  # bodies
        Probe("PATCH", claim_url, 400, json_type, b'{"status": ', "token"),
        Probe("PATCH", claim_url, 400, json_type, b"[1, 2]", "token"),
        Probe("PATCH", claim_url, 400, json_type, b"[" * 5000 + b"]" * 5000, "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"status": None}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"status": "false", "rationale": " "}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"id": 5}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"reviewed_by": "admin"}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"start": 10**30}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"start": -1}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"claimant": int(HUGE)}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"claimant": "abc"}), "token"),
        Probe("PATCH", claim_url, 400, json_type, _json({"evidence_urls": ["javascript:alert(1)"]}), "token"),
        Probe("PATCH", claim_url, 400, json_type, b'{"rationale": "\\ud800"}', "token"),
        Probe("PATCH", claim_url, 413, json_type, b'{"rationale": "' + b"x" * BIG + b'"}', "token"),
        Probe(
            "PATCH", claim_url, 413, {"Content-Type": "application/x-www-form-urlencoded"}, b"a=" + b"x" * BIG, "token"
        ),
        Probe("PATCH", claim_url, 403, json_type, _json({"kind": "figure"}), "session"),  # no CSRF token
        Probe("PATCH", claim_url, 401, json_type, _json({"kind": "figure"})),
        Probe("POST", "/api/v1/claims/", 400, json_type, _json({"text": "x"}), "token"),  # editors add claims by span
        Probe("DELETE", claim_url, 405, {}, None, "token"),
        Probe("PUT", speaker_url, 405, json_type, _json({"name": "x"}), "token"),
        Probe("POST", "/api/v1/speakers/", 400, json_type, _json({"name": ""}), "token"),
        Probe("POST", "/api/v1/speakers/", 400, json_type, _json({"name": "x", "wikidata_id": "Q1; DROP"}), "token"),
        Probe("POST", "/api/v1/speakers/", 400, json_type, _json({"name": "x", "aliases": "not a list"}), "token"),
        Probe("POST", "/api/v1/speakers/", 400, json_type, _json({"name": "x", "slug": "a/../b"}), "token"),
        Probe("POST", "/api/v1/speakers/", 400, json_type, _json({"name": "x\u0000y"}), "token"),
        Probe("POST", f"/api/v1/speakers/{speaker}/merge/", 400, json_type, _json({"speakers": [int(HUGE)]}), "token"),
        Probe("POST", f"/api/v1/speakers/{speaker}/merge/", 400, json_type, _json({"speakers": [speaker]}), "token"),
    ]
    found += [  # traversal
        Probe("GET", "/api/v1/exports/..%2F..%2Fetc/", 404),
        Probe("GET", "/api/v1/exports/x/files/..%2F..%2Fnewsfacts%2Fsettings.py/", 404),
        Probe("GET", "/api/v1/exports/%2e%2e/", 404),
        Probe("GET", "/api/v1/exports/.hidden/", 404),
        Probe("GET", "/static/..%2Fnewsfacts%2Fsettings.py", 404),
        Probe("GET", "/static/../../newsfacts/settings.py", 404),
        Probe("GET", "/api/v1/no-such-list/", 404),
    ]
    found += [  # the admin, as staff
        Probe("GET", f"/admin/newsfacts/claim/?article={HUGE}", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/claim/?claimant={HUGE}", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/quote/?speaker={HUGE}", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/claim/review/?article={HUGE}", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/quote/review/?speaker={HUGE}", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/claim/{claim}/history/abc/", 404, editor="session"),
        Probe("GET", f"/admin/newsfacts/claim/{claim}/history/{HUGE}/", 404, editor="session"),
        Probe("GET", f"/admin/newsfacts/claim/{HUGE}/change/", 302, editor="session"),
        Probe("GET", "/admin/newsfacts/claim/?o=999", 200, editor="session"),
        Probe("GET", "/admin/newsfacts/claim/?status__in=%00", 302, editor="session"),
        Probe("GET", "/admin/newsfacts/claim/?q=%00" + "x" * 2000, 302, editor="session"),
        Probe("GET", "/admin/newsfacts/speaker/?q=" + "%27%22%3B--", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/quote/{quote}/change/", 200, editor="session"),
        Probe("GET", "/admin/newsfacts/claim/", 302),  # anonymous: to the login page
    ]
    return found


@dataclass
class Server:
    base: str
    ids: dict
    database_url: str
    env: dict[str, str]

    def send(self, probe: Probe) -> tuple[int, Mapping[str, str], bytes]:
        headers = {**probe.headers}
        if probe.editor == "token":
            headers["Authorization"] = f"Token {self.ids['token']}"
        elif probe.editor == "session":
            headers["Cookie"] = f"sessionid={self.ids['session']}"
        if "Host" in headers:
            return _send_with_host(self.base, probe, headers)
        return http(probe.method, self.base + probe.path, headers=headers, body=probe.body)


def _send_with_host(base: str, probe: Probe, headers: dict[str, str]) -> tuple[int, Mapping[str, str], bytes]:
    import http.client

    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.request(probe.method, probe.path, body=probe.body, headers=headers)
        response = connection.getresponse()
        return response.status, CaseInsensitiveMapping(dict(response.getheaders())), response.read()
    finally:
        connection.close()


@pytest.fixture(scope="module", params=["gunicorn", "granian"])
def wsgi_server(request) -> str:
    """Each WSGI server the README gives a production command for."""
    return request.param


@pytest.fixture(scope="module")
def probe_database(wsgi_server, tmp_path_factory) -> Iterator[str]:
    """A fresh database on the suite's engine (a SQLite file, or a new database on the suite's PostgreSQL server),
    one for each server: the probe's writes never meet the other server's."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path_factory.mktemp('probe') / 'db.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    name = f"newsfacts_probe_{uuid.uuid4().hex[:12]}"
    server = {
        "host": database["HOST"] or "localhost",
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        password = f":{server['password']}" if server["password"] else ""
        yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="module")
def server(wsgi_server, probe_database, tmp_path_factory) -> Iterator[Server]:
    """The production application on the seed dataset, under ``wsgi_server``."""
    tmp = tmp_path_factory.mktemp("probe-server")
    env = production_env(
        DATABASE_URL=probe_database,
        STATIC_ROOT=str(tmp / "static"),
        RELEASES_DIR=str(tmp / "releases"),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        API_ANON_THROTTLE_RATE="100000/hour",
        API_ANON_STREAM_THROTTLE_RATE="100000/hour",
    )
    for command in (("migrate", "--no-input", "-v0"), ("collectstatic", "--no-input", "-v0"), ("load_seed",)):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr.decode()
    result = manage("shell", "-c", SETUP, env=env)
    assert result.returncode == 0, result.stderr.decode()
    ids = json.loads(result.stdout.decode().strip().splitlines()[-1])
    with serving(env, tmp / f"{wsgi_server}.log", workers=2, server=wsgi_server) as base:
        yield Server(base, ids, probe_database, env)


def test_every_hostile_request_gets_its_status_and_no_server_error(server):
    wrong = []
    for probe in probes(server.ids):
        status, headers, body = server.send(probe)
        api_error = probe.path.startswith("/api/") and status >= 400
        is_json = headers.get("Content-Type", "").startswith("application/json")
        if status != probe.expected or (api_error and not is_json):
            wrong.append(
                (probe.method, probe.path[:120], probe.expected, status, headers.get("Content-Type"), body[:200])
            )
    assert wrong == [], "\n".join(map(repr, wrong))


def test_a_stored_xss_payload_is_escaped_in_admin_api_and_docs_pages(server):
    created = server.send(
        Probe("POST", "/api/v1/speakers/", 201, {"Content-Type": "application/json"}, _json({"name": XSS}), "token")
    )
    assert created[0] == 201
    pk = json.loads(created[2])["id"]
    pages = [
        Probe("GET", "/admin/newsfacts/speaker/", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/speaker/{pk}/change/", 200, editor="session"),
        Probe("GET", f"/admin/newsfacts/speaker/{pk}/history/", 200, editor="session"),
        Probe("GET", f"/api/v1/speakers/{pk}/", 200, {"Accept": "text/html"}),
        Probe("GET", "/api/v1/speakers/", 200, {"Accept": "text/html"}),
        Probe("GET", "/api/v1/docs/", 200),
        Probe("GET", "/api/v1/redoc/", 200),
    ]
    for page in pages:
        status, _, body = server.send(page)
        assert status == 200, page.path
        assert XSS.encode() not in body, page.path


RACES = 10


def test_two_editors_creating_the_same_speaker_at_once_never_get_a_server_error(server):
    outcomes = []
    for race in range(RACES):
        body = _json({"name": f"Race Speaker {race}", "slug": f"race-{race}", "wikidata_id": f"Q9{race:04d}"})
        outcomes.append([status for status, _ in _race(server, body)])

    assert outcomes == [[201, 400]] * RACES


def _race(server: Server, body: bytes) -> list[tuple[int, dict]]:
    start = threading.Barrier(2)
    answers: list[tuple[int, dict]] = []

    def create() -> None:
        start.wait(timeout=30)
        probe = Probe("POST", "/api/v1/speakers/", 201, {"Content-Type": "application/json"}, body, "token")
        status, _, answer = server.send(probe)
        answers.append((status, json.loads(answer)))

    threads = [threading.Thread(target=create) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(answers, key=lambda answer: answer[0])


def test_two_editors_creating_a_speaker_of_the_same_name_at_once_each_get_one_with_its_own_slug(server):
    # As when one saves after the other: a slug made from the name takes the next free number.
    for race in range(5):
        answers = _race(server, _json({"name": f"Same Name {race}"}))
        assert [status for status, _ in answers] == [201, 201]
        assert sorted(answer["slug"] for _, answer in answers) == [f"same-name-{race}", f"same-name-{race}-2"]


def test_the_probe_stays_bounded(server):
    # A guard on the module's own size: the probe is a regression suite, not a load test.
    assert 100 <= len(probes(server.ids)) <= 250


if os.environ.get("NEWSFACTS_PROBE_PRINT"):  # a manual aid: print every answer of the probe

    def test_print_the_probe(server):
        for probe in probes(server.ids):
            status, headers, body = server.send(probe)
            print(probe.method, probe.path[:100], probe.expected, status, headers.get("Content-Type"), body[:120])
