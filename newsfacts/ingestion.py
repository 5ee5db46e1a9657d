"""Ingestion: store an article's text and metadata with what the extraction pipeline found, in one transaction.

This is the only step of the pipeline that touches models. Reading (`newsfacts.sources`) validates the input (empty,
binary, non-UTF-8, oversized) before anything is written; saving is atomic, so a failure leaves no half-written
article. The same text, or the same page, is never stored twice.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Model, Q, QuerySet, URLField
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from newsfacts import search
from newsfacts.choices import SentenceKind
from newsfacts.extraction import speakers as extracted_speakers
from newsfacts.extraction.claims import Claim as ExtractedClaim
from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.extraction.quotes import Quote as ExtractedQuote
from newsfacts.extraction.sentences import Sentence as ExtractedSentence
from newsfacts.extraction.version import pipeline_version
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.sources import IngestError, read_limited
from newsfacts.sources.language import is_pipeline_language
from newsfacts.sources.pages import decode_text

__all__ = [
    "ArticleRows",
    "IngestError",
    "IngestResult",
    "article_rows",
    "decode_article",
    "ingest_text",
    "read_article",
    "resolve_speakers",
    "store",
]


@dataclass
class IngestResult:
    article: Article
    created: bool
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.created:
            return f"already stored as article {self.article.pk} (same page or text sha256); nothing written"
        if not self.article.pipeline_version:
            return f"stored article {self.article.pk} in language {self.article.language}: not extracted"
        parts = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return f"stored article {self.article.pk}: {parts}"


def decode_article(data: bytes, *, max_bytes: int | None = None) -> str:
    """Decode raw bytes as an article text, or raise IngestError with a one-line reason."""
    return decode_text(data, max_bytes=settings.NEWSFACTS_MAX_ARTICLE_BYTES if max_bytes is None else max_bytes)


def read_article(path: Path | None, *, max_bytes: int | None = None) -> str:
    """Read and decode one article from a file (None: stdin); an oversized file is refused before it is read."""
    limit = settings.NEWSFACTS_MAX_ARTICLE_BYTES if max_bytes is None else max_bytes
    return decode_text(read_limited(path, limit), max_bytes=limit)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The pipeline's output as stored: one declaration of the fields each row fills, for plain rows and models alike.
SENTENCE_FIELDS = ("position", "start", "end", "kind", "text")
QUOTE_FIELDS = ("speaker_description", "text", "start", "end", "kind", "cue", "attribution", "confidence")
CLAIM_FIELDS = ("claimant_description", "text", "start", "end", "kind", "confidence")


def fitted(model: type[Model], name: str, value: str) -> str:
    """A text as its column takes it: pages, feeds and the pipeline can give more than the column holds, which
    PostgreSQL refuses (SQLite would store it). A text is cut at the limit; a URL too long to keep whole is dropped,
    since a cut one points elsewhere."""
    field = model._meta.get_field(name)
    limit = getattr(field, "max_length", None)
    if limit is None or len(value) <= limit:
        return value
    return "" if isinstance(field, URLField) else value[:limit]


def sentence_values(found: ExtractedSentence) -> tuple[Any, ...]:
    return (found.position, found.start, found.end, str(found.kind), found.text)


def quote_values(found: ExtractedQuote) -> tuple[Any, ...]:
    return (
        fitted(Quote, "speaker_description", found.speaker_description),
        found.text,
        found.start,
        found.end,
        str(found.kind),
        fitted(Quote, "cue", found.cue),
        str(found.attribution),
        found.confidence,
    )


def claim_values(found: ExtractedClaim) -> tuple[Any, ...]:
    return (
        fitted(Claim, "claimant_description", found.claimant_description),
        found.text,
        found.start,
        found.end,
        str(found.kind),
        found.confidence,
    )


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """An article ready to store, as plain values built without the database (in a worker process, for `ingest`).

    Storing it is then a few inserts: quotes and claims name their sentence by position and their speaker by name,
    which the writer turns into ids.
    """

    article: dict[str, Any]  # Article fields
    sentences: tuple[tuple[Any, ...], ...]  # SENTENCE_FIELDS
    speakers: tuple[extracted_speakers.Speaker, ...]
    speaker_words: tuple[str, ...]  # what to look stored speakers up by (`speaker_words`)
    quotes: tuple[tuple[int, str | None, tuple[Any, ...]], ...]  # (sentence position, speaker, QUOTE_FIELDS)
    claims: tuple[tuple[int, str | None, tuple[Any, ...]], ...]  # (sentence position, claimant, CLAIM_FIELDS)

    @property
    def extracted(self) -> bool:
        return bool(self.article["pipeline_version"])


def article_rows(
    text: str,
    *,
    title: str = "",
    publisher: str = "",
    url: str = "",
    published: datetime.date | None = None,
    language: str = "en",
    extraction: Extraction | None = None,
    authors: str = "",
    site_name: str = "",
    source: str = "",
    page_sha256: str = "",
    fetched_at: datetime.datetime | None = None,
) -> ArticleRows:
    """The rows of one article, extracted unless its language is one the pipeline does not handle; no database."""
    if not text.strip():
        raise IngestError("input is empty (no text to ingest)")
    extracts = is_pipeline_language(language)
    found = (extraction or extract(text)) if extracts else NOTHING
    credit = next((s.text for s in found.sentences if s.kind == SentenceKind.CREDIT), "")
    article = {
        "title": title,
        "publisher": publisher,
        "url": url,
        "published": published,
        "language": language,
        "credit": credit,
        "authors": authors,
        "site_name": site_name,
        "source": source,
        "page_sha256": page_sha256,
        "fetched_at": fetched_at,
        "text": text,
        "sha256": text_sha256(text),
        "pipeline_version": pipeline_version() if extracts else "",
    }
    article = {name: fitted(Article, name, v) if isinstance(v, str) else v for name, v in article.items()}
    return ArticleRows(
        article=article,
        sentences=tuple(sentence_values(s) for s in found.sentences),
        speakers=found.speakers,
        speaker_words=speaker_words(found.speakers),
        quotes=tuple((q.sentence, q.speaker, quote_values(q)) for q in found.quotes),
        claims=tuple((c.sentence, c.claimant, claim_values(c)) for c in found.claims),
    )


def ingest_text(text: str, **metadata: Any) -> IngestResult:
    """Store one article with its sentences, speakers, quotes and claims; an existing text or page is returned as is.

    Takes `article_rows`' arguments. An article in a language the pipeline does not handle is stored without
    extraction (no pipeline version).
    """
    existing = _stored(text_sha256(text), metadata.get("page_sha256", ""))
    if existing is not None:
        return IngestResult(existing, created=False)
    return store(article_rows(text, **metadata))


def store(rows: ArticleRows) -> IngestResult:
    """Store an article's rows in one transaction; an article with the same text or page is returned as is.

    The database's unique constraints tell whether it is stored already: the insert fails (the common case, a new
    article, costs no query before it).
    """
    digest, page_sha256 = rows.article["sha256"], rows.article["page_sha256"]
    try:
        with transaction.atomic():
            article = Article.objects.create(**rows.article, extracted_at=timezone.now() if rows.extracted else None)
            counts = _insert_extraction(article, rows)
    except IntegrityError:
        existing = _stored(digest, page_sha256)
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    return IngestResult(article, created=True, counts=counts)


NOTHING = Extraction((), (), (), ())
WORD_RE = re.compile(r"\w+")


def _stored(digest: str, page_sha256: str) -> Article | None:
    same = Q(sha256=digest) | Q(page_sha256=page_sha256) if page_sha256 else Q(sha256=digest)
    return Article.objects.filter(same).order_by("pk").first()


def _insert_extraction(article: Article, rows: ArticleRows) -> dict[str, int]:
    """One insert per table (a statement per batch the database takes), speakers looked up in one query."""
    sentences = [(article.pk, *s) for s in rows.sentences]
    sentence_ids = dict(_insert(Sentence, ("article", *SENTENCE_FIELDS), sentences, ("position", "id")))
    if sentences and not sentence_ids:  # a database that cannot return rows from an insert
        sentence_ids = dict(Sentence.objects.filter(article=article).values_list("position", "id"))
    speakers = resolve_speakers(rows.speakers, rows.speaker_words)
    speaker_ids = {name: speaker.pk for name, speaker in speakers.items()}
    for model, related, found in ((Quote, "speaker", rows.quotes), (Claim, "claimant", rows.claims)):
        _insert(
            model,
            ("article", "sentence", related, *(QUOTE_FIELDS if model is Quote else CLAIM_FIELDS)),
            [
                (article.pk, sentence_ids[at], speaker_ids.get(name) if name else None, *values)
                for at, name, values in found
            ],
        )
    return {
        "sentences": len(rows.sentences),
        "speakers": len(set(speaker_ids.values())),
        "quotes": len(rows.quotes),
        "claims": len(rows.claims),
    }


# Values one INSERT statement carries at most: PostgreSQL takes 65,535 parameters (SQLite has its own lower limit,
# which the backend's batch size follows).
MAX_STATEMENT_VALUES = 65_535


def _insert(
    model: type[Model], names: tuple[str, ...], rows: list[tuple[Any, ...]], returning: tuple[str, ...] = ()
) -> list[tuple[Any, ...]]:
    """Insert plain rows (values of the fields `names`, in order) with as few statements as the database takes,
    every other field at its default; returns the `returning` fields of the new rows (none where the database cannot
    return rows from an insert: SQLite before 3.35).

    What `bulk_create` does, without a model instance and a field conversion per value: the values here are already
    what the database stores (numbers and strings).
    """
    if not rows:
        return []
    meta, ops = model._meta, connection.ops
    given = [meta.get_field(name) for name in names]
    rest = [f for f in meta.concrete_fields if f not in given and not f.primary_key]
    defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)
    fields = [*given, *rest]
    head = f"INSERT INTO {ops.quote_name(meta.db_table)} ({', '.join(ops.quote_name(f.column) for f in fields)}) "
    returned = [meta.get_field(name) for name in returning]
    tail = ""
    if returned and connection.features.can_return_rows_from_bulk_insert:
        tail = " " + ops.return_insert_columns(returned)[0]
    result: list[tuple[Any, ...]] = []
    batch = max(1, min(ops.bulk_batch_size(fields, rows), MAX_STATEMENT_VALUES // len(fields)))
    with connection.cursor() as cursor:
        for first in range(0, len(rows), batch):
            chunk = rows[first : first + batch]
            values = ops.bulk_insert_sql(fields, [["%s"] * len(fields)] * len(chunk))
            cursor.execute(head + values + tail, [value for row in chunk for value in (*row, *defaults)])
            if tail:
                result.extend(cursor.fetchall())
    return result


def build_quote(article: Article, sentence: Sentence, found: ExtractedQuote, speakers: dict[str, Speaker]) -> Quote:
    """An unsaved Quote of the pipeline's output (for reextract, which compares it with stored ones)."""
    return Quote(
        article=article,
        sentence=sentence,
        speaker=speakers.get(found.speaker) if found.speaker else None,
        **dict(zip(QUOTE_FIELDS, quote_values(found), strict=True)),
    )


