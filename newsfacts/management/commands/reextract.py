"""`manage.py reextract [--article ID ...] [--since DATE] [--dry-run]`: bring stored articles up to the pipeline."""

from __future__ import annotations

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from newsfacts.extraction.version import pipeline_version
from newsfacts.models import Article
from newsfacts.reextraction import reextract_article


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since must be a date as YYYY-MM-DD, got {value!r}") from None


def _article_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise CommandError(f"--article takes article ids (whole numbers), got {value!r}") from None
    if number < 1:
        raise CommandError(f"--article takes article ids (whole numbers from 1), got {value!r}")
    return number


class Command(BaseCommand):
    help = (
        "Re-extract stored articles with the current pipeline: machine output no editor touched is updated (same id "
        "when the span is unchanged), added or removed; editors' items stay exactly as they are. One transaction per "
        "article; safe to run twice."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--article", type=_article_id, nargs="+", default=[], metavar="ID", help="Only these.")
        parser.add_argument("--since", type=_date, default=None, help="Only articles ingested on or after YYYY-MM-DD.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; write nothing.")

    def handle(self, *args, article: list[int], since: datetime.date | None, dry_run: bool, **options) -> None:
        articles = Article.objects.order_by("id").only("id")
        if article:
            missing = sorted(set(article) - set(Article.objects.filter(pk__in=article).values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"no article with id {', '.join(map(str, missing))}")
            articles = articles.filter(pk__in=article)
        if since is not None:
            start = datetime.datetime.combine(since, datetime.time.min, tzinfo=datetime.UTC)
            articles = articles.filter(ingested_at__gte=start)
        ids = list(articles.values_list("pk", flat=True))
        version = pipeline_version()
        changed = 0
        progress = tqdm(ids, unit="article", disable=not sys.stderr.isatty(), file=sys.stderr)
        for pk in progress:
            result = reextract_article(Article(pk=pk), dry_run=dry_run)
            changed += result.changed
            progress.write(result.summary(), file=self.stdout._out)
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"{len(ids)} articles, pipeline {version}: {changed} {verb}, {len(ids) - changed} unchanged")
