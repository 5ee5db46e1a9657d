"""The filters of the dataset's lists, shared by the REST API and the exports (django-filter FilterSets, as in NetBox).

Every filter validates its value without touching the database: ids are checked to be integers (an unknown id
matches nothing, it is not looked up), choices against the vocabularies of ``newsfacts.choices``, booleans and dates
strictly. An invalid value makes the FilterSet invalid, which the API turns into HTTP 400 naming the parameter.
Parameters that take several values accept them repeated (``?status=verified&status=false``) or comma-separated
(``?claimant=3,4``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

import django_filters
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import QuerySet
from django_filters.fields import IsoDateTimeField
from django_filters.fields import MultipleChoiceField as BaseMultipleChoiceField

from newsfacts import search
from newsfacts.choices import (
    Attribution,
    ClaimKind,
    Origin,
    QuoteKind,
    Rejection,
    SentenceKind,
    SpeakerKind,
    VerificationStatus,
)
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.values import parse_bool

# The largest value a 64-bit signed integer column holds: a larger id would overflow the database driver.
MAX_DB_INTEGER = 2**63 - 1


def _split_values(values: Any) -> list[str]:
    """The values of a parameter given repeated or comma-separated, without blanks."""
    if values in (None, ""):
        return []
    if isinstance(values, str):
        values = [values]
    return [piece.strip() for value in values for piece in str(value).split(",") if piece.strip()]


class IntegerListField(forms.Field):
    """One or more integers, repeated or comma-separated, each within [min_value, MAX_DB_INTEGER]."""

    widget = forms.SelectMultiple  # its value_from_datadict reads every value of a repeated parameter

    def __init__(self, *args: Any, min_value: int = 1, **kwargs: Any) -> None:
        self.min_value = min_value
        super().__init__(*args, **kwargs)

    def to_python(self, value: Any) -> list[int]:
        numbers = []
        for piece in _split_values(value):
            try:
                number = int(piece)
            except ValueError:
                raise forms.ValidationError("%(piece)r is not a whole number.", params={"piece": piece}) from None
            if not self.min_value <= number <= MAX_DB_INTEGER:
                raise forms.ValidationError(f"{number} is out of range ({self.min_value} or more).")
            numbers.append(number)
        return numbers

    def validate(self, value: list[int]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class StringListField(forms.Field):
    """One or more strings, repeated or comma-separated; none may hold a NUL character (as forms.CharField)."""

    widget = forms.SelectMultiple
    # PostgreSQL text cannot hold NUL: the query would fail with a server error instead of matching nothing.
    default_validators = [ProhibitNullCharactersValidator()]

    def to_python(self, value: Any) -> list[str]:
        return _split_values(value)

    def run_validators(self, value: list[str]) -> None:
        # Each string on its own: the validators of a string would see the list's repr, where NUL is escaped.
        for piece in value:
            super().run_validators(piece)

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class StrictBooleanField(forms.Field):
    """true/false (or 1/0, yes/no); anything else is an error rather than silently no filter."""

    def to_python(self, value: Any) -> bool | None:
        if value in (None, ""):
            return None
        parsed = parse_bool(str(value))
        if parsed is None:
            raise forms.ValidationError("%(value)r is not a boolean: use true or false.", params={"value": value})
        return parsed


class DateTimeField(IsoDateTimeField):
    """An ISO 8601 date and time, converted to UTC: the database never sees the offset it was given.

    PostgreSQL refuses offsets beyond 15:59 that Python parses (up to 23:59), and a value within a day of the ends of
    the calendar (9999-12-31T23:59:59-23:00) has no UTC equivalent: it is an error, not a server error.
    """

    def to_python(self, value: Any) -> datetime | None:
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(
                "%(value)r is outside the dates that can be stored (years 1 to 9999 in UTC).",
                code="overflow",
                params={"value": value},
            ) from None


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = DateTimeField


class IdFilter(django_filters.Filter):
    """Rows whose id (or foreign key) is one of the given ids; no query checks that the ids exist."""

    field_class = IntegerListField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)


class StringInFilter(django_filters.Filter):
    """Rows whose field equals one of the given strings."""

    field_class = StringListField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "in")
        super().__init__(*args, **kwargs)


class BooleanFilter(django_filters.Filter):
    field_class = StrictBooleanField


class MultipleChoiceField(BaseMultipleChoiceField):
    def to_python(self, value: Any) -> list[str]:
        return super().to_python(_split_values(value))


class MultipleChoiceFilter(django_filters.MultipleChoiceFilter):
    """Any of several choices. No DISTINCT: it would make the database sort and compare whole joined rows."""

    field_class = MultipleChoiceField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)


class SearchField(forms.CharField):
    """A search as typed (words, "phrases", prefix*, -exclusions), parsed into the index's terms."""

    def clean(self, value: Any) -> search.Terms | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return search.parse(text)  # a search of no words (only symbols) is still a search: it finds nothing
        except search.SearchSyntaxError as error:
            raise forms.ValidationError(str(error), code="invalid") from None


