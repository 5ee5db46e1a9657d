"""``datapackage.json``: the Frictionless Data Package that describes a release.

Every file is a resource with its size and sha256; the flat tables carry a Table Schema with types, primary and
foreign keys, whatever their format. A database file holding several tables (``newsfacts.sqlite``) also gets a
resource for each table, naming it with a Table Dialect's ``table`` property (Data Package v2) beside its schema.
The package holds what varies between two exports of the same data: its version, the time it was created and the
filters that made it; the data files hold none of it, so they stay byte-identical.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.values import iso_datetime

FILENAME = "datapackage.json"
PACKAGE_NAME = "newsfacts"

MEDIA_TYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "json": "application/json",
    "jsonld": "application/ld+json",
    "parquet": "application/vnd.apache.parquet",
    "sqlite": "application/vnd.sqlite3",
    "md": "text/markdown",
}

# Files that are not tables Frictionless reads (it would need their own plugins): described as plain files, with the
# schema of the table they hold for the reader.
BINARY_FORMATS = frozenset({"parquet", "sqlite"})

# Licences a release is commonly published under, with the URL of their text (SPDX ids).
KNOWN_LICENCES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
}

CSV_DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True, "header": True}


@dataclass
class ReleaseFile:
    """A file written into a release, and what it took to write it."""

    path: str
    format: str
    title: str
    description: str
    schema: dict[str, Any] | None = None
    rows: int = 0
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)
    # The flat table it holds, if any.
    table: str = ""
    # The schemas of the tables a database file holds, by table name.
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def resource_name(self) -> str:
        stem, _, suffix = self.path.rpartition(".")
        return f"{stem}-{suffix}".lower()


def sha256_of(path: Path) -> str:
    # file_digest reads into one reused 256 KB buffer: reading 1 MB blocks held two of them at a time, fresh pages
    # each, ~2 MB at the end of a release (bench/export_speed.py).
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def licence(name: str) -> dict[str, str]:
    title, url = KNOWN_LICENCES.get(name, (name, ""))
    descriptor = {"name": name, "title": title}
    if url:
        descriptor["path"] = url
    return descriptor


def _is_empty_json_lines(root: Path, file: ReleaseFile) -> bool:
    return file.format == "jsonl" and (root / file.path).stat().st_size == 0


def resource(root: Path, file: ReleaseFile, *, unreadable: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The resource of one file; foreign keys to the `unreadable` resources are left out."""
    path = root / file.path
    descriptor: dict[str, Any] = {
        "name": file.resource_name,
        "path": file.path,
        "title": file.title,
        "description": file.description,
        "format": file.format,
        "mediatype": MEDIA_TYPES[file.format],
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{sha256_of(path)}",
    }
    if file.format in BINARY_FORMATS or file.format == "md":
        descriptor["type"] = "file"
        if file.schema is not None:
            descriptor["schema"] = file.schema
    elif file.schema is not None and file.resource_name in unreadable:
        # Frictionless cannot read an empty JSON lines file as a table (it fails the whole package), so an empty
        # one is described as a plain file; its columns are those of the CSV of the same table.
        descriptor["type"] = "file"
        descriptor["description"] += " Empty in this release."
    elif file.schema is not None:
        schema = dict(file.schema)
        foreign_keys = [fk for fk in schema.get("foreignKeys", []) if fk["reference"]["resource"] not in unreadable]
        schema.pop("foreignKeys", None)
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        descriptor["profile"] = "tabular-data-resource"
        descriptor["schema"] = schema
        if file.format == "csv":
            descriptor["dialect"] = CSV_DIALECT
    descriptor.update(file.extra)
    return descriptor


def table_resources(file: ReleaseFile) -> list[dict[str, Any]]:
    """A resource for each table of a database file: the file's path, the table's name and schema (no size or hash:
    the file's own resource carries them)."""
    return [
        {
            "name": f"{table}-{file.format}",
            "path": file.path,
            "title": f"{file.title}: {table}",
            "description": f"The {table} table of {file.path}.",
            "format": file.format,
            "mediatype": MEDIA_TYPES[file.format],
            "type": "file",
            "dialect": {"table": table},
            "schema": schema,
        }
        for table, schema in file.tables.items()
    ]


def describe(
    root: Path,
    files: list[ReleaseFile],
    *,
    version: str,
    created: datetime.datetime,
    filters: dict[str, list[str]],
    licence_name: str,
    publishers: list[str],
    homepage: str,
    organisation: str,
    since: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The data package descriptor of the files written under `root`."""
    sources = [{"title": publisher} for publisher in publishers] or [{"title": organisation, "path": homepage}]
    unreadable = frozenset(file.resource_name for file in files if _is_empty_json_lines(root, file))
    package: dict[str, Any] = {
        "name": PACKAGE_NAME,
        "title": "newsfacts: sentences, quotes, speakers and check-worthy claims of news articles",
        "description": (
            "Articles with their sentences, the quotes and claims found in them, the speakers they are attributed "
            "to, and the verification status editors set. Offsets are code point indices into the article text. "
            "The licence covers the annotations; each article's text remains under its publisher's terms "
            "(see its credit line and URL). Reviewers' accounts are not published."
        ),
        "version": version,
        "created": iso_datetime(created.replace(microsecond=0)),
        "homepage": homepage,
        "contributors": [{"title": organisation, "role": "publisher"}],
        "licenses": [licence(licence_name)],
        "sources": sources,
        "filters": filters,
        "resources": [
            described
            for file in files
            for described in (resource(root, file, unreadable=unreadable), *table_resources(file))
        ],
    }
    if since is not None:
        # The earlier release changes.jsonl compares with.
        package["since"] = {"version": since["version"], "created": since["created"]}
    return package
