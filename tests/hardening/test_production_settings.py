"""Production settings: `check --deploy` is clean, the secret comes from the environment, gunicorn serves it all.

Each test runs a real process with a production environment (DEBUG=0), never the test settings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

import pytest

from tests.hardening.conftest import http, manage, production_env, serving


def test_deploy_check_reports_no_warnings_with_a_production_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stderr.decode()
    assert "System check identified no issues" in result.stdout.decode()


def test_deploy_check_fails_on_a_weak_secret_key():
    # The same check, proving it is live: a short key is exactly what it must catch.
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(SECRET_KEY="too-short"))

    assert result.returncode != 0
    assert "security.W009" in result.stderr.decode()


def test_debug_off_without_secret_key_fails_with_a_clear_message():
    env = production_env()
    del env["SECRET_KEY"]

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment when DEBUG is off" in result.stderr.decode()


@pytest.fixture(scope="module")
def production_settings() -> dict[str, object]:
    names = [
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "X_FRAME_OPTIONS",
    ]
    code = (
        "from django.conf import settings; import json; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = manage("shell", "-c", code, env=production_env(ALLOWED_HOSTS="news.example.org"))
    assert result.returncode == 0, result.stderr.decode()
    # The shell may print a banner of auto-imported objects first: the settings are the last line.
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DEBUG", False),
        ("ALLOWED_HOSTS", ["news.example.org"]),
        ("SECURE_SSL_REDIRECT", True),
        ("SESSION_COOKIE_SECURE", True),
        ("CSRF_COOKIE_SECURE", True),
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", True),
        ("SECURE_CONTENT_TYPE_NOSNIFF", True),
        ("X_FRAME_OPTIONS", "DENY"),
    ],
)
def test_debug_off_switches_on_each_production_setting(production_settings, name, expected):
    assert production_settings[name] == expected


def test_debug_off_sends_hsts_for_at_least_a_year(production_settings):
    assert production_settings["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600


def test_secret_key_is_read_from_the_environment(production_settings):
    assert production_settings["SECRET_KEY"] == production_env()["SECRET_KEY"]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory) -> Iterator[str]:
    """A production gunicorn on a free local port, with collected static files and a migrated SQLite database."""
    tmp = tmp_path_factory.mktemp("gunicorn")
    env = production_env(
        STATIC_ROOT=str(tmp / "static"),
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        BEHIND_TLS_PROXY="1",
        ALLOWED_HOSTS="127.0.0.1",
    )
    for command in (("collectstatic", "--no-input", "-v0"), ("migrate", "--no-input", "-v0")):
        result = manage(*command, env=env)
        assert result.returncode == 0, result.stderr.decode()
    with serving(env, tmp / "gunicorn.log") as base:
        yield base


def _get(url: str, **headers: str) -> tuple[int, Mapping[str, str], bytes]:
    return http("GET", url, headers=headers)


HTTPS = {"X-Forwarded-Proto": "https"}


def test_gunicorn_serves_admin_css_through_whitenoise_with_debug_off(gunicorn):
    status, headers, body = _get(gunicorn + "/static/admin/css/base.css", **HTTPS)

    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert b"{" in body


def test_gunicorn_serves_the_api_root_with_debug_off(gunicorn):
    status, headers, body = _get(gunicorn + "/api/v1/", Accept="application/json", **HTTPS)

    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert isinstance(json.loads(body), dict)


def test_gunicorn_sends_hsts_on_https_responses(gunicorn):
    _, headers, _ = _get(gunicorn + "/api/v1/", **HTTPS)

    assert "max-age=" in headers["Strict-Transport-Security"]


def test_gunicorn_redirects_plain_http_to_https(gunicorn):
    status, headers, _ = _get(gunicorn + "/api/v1/")

    assert status == 301
    assert headers["Location"].startswith("https://")


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("0", False), ("", False)])
def test_require_if_match_is_read_from_the_environment(value, expected):
    code = "from django.conf import settings; print(settings.NEWSFACTS_API_REQUIRE_IF_MATCH)"
    result = manage("shell", "-c", code, env=production_env(NEWSFACTS_API_REQUIRE_IF_MATCH=value))

    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip().splitlines()[-1] == str(expected)
