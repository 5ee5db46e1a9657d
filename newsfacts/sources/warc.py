"""Web archives (WARC, and the older ARC; gzipped or not), read record by record with warcio: never whole in memory.

Every HTML response becomes a document with the URL and fetch date from the record's headers; other records are
counted as skipped (not HTML, a revisit of a page already archived, an HTTP error); request, metadata and warcinfo
records are not pages and are passed over. A corrupt archive ends with a `Failed` note; what came before it stays.
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsfacts.sources import Document, Failed, Item, Skipped

HTML_TYPES = ("text/html", "application/xhtml+xml")
ARC_SUFFIXES = (".arc", ".arc.gz")


def _fetched_at(value: str | None) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """The archive's documents and skipped records, in archive order; `position` is the offset read so far."""
    records = 0
    arc = path.name.lower().endswith(ARC_SUFFIXES)
    size = path.stat().st_size
    with path.open("rb") as file:
        # ARC records are read as WARC ones; in a WARC file, a record read as ARC is garbage that looked like one.
        iterator = ArchiveIterator(file, arc2warc=arc)
        try:
            for record in iterator:
                if not arc and record.format != "warc":
                    raise ArchiveLoadFailed("a record is not in WARC format")
                if record.rec_type is None:
                    raise ArchiveLoadFailed("a record is cut short (no headers)")
                item = _item(record, max_bytes, file.tell())
                records += 1
                if item is not None:
                    yield item
            if iterator.offset < size:
                raise ArchiveLoadFailed(f"the last {size - iterator.offset:,} bytes are not a whole record")
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            yield Failed(str(path), f"corrupt archive after {records:,} records: {reason}", file.tell())


def _item(record: Any, max_bytes: int, position: int) -> Item | None:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or ""
    source = url or headers.get_header("WARC-Record-ID") or "record"
    if record.rec_type == "revisit":
        return Skipped(source, "duplicate (a revisit of a page already archived)", position)
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and status != "200":
            return Skipped(source, f"HTTP status {status}", position)
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return Skipped(source, f"not HTML ({content_type.split(';')[0].strip() or 'no content type'})", position)
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failed(source, f"page is over the limit of {max_bytes:,} bytes", position)
    if record.raw_stream.limit:
        # Fewer bytes than the record's Content-Length: the archive ends inside this page.
        raise ArchiveLoadFailed(f"the record of {url or source} is cut short")
    fetched = _fetched_at(headers.get_header("WARC-Date"))
    return Document(source, data, "html", position, url, fetched)
