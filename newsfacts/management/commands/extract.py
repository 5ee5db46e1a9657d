"""`manage.py extract PATH --json`: run the extraction pipeline without touching the database.

It reads what `ingest` reads: a text file (or stdin) prints the pipeline's output for that text; a web page, a web
archive, a feed or a folder prints, for each page that holds an article, its text and metadata with the pipeline's
output, whose offsets point into that text. Nothing is stored, so nothing is skipped as already stored.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsfacts.extraction.pipeline import extract
from newsfacts.ingestion import NOTHING, IngestError, read_article
from newsfacts.sources import Document, Failed, NoArticle, expand, kind_of, read_paths
from newsfacts.sources.pages import Prepared, prepare


def page_json(document: Document, prepared: Prepared) -> dict[str, Any]:
    """What `extract` prints for an article read from a page: its source, text and metadata, then the extraction."""
    metadata = prepared.metadata
    return {
        "source": document.source,
        "title": metadata.title,
        "authors": metadata.authors,
        "published": metadata.published.isoformat() if metadata.published else None,
        "site_name": metadata.site_name,
        "url": metadata.url,
        "language": metadata.language,
        "extracted": prepared.extraction is not None,  # not in the pipeline's language: nothing extracted
        "text": prepared.text,
        **(prepared.extraction or NOTHING).as_json(),
    }


class Command(BaseCommand):
    help = (
        "Print what the pipeline finds, writing nothing. A text file (or - for stdin): one JSON document. A web page, "
        "a web archive (WARC), a feed or a folder: each article's text, metadata and extraction, one JSON document a "
        "line for more than one page."
    )
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", metavar="PATH", help="A file (text, .html, .warc[.gz], feed), a folder, or - for stdin."
        )
        parser.add_argument("--json", action="store_true", help="Print JSON (the only output format, and the default).")
        parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2; 0 for one line).")

    def handle(self, *args: Any, path: str, indent: int, **options: Any) -> None:
        try:
            files = expand([path])
            if len(files) == 1 and (files[0] is None or kind_of(files[0]) == "text"):
                text = read_article(files[0])
                self._print(extract(text).as_json(), indent)
                return
        except (IngestError, OSError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        several = len(files) > 1 or kind_of(files[0]) in ("warc", "feed")  # type: ignore[arg-type]
        for item in read_paths(files, settings.NEWSFACTS_MAX_ARTICLE_BYTES):
            if isinstance(item, Failed):
                raise CommandError(f"{item.source}: {item.reason}")
            if not isinstance(item, Document):
                continue  # a record that holds no page (an image, a revisit, a link-only entry)
            try:
                prepared = prepare(item, max_bytes=settings.NEWSFACTS_MAX_ARTICLE_BYTES)
            except NoArticle as exc:
                if not several:
                    raise CommandError(f"{item.source}: {exc}") from None
                continue
            except IngestError as exc:
                raise CommandError(f"{item.source}: {exc}") from None
            self._print(page_json(item, prepared), 0 if several else indent)

    def _print(self, document: dict[str, Any], indent: int) -> None:
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent or None))
