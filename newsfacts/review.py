"""Editorial actions on the dataset, shared by the admin and the API: review a quote or claim, merge speakers.

Each runs in one transaction and records who did it and why in the model history (django-simple-history).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import Truncator

from newsfacts.choices import VerificationStatus
from newsfacts.models import Claim, Quote, Speaker

# simple_history stores the change reason in a CharField(max_length=100): longer reasons are cut to fit.
CHANGE_REASON_MAX_LENGTH = 100

_validate_url = URLValidator(schemes=["http", "https"])


def history_reason(reason: str) -> str:
    """A change reason that fits the history table: one line, at most CHANGE_REASON_MAX_LENGTH characters."""
    return Truncator(" ".join(reason.split())).chars(CHANGE_REASON_MAX_LENGTH)


def _history_user(user: AbstractBaseUser | AnonymousUser | None) -> AbstractBaseUser | None:
    if user is None or not user.is_authenticated:
        return None
    return user  # type: ignore[return-value]


def _mark_history(obj: Any, user: AbstractBaseUser | None, reason: str) -> None:
    obj._history_user = user
    obj._change_reason = history_reason(reason)


def clean_evidence_urls(evidence_urls: Sequence[str] | None) -> list[str]:
    """The evidence URLs stripped and deduplicated; raises ValidationError naming each one that is not http(s)."""
    if evidence_urls is None:
        return []
    if isinstance(evidence_urls, str) or not all(isinstance(url, str) for url in evidence_urls):
        raise ValidationError({"evidence_urls": "Evidence must be a list of URLs."})
    urls: list[str] = []
    bad: list[str] = []
    for url in (u.strip() for u in evidence_urls):
        if not url or url in urls:
            continue
        try:
            _validate_url(url)
        except ValidationError:
            bad.append(url)
        urls.append(url)
    if bad:
        raise ValidationError(
            {"evidence_urls": [f"Not an http(s) URL: {url!r}." for url in bad]},
        )
    return urls


def validate_verification(status: str, rationale: str, evidence_urls: Sequence[str] | None) -> list[str]:
    """Check a verification before it is set; returns the cleaned evidence URLs or raises ValidationError by field."""
    errors: dict[str, list[str]] = {}
    if status not in VerificationStatus.values:
        errors["status"] = [f"Unknown status {status!r}: choose one of {', '.join(VerificationStatus.values)}."]
    elif status != VerificationStatus.UNVERIFIED and not (rationale or "").strip():
        label = VerificationStatus(status).label
        errors["rationale"] = [f"Give a rationale for marking this {label}: say what the evidence shows."]
    urls: list[str] = []
    try:
        urls = clean_evidence_urls(evidence_urls)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return urls


def verification_reason(previous: str, status: str, rationale: str) -> str:
    """The default history reason of a review: the status change and the rationale."""
    reason = f"{previous} → {status}" if previous != status else f"review: {status}"
    return f"{reason}: {rationale}" if rationale else reason


def set_verification(
    obj: Quote | Claim,
    *,
    status: str,
    rationale: str,
    evidence_urls: Sequence[str] | None = None,
    user: AbstractBaseUser | None,
    reason: str = "",
) -> Quote | Claim:
    """Set the verification of a quote or claim, filling reviewer and time; raises ValidationError when invalid.

    The object is saved as a whole (other unsaved edits on it are kept, as the admin form needs), with one history
    record carrying `user` and `reason` (by default: the status change and the rationale).
    """
    urls = validate_verification(status, rationale, evidence_urls)
    previous = obj.status
    with transaction.atomic():
        obj.status = status
        obj.rationale = (rationale or "").strip()
        obj.evidence_urls = urls
        obj.reviewed_by = _history_user(user)
        obj.reviewed_at = timezone.now()
        _mark_history(obj, obj.reviewed_by, reason or verification_reason(previous, status, obj.rationale))
        obj.save()
    return obj


def bulk_set_verification(
    queryset: QuerySet[Quote] | QuerySet[Claim],
    *,
    status: str,
    rationale: str,
    evidence_urls: Sequence[str] | None = None,
    user: AbstractBaseUser | None,
    reason: str = "",
) -> int:
    """Set one verification on every quote or claim of `queryset` in two queries plus history; returns the count.

    Same rules and history as `set_verification`, without a query per row.
    """
    urls = validate_verification(status, rationale, evidence_urls)
    model = queryset.model
    user = _history_user(user)
    rationale = (rationale or "").strip()
    reason = history_reason(reason or f"bulk review: {status}" + (f": {rationale}" if rationale else ""))
    with transaction.atomic():
        ids = list(queryset.order_by().values_list("pk", flat=True))
        if not ids:
            return 0
        rows = model.objects.filter(pk__in=ids)
        rows.update(
            status=status, rationale=rationale, evidence_urls=urls, reviewed_by=user, reviewed_at=timezone.now()
        )
        model.history.bulk_history_create(rows, update=True, default_user=user, default_change_reason=reason)
    return len(ids)


def _merged_aliases(into: Speaker, others: Sequence[Speaker]) -> list[str]:
    """`into`'s aliases, then each other speaker's name and aliases; without repeats or `into`'s own name."""
    seen = {into.name.casefold()}
    aliases: list[str] = []
    for name in [*into.aliases, *(n for other in others for n in [other.name, *other.aliases])]:
        name = name.strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(name)
    return aliases


