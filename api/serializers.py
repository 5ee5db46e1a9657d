"""Serializers of the API: full representations, related objects in brief form, and the editors' writes.

Lists of quotes and claims are built from ``values()`` rows by ``api.rows``, which derives the columns and the
shape from these serializers' fields; details and every write go through the serializers themselves.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from rest_framework import serializers
from rest_framework.validators import UniqueValidator

from api.offsets import OFFSET_UNIT
from newsfacts import review, search
from newsfacts.choices import Rejection
from newsfacts.filtersets import MAX_DB_INTEGER
from newsfacts.models import INGEST_FIELDS, PROVENANCE_FIELDS, Article, Claim, Quote, Sentence, Speaker

# Saves of a speaker whose slug, made from its name, another editor took meanwhile.
SAVE_ATTEMPTS = 3

# simple-history's change reason column holds 100 characters.
MAX_REASON_LENGTH = 100


def to_drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A model's ValidationError as DRF field errors (400)."""
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(error.message_dict)
    return serializers.ValidationError({"non_field_errors": error.messages})


# The publisher's page; blank when ingested without one, so a plain string rather than a "uri" in the schema.
SOURCE_URL = serializers.CharField(read_only=True, help_text="The article's source URL (empty when unknown).")


class ArticleBriefSerializer(serializers.ModelSerializer):
    """An article in brief: its id, title and source URL (the publisher's page)."""

    url = copy.deepcopy(SOURCE_URL)

    class Meta:
        model = Article
        fields = ["id", "title", "url"]


# The unit of every offset, stated on each offset field of the schema.
OFFSET_FIELDS = {
    "start": {"help_text": f"Offset of the first character in the article text, {OFFSET_UNIT}."},
    "end": {"help_text": f"Offset just past the last character (text == article.text[start:end]), {OFFSET_UNIT}."},
}


class SentenceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sentence
        fields = ["id", "position", "start", "end", "text"]
        extra_kwargs = OFFSET_FIELDS


class SpeakerBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")

    class Meta:
        model = Speaker
        fields = ["id", "name", "url"]


class BriefRelatedField(serializers.RelatedField):
    """A related object read in brief form (``{id, name, url}``) and written as its id (or ``{"id": n}``)."""

    default_error_messages = {
        "does_not_exist": "No {model} with id {pk}.",
        "incorrect_type": "Give the id of a {model} (a whole number) or null.",
    }

    def __init__(self, brief_serializer: type[serializers.Serializer], **kwargs: Any) -> None:
        self.brief_serializer = brief_serializer
        super().__init__(**kwargs)

    def use_pk_only_optimization(self) -> bool:
        return False

    def to_representation(self, value: models.Model) -> dict[str, Any]:
        return self.brief_serializer(value, context=self.context).data

    def to_internal_value(self, data: Any) -> models.Model:
        model = self.get_queryset().model._meta.verbose_name
        if isinstance(data, dict):
            data = data.get("id")
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type", model=model)
        try:
            pk = int(data)
        except ValueError:
            self.fail("incorrect_type", model=model)
        if not 1 <= pk <= MAX_DB_INTEGER:
            self.fail("does_not_exist", model=model, pk=pk)
        try:
            return self.get_queryset().get(pk=pk)
        except self.get_queryset().model.DoesNotExist:
            self.fail("does_not_exist", model=model, pk=pk)

    def get_choices(self, cutoff: int | None = None) -> dict[Any, str]:
        return {}  # the browsable API would otherwise render every speaker in a <select>


class BriefRelatedFieldSchema(OpenApiSerializerFieldExtension):
    """OpenAPI: the brief object in responses, its id in requests."""

    target_class = BriefRelatedField

    def map_serializer_field(self, auto_schema: Any, direction: str) -> dict[str, Any]:
        if direction == "request":
            return build_basic_type(OpenApiTypes.INT)
        component = auto_schema.resolve_serializer(self.target.brief_serializer, direction)
        return component.ref


if TYPE_CHECKING:
    # What StrictWriteMixin extends: to the type checker a Serializer; at run time a plain mixin.
    StrictWriteMixinBase = serializers.Serializer
else:
    StrictWriteMixinBase = object


