"""Helpers for the hardening suite: run `manage.py` in a subprocess against a throwaway database, count rows."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from django.utils.datastructures import CaseInsensitiveMapping

from newsfacts.models import Article, Claim, Quote, Sentence, Speaker

ROOT = Path(__file__).resolve().parents[2]
MANAGE = ROOT / "manage.py"

# Every table ingestion writes, history included: "writes nothing" means none of these counts moves.
TABLES = ("article", "sentence", "speaker", "quote", "claim")
HISTORY_TABLES = ("historicalarticle", "historicalspeaker", "historicalquote", "historicalclaim")
PRODUCTION_SECRET_KEY = "k3J9-vQ2xR7_pL5mN8wT1yU4zA6bC0dE3fG5hI7jK9lM2nO4pQ6rS8tU0vW2xY4z"


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production process: production settings, no test settings leaking in."""
    env = {key: value for key, value in os.environ.items() if key in {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}}
    env.update(
        DJANGO_SETTINGS_MODULE="newsfacts.settings",
        DEBUG="0",
        SECRET_KEY=PRODUCTION_SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(overrides)
    return env


def manage(
    *args: str, env: dict[str, str], stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MANAGE), *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sqlite_counts(path: Path) -> dict[str, int]:
    """Row counts of a SQLite database file, read without Django (the test process talks to its own database)."""
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT COUNT(*) FROM newsfacts_{t}").fetchone()[0] for t in TABLES + HISTORY_TABLES}


def orm_counts() -> dict[str, int]:
    counts = {model.__name__.lower(): model.objects.count() for model in (Article, Sentence, Speaker, Quote, Claim)}
    for model in (Article, Speaker, Quote, Claim):
        counts[f"historical{model.__name__.lower()}"] = model.history.count()
    return counts


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A migrated SQLite database file, made once; copy it with `sqlite_db` for a test of its own."""
    path = tmp_path_factory.mktemp("template-db") / "db.sqlite3"
    result = manage("migrate", "--no-input", "-v0", env=production_env(DATABASE_URL=f"sqlite:///{path}"))
    assert result.returncode == 0, result.stderr.decode()
    with sqlite3.connect(path) as conn:
        # Fold the WAL into the main file so that copying the one file copies everything.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def sqlite_db(migrated_sqlite, tmp_path) -> Path:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_sqlite, path)
    return path


@pytest.fixture
def sqlite_env(sqlite_db) -> dict[str, str]:
    return production_env(DATABASE_URL=f"sqlite:///{sqlite_db}")


@pytest.fixture
def count_rows() -> Callable[[], dict[str, int]]:
    return orm_counts


def _server_command(server: str, port: int, workers: int) -> list[str]:
    """The production command of a WSGI server the README names: gunicorn, or granian."""
    binary = str(Path(sys.executable).with_name(server))
    if server == "granian":
        address = ["--host", "127.0.0.1", "--port", str(port), "--workers", str(workers), "--no-ws"]
        return [binary, "--interface", "wsgi", *address, "newsfacts.wsgi:application"]
    return [binary, "newsfacts.wsgi", "--no-control-socket", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]


@contextlib.contextmanager
def serving(env: dict[str, str], log_path: Path, workers: int = 1, server: str = "gunicorn") -> Iterator[str]:
    """Run the application under ``server`` (gunicorn or granian) on a free local port with `env`; yields its base
    URL, stops it on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = _server_command(server, port, workers)
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_serving(base, process)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_until_serving(base: str, process: subprocess.Popen) -> None:
    # A readiness poll for a server start, not a timing assertion: up to 30 s for the workers to boot.
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            http("GET", base + "/static/admin/css/base.css")
            return
        except OSError:
            subprocess.run(["sleep", "0.1"], check=True)
    raise RuntimeError("the server did not start serving within 30 s")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http(
    method: str, url: str, *, headers: dict[str, str] | None = None, body: bytes | None = None
) -> tuple[int, Mapping[str, str], bytes]:
    """One request without following redirects: (status, headers, body). Header names are case-insensitive, as in
    HTTP (gunicorn writes ``Content-Type``, granian ``content-type``)."""
    request = urllib.request.Request(url, data=body, method=method, headers={"Host": "127.0.0.1", **(headers or {})})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, CaseInsensitiveMapping(dict(response.headers)), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, CaseInsensitiveMapping(dict(exc.headers)), exc.read()
