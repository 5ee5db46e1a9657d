"""An ADBC connection of its own that reads the export's snapshot: the state Django's connection reads.

Opened when the export's read transaction starts, before anything is read, and without pyarrow: the connection and
its snapshot need only the driver manager and the database's driver (their libraries, a few MB), so the formats that
read no Arrow batches (the fixtures, written first) run without pyarrow's ~50 MB in memory; ``reader.ArrowReader``
reads the tables through this connection afterwards.

PostgreSQL: Django's transaction exports its snapshot (``pg_export_snapshot()``), which this connection's
transaction takes (``SET TRANSACTION SNAPSHOT``). SQLite: both connections start reading while a third one holds the
write lock, so no commit lands between them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

# SQLite: the page cache of a connection reading the export, in KB (rows are read once, in order).
READ_CACHE_KB = 256


class AdbcSnapshot:
    """An ADBC connection reading the snapshot of a Django connection's read transaction.

    ADBC's low-level API: its DB-API layer imports much of pyarrow's dataset machinery (~7 MB more at the peak).
    Every statement is closed before the connection.
    """

    def __init__(self, adbc: Any, connection: BaseDatabaseWrapper) -> None:
        self.adbc = adbc
        self.connection = connection
        self.vendor = connection.vendor

    @classmethod
    @contextmanager
    def open(cls, connection: BaseDatabaseWrapper) -> Iterator[AdbcSnapshot | None]:
        """A connection seeing what `connection` sees, or None when it cannot (an in-memory SQLite database, another
        database). `connection` must be in the read transaction of the export and have read nothing yet."""
        if connection.vendor == "postgresql":
            with cls._postgresql(connection) as snapshot:
                yield snapshot
        elif connection.vendor == "sqlite" and not connection.is_in_memory_db():
            with cls._sqlite(connection) as snapshot:
                yield snapshot
        else:
            yield None

    @staticmethod
    @contextmanager
    def _connect(driver: Any, uri: str) -> Iterator[Any]:
        from adbc_driver_manager import AdbcConnection

        with closing(driver.connect(uri)) as database, closing(AdbcConnection(database)) as adbc:
            yield adbc

    @contextmanager
    def statement(self, sql: str, options: dict[str, str] | None = None) -> Iterator[Any]:
        from adbc_driver_manager import AdbcStatement

        with closing(AdbcStatement(self.adbc)) as statement:
            statement.set_options(**(options or {}))
            statement.set_sql_query(sql)
            yield statement

    def execute(self, sql: str) -> None:
        """Run `sql` for its effect; a SELECT starts SQLite's read transaction, with no result read into Arrow."""
        with self.statement(sql) as statement:
            statement.execute_update()

    @classmethod
    @contextmanager
    def _postgresql(cls, connection: BaseDatabaseWrapper) -> Iterator[AdbcSnapshot]:
        import adbc_driver_postgresql
        from psycopg.conninfo import make_conninfo

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            (exported,) = cursor.fetchone()
        info = connection.connection.info
        with cls._connect(adbc_driver_postgresql, make_conninfo(info.dsn, password=info.password)) as adbc:
            snapshot = cls(adbc, connection)
            snapshot.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                snapshot.execute(connection.ops.compose_sql("SET TRANSACTION SNAPSHOT %s", [exported]))
                yield snapshot
            finally:
                snapshot.execute("ROLLBACK")

    @classmethod
    @contextmanager
    def _sqlite(cls, connection: BaseDatabaseWrapper) -> Iterator[AdbcSnapshot]:
        import adbc_driver_sqlite

        path = str(connection.settings_dict["NAME"])
        timeout = connection.settings_dict["OPTIONS"].get("timeout", 5)
        with ExitStack() as stack:
            adbc = stack.enter_context(cls._connect(adbc_driver_sqlite, path))
            adbc.set_autocommit(False)
            stack.callback(adbc.rollback)
            snapshot = cls(adbc, connection)
            snapshot.execute(f"PRAGMA cache_size = -{READ_CACHE_KB}")
            # Both connections start reading while this one holds the write lock, so no commit lands between them.
            with closing(sqlite3.connect(path, timeout=timeout)) as gate:
                gate.execute("BEGIN IMMEDIATE")
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM sqlite_master")
                snapshot.execute("SELECT count(*) FROM sqlite_master")
                gate.rollback()
            yield snapshot
