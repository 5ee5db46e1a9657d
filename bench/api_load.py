"""The load test: the claims API under gunicorn against Datasette on the same data, and the in-process limit.

Builds (or reuses) a 1M-claim dataset under ``bench/out/`` as a SQLite file and as a PostgreSQL database, serves each
with gunicorn (2 workers of one thread, keep-alive, DEBUG=0), serves the SQLite file with Datasette (defaults, then at
its fastest), and measures requests/second and p50/p99 latency at 1 and 8 concurrent loopback clients for:

- ``filter``: ``/api/v1/claims/?status=verified&claimant=<id>`` over busy, middling and quiet claimants;
- ``unseen``: the same filter for every claimant in turn, each asked once (a cell takes at most half of them), so the
  server is asked for parameters it has not kept a compiled query (or a cached page) for: its path on a first request;
- ``walk``: a cursor walk following ``next`` links through ``--pages`` pages of ``?status=verified``;
- ``search``: ``/api/v1/claims/?q=<word>`` for rare words of the claims' index (one to ten claims) and an absent
  one, against Datasette's ``_search`` on the same file's FTS5 table (``newsfacts_claim_fts``).

The ratio columns set our requests/second over Datasette's at the same concurrency: its fastest table view, its
default, and its canned query of the same joined shape as ours (``PAGE_SQL``).

The ``ceiling`` rows are what is left of a request when the page costs nothing: the same server and settings
answering the filter's paths from views that return the API's own bytes for them, stored (``bench/ceiling.py``): a
plain Django view, a DRF ``APIView``, and a DRF ``Response`` of the page's data rendered by the API's renderer.
``--server granian`` serves the API and the ceiling with granian as well as (or, alone, instead of) gunicorn.

The ``limit`` rows are the same query plus ``json.dumps`` in one process, no HTTP: the plain driver and Django
``values()``. Usage::

    .venv/bin/python bench/api_load.py            # full: 1M claims, ~10 s a cell
    .venv/bin/python bench/api_load.py --quick    # smoke: 100k claims, ~3 s a cell

``BENCH_PORTS=8140-8159`` keeps the servers it starts within a range of ports (default: any free one).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
HOST = "127.0.0.1"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_DATA = Path("/tmp/pgbench")
PG_PORT = 5442
PAGE_SIZE = 50

# The joined page both the canned Datasette query and the in-process limit serve: a claim with its claimant's name
# and its sentence's text, the shape the API gives.
PAGE_SQL = """
select c.id, c.text, c.start, c."end", c.status, c.rationale, c.kind, c.article_id, c.sentence_id,
       c.claimant_id, s.name as claimant_name, se.text as sentence_text
