"""Re-extraction: run the current pipeline over a stored article without losing any editor's work.

Only machine output no editor has touched (``SourceSpanQuerySet.untouched``) is updated, added or removed. An item
whose span the pipeline finds again keeps its id (API links survive) and is updated in place when its speaker, kind
or cue changed. Everything an editor touched (reviewed, confirmed, added, rejected, corrected) stays as it is, and
the pipeline's items that overlap it are not stored again: a rejected or corrected item is never re-created.
Sentences are re-split too; an item whose sentence goes away moves to the new sentence its span starts in.
Each article is one transaction; every change is in the history with the pipeline version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.extraction.version import pipeline_version
from newsfacts.ingestion import build_claim, build_quote, resolve_speakers
from newsfacts.models import Article, Claim, Quote, Sentence
from newsfacts.review import history_reason

# What re-extraction may change on an untouched item whose span it finds again.
MACHINE_FIELDS: dict[type[Quote] | type[Claim], tuple[str, ...]] = {
    Quote: ("sentence", "speaker", "speaker_description", "kind", "cue", "attribution", "confidence"),
    Claim: ("sentence", "claimant", "claimant_description", "kind", "confidence"),
}


@dataclass
class Changes:
    kept: int = 0
    updated: int = 0
    added: int = 0
    removed: int = 0
    editors: int = 0  # items editors touched, left as they are

    def any(self) -> bool:
        return bool(self.updated or self.added or self.removed)

    def __str__(self) -> str:
        return (
            f"{self.kept} kept, {self.updated} updated, {self.added} added, {self.removed} removed, "
            f"{self.editors} editors' items left as they are"
        )


@dataclass
class ArticleResult:
    article: Article
    version_before: str
    sentences: Changes = field(default_factory=Changes)
    quotes: Changes = field(default_factory=Changes)
    claims: Changes = field(default_factory=Changes)

    @property
    def changed(self) -> bool:
        return (
            self.sentences.any()
            or self.quotes.any()
            or self.claims.any()
            or self.version_before != self.article.pipeline_version
        )

    def summary(self) -> str:
        version = self.version_before or "unknown"
        head = f"article {self.article.pk} ({version} → {self.article.pipeline_version})"
        if not self.changed:
            return f"{head}: unchanged"
        return (
            f"{head}: sentences {self.sentences.added} added, {self.sentences.removed} removed; "
            f"quotes {self.quotes}; claims {self.claims}"
        )


def reextract_article(article: Article, *, dry_run: bool = False, found: Extraction | None = None) -> ArticleResult:
    """Bring one article up to the current pipeline in one transaction (rolled back when `dry_run`)."""
    version = pipeline_version()
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        result = ArticleResult(article, version_before=article.pipeline_version)
        found = found if found is not None else extract(article.text)
        reason = history_reason(f"re-extracted by pipeline {version}")
        by_position = _update_sentences(article, found, result.sentences)
        speakers = resolve_speakers(found.speakers)
        quotes = [build_quote(article, by_position[q.sentence], q, speakers) for q in found.quotes]
        claims = [build_claim(article, by_position[c.sentence], c, speakers) for c in found.claims]
        _update_items(Quote, article, quotes, result.quotes, reason)
        _update_items(Claim, article, claims, result.claims, reason)
        if result.changed:
            article.pipeline_version = version
            article.extracted_at = timezone.now()
            article._change_reason = reason
            article.save(update_fields=["pipeline_version", "extracted_at"])
        if dry_run:
            transaction.set_rollback(True)
    return result


def _update_sentences(article: Article, found: Extraction, changes: Changes) -> dict[int, Sentence]:
    """Make the stored sentences those of `found`; returns them by position. Items of a removed sentence move."""
    old = list(Sentence.objects.filter(article=article).order_by("position"))
    wanted = [(s.start, s.end, s.kind, s.position) for s in found.sentences]
    if [(s.start, s.end, s.kind, s.position) for s in old] == wanted:
        changes.kept = len(old)
        return {s.position: s for s in old}
    by_span = {(s.start, s.end): s for s in old}
    # Out of the way of the unique (article, position) while positions change.
    Sentence.objects.filter(article=article).update(position=F("position") + len(old) + len(wanted))
    result: dict[int, Sentence] = {}
    kept: list[Sentence] = []
    new: list[Sentence] = []
    for s in found.sentences:
        existing = by_span.pop((s.start, s.end), None)
        if existing is not None:
            existing.position, existing.kind = s.position, s.kind
            kept.append(existing)
            result[s.position] = existing
        else:
            sentence = Sentence(
                article=article, position=s.position, start=s.start, end=s.end, kind=s.kind, text=s.text
            )
            new.append(sentence)
            result[s.position] = sentence
    Sentence.objects.bulk_update(kept, ["position", "kind"])
    Sentence.objects.bulk_create(new)
    gone = list(by_span.values())
    if gone:
        ordered = sorted(result.values(), key=lambda s: s.start)
        for model in (Quote, Claim):
            for item in model.objects.filter(sentence__in=gone).only("id", "start"):
                home = next((s for s in reversed(ordered) if s.start <= item.start), ordered[0])
                model.objects.filter(pk=item.pk).update(sentence=home)
        Sentence.objects.filter(pk__in=[s.pk for s in gone]).delete()
    changes.kept, changes.added, changes.removed = len(kept), len(new), len(gone)
    return result


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _value(obj: Any, name: str) -> Any:
    return getattr(obj, obj._meta.get_field(name).attname)


def _update_items(
    model: type[Quote] | type[Claim],
    article: Article,
    found: list[Quote] | list[Claim],
    changes: Changes,
    reason: str,
) -> None:
    items = model.objects.filter(article=article)
    editors = list(items.touched().values_list("start", "end"))
    changes.editors = len(editors)
    machine = {(obj.start, obj.end): obj for obj in items.untouched()}
    fields = MACHINE_FIELDS[model]
    seen: set[tuple[int, int]] = set()
    added: list[Quote | Claim] = []
    for obj in found:
        span = (obj.start, obj.end)
        if span in seen or _overlaps(obj.start, obj.end, editors):
            continue  # an editor decided about this text already
        seen.add(span)
        stored = machine.pop(span, None)
        if stored is None:
            added.append(obj)
            continue
        different = [name for name in fields if _value(stored, name) != _value(obj, name)]
        if not different:
            changes.kept += 1
            continue
        for name in different:
            setattr(stored, name, getattr(obj, name))
        stored._change_reason = reason
        stored.save(update_fields=different)
        changes.updated += 1
    if added:
        created = model.objects.bulk_create(added)
        model.history.bulk_history_create(created, default_change_reason=reason)
        changes.added = len(created)
    for obj in machine.values():
        obj._change_reason = reason
        obj.delete()
    changes.removed = len(machine)