class StrictWriteMixin(StrictWriteMixinBase):
    """Writes that name a read-only or unknown field fail with 400 instead of being silently ignored."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            errors = {}
            fields = self.fields
            for name in data:
                if name not in fields:
                    errors[name] = ["Unknown field."]
                elif fields[name].read_only:
                    errors[name] = ["This field is read-only."]
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)


def _history_reason(serializer: serializers.Serializer, validated_data: dict[str, Any]) -> str:
    reason = validated_data.pop("reason", "") or ""
    if not reason:
        request = serializer.context.get("request")
        reason = f"API {request.method}" if request is not None else "API"
    return reason[:MAX_REASON_LENGTH]


def _request_user(serializer: serializers.Serializer) -> Any:
    request = serializer.context.get("request")
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class ArticleSerializer(serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    url = copy.deepcopy(SOURCE_URL)

    class Meta:
        model = Article
        fields = [
            "id",
            "api_url",
            "title",
            "publisher",
            "url",
            "published",
            "language",
            "credit",
            "authors",
            "site_name",
            *INGEST_FIELDS,
        ]
        read_only_fields = fields


class ArticleListSerializer(ArticleSerializer):
    """An article in a list: everything but its text (fetch the detail for it)."""

    class Meta(ArticleSerializer.Meta):
        fields = [f for f in ArticleSerializer.Meta.fields if f != "text"]
        read_only_fields = fields


class SentenceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:sentence-detail")
    article = ArticleBriefSerializer(read_only=True)

    class Meta:
        model = Sentence
        fields = ["id", "url", "article", "position", "start", "end", "kind", "text"]
        read_only_fields = fields
        extra_kwargs = OFFSET_FIELDS

    def to_representation(self, instance: Sentence) -> dict[str, Any]:
        data = super().to_representation(instance)
        if hasattr(instance, "highlight"):  # a search with ?highlight=true
            data["highlight"] = search.highlight_html(instance.highlight)
        return data


class SpeakerSerializer(StrictWriteMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail")
    slug = serializers.SlugField(
        max_length=200,
        required=False,
        help_text="Made from the name when left out.",
        validators=[UniqueValidator(Speaker.objects.all(), message="Another speaker has this slug.")],
    )
    aliases = serializers.ListField(
        child=serializers.CharField(max_length=200), required=False, help_text="Other names the speaker goes by."
    )
    reason = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=MAX_REASON_LENGTH,
        help_text="Recorded in history.",
    )

    class Meta:
        model = Speaker
        fields = ["id", "url", "name", "slug", "aliases", "kind", "description", "wikidata_id", "reason"]

    def create(self, validated_data: dict[str, Any]) -> Speaker:
        reason = _history_reason(self, validated_data)
        self._slug_from_name = not validated_data.get("slug")
        if self._slug_from_name:
            validated_data["slug"] = Speaker.free_slug(validated_data["name"])
        speaker = Speaker(**validated_data)
        return self.save_speaker(speaker, reason)

    def update(self, instance: Speaker, validated_data: dict[str, Any]) -> Speaker:
        reason = _history_reason(self, validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self.save_speaker(instance, reason)

    def save_speaker(self, speaker: Speaker, reason: str) -> Speaker:
        try:
            speaker.full_clean(validate_unique=False, validate_constraints=False)
        except DjangoValidationError as error:
            raise to_drf_error(error) from None
        # The history middleware sees the session user only; a token-authenticated user is set here.
        speaker._history_user = _request_user(self)
        speaker._change_reason = reason
        for _ in range(SAVE_ATTEMPTS):
            try:
                with transaction.atomic():
                    speaker.save()
                return speaker
            except IntegrityError:
                # Another editor saved the same slug or Wikidata id since this request checked them.
                if not self.resolve_conflict(speaker):
                    raise
        raise serializers.ValidationError({"slug": ["Could not find a free slug; give one."]})

    def resolve_conflict(self, speaker: Speaker) -> bool:
        """After a unique column refused the row: a 400 naming the field taken, or a fresh slug made from the name.

        A slug made from the name is chosen again, as it would have been had the other speaker been saved first.
        False when no unique column explains the refusal.
        """
        errors: dict[str, list[str]] = {}
        for name in ("wikidata_id", "slug"):
            value = getattr(speaker, name)
            try:
                if value:  # a blank Wikidata id is no one's (DRF validates no blank value either)
                    self.fields[name].run_validators(value)  # their UniqueValidators, asked again
            except serializers.ValidationError as error:
                errors[name] = list(error.detail)
        if set(errors) == {"slug"} and getattr(self, "_slug_from_name", False):
            speaker.slug = Speaker.free_slug(speaker.name)
            return True
        if errors:
            raise serializers.ValidationError(errors)
        return False


class SpeakerMergeSerializer(serializers.Serializer):
    """The speakers to merge into this one: their quotes and claims move over, their names become aliases."""

    speakers = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_DB_INTEGER),
        min_length=1,
        max_length=100,
        help_text="Ids of the speakers to merge into this one; they are deleted.",
    )
    reason = serializers.CharField(required=False, allow_blank=True, max_length=MAX_REASON_LENGTH)

    def validate_speakers(self, ids: list[int]) -> list[Speaker]:
        into: Speaker = self.context["into"]
        if into.pk in ids:
            raise serializers.ValidationError("A speaker cannot be merged into itself.")
        found = {speaker.pk: speaker for speaker in Speaker.objects.filter(pk__in=ids)}
        missing = [pk for pk in ids if pk not in found]
        if missing:
            raise serializers.ValidationError(f"No speaker with id {', '.join(map(str, missing))}.")
        return [found[pk] for pk in dict.fromkeys(ids)]


class VerificationSerializer(StrictWriteMixin, serializers.ModelSerializer):
    """Shared by quotes and claims: brief article and sentence, offsets, verification; the editors' writes.

    Editable (through ``newsfacts.review.edit``): status, rationale, evidence_urls, the speaker or
    claimant or the description of an unnamed one, the kind, and the offsets within the sentence (the text is then
    re-read from the article).
    """

    person_field = ""  # "speaker" or "claimant"

    article = BriefRelatedField(
        ArticleBriefSerializer,
        queryset=Article.objects.all(),
        required=False,
        help_text="Read: the article in brief. Write (adding an item only): the article's id.",
    )
    sentence = SentenceBriefSerializer(read_only=True)
    text = serializers.CharField(read_only=True, help_text="Exactly article.text[start:end].")
    origin = serializers.CharField(read_only=True, help_text="Who put it in the dataset: machine or editor.")
    added_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Username of the editor who added it."
    )
    added_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="When an editor added it.")
    rejected_reason = serializers.CharField(
        read_only=True,
        help_text="Why an editor rejected it (not_quote, not_claim, wrong_span, duplicate); blank: live.",
    )
    rejected_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Username of the editor who rejected it."
    )
    rejected_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="When it was rejected.")
    start = serializers.IntegerField(
        min_value=0,
        max_value=MAX_DB_INTEGER,
        required=False,
        help_text=OFFSET_FIELDS["start"]["help_text"] + " Written in code points.",
    )
    end = serializers.IntegerField(
        min_value=1,
        max_value=MAX_DB_INTEGER,
        required=False,
        help_text=OFFSET_FIELDS["end"]["help_text"] + " Written in code points.",
    )
    evidence_urls = serializers.ListField(
        child=serializers.URLField(max_length=2000, validators=[URLValidator(schemes=["http", "https"])]),
        required=False,
        help_text="http(s) URLs of the evidence for the status.",
    )
    reviewed_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True, help_text="Username of the reviewer, or null."
    )
    reviewed_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="When reviewed, or null.")
    reason = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=MAX_REASON_LENGTH,
        help_text="Recorded in history.",
    )

    verification_fields = ("status", "rationale", "evidence_urls")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is not None and "article" in attrs:
            raise serializers.ValidationError({"article": ["An item cannot move to another article."]})
        if self.instance is None:
            missing = [name for name in ("article", "start", "end") if name not in attrs]
            if missing:
                raise serializers.ValidationError({name: ["Required to add an item."] for name in missing})
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Quote | Claim:
        """An editor adds an item the pipeline missed: ``newsfacts.review.add_span`` holds the rules."""
        reason = validated_data.pop("reason", "") or ""
        article, start, end = validated_data.pop("article"), validated_data.pop("start"), validated_data.pop("end")
        model = self.Meta.model  # type: ignore[attr-defined]
        try:
            return review.add_span(
                model, article, start, end, user=_request_user(self), reason=reason, **validated_data
            )
        except DjangoValidationError as error:
            raise to_drf_error(error) from None

    def update(self, instance: Quote | Claim, validated_data: dict[str, Any]) -> Quote | Claim:
        """The editorial rules live in ``newsfacts.review.edit``: this only translates its errors into a 400."""
        reason = validated_data.pop("reason", "") or ""
        try:
            review.edit(instance, validated_data, user=_request_user(self), reason=reason)
        except DjangoValidationError as error:
            raise to_drf_error(error) from None
        return instance


_VERIFICATION_FIELDS = [
    "status",
    "rationale",
    "evidence_urls",
    "reviewed_by",
    "reviewed_at",
    *PROVENANCE_FIELDS,
]


class QuoteSerializer(VerificationSerializer):
    person_field = "speaker"

    url = serializers.HyperlinkedIdentityField(view_name="api:quote-detail")
    speaker = BriefRelatedField(
        SpeakerBriefSerializer, queryset=Speaker.objects.all(), allow_null=True, required=False,
        help_text="Read: the speaker in brief. Write: a speaker id, or null.",
    )  # fmt: skip

    class Meta:
        model = Quote
        fields = [
            "id",
            "url",
            "article",
            "sentence",
            "speaker",
            "speaker_description",
            "text",
            "start",
            "end",
            "kind",
            "cue",
            "attribution",
            "confidence",
            "attribution_confirmed",
            *_VERIFICATION_FIELDS,
            "reason",
        ]
        read_only_fields = ["attribution", "confidence"]


class RejectSerializer(serializers.Serializer):
    """Reject a quote or claim as a false extraction."""

    reason = serializers.ChoiceField(choices=Rejection.choices, help_text="Why it is not what the pipeline said.")
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_REASON_LENGTH, help_text="Recorded in history."
    )


class RestoreSerializer(serializers.Serializer):
    """Undo a rejection."""

    note = serializers.CharField(
        required=False, allow_blank=True, max_length=MAX_REASON_LENGTH, help_text="Recorded in history."
    )


class ClaimSerializer(VerificationSerializer):
    person_field = "claimant"

    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    claimant = BriefRelatedField(
        SpeakerBriefSerializer, queryset=Speaker.objects.all(), allow_null=True, required=False,
        help_text="Read: the claimant in brief. Write: a speaker id, or null.",
    )  # fmt: skip

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "article",
            "sentence",
            "claimant",
            "claimant_description",
            "text",
            "start",
            "end",
            "kind",
            "confidence",
            *_VERIFICATION_FIELDS,
            "reason",
        ]
        read_only_fields = ["confidence"]
