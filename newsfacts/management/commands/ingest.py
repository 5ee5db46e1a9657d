"""`manage.py ingest PATH [PATH ...]`: store articles with their sentences, speakers, quotes and claims."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import URLValidator
from tqdm import tqdm

from newsfacts.ingestion import IngestError, ingest_text, read_article
from newsfacts.models import Article


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, got {value!r}") from None


def _files(paths: list[str]) -> list[Path | None]:
    """Expand folders into their .txt files (sorted); None stands for stdin."""
    files: list[Path | None] = []
    for raw in paths:
        if raw == "-":
            files.append(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise CommandError(f"{raw}: folder holds no .txt files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder")
    return files


class Command(BaseCommand):
    help = (
        "Ingest news articles (UTF-8 text files, folders of .txt files, or - for stdin): store each with its "
        "sentences, speakers, quotes and claims, in one transaction per article. The same text is never stored twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A text file, a folder, or - for stdin.")
        parser.add_argument("--title", default="", help="Article title (single article only).")
        parser.add_argument("--publisher", default="", help="Publisher, e.g. AFP.")
        parser.add_argument("--url", default="", help="Canonical URL of the article (single article only).")
        parser.add_argument("--published", type=_date, default=None, help="Publication date, YYYY-MM-DD.")
        parser.add_argument("--language", default="en", help="BCP 47 language tag (default: en).")

    def handle(self, *args, paths: list[str], **options) -> None:
        files = _files(paths)
        if len(files) > 1 and (options["title"] or options["url"]):
            raise CommandError("--title and --url name one article: give a single PATH with them")
        if options["url"]:
            try:
                URLValidator(schemes=["http", "https"])(options["url"])
            except ValidationError:
                raise CommandError(f"--url is not a valid http(s) URL: {options['url']!r}") from None
        for name in ("title", "publisher", "url", "language"):
            # PostgreSQL would refuse an over-long value with a traceback half way; SQLite would store it.
            limit = Article._meta.get_field(name).max_length
            if len(options[name]) > limit:
                raise CommandError(f"--{name} is {len(options[name]):,} characters, over the limit of {limit:,}")
        if files.count(None) > 1:
            raise CommandError("stdin (-) can be given only once")
        if len(files) == 1:
            self._ingest_one(files[0], options)
            return
        self._ingest_many(files, options)

    def _read(self, path: Path | None) -> str:
        return read_article(path)

    def _store(self, path: Path | None, options: dict) -> str:
        result = ingest_text(
            self._read(path),
            title=options["title"],
            publisher=options["publisher"],
            url=options["url"],
            published=options["published"],
            language=options["language"],
        )
        return result.summary()

    def _ingest_one(self, path: Path | None, options: dict) -> None:
        name = "stdin" if path is None else str(path)
        try:
            message = self._store(path, options)
        except (IngestError, OSError) as exc:
            raise CommandError(f"{name}: {exc}") from None
        self.stdout.write(f"{name}: {message}")

    def _ingest_many(self, files: list[Path | None], options: dict) -> None:
        failed: list[str] = []
        stored = existing = 0
        progress = tqdm(files, unit="article", disable=not sys.stderr.isatty(), file=sys.stderr)
        for path in progress:
            name = "stdin" if path is None else str(path)
            try:
                message = self._store(path, options)
            except (IngestError, OSError) as exc:
                failed.append(name)
                progress.write(f"{name}: FAILED: {exc}", file=self.stderr._out)
                continue
            if message.startswith("already"):
                existing += 1
            else:
                stored += 1
            progress.write(f"{name}: {message}", file=self.stdout._out)
        summary = f"{len(files)} files: {stored} stored, {existing} already stored, {len(failed)} failed"
        if failed:
            raise CommandError(f"{summary} ({', '.join(failed)})")
        self.stdout.write(summary)
