"""`manage.py extract PATH --json`: run the extraction pipeline without touching the database."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsfacts.extraction.pipeline import extract
from newsfacts.ingestion import IngestError, read_article


class Command(BaseCommand):
    help = "Print what the pipeline finds in one article (file or - for stdin) as one JSON document; writes nothing."
    requires_migrations_checks = False
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH", help="A UTF-8 text file, or - for stdin.")
        parser.add_argument("--json", action="store_true", help="Print JSON (the only output format, and the default).")
        parser.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2; 0 for one line).")

    def handle(self, *args, path: str, indent: int, **options) -> None:
        try:
            text = read_article(None if path == "-" else Path(path))
        except (IngestError, OSError) as exc:
            raise CommandError(f"{path}: {exc}") from None
        document = extract(text).as_json()
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=indent or None))
