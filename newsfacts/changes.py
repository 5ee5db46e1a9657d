"""The dataset's version: a counter the database itself bumps on every write to what the API shows.

Triggers on articles, sentences, speakers, quotes, claims and user names increment one row, so every way of writing
(the admin, the API, ``ingest``, ``loaddata``, ``QuerySet.update()``, raw SQL) changes it. The API's list ETags are
made from it: a client's ``If-None-Match`` is answered by reading one integer, and a cached page is keyed by it.

- SQLite: a row trigger per table (SQLite serialises writers, so the counter row costs no waiting).
- PostgreSQL: a deferred constraint trigger that bumps the counter once per transaction, at commit: the row lock is
  held for microseconds, and the new version becomes visible together with the data it describes.
"""

from __future__ import annotations

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "newsfacts_dataset_version"
# The tables whose rows the API shows; for the users' table only the name a review shows.
WATCHED = {
    "newsfacts_article": (),
    "newsfacts_sentence": (),
    "newsfacts_speaker": (),
    "newsfacts_quote": (),
    "newsfacts_claim": (),
    "auth_user": ("username",),
}
_PG_FUNCTION = "newsfacts_bump_dataset_version"


def _sqlite_statements() -> list[str]:
    statements = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)",
        f"INSERT OR IGNORE INTO {TABLE} (id, version) VALUES (1, 0)",
    ]
    bump = f"UPDATE {TABLE} SET version = version + 1 WHERE id = 1;"
    for table, columns in WATCHED.items():
        update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
        for event in ("INSERT", "DELETE", update):
            name = f"{table}_version_{event.split()[0].lower()}"
            statements.append(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN {bump} END")
    return statements


def _postgresql_statements() -> list[str]:
    statements = [
        f"CREATE TABLE IF NOT EXISTS {TABLE} (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)",
        f"INSERT INTO {TABLE} (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING",
        f"""CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('newsfacts.version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
                PERFORM set_config('newsfacts.version_bumped', txid_current()::text, true);
                UPDATE {TABLE} SET version = version + 1 WHERE id = 1;
            END IF;
            RETURN NULL;
        END $$""",
    ]
    for table, columns in WATCHED.items():
        update = f"UPDATE OF {', '.join(columns)}" if columns else "UPDATE"
        name = f"{table}_version"
        statements += [
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
            f"CREATE CONSTRAINT TRIGGER {name} AFTER INSERT OR DELETE OR {update} ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {_PG_FUNCTION}()",
        ]
    return statements


def install(using: BaseDatabaseWrapper | None = None) -> None:
    """Create the counter and its triggers (idempotent), and bump the version: writes may have gone uncounted."""
    using = using or connection
    statements = {"sqlite": _sqlite_statements, "postgresql": _postgresql_statements}.get(using.vendor)
    if statements is None:
        return
    with using.cursor() as cursor:
        for statement in statements():
            cursor.execute(statement)
        cursor.execute(f"UPDATE {TABLE} SET version = version + 1 WHERE id = 1")


def uninstall(using: BaseDatabaseWrapper | None = None) -> None:
    drop_triggers(using)
    using = using or connection
    with using.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def drop_triggers(using: BaseDatabaseWrapper | None = None) -> None:
    """Stop counting writes (a bulk load, which bumps the version once when ``install()`` puts them back)."""
    using = using or connection
    with using.cursor() as cursor:
        if using.vendor == "postgresql":
            for table in WATCHED:
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_version ON {table}")
        elif using.vendor == "sqlite":
            for table in WATCHED:
                for event in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_version_{event}")


def repair(using: BaseDatabaseWrapper | None = None) -> None:
    """On SQLite, put back the triggers a table rebuild dropped, once the counter exists (and bump it)."""
    using = using or connection
    if using.vendor != "sqlite" or TABLE not in using.introspection.table_names():
        return
    install(using)


def current_version(using: BaseDatabaseWrapper | None = None) -> int:
    """The dataset's version now (committed writes only, on PostgreSQL)."""
    using = using or connection
    with using.cursor() as cursor:
        cursor.execute(f"SELECT version FROM {TABLE} WHERE id = 1")
        return int(cursor.fetchone()[0])