def build_claim(article: Article, sentence: Sentence, found: ExtractedClaim, speakers: dict[str, Speaker]) -> Claim:
    """An unsaved Claim of the pipeline's output (for reextract, which compares it with stored ones)."""
    return Claim(
        article=article,
        sentence=sentence,
        claimant=speakers.get(found.claimant) if found.claimant else None,
        **dict(zip(CLAIM_FIELDS, claim_values(found), strict=True)),
    )


def speaker_words(found: Iterable[extracted_speakers.Speaker]) -> tuple[str, ...]:
    """The words of the speakers' names and aliases that stored speakers are looked up by (`_candidates`)."""
    words = dict.fromkeys(
        word for speaker in found for name in (speaker.name, *speaker.aliases) for word in WORD_RE.findall(name)
    )
    return tuple(word for word in words if len(word) >= 2)


def resolve_speakers(
    found: Iterable[extracted_speakers.Speaker], words: Iterable[str] | None = None
) -> dict[str, Speaker]:
    """Map each extracted speaker name to a stored Speaker, reusing one that is unambiguously the same person.

    Stored speakers are read in one query (by `words`, the speakers' `speaker_words` when not given); the new ones
    are inserted together, with their history.
    """
    found = list(found)
    if not found:
        return {}
    known = list(_candidates(speaker_words(found) if words is None else words, {c.kind for c in found}))
    names = {id(s): _names(s) for s in known}
    new: list[Speaker] = []
    result: dict[str, Speaker] = {}
    for candidate in found:
        match = _match_speaker(candidate, known, names)
        if match is None:
            match = Speaker(
                name=fitted(Speaker, "name", candidate.name),
                kind=candidate.kind,
                aliases=sorted(set(candidate.aliases) - {candidate.name}),
                description=fitted(Speaker, "description", candidate.description),
            )
            new.append(match)
            known.append(match)
        elif (update := _merge_into(match, candidate)) and match.pk is not None:  # a new one is saved below
            match._change_reason = "ingest: names and description from a new article"
            match.save(update_fields=update)
        names[id(match)] = _names(match)
        result[candidate.name] = match
        for alias in candidate.aliases:
            result.setdefault(alias, match)
    if new:
        for speaker, slug in zip(new, Speaker.free_slugs([s.name for s in new]), strict=True):
            speaker.slug = slug
        bulk_create_with_history(new, Speaker)
    return result


