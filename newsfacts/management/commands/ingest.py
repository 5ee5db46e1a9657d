"""`manage.py ingest PATH [PATH ...]`: store articles from text files, web pages, web archives (WARC) and feeds.

Worker processes turn pages into articles (text, metadata, language, extraction); this process alone writes, one
transaction per article, in input order, so the result is the same whatever the number of workers. A page already
stored (same sha256) is skipped before any work, which makes a rerun after Ctrl-C or a crash resume where it stopped.
"""

from __future__ import annotations

import collections
import datetime
import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import URLValidator
from pebble import ProcessExpired, ProcessPool
from tqdm import tqdm

from newsfacts.ingestion import ArticleRows, IngestError, article_rows, store
from newsfacts.models import Article
from newsfacts.sources import Document, Failed, Item, Metadata, NoArticle, Skipped, expand, kind_of, read_paths
from newsfacts.sources import total_size as input_size
from newsfacts.sources.pages import prepare, warm_up

# Pages looked up in the database at once to skip those already stored.
LOOKUP_BATCH = 200
# Documents in flight: enough to keep the workers busy while the writer stores, few enough to stay small. The same
# window for any number of workers up to 8, so that what counts as a duplicate does not depend on it.
IN_FLIGHT = 32
IN_FLIGHT_PER_WORKER = 4
# How much lower the workers' scheduling priority is than the writer's (see `_start_worker`).
WORKER_NICENESS = 5


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, got {value!r}") from None