class SearchFilter(django_filters.Filter):
    """``q``: rows matching in the full-text index (``newsfacts.search``), by the FilterSet's ``search`` method."""

    field_class = SearchField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("method", "search")
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)


SEARCH_HELP = 'Words must all occur; "a phrase" in quotes, prefix* and -excluded words; case and accents are ignored.'


class FilterSet(django_filters.FilterSet):
    """A FilterSet that, bound to data, builds only the filters the data names.

    django-filter deep-copies every filter and builds a form of a field for each on every request: a quarter of a
    claims list request with its twenty filters (profiled at 1M rows), for filters that would do nothing. Unbound
    (the OpenAPI schema, an empty form) or with ``sparse=False`` (a filter form to show) it has them all.
    """

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
        sparse: bool = True,
    ) -> None:
        if sparse and data is not None and prefix is None:
            # The instance's own base_filters: the parent deep-copies only these into self.filters.
            self.base_filters = {name: f for name, f in self.base_filters.items() if name in data}
        super().__init__(data, queryset, request=request, prefix=prefix)

    # Form classes by the filters they hold: django-filter builds a new class on every request. Bounded, since
    # a client chooses which filters a query names.
    _form_classes: ClassVar[dict[tuple[type, tuple[str, ...]], type]] = {}
    MAX_FORM_CLASSES = 512

    def get_form_class(self) -> type:
        key = (type(self), tuple(self.filters))
        form_class = self._form_classes.get(key)
        if form_class is None:
            if len(self._form_classes) >= self.MAX_FORM_CLASSES:
                self._form_classes.clear()
            # A form deep-copies its class's fields, so one class serves every request.
            form_class = self._form_classes[key] = super().get_form_class()
        return form_class