from newsfacts_claim c
left join newsfacts_speaker s on s.id = c.claimant_id
join newsfacts_sentence se on se.id = c.sentence_id
where c.status = :status and c.claimant_id = :claimant
order by c.id limit 50
"""
WALK_SQL = PAGE_SQL.replace("c.claimant_id = :claimant", "c.id > :after")


# The 1-minute load average as each server's measurements began: other work on the machine skews the figures.
LOAD_AVERAGES: dict[str, list[float]] = {}


@dataclass
class Result:
    """One cell of the table: a scenario served by one server at one concurrency."""

    scenario: str
    server: str
    concurrency: int
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    note: str = ""
    links: int = 0  # next links followed (the walk)
    by_path: dict[str, list[float]] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000


# ---------------------------------------------------------------------------------------------------------- load


class Client:
    """One keep-alive HTTP connection (reopened when the server closes it, as gunicorn's sync workers do)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=60)
        self.last_body = b""
        self.links = 0

    def get(self, path: str) -> tuple[int, bytes]:
        for attempt in range(2):
            try:
                self.conn.request("GET", path, headers={"Accept": "application/json"})
                response = self.conn.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                return response.status, body
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


def run_load(
    result: Result,
    port: int,
    next_path: Callable[[int, Client], Iterator[str]],
    duration: float,
    max_requests: int,
) -> Result:
    """Run ``result.concurrency`` client threads, each GETting the paths ``next_path`` yields, until either bound."""
    lock = threading.Lock()
    deadline = time.perf_counter() + duration
    issued = 0

    def worker(number: int) -> None:
        nonlocal issued
        client = Client(port)
        latencies, errors, by_path = [], 0, []
        try:
            for path in next_path(number, client):
                with lock:
                    if issued >= max_requests:
                        break
                    issued += 1
                if time.perf_counter() > deadline:
                    break
                started = time.perf_counter()
                status, body = client.get(path)
                latencies.append(time.perf_counter() - started)
                by_path.append((path, latencies[-1]))
                if status != 200:
                    errors += 1
                    if errors == 1 and not result.note:
                        result.note = f"HTTP {status} on {path[:80]}"
                client.last_body = body  # the walk reads its next link from here
        finally:
            client.close()
            with lock:
                result.latencies.extend(latencies)
                result.errors += errors
                result.links += client.links
                for path, latency in by_path:
                    result.by_path.setdefault(path, []).append(latency)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(result.concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result


def rotating(paths: list[str]) -> Callable[[int, Client], Iterator[str]]:
    """Each client cycles through ``paths``, starting at a different one."""

    def next_path(number: int, client: Client) -> Iterator[str]:
        index = number * 7
        while True:
            yield paths[index % len(paths)]
            index += 1

    return next_path


class Unseen:
    """Paths handed out once each: the clients share one place in the list, which goes on from cell to cell.

    A cell takes at most half the list (``limit``), so the two cells of a server (1 and 8 clients) never ask for a
    path twice: every request is one the server has not kept a compiled query or a cached page for.
    """

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        self.limit = len(paths) // 2
        self.index = 0
        self.lock = threading.Lock()

    def __call__(self, number: int, client: Client) -> Iterator[str]:
        while True:
            with self.lock:
                path = self.paths[self.index % len(self.paths)]
                self.index += 1
            yield path


def walking(
    first: str, next_key: str | Callable[[bytes], str | None], pages: int
) -> Callable[[int, Client], Iterator[str]]:
    """Each client follows the ``next_key`` link of each page from ``first``, ``pages`` pages deep, then starts over.

    ``next_key`` is the key of the next link in the JSON body, or a function from the body to the next URL.
    """
    next_link = next_key if callable(next_key) else functools.partial(_next_link, key=next_key)

    def next_path(number: int, client: Client) -> Iterator[str]:
        while True:
            path = first
            for _ in range(pages):
                yield path
                link = next_link(client.last_body)
                if not link:
                    break
                parts = urlsplit(link)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                client.links += 1

    return next_path


def _next_link(body: bytes, key: str) -> str | None:
    try:
        return json.loads(body).get(key)
    except (ValueError, AttributeError):
        return None


def _canned_next(body: bytes, path: str) -> str | None:
    """The next page of the canned walk: the rows after the last id of this one (its first column)."""
    try:
        rows = json.loads(body)["rows"]
    except (ValueError, KeyError, TypeError):
        return None
    return f"{path}&after={rows[-1][0]}" if rows else None


# ------------------------------------------------------------------------------------------------------- servers


def free_port() -> int:
    """A free loopback port: the first of ``BENCH_PORTS`` (e.g. ``8140-8159``) that binds, else any."""
    first, _, last = os.environ.get("BENCH_PORTS", "0-0").partition("-")
    for port in range(int(first), int(last or first) + 1):
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise SystemExit(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


@contextlib.contextmanager
def serving(command: list[str], port: int, ready_path: str, env: dict[str, str] | None = None) -> Iterator[None]:
    """Start a server, wait until ``ready_path`` answers, and stop it (the process group it leads) afterwards."""
    log = open(OUT / f"server-{Path(command[0]).name}.log", "w")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited with {process.returncode}: see {log.name}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                client = Client(port)
                status, _ = client.get(ready_path)
                client.close()
                if status < 500:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not answer {ready_path} within 60 s: see {log.name}")
            time.sleep(0.2)
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def api_env(database_url: str, prepared: bool = False, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    """The API's environment under any server: the project's settings, DEBUG off, the throttle's window short."""
    return {
        "DJANGO_SETTINGS_MODULE": "newsfacts.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        # The default anonymous throttle (1000/hour) would answer 429 within seconds. A one-second window keeps the
        # throttle's cost in the measurement without its history list growing with every request.
        "API_ANON_THROTTLE_RATE": "1000000/second",
        # PostgreSQL's prepared statements (the project's default) only in the "prepared" row; the plain row without.
        "DB_SERVER_SIDE_BINDING": "1" if prepared else "0",
        **(extra_env or {}),
    }


def gunicorn(
    database_url: str, port: int, prepared: bool = False, extra_env: dict[str, str] | None = None
) -> contextlib.AbstractContextManager[None]:
    env = {
        # Threaded workers with one thread: one request at a time per worker, as sync workers, but the clients'
        # connections kept alive between requests (a sync worker closes each; Datasette's server keeps them).
        # GUNICORN_CMD_ARGS in the environment replaces this, e.g. with "--worker-class sync".
        "GUNICORN_CMD_ARGS": os.environ.get("GUNICORN_CMD_ARGS", "--worker-class gthread --threads 1"),
        **api_env(database_url, prepared, extra_env),
    }
    command = [str(VENV_BIN / "gunicorn"), "newsfacts.wsgi", "-w", "2", "--no-control-socket", "-b", f"{HOST}:{port}"]
    return serving(command, port, "/api/v1/", env)


def granian(
    database_url: str, port: int, prepared: bool = False, extra_env: dict[str, str] | None = None
) -> contextlib.AbstractContextManager[None]:
    """The same WSGI application under granian (a server written in Rust): 2 workers, one request at a time each
    (``--blocking-threads 1``, as gunicorn's one thread), connections kept alive (its default)."""
    command = [
        str(VENV_BIN / "granian"),
        "--interface",
        "wsgi",
        "--workers",
        "2",
        "--blocking-threads",
        "1",
        "--host",
        HOST,
        "--port",
        str(port),
        "--no-ws",
        "newsfacts.wsgi:application",
    ]
    return serving(command, port, "/api/v1/", api_env(database_url, prepared, extra_env))


SERVERS = {"gunicorn": gunicorn, "granian": granian}


def datasette(db_file: Path, port: int, fastest: bool) -> contextlib.AbstractContextManager[None]:
    metadata = OUT / "datasette-metadata.json"
    tables = {"newsfacts_claim": {"fts_table": "newsfacts_claim_fts", "fts_pk": "id"}}
    metadata.write_text(
        json.dumps(
            {
                "databases": {
                    db_file.stem: {"queries": {"claims_page": PAGE_SQL, "claims_walk": WALK_SQL}, "tables": tables}
                }
            }
        )
    )
    command = [str(VENV_BIN / "datasette"), "serve", str(db_file), "-h", HOST, "-p", str(port), "-m", str(metadata)]
    if fastest:
        command += ["--setting", "suggest_facets", "off"]
    return serving(command, port, f"/{db_file.stem}.json")


# ------------------------------------------------------------------------------------------------------ datasets


def sqlite_dataset(claims: int, label: str) -> Path:
    """The cached SQLite file for ``claims``, built on first use (into a temporary name, renamed when complete)."""
    path = OUT / f"bench-{label}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in OUT.glob(partial.name + "*"):
        leftover.unlink()
    _make_dataset(f"sqlite:///{partial}", claims)
    # One self-contained file: fold the write-ahead log back in.
    with sqlite3.connect(partial) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    for leftover in OUT.glob(partial.name + "-*"):
        leftover.unlink()
    return path


def _make_dataset(database_url: str, claims: int) -> None:
    print(f"building {claims:,} claims into {database_url} ...", file=sys.stderr)
    started = time.monotonic()
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "make_dataset.py"), "--database-url", database_url, "--claims", str(claims)],
        check=True,
        cwd=ROOT,
    )
    print(f"built in {time.monotonic() - started:.0f} s", file=sys.stderr)


@contextlib.contextmanager
def postgres_server(keep: bool) -> Iterator[str]:
    """A PostgreSQL 15 of our own on port 5442 (initdb on first use); stopped afterwards if this run started it."""
    as_postgres = ["runuser", "-u", "postgres", "--"]
    if not (PG_DATA / "PG_VERSION").exists():
        subprocess.run(
            [*as_postgres, str(PG_BIN / "initdb"), "-D", str(PG_DATA), "-A", "trust"], check=True, capture_output=True
        )
    running = (
        subprocess.run(
            [*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(PG_DATA), "status"], capture_output=True
        ).returncode
        == 0
    )
    if not running:
        # fsync off only speeds up building the dataset; the benchmark itself only reads.
        options = f"-p {PG_PORT} -k /tmp -c listen_addresses={HOST} -c fsync=off -c maintenance_work_mem=512MB"
        subprocess.run(
            [
                *as_postgres,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(PG_DATA),
                "-l",
                str(PG_DATA / "server.log"),
                "-o",
                options,
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )
    try:
        yield f"postgres://postgres@{HOST}:{PG_PORT}"
    finally:
        if not running and not keep:
            subprocess.run(
                [*as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(PG_DATA), "-m", "fast", "stop"], capture_output=True
            )


def postgres_dataset(server_url: str, claims: int, label: str, name: str | None = None) -> str:
    """The database ``name`` (``newsfacts_bench_<label>``) on ``server_url``, built on first use; rebuilt if
    incomplete."""
    import psycopg

    name = name or f"newsfacts_bench_{label}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        exists = admin.execute("select 1 from pg_database where datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(f"{server_url}/{name}") as connection:
                try:
                    count = connection.execute("select count(*) from newsfacts_claim").fetchone()[0]
                except psycopg.errors.UndefinedTable:
                    count = -1
            if count == expected_claims(claims):
                return f"{server_url}/{name}"
            admin.execute(f'drop database "{name}"')
        admin.execute(f'create database "{name}"')
    _make_dataset(f"{server_url}/{name}", claims)
    return f"{server_url}/{name}"


def expected_claims(claims: int) -> int:
    """How many claims the generator writes when asked for ``claims`` (whole articles)."""
    from bench.make_dataset import Scale

    return Scale.for_claims(claims).claims


ABSENT_WORD = "qzxwvj"


def rare_words(db_file: Path, count: int = 8) -> list[str]:
    """Words of the claims' search index found in one to ten claims (the costly case of a scan), and an absent one."""
    with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True) as connection:
        connection.execute("CREATE VIRTUAL TABLE temp.claim_words USING fts5vocab(main, 'newsfacts_claim_fts', 'row')")
        words = [
            row[0]
            for row in connection.execute(
                "SELECT term FROM temp.claim_words WHERE doc BETWEEN 1 AND 10 AND term GLOB '[a-z]*' "
                "ORDER BY term LIMIT ?",
                (count,),
            )
        ]
    return [*words, ABSENT_WORD]


def claimants(db_file: Path, per_group: int = 3) -> dict[str, list[int]]:
    """Busy, middling and quiet claimants by their number of verified claims (each has at least one)."""
    with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "select claimant_id, count(*) from newsfacts_claim where status = 'verified' and claimant_id is not null "
            "group by claimant_id order by count(*) desc, claimant_id"
        ).fetchall()
    middle = len(rows) // 2
    return {
        "busy": [r[0] for r in rows[:per_group]],
        "middling": [r[0] for r in rows[middle : middle + per_group]],
        "quiet": [r[0] for r in rows[-per_group:]],
        "counts": {r[0]: r[1] for r in rows[:per_group] + rows[middle : middle + per_group] + rows[-per_group:]},
        "all": sorted(r[0] for r in rows),
    }


