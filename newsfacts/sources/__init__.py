"""Where articles come from: text files, saved web pages, web archives (WARC) and feeds, read as a stream.

Plain Python (no Django), so worker processes can use it. A reader yields a `Document` for each page (its raw bytes
and what its container says about it), a `Skipped` note for a record that holds no article, and a `Failed` note for
input that cannot be read; `read_paths` picks the reader for each path. `newsfacts.sources.pages.prepare` turns a
document into the article text, its metadata and, in the pipeline's language, its extraction.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


class IngestError(Exception):
    """The input cannot be ingested; the message says why in one line."""


class NoArticle(IngestError):
    """The page holds no article text (an index page, an empty page): skipped, not an error."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text; empty values are unknown."""

    title: str = ""
    authors: str = ""  # names separated by "; "
    published: datetime.date | None = None
    site_name: str = ""
    url: str = ""
    language: str = ""  # BCP 47 tag

    def or_else(self, fallback: Metadata) -> Metadata:
        """These values, with the fallback's where these are empty."""
        names = (f.name for f in dataclasses.fields(self))
        return Metadata(**{name: getattr(self, name) or getattr(fallback, name) for name in names})


@dataclass(frozen=True, slots=True)
class Document:
    """One page as read: its bytes and what the file, archive record or feed entry says about it."""

    source: str  # the file as given, or the URL the page was fetched from
    data: bytes
    kind: Literal["text", "html"]
    position: int = 0  # bytes of the input read once this document is (for progress)
    url: str = ""  # where the page was fetched from; its own canonical URL, when it gives one, wins
    fetched_at: datetime.datetime | None = None
    metadata: Metadata = field(default_factory=Metadata)  # what a feed entry declares: it wins over the page

    @property
    def page_sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record or entry that holds no article (not HTML, a duplicate, a link without text)."""

    source: str
    reason: str
    position: int = 0


@dataclass(frozen=True, slots=True)
class Failed:
    """Input that cannot be read (a missing file, a corrupt archive, a page over the size limit)."""

    source: str
    reason: str
    position: int = 0


Item = Document | Skipped | Failed

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES

Kind = Literal["text", "html", "warc", "feed"]


def kind_of(path: Path) -> Kind:
    """The kind of input a file holds: by its name, else by its first bytes."""
    name = path.name.lower()
    for suffixes, kind in (
        (WARC_SUFFIXES, "warc"),
        (HTML_SUFFIXES, "html"),
        (FEED_SUFFIXES, "feed"),
        (TEXT_SUFFIXES, "text"),
    ):
        if name.endswith(suffixes):
            return kind  # type: ignore[return-value]
    with path.open("rb") as file:
        head = file.read(1024).lstrip().lower()
    if head.startswith((b"warc/", b"\x1f\x8b")):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    return "text"


def expand(paths: list[str]) -> list[Path | None]:
    """Files to read, folders expanded into the files they hold that we can read (sorted); None stands for stdin."""
    files: list[Path | None] = []
    for raw in paths:
        if raw == "-":
            files.append(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
            if not found:
                raise IngestError(f"{raw}: folder holds no text, HTML, WARC or feed files ({', '.join(SUFFIXES)})")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise IngestError(f"{raw}: no such file or folder")
    return files


def read_limited(path: Path | None, max_bytes: int) -> bytes:
    """The bytes of a file (None: stdin), refused before reading when over the limit."""
    if path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"input is over the limit of {max_bytes:,} bytes")
        return data
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"input is {size:,} bytes, over the limit of {max_bytes:,} bytes")
    with path.open("rb") as file:
        # At most one byte past the limit, in case the file grew since stat().
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(f"input is over the limit of {max_bytes:,} bytes")
    return data


def read_paths(files: list[Path | None], max_bytes: int) -> Iterator[Item]:
    """Every document in the files, in order, one at a time; `position` counts bytes across all files."""
    from newsfacts.sources import feed, warc

    offset = 0
    for path in files:
        name = "stdin" if path is None else str(path)
        try:
            kind: Kind = "text" if path is None else kind_of(path)
            if kind == "warc":
                assert path is not None
                for item in warc.read_warc(path, max_bytes):
                    yield dataclasses.replace(item, position=offset + item.position)
            elif kind == "feed":
                assert path is not None
                for item in feed.read_feed(path, max_bytes):
                    yield dataclasses.replace(item, position=offset + item.position)
            else:
                data = read_limited(path, max_bytes)
                yield Document(source=name, data=data, kind=kind, position=offset + len(data))
        except (IngestError, OSError) as exc:
            yield Failed(name, str(exc).splitlines()[0] if str(exc) else type(exc).__name__, offset)
        offset += path.stat().st_size if path is not None and path.exists() else 0


def total_size(files: list[Path | None]) -> int | None:
    """Bytes to read in all (None when stdin is among them: its length is unknown)."""
    if any(path is None for path in files):
        return None
    return sum(path.stat().st_size for path in files if path is not None)