class SearchableFilterSet(FilterSet):
    """A FilterSet with ``q`` in the model's full-text index; ``searched_people`` names relations to speakers whose
    names and aliases match too. Ordered by relevance (``?ordering=relevance``), the rows carry their rank as
    ``relevance``; with ``highlight`` (where declared) a fragment of their text as ``highlight``."""

    searched_people: ClassVar[tuple[str, ...]] = ()

    def search(self, queryset: QuerySet, name: str, terms: search.Terms) -> QuerySet:
        if not terms:
            return queryset.none()  # only punctuation or symbols: no word of the index
        model = queryset.model
        people = [(Speaker, f"{person}_id") for person in self.searched_people]
        queryset = queryset.filter(search.matching_or_related(model, terms, people))
        if self.ordered_by_relevance():
            queryset = queryset.annotate(**{search.RELEVANCE: search.rank(model, terms)})
        if self.form.cleaned_data.get("highlight"):
            queryset = queryset.annotate(highlight=search.highlight(model, terms))
        return queryset

    def ordered_by_relevance(self) -> bool:
        ordering = str(self.data.get("ordering", ""))
        return search.RELEVANCE in (term.strip().removeprefix("-") for term in ordering.split(","))

    def keep(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        """The filter only shapes what ``search`` returns."""
        return queryset


class HighlightForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("highlight") and cleaned.get("q") is None and "q" not in self.errors:
            self.add_error("highlight", "highlight shows where a search matched: add ?q=.")
        return cleaned


def highlight_filter() -> BooleanFilter:
    return BooleanFilter(
        method="keep",
        label="With q: add to each row a fragment of its text, the matched words in <mark> (HTML-escaped)",
    )


class ArticleFilterSet(SearchableFilterSet):
    q = SearchFilter(label=f"Search title, publisher and URL. {SEARCH_HELP}")
    id = IdFilter(label="Article ids")
    title = django_filters.CharFilter(lookup_expr="icontains", label="Title contains")
    publisher = StringInFilter(label="Publisher (exact)")
    url = django_filters.CharFilter(label="Source URL (exact)")
    published = django_filters.DateFilter(label="Published on (YYYY-MM-DD)")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published on or after"
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published on or before"
    )
    language = StringInFilter(label="Language tag (exact), e.g. en")
    credit = django_filters.CharFilter(lookup_expr="icontains", label="Credit line contains")
    sha256 = django_filters.CharFilter(max_length=64, label="sha256 of the text")
    authors = django_filters.CharFilter(lookup_expr="icontains", label="Authors contain")
    site_name = StringInFilter(label="Site name (exact)")
    source = django_filters.CharFilter(label="Source file or fetched URL (exact)")
    page_sha256 = django_filters.CharFilter(max_length=64, label="sha256 of the page as read")
    fetched_after = DateTimeFilter(field_name="fetched_at", lookup_expr="gte", label="Fetched at or after (ISO 8601)")
    fetched_before = DateTimeFilter(field_name="fetched_at", lookup_expr="lte", label="Fetched at or before (ISO 8601)")
    pipeline_version = StringInFilter(label="Version of the extraction pipeline that extracted it")
    ingested_after = DateTimeFilter(
        field_name="ingested_at", lookup_expr="gte", label="Ingested at or after (ISO 8601)"
    )
    ingested_before = DateTimeFilter(
        field_name="ingested_at", lookup_expr="lte", label="Ingested at or before (ISO 8601)"
    )

    class Meta:
        model = Article
        fields: list[str] = []


class SentenceFilterSet(SearchableFilterSet):
    q = SearchFilter(label=f"Search the sentence text. {SEARCH_HELP}")
    highlight = highlight_filter()
    id = IdFilter(label="Sentence ids")
    article = IdFilter(field_name="article_id", label="Article ids")
    position = IdFilter(min_value=0, label="Positions in the article (0-based)")
    kind = MultipleChoiceFilter(choices=SentenceKind.choices, label="Kind")

    class Meta:
        model = Sentence
        fields: list[str] = []
        form = HighlightForm


class SpeakerFilterSet(SearchableFilterSet):
    q = SearchFilter(label=f"Search names and aliases. {SEARCH_HELP}")
    id = IdFilter(label="Speaker ids")
    slug = StringInFilter(label="Speaker slugs")
    name = django_filters.CharFilter(lookup_expr="icontains", label="Name contains")
    kind = MultipleChoiceFilter(choices=SpeakerKind.choices, label="Kind")
    description = django_filters.CharFilter(lookup_expr="icontains", label="Description contains")
    wikidata_id = StringInFilter(label="Wikidata ids, e.g. Q7747")

    class Meta:
        model = Speaker
        fields: list[str] = []