def _workers(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise CommandError(f"--workers must be a whole number of at least 1, got {value!r}")
    return number


def prepare_rows(document: Document, *, max_bytes: int, given: Metadata, publisher: str) -> ArticleRows:
    """What a worker does: the document's article as rows ready to store (no database)."""
    prepared = prepare(document, max_bytes=max_bytes, given=given)
    metadata = prepared.metadata
    return article_rows(
        prepared.text,
        title=metadata.title,
        publisher=publisher,
        url=metadata.url,
        published=metadata.published,
        language=metadata.language,
        extraction=prepared.extraction,
        authors=metadata.authors,
        site_name=metadata.site_name,
        source=document.source,
        page_sha256=document.page_sha256,
        fetched_at=document.fetched_at,
    )


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the writer stops the workers, they must not die half way on their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The writer is the one serial stage: with fair shares among N workers and itself on N cores it would get less
    # than the core it needs, and every worker would wait on it. The workers take what it leaves.
    os.nice(WORKER_NICENESS)


class _Inline:
    """One worker: prepare each document here, as it is scheduled (the same results, without processes)."""

    def schedule(self, function: Callable[..., ArticleRows], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Future:
        future: Future = Future()
        try:
            future.set_result(function(*args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def stop(self) -> None:
        pass

    def join(self) -> None:
        pass


@dataclass
class Tally:
    stored: int = 0
    not_extracted: int = 0
    already: int = 0
    skipped: collections.Counter[str] = field(default_factory=collections.Counter)
    failed: list[str] = field(default_factory=list)

    def line(self, files: int) -> str:
        names = f" ({', '.join(self.failed[:10])}{', ...' if len(self.failed) > 10 else ''})" if self.failed else ""
        plural = "s" if files != 1 else ""
        line = f"{files} file{plural}: {self.stored} stored, {self.already} already stored, {len(self.failed)} failed"
        line += names
        if self.skipped:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            line += f"; {self.skipped.total()} skipped ({reasons})"
        if self.not_extracted:
            line += f"; {self.not_extracted} of those stored are not in English and were not extracted"
        return line


class Command(BaseCommand):
    help = (
        "Ingest news articles: UTF-8 text files, saved web pages (.html), web archives (.warc, .warc.gz), RSS/Atom "
        "feeds, folders of them, or - for stdin. Each is stored with its metadata, sentences, speakers, quotes and "
        "claims in one transaction; articles not in English are stored without extraction. The same page or text is "
        "never stored twice, so running the same command again resumes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A file, a folder, or - for stdin.")
        parser.add_argument("--title", default="", help="Article title (single article only).")
        parser.add_argument("--publisher", default="", help="Publisher, e.g. AFP.")
        parser.add_argument("--url", default="", help="Canonical URL of the article (single article only).")
        parser.add_argument("--published", type=_date, default=None, help="Publication date, YYYY-MM-DD.")
        parser.add_argument(
            "--language",
            default="",
            help="BCP 47 language tag of every article. Default: text files are English; pages say (html lang), "
            "else it is detected from the text.",
        )
        parser.add_argument(
            "--workers",
            type=_workers,
            default=os.cpu_count() or 1,
            help="Worker processes that extract (default: the number of cores); one process writes.",
        )

    def handle(self, *args: Any, paths: list[str], **options: Any) -> None:
        self._check_options(options)
        try:
            files = expand(paths)
        except IngestError as exc:
            raise CommandError(str(exc)) from None
        if files.count(None) > 1:
            raise CommandError("stdin (-) can be given only once")
        single = len(files) == 1 and (files[0] is None or kind_of(files[0]) in ("text", "html"))
        if not single and (options["title"] or options["url"]):
            raise CommandError("--title and --url name one article: give a single text or HTML file with them")
        given = Metadata(
            title=options["title"], url=options["url"], published=options["published"], language=options["language"]
        )
        self.publisher: str = options["publisher"]
        self.verbosity: int = options["verbosity"]
        # One file: its failure is the command's one-line error, not a line of its own.
        self.single = single
        items = read_paths(files, settings.NEWSFACTS_MAX_ARTICLE_BYTES)
        workers = 1 if single else options["workers"]
        tally = Tally()
        progress = tqdm(
            total=input_size(files),
            unit="B",
            unit_scale=True,
            disable=single or not sys.stderr.isatty(),
            file=sys.stderr,
            bar_format="{l_bar}{bar}| {n_fmt}B/{total_fmt}B read [{elapsed}<{remaining}]{postfix}",
        )
        try:
            self._run(items, given, workers, tally, progress)
        except KeyboardInterrupt:
            progress.close()
            raise CommandError(
                f"interrupted; every stored article is whole. {tally.line(len(files))}. "
                "Run the same command again to resume."
            ) from None
        progress.close()
        if single and tally.failed:
            raise CommandError(self.last_failure)
        if tally.failed:
            raise CommandError(tally.line(len(files)))
        if not single:
            self.stdout.write(tally.line(len(files)))

    def _check_options(self, options: dict[str, Any]) -> None:
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

    def _run(self, items: Iterator[Item], given: Metadata, workers: int, tally: Tally, progress: tqdm) -> None:
        """Schedule documents on the workers and store their results in input order."""
        pool: ProcessPool | _Inline = _Inline()
        if workers > 1:
            warm_up()
            # The workers share this process's memory until they write to it: a collection walking every object
            # would (the documented use of gc.freeze before fork).
            gc.freeze()
            pool = ProcessPool(
                max_workers=workers, initializer=_start_worker, context=multiprocessing.get_context("fork")
            )
        pending: collections.deque[tuple[Item, Future | None]] = collections.deque()
        in_flight: collections.Counter[str] = collections.Counter()
        window = max(IN_FLIGHT, workers * IN_FLIGHT_PER_WORKER)
        options = {"max_bytes": settings.NEWSFACTS_MAX_ARTICLE_BYTES, "given": given, "publisher": self.publisher}
        try:
            while batch := list(islice(items, LOOKUP_BATCH)):
                hashes = {item.page_sha256 for item in batch if isinstance(item, Document)}
                stored = set(Article.objects.filter(page_sha256__in=hashes).values_list("page_sha256", flat=True))
                written: set[str] = set()
                for item in batch:
                    future = None
                    if isinstance(item, Document):
                        digest = item.page_sha256
                        if digest in stored or digest in written:
                            item = Skipped(item.source, "already stored", item.position)
                        elif in_flight[digest]:
                            item = Skipped(item.source, "duplicate of a page earlier in the input", item.position)
                        else:
                            in_flight[digest] += 1
                            future = pool.schedule(prepare_rows, args=(item,), kwargs=options)
                    pending.append((item, future))
                    while len(pending) > window:
                        written |= self._write(*pending.popleft(), in_flight, tally, progress)
            while pending:
                self._write(*pending.popleft(), in_flight, tally, progress)
        finally:
            pool.stop()
            pool.join()

    def _write(
        self, item: Item, future: Future | None, in_flight: collections.Counter[str], tally: Tally, progress: tqdm
    ) -> set[str]:
        """Store one document's article (or report why not); the page hashes it stored."""
        progress.update(max(0, item.position - progress.n))
        if isinstance(item, Skipped):
            if item.reason == "already stored":
                tally.already += 1
                self._say(f"{item.source}: already stored (same page sha256); nothing written")
            else:
                tally.skipped[item.reason.split(" (")[0]] += 1
                self._say(f"{item.source}: skipped: {item.reason}")
            return set()
        if isinstance(item, Failed):
            self._fail(item.source, item.reason, tally)
            return set()
        assert future is not None
        digest = item.page_sha256
        try:
            rows: ArticleRows = future.result()
        except NoArticle as exc:
            tally.skipped["no article"] += 1
            self._say(f"{item.source}: skipped: {exc}")
            return set()
        except ProcessExpired as exc:  # an OSError: before them
            self._fail(item.source, f"the worker crashed (exit code {exc.exitcode}) on this page", tally)
            return set()
        except (IngestError, OSError) as exc:
            self._fail(item.source, str(exc), tally)
            return set()
        except Exception as exc:  # a bug in the pipeline on this page: that page's error, the rest go on
            self._fail(item.source, f"extraction failed: {type(exc).__name__}: {exc}", tally)
            return set()
        finally:
            in_flight[digest] -= 1
            if not in_flight[digest]:
                del in_flight[digest]
        result = store(rows)
        if not result.created:
            tally.already += 1
        elif not result.article.pipeline_version:
            tally.stored += 1
            tally.not_extracted += 1
        else:
            tally.stored += 1
        rate = tally.stored / max(progress.format_dict["elapsed"], 1e-9)
        progress.set_postfix_str(f"{tally.stored} articles, {rate:.1f} articles/s")
        self._say(f"{item.source}: {result.summary()}")
        return {digest}

    def _say(self, line: str) -> None:
        if self.verbosity >= 1:
            tqdm.write(line, file=self.stdout._out)

    def _fail(self, source: str, reason: str, tally: Tally) -> None:
        reason = reason.splitlines()[0] if reason else "unknown error"
        tally.failed.append(source)
        self.last_failure = f"{source}: {reason}"
        if self.verbosity >= 1 and not self.single:
            tqdm.write(f"{source}: FAILED: {reason}", file=self.stderr._out)
