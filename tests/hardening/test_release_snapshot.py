"""A release reads one snapshot: an editor's write during an export shows in none of its files, and is not blocked.

``release.snapshot()`` opens a REPEATABLE READ, READ ONLY transaction on PostgreSQL and a deferred read transaction
(one WAL snapshot) on SQLite. The editor writes from another connection while the snapshot is open. On SQLite the
scenario runs in a subprocess over a production database file: the in-memory test database locks whole tables
across connections.
"""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from django.db import connection

from newsfacts.exports.release import snapshot
from newsfacts.models import Claim
from tests.factories import ClaimFactory
from tests.hardening.conftest import manage


def scenario() -> dict[str, Any]:
    """(count of claims, the first claim's status) before, during and after an editor's write inside a snapshot."""
    claim = ClaimFactory()
    errors: list[str] = []

    def editor() -> None:
        try:
            Claim.objects.filter(pk=claim.pk).update(status="false", rationale="Contradicted by the ministry.")
            ClaimFactory()
        except Exception as error:  # reported to the caller, which asserts there is none
            errors.append(repr(error))
        finally:
            connection.close()

    def state() -> list[Any]:
        return [Claim.objects.count(), Claim.objects.get(pk=claim.pk).status]

    with snapshot():
        before = state()
        thread = threading.Thread(target=editor)
        thread.start()
        thread.join(timeout=60)
        during = state()
    return {"before": before, "during": during, "after": state(), "errors": errors}


EXPECTED = {"before": [1, "unverified"], "during": [1, "unverified"], "after": [2, "false"], "errors": []}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite run; PostgreSQL runs in process below")
def test_an_editors_write_during_an_export_on_sqlite_is_in_none_of_its_reads(sqlite_env):
    script = "import json; from tests.hardening.test_release_snapshot import scenario; print(json.dumps(scenario()))"
    result = manage("shell", "-c", script, env=sqlite_env)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout.decode().strip().splitlines()[-1]) == EXPECTED


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL run; SQLite runs in a subprocess above")
@pytest.mark.django_db(transaction=True)
def test_an_editors_write_during_an_export_on_postgresql_is_in_none_of_its_reads():
    assert scenario() == EXPECTED
