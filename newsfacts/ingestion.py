"""Ingestion: store an article's text and metadata with what the extraction pipeline found, in one transaction.

This is the only step of the pipeline that touches models. Reading (`newsfacts.sources`) validates the input (empty,
binary, non-UTF-8, oversized) before anything is written; saving is atomic, so a failure leaves no half-written
article. The same text, or the same page, is never stored twice.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from newsfacts.choices import SentenceKind
from newsfacts.extraction import speakers as extracted_speakers
from newsfacts.extraction.claims import Claim as ExtractedClaim
from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.extraction.quotes import Quote as ExtractedQuote
from newsfacts.extraction.version import pipeline_version
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.sources import IngestError, read_limited
from newsfacts.sources.language import is_pipeline_language
from newsfacts.sources.pages import decode_text

__all__ = ["IngestError", "IngestResult", "decode_article", "ingest_text", "read_article", "resolve_speakers"]


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


def ingest_text(
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
) -> IngestResult:
    """Store one article with its sentences, speakers, quotes and claims; an existing text or page is returned as is.

    An article in a language the pipeline does not handle is stored without extraction (no pipeline version).
    """
    if not text.strip():
        raise IngestError("input is empty (no text to ingest)")
    digest = text_sha256(text)
    existing = _stored(digest, page_sha256)
    if existing is not None:
        return IngestResult(existing, created=False)
    extracts = is_pipeline_language(language)
    found = (extraction or extract(text)) if extracts else NOTHING
    credit = next((s.text for s in found.sentences if s.kind == SentenceKind.CREDIT), "")
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title,
                publisher=publisher,
                url=url,
                published=published,
                language=language,
                credit=credit[:500],
                authors=authors,
                site_name=site_name,
                source=source,
                page_sha256=page_sha256,
                fetched_at=fetched_at,
                text=text,
                sha256=digest,
                pipeline_version=pipeline_version() if extracts else "",
                extracted_at=timezone.now() if extracts else None,
            )
            counts = _save_extraction(article, found)
    except IntegrityError:
        # Another process stored the same text or page between our check and our insert.
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


def _save_extraction(article: Article, found: Extraction) -> dict[str, int]:
    sentences = Sentence.objects.bulk_create(
        Sentence(article=article, position=s.position, start=s.start, end=s.end, kind=s.kind, text=s.text)
        for s in found.sentences
    )
    by_position = {s.position: s for s in sentences}
    speakers = resolve_speakers(found.speakers)
    quotes = Quote.objects.bulk_create(build_quote(article, by_position[q.sentence], q, speakers) for q in found.quotes)
    claims = Claim.objects.bulk_create(build_claim(article, by_position[c.sentence], c, speakers) for c in found.claims)
    return {
        "sentences": len(sentences),
        "speakers": len({s.pk for s in speakers.values()}),
        "quotes": len(quotes),
        "claims": len(claims),
    }


def build_quote(article: Article, sentence: Sentence, found: ExtractedQuote, speakers: dict[str, Speaker]) -> Quote:
    """An unsaved Quote of the pipeline's output (shared by ingest and reextract)."""
    return Quote(
        article=article,
        sentence=sentence,
        speaker=speakers.get(found.speaker) if found.speaker else None,
        speaker_description=found.speaker_description[:200],
        text=found.text,
        start=found.start,
        end=found.end,
        kind=found.kind,
        cue=found.cue[:100],
        attribution=found.attribution,
        confidence=found.confidence,
    )


def build_claim(article: Article, sentence: Sentence, found: ExtractedClaim, speakers: dict[str, Speaker]) -> Claim:
    """An unsaved Claim of the pipeline's output (shared by ingest and reextract)."""
    return Claim(
        article=article,
        sentence=sentence,
        claimant=speakers.get(found.claimant) if found.claimant else None,
        text=found.text,
        start=found.start,
        end=found.end,
        kind=found.kind,
        confidence=found.confidence,
    )


def resolve_speakers(found: Iterable[extracted_speakers.Speaker]) -> dict[str, Speaker]:
    """Map each extracted speaker name to a stored Speaker, reusing one that is unambiguously the same person."""
    found = list(found)
    if not found:
        return {}
    known = list(_candidates(found).only("id", "name", "slug", "aliases", "kind", "description"))
    result: dict[str, Speaker] = {}
    for candidate in found:
        match = _match_speaker(candidate, known)
        if match is None:
            match = Speaker(
                name=candidate.name,
                slug=Speaker.free_slug(candidate.name),
                kind=candidate.kind,
                aliases=sorted(set(candidate.aliases) - {candidate.name}),
                description=candidate.description[:500],
            )
            match.save()
            known.append(match)
        else:
            update = _merge_into(match, candidate)
            if update:
                match._change_reason = "ingest: names and description from a new article"
                match.save(update_fields=update)
        result[candidate.name] = match
        for alias in candidate.aliases:
            result.setdefault(alias, match)
    return result


def _candidates(found: list[extracted_speakers.Speaker]) -> QuerySet[Speaker]:
    """The stored speakers that could be one of these: those sharing a word of a name, and, for an acronym, those
    whose name starts with its letter. A superset of what `_match_speaker` accepts, so that an ingest reads a few
    rows, not every speaker there is."""
    query = Q(pk__in=[])
    for candidate in found:
        for name in (candidate.name, *candidate.aliases):
            for word in WORD_RE.findall(name):
                if len(word) < 2:
                    continue
                # Aliases are JSON: SQLite keeps non-ASCII letters escaped in its text, PostgreSQL does not.
                query |= Q(name__icontains=word) | Q(aliases__icontains=word)
                if not word.isascii():
                    query |= Q(aliases__icontains=json.dumps(word)[1:-1])
                if word.isupper():
                    query |= Q(name__istartswith=word[0])
    return Speaker.objects.filter(query)


def _names(speaker: Speaker) -> set[str]:
    return {speaker.name.casefold(), *(a.casefold() for a in speaker.aliases)}


def _match_speaker(candidate: extracted_speakers.Speaker, known: list[Speaker]) -> Speaker | None:
    wanted = {candidate.name.casefold(), *(a.casefold() for a in candidate.aliases)}
    exact = [s for s in known if s.kind == candidate.kind and _names(s) & wanted]
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
    if len(candidate.name) > len(speaker.name) and speaker.name.casefold() in candidate.name.casefold():
        speaker.name = candidate.name
        changed.append("name")
    aliases = sorted(names - {speaker.name})
    if aliases != sorted(speaker.aliases):
        speaker.aliases = aliases
        changed.append("aliases")
    if not speaker.description and candidate.description:
        speaker.description = candidate.description[:500]
        changed.append("description")
    return changed
