"""Editorial actions on the dataset, the one home of each rule, called by the admin, the API and the commands.

Review a quote or claim (status, rationale, evidence, speaker, kind, span: ``edit``), add one the pipeline missed
(``add_span``), reject a false extraction and restore it (``reject``, ``restore``), take the next item to review
(``take_next``), merge speakers. Each runs in one transaction, marks the row as an editor's (so re-extraction leaves
it alone) and records who did it and why in the model history (django-simple-history), cut by one rule.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import Truncator

from newsfacts.choices import Attribution, Origin, Rejection, VerificationStatus
from newsfacts.models import ASSIGNMENT_FIELDS, Article, Claim, Quote, Sentence, Speaker

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

    ``edit`` with the three verification fields: one history record carrying `user` and `reason` (by default: the
    status change and the rationale).
    """
    edit(
        obj,
        {"status": status, "rationale": rationale, "evidence_urls": evidence_urls or []},
        user=user,
        reason=reason,
    )
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
        now = timezone.now()
        rows.update(
            status=status, rationale=rationale, evidence_urls=urls, reviewed_by=user, reviewed_at=now, edited_at=now
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


# Quotes and claims: one entry point for every change an editor makes to an item, from the admin or the API.

PERSON_FIELD: dict[type[Quote] | type[Claim], str] = {Quote: "speaker", Claim: "claimant"}
# The article's words for a speaker or claimant it does not name ("a senior official"): kept only while nobody is
# named. Editors may write, correct or clear it, a quote's as a claim's (the pipeline reads a quote's from its cue).
DESCRIPTION_FIELD: dict[type[Quote] | type[Claim], str] = {Quote: "speaker_description", Claim: "claimant_description"}
VERIFICATION_FIELDS = ("status", "rationale", "evidence_urls")
SPAN_FIELDS = ("start", "end")


def editable_fields(model: type[Quote] | type[Claim]) -> tuple[str, ...]:
    """What an editor may change on an item of `model`; the rest is the pipeline's or bookkeeping."""
    extra = ("attribution_confirmed",) if model is Quote else ()
    return (*VERIFICATION_FIELDS, PERSON_FIELD[model], "kind", *SPAN_FIELDS, DESCRIPTION_FIELD[model], *extra)


class EditConflict(Exception):
    """Someone else saved the item since the editor read it; `current` is the item as stored now."""

    def __init__(self, current: Quote | Claim) -> None:
        super().__init__("Another editor changed this item since you opened it.")
        self.current = current


def row_version(obj: Any) -> str:
    """A digest of the stored values of a row (without who is reviewing it now): it changes whenever the row does."""
    values = [
        (field.attname, field.value_from_object(obj))
        for field in obj._meta.concrete_fields
        if field.name not in ASSIGNMENT_FIELDS
    ]
    return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()[:32]


def span_text(obj: Quote | Claim, start: int, end: int) -> str:
    """The text of a corrected span of `obj` (its start stays in its sentence); ValidationError naming the offset."""
    sentence, text = obj.sentence, obj.article.text
    bounds = f"the sentence spans {sentence.start} to {sentence.end}"
    if not sentence.start <= start < sentence.end:
        raise ValidationError({"start": f"An offset outside the sentence: {start} ({bounds})."})
    if end <= start:
        raise ValidationError({"end": f"The end ({end}) must come after the start ({start})."})
    limit = sentence.end if obj.span_within_sentence else len(text)
    if end > limit:
        where = "the sentence" if obj.span_within_sentence else "the article"
        raise ValidationError({"end": f"An offset outside {where}: {end} ({bounds})."})
    return text[start:end]


def _apply_person(obj: Quote | Claim, person: Speaker | None, confirmed: bool | None) -> None:
    """A named speaker or claimant replaces the description of an unnamed one; a quote's attribution follows its
    speaker: set by an editor, or none; the editor confirmed it unless told."""
    setattr(obj, PERSON_FIELD[type(obj)], person)
    if person is not None:
        setattr(obj, DESCRIPTION_FIELD[type(obj)], "")  # the unnamed source the article described has a name now
    if isinstance(obj, Quote):
        obj.attribution = Attribution.EDITOR if person is not None else Attribution.NONE
        obj.attribution_confirmed = person is not None if confirmed is None else confirmed


def check_description(obj: Quote | Claim, changes: Mapping[str, Any]) -> None:
    """A description is for a source nobody names: refused beside the speaker or claimant `obj` will have once
    `changes` apply (ValidationError on the description)."""
    person, description = PERSON_FIELD[type(obj)], DESCRIPTION_FIELD[type(obj)]
    named = changes[person] is not None if person in changes else getattr(obj, f"{person}_id") is not None
    if changes.get(description) and named:
        raise ValidationError({description: f"A {person} is named: clear the {person} to describe one instead."})


def _changed_names(obj: Quote | Claim, current: Quote | Claim, names: Iterable[str]) -> list[str]:
    return [
        name
        for name in names
        if getattr(obj, obj._meta.get_field(name).attname) != getattr(current, current._meta.get_field(name).attname)
    ]


def edit(
    obj: Quote | Claim,
    changes: Mapping[str, Any],
    *,
    user: AbstractBaseUser | AnonymousUser | None,
    reason: str = "",
    expected_version: str | None = None,
) -> list[str]:
    """Apply an editor's changes to a quote or claim and save it; returns the names of the fields that changed.

    `changes` maps names of `editable_fields` to new values (values equal to the stored ones change nothing).
    Rules: a new status needs a rationale, evidence are http(s) URLs, any verification change records the reviewer
    and the time; a quote's attribution follows its speaker, and naming a speaker or claimant clears the description
    of an unnamed one, which a named one cannot have (`_apply_person`); a corrected span re-reads its text
    from the article. The row is locked while it is checked; with `expected_version` (the `row_version` the editor
    read) a row someone else saved since raises EditConflict. Raises ValidationError by field.
    """
    model = type(obj)
    unknown = set(changes) - set(editable_fields(model))
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed by an editor."))
    user = _history_user(user)
    with transaction.atomic():
        current = model.objects.select_for_update().select_related("article", "sentence").get(pk=obj.pk)
        if expected_version is not None and row_version(current) != expected_version:
            raise EditConflict(current)
        person = PERSON_FIELD[model]
        check_description(current, changes)
        for name, value in changes.items():
            if name not in (person, "attribution_confirmed", *VERIFICATION_FIELDS):
                setattr(obj, name, value)
        if "start" in changes or "end" in changes:
            obj.text = span_text(current, obj.start, obj.end)
        confirmed = changes.get("attribution_confirmed")
        if person in changes and changes[person] != getattr(current, person):
            _apply_person(obj, changes[person], confirmed)
        elif confirmed is not None:
            # Confirming the pipeline's speaker keeps how it was found.
            obj.attribution_confirmed = confirmed  # type: ignore[union-attr]
        verifying = [name for name in VERIFICATION_FIELDS if name in changes]
        if verifying:
            status = changes.get("status", current.status)
            rationale = (changes.get("rationale", current.rationale) or "").strip()
            urls = validate_verification(status, rationale, changes.get("evidence_urls", current.evidence_urls))
            obj.status, obj.rationale, obj.evidence_urls = status, rationale, urls
        derived = ("text", "attribution") if model is Quote else ("text",)
        changed = _changed_names(obj, current, [*editable_fields(model), *derived])
        if not changed and not verifying and not reason.strip():
            return []
        if verifying:
            # Setting a verification, even the same one again, is a review: it records who and when.
            obj.reviewed_by, obj.reviewed_at = user, timezone.now()
        obj.clean()
        obj.edited_at = timezone.now()
        if {"status", "rationale"} & set(changed):
            default = verification_reason(current.status, obj.status, obj.rationale)
        else:
            default = f"changed {', '.join(changed)}" if changed else "reviewed"
        _mark_history(obj, user, reason.strip() or default)
        obj.save()
    return changed


def add_span(
    model: type[Quote] | type[Claim],
    article: Article,
    start: int,
    end: int,
    *,
    user: AbstractBaseUser | AnonymousUser | None,
    reason: str = "",
    **fields: Any,
) -> Quote | Claim:
    """Add a quote or claim the pipeline missed, at code-point offsets [start, end) of the article's text.

    `fields` are other editable fields (kind, speaker or claimant, the description of an unnamed one, status,
    rationale, evidence_urls, attribution_confirmed). The sentence is the one the span starts in. Refuses
    (ValidationError) a span that does not fit the article or its sentence, and one that a live item of the same
    kind already has.
    """
    unknown = set(fields) - set(editable_fields(model))
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be set by an editor."))
    errors: dict[str, str] = {}
    if not 0 <= start < len(article.text):
        errors["start"] = f"An offset outside the article: {start} (its text has {len(article.text)} characters)."
    elif end <= start:
        errors["end"] = f"The end ({end}) must come after the start ({start})."
    elif end > len(article.text):
        errors["end"] = f"An offset outside the article: {end} (its text has {len(article.text)} characters)."
    if errors:
        raise ValidationError(errors)
    if not article.text[start:end].strip():
        raise ValidationError({"end": "The selected text is blank: select the words of the quote or claim."})
    sentence = Sentence.objects.filter(article=article, start__lte=start, end__gt=start).first()
    if sentence is None:
        raise ValidationError({"start": f"No sentence of the article contains offset {start}."})
    existing = model.objects.live().filter(article=article, start=start, end=end).values_list("pk", flat=True).first()
    if existing is not None:
        name = model._meta.verbose_name
        raise ValidationError({"start": f"This span is already {name} {existing}: review that one instead."})
    user = _history_user(user)
    person = PERSON_FIELD[model]
    now = timezone.now()
    obj = model(
        article=article,
        sentence=sentence,
        start=start,
        end=end,
        text=article.text[start:end],
        origin=Origin.EDITOR,
        added_by=user,
        added_at=now,
        edited_at=now,
    )
    check_description(obj, fields)
    for name in ("kind", DESCRIPTION_FIELD[model]):
        if name in fields:
            setattr(obj, name, fields[name])
    _apply_person(obj, fields.get(person), fields.get("attribution_confirmed"))
    verification = {name: fields[name] for name in VERIFICATION_FIELDS if name in fields}
    if verification:
        obj.status = verification.get("status", VerificationStatus.UNVERIFIED)
        obj.rationale = (verification.get("rationale") or "").strip()
        obj.evidence_urls = validate_verification(obj.status, obj.rationale, verification.get("evidence_urls"))
        if obj.status != VerificationStatus.UNVERIFIED or obj.rationale or obj.evidence_urls:
            obj.reviewed_by, obj.reviewed_at = user, now
    obj.full_clean(exclude=["added_by", "reviewed_by", "rejected_by", "assigned_to", person])
    with transaction.atomic():
        _mark_history(obj, user, reason.strip() or f"added by an editor: {obj.text}")
        obj.save()
    return obj


def reject(
    obj: Quote | Claim, reason: str, *, user: AbstractBaseUser | AnonymousUser | None, note: str = ""
) -> Quote | Claim:
    """Reject a false extraction: it leaves the lists and the queues, keeps its history, and is never re-extracted."""
    if reason not in Rejection.values:
        raise ValidationError(
            {"rejected_reason": f"Unknown reason {reason!r}: choose one of {', '.join(Rejection.values)}."}
        )
    user = _history_user(user)
    with transaction.atomic():
        now = timezone.now()
        obj.rejected_reason, obj.rejected_by, obj.rejected_at, obj.edited_at = reason, user, now, now
        obj.assigned_to, obj.assigned_until = None, None
        _mark_history(obj, user, note.strip() or f"rejected: {Rejection(reason).label}")
        obj.save()
    return obj


def restore(obj: Quote | Claim, *, user: AbstractBaseUser | AnonymousUser | None, note: str = "") -> Quote | Claim:
    """Undo a rejection: the item is back in the lists and queues (still an editor's: re-extraction leaves it)."""
    if not obj.rejected_reason:
        raise ValidationError({"rejected_reason": "This item is not rejected."})
    user = _history_user(user)
    with transaction.atomic():
        previous = Rejection(obj.rejected_reason).label
        obj.rejected_reason, obj.rejected_by, obj.rejected_at, obj.edited_at = "", None, None, timezone.now()
        _mark_history(obj, user, note.strip() or f"restored (was rejected: {previous})")
        obj.save()
    return obj


# Taking work: "review next" hands each editor a different item for a while.

ASSIGNMENT_DURATION = datetime.timedelta(minutes=30)


def take_next(
    queue: QuerySet[Quote] | QuerySet[Claim], user: AbstractBaseUser, *, duration: datetime.timedelta | None = None
) -> Quote | Claim | None:
    """The editor's current item of `queue` if they hold one, else the first free one, now assigned to them.

    `queue` is ordered (oldest first). An item is free when nobody holds it or the hold expired. The row is claimed
    with a conditional UPDATE, so two editors asking at once get different items (on SQLite and PostgreSQL alike).
    """
    now = timezone.now()
    until = now + (duration or ASSIGNMENT_DURATION)
    live = queue.live()
    mine = live.filter(assigned_to=user, assigned_until__gt=now).first()
    if mine is not None:
        return mine
    free = Q(assigned_to__isnull=True) | Q(assigned_until__lte=now)
    model = queue.model
    for candidate in live.filter(free).values_list("pk", flat=True)[:20]:
        # Only one editor's UPDATE matches while the item is still free.
        if model.objects.filter(free, pk=candidate).update(assigned_to=user, assigned_until=until):
            return model.objects.get(pk=candidate)
    return None


def release(obj: Quote | Claim, user: AbstractBaseUser) -> None:
    """Hand back an item the editor holds (after saving it, or to skip it)."""
    type(obj).objects.filter(pk=obj.pk, assigned_to=user).update(assigned_to=None, assigned_until=None)