# --------------------------------------------------------------------------------------------------------- limit


def limit(database_url: str, ids: list[int], duration: float, pages: int) -> dict[str, list[float]]:
    """The query plus json.dumps in-process, no HTTP: the plain driver and Django values(). Seconds per page."""
    from bench.make_dataset import _setup_django

    _setup_django(database_url)
    from django.db import connection
    from django.db.models import F

    from newsfacts.models import Claim

    def timed(make_page: Callable[[int], tuple[bytes, int | None]], walk: bool) -> list[float]:
        latencies: list[float] = []
        deadline = time.perf_counter() + duration
        index, after, depth = 0, 0, 0
        while time.perf_counter() < deadline and len(latencies) < 100_000:
            started = time.perf_counter()
            _body, last = make_page(after if walk else ids[index % len(ids)])
            latencies.append(time.perf_counter() - started)
            index += 1
            depth += 1
            after = last if (walk and last and depth < pages) else 0
            depth = depth if after else 0
        return latencies

    connection.ensure_connection()
    raw = connection.connection
    is_sqlite = connection.vendor == "sqlite"
    page_sql = PAGE_SQL.replace(":status", "%(status)s").replace(":claimant", "%(claimant)s")
    walk_sql = WALK_SQL.replace(":status", "%(status)s").replace(":after", "%(after)s")
    if is_sqlite:
        page_sql, walk_sql = PAGE_SQL, WALK_SQL

    def plain(sql: str, key: str) -> Callable[[int], tuple[bytes, int | None]]:
        def make_page(value: int) -> tuple[bytes, int | None]:
            cursor = raw.cursor()
            cursor.execute(sql, {"status": "verified", key: value})
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
            return json.dumps({"results": rows}).encode(), rows[-1]["id"] if rows else None

        return make_page

    fields = ("id", "text", "start", "end", "status", "rationale", "kind", "article_id", "sentence_id", "claimant_id")

    def django_values(key: str) -> Callable[[int], tuple[bytes, int | None]]:
        def make_page(value: int) -> tuple[bytes, int | None]:
            queryset = Claim.objects.filter(status="verified")
            queryset = queryset.filter(claimant_id=value) if key == "claimant" else queryset.filter(id__gt=value)
            rows = list(
                queryset.order_by("id").values(
                    *fields, claimant_name=F("claimant__name"), sentence_text=F("sentence__text")
                )[:PAGE_SIZE]
            )
            return json.dumps({"results": rows}).encode(), rows[-1]["id"] if rows else None

        return make_page

    return {
        "filter plain": timed(plain(page_sql, "claimant"), walk=False),
        "filter values": timed(django_values("claimant"), walk=False),
        "walk plain": timed(plain(walk_sql, "after"), walk=True),
        "walk values": timed(django_values("after"), walk=True),
    }