def _candidates(words: Iterable[str], kinds: set[str]) -> QuerySet[Speaker]:
    """The stored speakers of these kinds that could be one with these name words: those with one of the words in a
    name or alias (the search index's words: case and accents folded), and, for an acronym, those whose name starts
    with its letter. A superset of what `_match_speaker` accepts, found through the index: an ingest reads a few
    rows, however many speakers there are."""
    words = list(words)
    if not words:
        return Speaker.objects.none()
    terms = search.Terms(tuple(search.Term(word) for word in words), any_of=True)
    found = Speaker.objects.filter(search.matching(Speaker, terms), kind__in=kinds).order_by()
    initials = {word[0] for word in words if word.isupper()}
    if initials:
        # A union, not an OR: PostgreSQL would otherwise compute every row's text search vector instead of using the
        # index for the words.
        starts = Q(*(("name__istartswith", letter) for letter in sorted(initials)), _connector=Q.OR)
        found = found.union(Speaker.objects.filter(starts, kind__in=kinds).order_by())
    return found.order_by("id")


def _names(speaker: Speaker) -> set[str]:
    return {speaker.name.casefold(), *(a.casefold() for a in speaker.aliases)}


def _match_speaker(
    candidate: extracted_speakers.Speaker, known: list[Speaker], names: dict[int, set[str]]
) -> Speaker | None:
    wanted = {candidate.name.casefold(), *(a.casefold() for a in candidate.aliases)}
    exact = [s for s in known if s.kind == candidate.kind and names[id(s)] & wanted]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    same = [
        s
        for s in known
        if s.kind == candidate.kind
        and any(extracted_speakers.same_speaker(candidate.name, name) for name in (s.name, *s.aliases))
    ]
    return same[0] if len(same) == 1 else None


def _merge_into(speaker: Speaker, candidate: extracted_speakers.Speaker) -> list[str]:
    """Fold what the candidate adds (a longer name, aliases, a description) into a stored speaker."""
    changed = []
    names = {speaker.name, *speaker.aliases, candidate.name, *candidate.aliases}
    longer = len(speaker.name) < len(candidate.name) <= Speaker._meta.get_field("name").max_length
    if longer and speaker.name.casefold() in candidate.name.casefold():
        speaker.name = candidate.name
        changed.append("name")
    aliases = sorted(names - {speaker.name})
    if aliases != sorted(speaker.aliases):
        speaker.aliases = aliases
        changed.append("aliases")
    if not speaker.description and candidate.description:
        speaker.description = fitted(Speaker, "description", candidate.description)
        changed.append("description")
    return changed
