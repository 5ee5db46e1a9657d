"""RSS and Atom feeds (feedparser): each entry that carries its full text becomes a document.

An entry with only a summary and a link is skipped: the article is elsewhere. The entry's title, authors, date and
link, and the feed's title and language, fill the article's metadata.
"""

from __future__ import annotations

import datetime
import html
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from newsfacts.sources import Document, Failed, Item, Metadata, Skipped, read_limited

# A feed holds many articles: it may be this many times the limit of one.
FEED_LIMIT_FACTOR = 20


def _date(entry: Any) -> datetime.date | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.date(moment.tm_year, moment.tm_mon, moment.tm_mday) if moment else None


def _authors(entry: Any) -> str:
    names = [a.get("name", "").strip() for a in entry.get("authors", [])]
    return "; ".join(n for n in names if n) or entry.get("author", "").strip()


def read_feed(path: Path, max_bytes: int) -> Iterator[Item]:
    data = read_limited(path, max_bytes * FEED_LIMIT_FACTOR)
    # A stream, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        reason = f"not a feed ({parsed.bozo_exception})" if parsed.get("bozo") else "the feed has no entries"
        yield Failed(str(path), reason.splitlines()[0], len(data))
        return
    channel = parsed.feed
    site_name = channel.get("title", "")
    language = channel.get("language", "")
    count = len(parsed.entries)
    for number, entry in enumerate(parsed.entries, 1):
        position = len(data) * number // count
        link = entry.get("link", "")
        source = link or f"{path}#entry-{number}"
        contents = [c for c in entry.get("content", []) if c.get("value", "").strip()]
        if not contents:
            yield Skipped(source, "link only (the entry carries no full text)", position)
            continue
        content = max(contents, key=lambda c: len(c["value"]))
        body = content["value"]
        if "html" not in content.get("type", "html"):
            body = "".join(f"<p>{html.escape(block)}</p>" for block in body.split("\n\n"))
        title = entry.get("title", "")
        # The entry's HTML as a page, so that it goes through the same text extraction as any page.
        page = f"<html><head><title>{html.escape(title)}</title></head><body><article>{body}</article></body></html>"
        metadata = Metadata(
            title=title,
            authors=_authors(entry),
            published=_date(entry),
            site_name=site_name,
            url=link,
            language=content.get("language") or language,
        )
        yield Document(source, page.encode(), "html", position, link, None, metadata)