def run_limit(database_url: str, ids: list[int], duration: float, pages: int, backend: str) -> list[Result]:
    """Run ``limit`` in a fresh process (Django is configured once per process, for one database)."""
    output = subprocess.run(
        [
            PYTHON,
            __file__,
            "--limit-only",
            database_url,
            "--ids",
            ",".join(map(str, ids)),
            "--duration",
            str(duration),
            "--pages",
            str(pages),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    results = []
    for key, latencies in json.loads(output.strip().splitlines()[-1]).items():
        scenario, driver = key.split()
        label = "sqlite3" if backend == "sqlite" else "psycopg"
        server = f"limit {label if driver == 'plain' else 'values()'} ({backend})"
        results.append(Result(scenario, server, 1, latencies, 0, sum(latencies)))
    return results


# ---------------------------------------------------------------------------------------------------------- main


Scenario = tuple[str, Callable[[int, Client], Iterator[str]]]


def measure(
    label: str, port: int, scenarios: list[Scenario], warm: list[str], args: argparse.Namespace
) -> list[Result]:
    """Each scenario at 1 and 8 clients on the server at ``port``, after a few ``warm`` requests."""
    results = []
    LOAD_AVERAGES.setdefault(label, []).append(os.getloadavg()[0])
    for path in warm[:3]:  # warm the caches and the workers' connections
        client = Client(port)
        client.get(path)
        client.close()
    for scenario, next_path in scenarios:
        limit = min(args.max_requests, getattr(next_path, "limit", args.max_requests))
        for concurrency in (1, 8):
            result = run_load(Result(scenario, label, concurrency), port, next_path, args.duration, limit)
            results.append(result)
            print(_row(result), file=sys.stderr)
    return results


def _row(result: Result, ratios: tuple[str, ...] = ("", "", "")) -> str:
    rps = f"{result.rps:,.1f}" if result.latencies else "-"
    errors = f"{result.errors}" + (f" ({result.note})" if result.note else "")
    if result.scenario == "walk" and not result.server.startswith("limit"):
        errors += f"; {result.links} next links followed"
    return (
        f"| {result.scenario:<6} | {result.server:<44} | {result.concurrency:>2} | {rps:>9} | "
        f"{result.percentile(0.5):>8.2f} | {result.percentile(0.99):>8.2f} | {ratios[0]:>9} | {ratios[1]:>9} | "
        f"{ratios[2]:>9} | "
        f"{len(result.latencies):>6} | {errors} |"
    )


def print_table(results: list[Result]) -> str:
    by_key = {(r.scenario, r.server, r.concurrency): r for r in results}
    lines = [
        f"| {'scen.':<6} | {'server':<44} | {'c':>2} | {'req/s':>9} | {'p50 ms':>8} | {'p99 ms':>8} | "
        f"{'/DS fast':>9} | {'/DS dflt':>9} | {'/DS join':>9} | {'reqs':>6} | errors |",
        f"|{'-' * 8}|{'-' * 46}|{'-' * 4}|{'-' * 11}|{'-' * 10}|{'-' * 10}|{'-' * 11}|{'-' * 11}|{'-' * 11}|"
        f"{'-' * 8}|--------|",
    ]
    for result in results:
        ratios: tuple[str, ...] = ("", "", "")
        if result.server.startswith(("API", "ceiling")):
            peers = [
                by_key.get((result.scenario, peer, result.concurrency))
                for peer in ("Datasette fastest", "Datasette default", "Datasette canned join (fastest)")
            ]
            ratios = tuple(
                f"{result.rps / peer.rps:.2f}x" if peer and peer.rps and result.latencies else "-" for peer in peers
            )
        lines.append(_row(result, ratios))
    table = "\n".join(lines)
    print(table)
    return table


def print_groups(results: list[Result], groups: dict[str, list[int]]) -> str:
    """p50 of the filter at one client for each kind of claimant: busy ones fill the page, quiet ones have a row."""
    group_of = {claimant: name for name in ("busy", "middling", "quiet") for claimant in groups[name]}
    lines = [
        f"| {'server (filter, c=1): p50 ms by claimant':<42} | {'busy':>8} | {'middling':>8} | {'quiet':>8} |",
        f"|{'-' * 44}|{'-' * 10}|{'-' * 10}|{'-' * 10}|",
    ]
    for result in results:
        if result.scenario != "filter" or result.concurrency != 1 or not result.by_path:
            continue
        by_group: dict[str, list[float]] = {}
        for path, latencies in result.by_path.items():
            match = re.search(r"claimant(?:_id)?=(\d+)", path)
            if match:
                by_group.setdefault(group_of[int(match.group(1))], []).extend(latencies)
        cells = [
            f"{sorted(by_group[g])[len(by_group[g]) // 2] * 1000:>8.1f}" if by_group.get(g) else f"{'-':>8}"
            for g in ("busy", "middling", "quiet")
        ]
        lines.append(f"| {result.server:<42} | " + " | ".join(cells) + " |")
    table = "\n".join(lines)
    print(table)
    return table


def one_round(
    parts: set[str],
    backends: list[tuple[str, str]],
    db_file: Path,
    ids: list[int],
    args: argparse.Namespace,
    words: list[str],
    every_claimant: list[int],
) -> list[Result]:
    """Every server once, one after the other (never two at a time: they would share the two cores)."""
    results: list[Result] = []
    api_filter = [f"/api/v1/claims/?status=verified&claimant={i}" for i in ids]
    api_unseen = [f"/api/v1/claims/?status=verified&claimant={i}" for i in every_claimant]
    api_search = [f"/api/v1/claims/?q={word}" for word in words]

    def api_scenarios() -> list[Scenario]:  # for each server: its unseen filters are its own
        return [
            ("filter", rotating(api_filter)),
            ("unseen", Unseen(api_unseen)),
            ("walk", walking("/api/v1/claims/?status=verified", "next", args.pages)),
            ("search", rotating(api_search)),
        ]

    if "api" in parts:
        servers = [(backend, url, False, {}) for backend, url in backends]
        if args.prepared:
            servers += [(f"{b}, prepared", url, True, {}) for b, url in backends if b == "postgresql"]
        if args.page_cache:
            # The shared page cache: a filter asked again is a hit, an unseen one a miss (and then stored).
            cache = {"REDIS_URL": args.page_cache, "NEWSFACTS_API_PAGE_CACHE": "default"}
            servers += [(f"{b}, page cache", url, False, cache) for b, url in backends if b == "sqlite"]
        for kind in args.server:
            for name, url, prepared, env in servers:
                if "REDIS_URL" in env:
                    import redis

                    redis.Redis.from_url(env["REDIS_URL"]).flushdb()  # no page kept from an earlier round
                port = free_port()
                with SERVERS[kind](url, port, prepared, env):
                    chosen = api_scenarios()[:2] if "page cache" in name else api_scenarios()
                    results += measure(f"API {kind} ({name})", port, chosen, api_filter, args)
    if "ceiling" in parts:
        results += ceiling(backends[0][1], api_filter, ids, args)
    if "datasette" in parts:
        db = db_file.stem
        table = f"/{db}/newsfacts_claim.json"
        for name, fastest, extra in (
            ("Datasette default", False, ""),
            ("Datasette fastest", True, "&_nocount=1&_nosuggest=1"),
        ):
            port = free_port()
            with datasette(db_file, port, fastest):
                paths = [f"{table}?status=verified&claimant_id={i}&_size={PAGE_SIZE}{extra}" for i in ids]
                unseen = [f"{table}?status=verified&claimant_id={i}&_size={PAGE_SIZE}{extra}" for i in every_claimant]
                searches = [f"{table}?_search={word}&_size={PAGE_SIZE}{extra}" for word in words]
                scenarios: list[Scenario] = [("filter", rotating(paths))]
                if fastest:  # the default one takes seconds a request: the unseen filter would say nothing more
                    scenarios.append(("unseen", Unseen(unseen)))
                scenarios += [
                    ("walk", walking(f"{table}?status=verified&_size={PAGE_SIZE}{extra}", "next_url", args.pages)),
                    ("search", rotating(searches)),
                ]
                results += measure(name, port, scenarios, paths, args)
                if fastest:
                    # The canned joined query: the API's response shape (claimant name, sentence text).
                    canned = [f"/{db}/claims_page.json?status=verified&claimant={i}" for i in ids]
                    canned_unseen = [f"/{db}/claims_page.json?status=verified&claimant={i}" for i in every_claimant]
                    walk_path = f"/{db}/claims_walk.json?status=verified"
                    canned_walk = walking(
                        f"{walk_path}&after=0", functools.partial(_canned_next, path=walk_path), args.pages
                    )
                    scenarios = [
                        ("filter", rotating(canned)),
                        ("unseen", Unseen(canned_unseen)),
                        ("walk", canned_walk),
                    ]
                    results += measure("Datasette canned join (fastest)", port, scenarios, canned, args)
    if "limit" in parts:
        for backend, url in backends:
            results += run_limit(url, ids, args.duration, args.pages, backend)

    return results


CEILING_VIEWS = (
    ("Django view, stored bytes", "/ceiling/django/"),
    ("DRF APIView, stored bytes", "/ceiling/drf/"),
    ("DRF APIView, rendered", "/ceiling/drf-render/"),
)


def ceiling(database_url: str, api_filter: list[str], ids: list[int], args: argparse.Namespace) -> list[Result]:
    """The filter's pages answered without being built (``bench/ceiling.py``), by the same server and settings.

    The server first answers the API's own filter pages, which are stored as the bytes the ceiling's views return.
    """
    results: list[Result] = []
    pages = OUT / "ceiling-pages.json"
    for kind in args.server:
        port = free_port()
        env = {"DJANGO_SETTINGS_MODULE": "bench.ceiling_settings", "BENCH_CEILING_PAGES": str(pages)}
        with SERVERS[kind](database_url, port, False, env):
            client = Client(port)
            bodies = {}
            for claimant, path in zip(ids, api_filter, strict=True):
                status, body = client.get(path)
                assert status == 200, (path, status)
                bodies[str(claimant)] = body.decode()
            client.close()
            pages.write_text(json.dumps(bodies))  # read by each worker on its first ceiling request
            for label, prefix in CEILING_VIEWS:
                paths = [f"{prefix}?status=verified&claimant={i}" for i in ids]
                results += measure(f"ceiling {kind}: {label}", port, [("filter", rotating(paths))], paths, args)
    return results


def _code_version() -> str:
    """The commit measured, and whether api/ or newsfacts/ had uncommitted changes then."""
    run = functools.partial(subprocess.run, cwd=ROOT, capture_output=True, text=True)
    commit = run(["git", "rev-parse", "--short", "HEAD"]).stdout.strip() or "unknown"
    dirty = run(["git", "status", "--porcelain", "--", "api", "newsfacts"]).stdout.strip()
    return commit + (" with uncommitted changes in api/ or newsfacts/" if dirty else "")


def best_of(results: list[Result]) -> list[Result]:
    """The round with the most requests/second for each cell, in the order cells were first measured."""
    best: dict[tuple[str, str, int], Result] = {}
    for result in results:
        key = (result.scenario, result.server, result.concurrency)
        if key not in best or result.rps > best[key].rps:
            best[key] = result
    return list(best.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: 100k claims, 3 s a cell")
    parser.add_argument("--claims", type=int, help="dataset size (default 1,000,000; 100,000 with --quick)")
    parser.add_argument("--duration", type=float, help="seconds per cell (default 10; 3 with --quick)")
    parser.add_argument("--max-requests", type=int, default=20_000, help="request bound per cell (default 20,000)")
    parser.add_argument(
        "--rounds", type=int, help="measure every cell this many times, keep the best (default 2; 1 with --quick)"
    )
    parser.add_argument("--pages", type=int, default=20, help="pages per cursor walk (default 20)")
    parser.add_argument("--pg-url", help="postgres://user@host:port of a server to use instead of starting our own")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument(
        "--no-prepared",
        dest="prepared",
        action="store_false",
        help="skip the PostgreSQL server with prepared statements on (DB_SERVER_SIDE_BINDING=1)",
    )
    parser.add_argument(
        "--pg-database", help="the PostgreSQL database to build and use (default newsfacts_bench_1m, _100k...)"
    )
    parser.add_argument(
        "--page-cache",
        metavar="REDIS_URL",
        help="also serve SQLite with the shared page cache in this Redis database, which the run empties first "
        "(filter: hits; unseen: misses)",
    )
    parser.add_argument("--keep-pg", action="store_true", help="leave the PostgreSQL this run started running")
    parser.add_argument(
        "--only", choices=["api", "ceiling", "datasette", "limit"], action="append", help="run only these parts"
    )
    parser.add_argument(
        "--server",
        choices=sorted(SERVERS),
        action="append",
        help="the WSGI server(s) of the API and the ceiling, repeatable (default gunicorn)",
    )
    parser.add_argument("--limit-only", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.claims = args.claims or (100_000 if args.quick else 1_000_000)
    args.duration = args.duration or (3.0 if args.quick else 10.0)
    args.rounds = args.rounds or (1 if args.quick else 2)
    if args.limit_only:
        ids = [int(i) for i in args.ids.split(",")]
        print(json.dumps(limit(args.limit_only, ids, args.duration, args.pages)))
        return 0

    OUT.mkdir(parents=True, exist_ok=True)
    args.server = args.server or ["gunicorn"]
    parts = set(args.only or ["api", "ceiling", "datasette", "limit"])
    label = f"{args.claims // 1000}k" if args.claims < 1_000_000 else f"{args.claims / 1_000_000:g}m"
    started = time.monotonic()
    db_file = sqlite_dataset(args.claims, label)
    groups = claimants(db_file)
    words = rare_words(db_file)
    print(f"search words (1 to 10 claims each, and an absent one): {words}", file=sys.stderr)
    ids = [i for trio in zip(groups["busy"], groups["middling"], groups["quiet"], strict=True) for i in trio]
    print(f"claimants (verified claims): {groups['counts']}", file=sys.stderr)
    sqlite_url = f"sqlite:///{db_file}"
    results: list[Result] = []

    with contextlib.ExitStack() as stack:
        backends = [("sqlite", sqlite_url)]
        if not args.no_pg and parts & {"api", "limit"}:
            server_url = args.pg_url or stack.enter_context(postgres_server(args.keep_pg))
            backends.append(("postgresql", postgres_dataset(server_url, args.claims, label, args.pg_database)))
        for round_number in range(args.rounds):
            if args.rounds > 1:
                print(f"round {round_number + 1} of {args.rounds}", file=sys.stderr)
            results += one_round(parts, backends, db_file, ids, args, words, groups["all"])
    results = best_of(results)

    print(
        f"\n{args.claims:,} claims; {args.duration:g} s or {args.max_requests:,} requests a cell, best of "
        f"{args.rounds} rounds; walk = {args.pages} pages of ?status=verified; ratios are our req/s over "
        "Datasette's at the same concurrency.\n"
    )
    table = print_table(results)
    print()
    table += "\n\n" + print_groups(results, groups)
    loads = "; ".join(f"{server} {' '.join(f'{x:.1f}' for x in load)}" for server, load in LOAD_AVERAGES.items())
    print(f"\nclaimants (verified claims each): {groups['counts']}\nload average as each server started: {loads}")
    print(f"code measured: {_code_version()}")
    (OUT / f"api_load-{label}.md").write_text(table + "\n")
    print(f"\n(total {time.monotonic() - started:.0f} s; table saved to {OUT / f'api_load-{label}.md'})")
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