class VerificationFilterSet(SearchableFilterSet):
    """Filters shared by quotes and claims; subclasses add their speaker filters as ``<person>``/``<person>_slug``."""

    person_field = ""  # "speaker" or "claimant"

    highlight = highlight_filter()
    id = IdFilter(label="Ids")
    status = MultipleChoiceFilter(choices=VerificationStatus.choices, label="Verification status")
    article = IdFilter(field_name="article_id", label="Article ids")
    sentence = IdFilter(field_name="sentence_id", label="Sentence ids")
    publisher = StringInFilter(field_name="article__publisher", label="Publisher of the article (exact)")
    published = django_filters.DateFilter(field_name="article__published", label="Article published on (YYYY-MM-DD)")
    published_after = django_filters.DateFilter(
        field_name="article__published", lookup_expr="gte", label="Article published on or after"
    )
    published_before = django_filters.DateFilter(
        field_name="article__published", lookup_expr="lte", label="Article published on or before"
    )
    reviewed = BooleanFilter(field_name="reviewed_at", method="filter_reviewed", label="Reviewed by an editor")
    needs_review = BooleanFilter(
        method="filter_needs_review",
        label="Still to be reviewed: unverified (quotes: or a speaker missing or doubtful, unconfirmed)",
    )
    reviewed_after = DateTimeFilter(
        field_name="reviewed_at", lookup_expr="gte", label="Reviewed at or after (ISO 8601)"
    )
    reviewed_before = DateTimeFilter(
        field_name="reviewed_at", lookup_expr="lte", label="Reviewed at or before (ISO 8601)"
    )
    reviewed_by = IdFilter(field_name="reviewed_by_id", label="Reviewer user ids")
    # The pipeline's confidence: in a quote's attribution, in a claim's being check-worthy.
    confidence_min = django_filters.NumberFilter(
        field_name="confidence", lookup_expr="gte", min_value=0, max_value=1, label="Confidence at least (0 to 1)"
    )
    confidence_max = django_filters.NumberFilter(
        field_name="confidence", lookup_expr="lte", min_value=0, max_value=1, label="Confidence at most (0 to 1)"
    )
    rejected = BooleanFilter(
        field_name="rejected_reason",
        method="filter_rejected",
        label="Rejected by an editor as a false extraction (lists leave rejected items out unless asked)",
    )
    rejected_reason = MultipleChoiceFilter(choices=Rejection.choices, label="Why an editor rejected it")
    rejected_by = IdFilter(field_name="rejected_by_id", label="User ids of the editors who rejected it")
    origin = MultipleChoiceFilter(choices=Origin.choices, label="Who put it in the dataset: the pipeline or an editor")
    added_by = IdFilter(field_name="added_by_id", label="User ids of the editors who added it")

    def filter_rejected(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.rejected() if value else queryset.live()

    def filter_reviewed(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset if value is None else queryset.reviewed(value)

    def filter_needs_review(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset if value is None else queryset.needs_review(value)

    def filter_has_person(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(**{f"{self.person_field}__isnull": not value})

    def filter_has_description(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.exclude(**{name: ""}) if value else queryset.filter(**{name: ""})

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.searched_people = (cls.person_field,) if cls.person_field else ()


class QuoteFilterSet(VerificationFilterSet):
    person_field = "speaker"

    q = SearchFilter(label=f"Search quote text, speaker names and aliases. {SEARCH_HELP}")
    speaker = IdFilter(field_name="speaker_id", label="Speaker ids")
    speaker_slug = StringInFilter(field_name="speaker__slug", label="Speaker slugs")
    has_speaker = BooleanFilter(field_name="speaker", method="filter_has_person", label="Has a speaker")
    has_speaker_description = BooleanFilter(
        field_name="speaker_description",
        method="filter_has_description",
        label="Has an unnamed speaker's description: a quote from a source the article describes but does not name",
    )
    kind = MultipleChoiceFilter(choices=QuoteKind.choices, label="Kind of quote")
    cue = StringInFilter(label="Reporting verb or phrase (exact), e.g. said")
    attribution = MultipleChoiceFilter(choices=Attribution.choices, label="How the speaker was found")
    attribution_confirmed = BooleanFilter(label="An editor confirmed the speaker")

    class Meta:
        model = Quote
        fields: list[str] = []
        form = HighlightForm


class ClaimFilterSet(VerificationFilterSet):
    person_field = "claimant"

    q = SearchFilter(label=f"Search claim text, claimant names and aliases. {SEARCH_HELP}")
    claimant = IdFilter(field_name="claimant_id", label="Claimant (speaker) ids")
    claimant_slug = StringInFilter(field_name="claimant__slug", label="Claimant (speaker) slugs")
    has_claimant = BooleanFilter(field_name="claimant", method="filter_has_person", label="Has a claimant")
    has_claimant_description = BooleanFilter(
        field_name="claimant_description",
        method="filter_has_description",
        label="Has an unnamed claimant's description: a claim from an unnamed source, not the article's own",
    )
    kind = MultipleChoiceFilter(choices=ClaimKind.choices, label="Kind of claim")

    class Meta:
        model = Claim
        fields: list[str] = []
        form = HighlightForm