def merge_speakers(
    into: Speaker, others: Iterable[Speaker], *, user: AbstractBaseUser | None, reason: str = ""
) -> Speaker:
    """Move every quote and claim of `others` to `into`, combine their aliases, delete them; returns `into`.

    The others' names become aliases of `into`; `into` takes a description and a Wikidata id from them only when it
    has none. Raises ValidationError when there is nothing to merge or two different Wikidata ids would be merged.
    """
    other_ids = sorted({other.pk for other in others} - {into.pk})
    if not other_ids:
        raise ValidationError("Choose at least one other speaker to merge into this one.")
    user = _history_user(user)
    with transaction.atomic():
        # Lock the rows so two editors merging at once cannot lose quotes to a deleted speaker.
        locked = {s.pk: s for s in Speaker.objects.select_for_update().filter(pk__in=[into.pk, *other_ids])}
        if into.pk not in locked or len(locked) != len(other_ids) + 1:
            raise ValidationError("A speaker to merge no longer exists; reload the page and try again.")
        survivor = locked[into.pk]
        merged = [locked[pk] for pk in other_ids]
        wikidata_ids = {s.wikidata_id for s in [survivor, *merged] if s.wikidata_id}
        if len(wikidata_ids) > 1:
            raise ValidationError(
                {
                    "wikidata_id": f"These speakers have different Wikidata ids ({', '.join(sorted(wikidata_ids))}): "
                    "they look like different people. Clear the wrong id first."
                }
            )
        names = ", ".join(f"{s.name} (#{s.pk})" for s in merged)
        reason = reason or f"merged {names} into {survivor.name} (#{survivor.pk})"

        for model, field in ((Quote, "speaker"), (Claim, "claimant")):
            moved_ids = list(model.objects.filter(**{f"{field}_id__in": other_ids}).values_list("pk", flat=True))
            if moved_ids:
                model.objects.filter(pk__in=moved_ids).update(**{field: survivor})
                model.history.bulk_history_create(
                    model.objects.filter(pk__in=moved_ids),
                    update=True,
                    default_user=user,
                    default_change_reason=history_reason(reason),
                )

        survivor.aliases = _merged_aliases(survivor, merged)
        if not survivor.description:
            survivor.description = next((s.description for s in merged if s.description), "")
        if not survivor.wikidata_id:
            survivor.wikidata_id = next((s.wikidata_id for s in merged if s.wikidata_id), "")
        for other in merged:
            _mark_history(other, user, reason)
            other.delete()  # before saving the survivor: its Wikidata id may come from a merged speaker (unique)
        _mark_history(survivor, user, reason)
        survivor.save()
    into.refresh_from_db()
    return into
