"""The newsfacts dataset: articles, their sentences, speakers, and the quotes and claims editors verify.

Offsets are Python string indices (code points) into ``Article.text``; every stored span slices back exactly:
``article.text[x.start:x.end] == x.text``. The database enforces what it can (unique and check constraints);
``clean()`` enforces what needs the article's text.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

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

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is Q followed by digits, e.g. Q7747.")


def _span_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(condition=Q(start__gte=0), name=f"{prefix}_start_not_negative"),
        models.CheckConstraint(condition=Q(end__gt=F("start")), name=f"{prefix}_end_after_start"),
    ]


# What ingest records about an article (where it came from, when, by which pipeline): shown, never edited.
INGEST_FIELDS = [
    "source",
    "fetched_at",
    "sha256",
    "page_sha256",
    "ingested_at",
    "pipeline_version",
    "extracted_at",
    "text",
]


class Article(models.Model):
    """One news article as ingested: its raw text is never rewritten; its sha256 makes it unique."""

    title = models.CharField(max_length=500, blank=True)
    publisher = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    language = models.CharField(max_length=16, default="en", help_text="BCP 47 language tag, e.g. en or en-GB.")
    credit = models.CharField(max_length=500, blank=True, help_text="Credit or licence line of the article.")
    text = models.TextField(help_text="The raw article text as ingested. Every offset points into it.")
    sha256 = models.CharField(max_length=64, unique=True, editable=False, help_text="sha256 of the raw text.")
    authors = models.CharField(
        max_length=500, blank=True, help_text='Author names as the page gives them, separated by "; ".'
    )
    site_name = models.CharField(max_length=200, blank=True, help_text="Name of the site the page came from.")
    source = models.CharField(
        max_length=2000, blank=True, help_text="Where the page was read from: the file as given, or its fetched URL."
    )
    page_sha256 = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="sha256 of the page as read (HTML, feed entry or text file): the same page is never stored twice.",
    )
    fetched_at = models.DateTimeField(null=True, blank=True, help_text="When a crawler fetched the page (WARC-Date).")
    ingested_at = models.DateTimeField(auto_now_add=True)
    pipeline_version = models.CharField(
        max_length=64, blank=True, help_text="The extraction pipeline version that last extracted this article."
    )
    extracted_at = models.DateTimeField(null=True, blank=True, help_text="When the pipeline last extracted it.")

    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
            models.UniqueConstraint(
                fields=["page_sha256"], condition=~Q(page_sha256=""), name="article_unique_page_sha256"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("api:article-detail", kwargs={"pk": self.pk})


class Sentence(models.Model):
    """A sentence of an article, or a piece of its furniture (heading, caption, credit), with exact offsets."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    position = models.PositiveIntegerField(help_text="0-based order of the sentence in its article.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    kind = models.CharField(max_length=16, choices=SentenceKind, default=SentenceKind.PROSE, db_index=True)

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="sentence_unique_position"),
            *_span_constraints("sentence"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}#{self.position}: {self.text[:60]}"

    def clean(self) -> None:
        super().clean()
        spans = self.article_id and self.start is not None and self.end is not None
        if spans and self.article.text[self.start : self.end] != self.text:
            raise ValidationError({"text": "The text must be exactly article.text[start:end]."})


class Speaker(models.Model):
    """A person or organisation that quotes and claims are attributed to, across articles."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names the speaker goes by in the text.")
    kind = models.CharField(max_length=16, choices=SpeakerKind, default=SpeakerKind.PERSON, db_index=True)
    description = models.CharField(max_length=500, blank=True, help_text='Short description, e.g. "head of Roscosmos".')
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_id_validator], help_text="e.g. Q7747"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"], condition=~Q(wikidata_id=""), name="speaker_unique_wikidata_id"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__startswith="Q"), name="speaker_wikidata_id_starts_with_q"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="speaker_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def free_slug(cls, name: str, taken: Collection[str] | None = None) -> str:
        """A slug made from the name that no speaker has (nor any of ``taken``): the name's, else with -2, -3...

        Its base is cut to 190 characters, leaving room for the number within the column's 200.
        """
        if taken is None:
            return cls.free_slugs([name])[0]
        base = cls._slug_base(name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    @classmethod
    def free_slugs(cls, names: Sequence[str]) -> list[str]:
        """``free_slug`` of each name, read in one query, each slug different from the others."""
        starts = {cls._slug_base(name) for name in names}
        query = Q(*(("slug__startswith", base) for base in starts), _connector=Q.OR)
        taken = set(cls.objects.filter(query).values_list("slug", flat=True))
        slugs = []
        for name in names:
            slugs.append(cls.free_slug(name, taken))
            taken.add(slugs[-1])
        return slugs

    @staticmethod
    def _slug_base(name: str) -> str:
        return (slugify(name) or "speaker")[:190]

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) and a.strip() for a in self.aliases):
            raise ValidationError({"aliases": "Aliases must be a list of non-empty names."})


class Verification(models.Model):
    """The verification an editor sets on a quote or a claim. Machine output starts `unverified`."""

    status = models.CharField(
        max_length=16, choices=VerificationStatus, default=VerificationStatus.UNVERIFIED, db_index=True
    )
    rationale = models.TextField(blank=True, help_text="Why the status was set: required unless unverified.")
    evidence_urls = models.JSONField(default=list, blank=True, help_text="URLs of the evidence for the status.")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.status != VerificationStatus.UNVERIFIED and not self.rationale.strip():
            raise ValidationError({"rationale": "Give a rationale for any status other than unverified."})
        if not isinstance(self.evidence_urls, list) or not all(isinstance(u, str) for u in self.evidence_urls):
            raise ValidationError({"evidence_urls": "Evidence must be a list of URLs."})
        from django.core.validators import URLValidator

        validate = URLValidator(schemes=["http", "https"])
        for url in self.evidence_urls:
            try:
                validate(url)
            except ValidationError:
                raise ValidationError({"evidence_urls": f"Not a URL: {url!r}"}) from None


def _verification_constraints(prefix: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=Q(rejected_reason="") | Q(rejected_reason__in=Rejection.values),
            name=f"{prefix}_rejected_reason_in_vocabulary",
        ),
        models.CheckConstraint(condition=Q(origin__in=Origin.values), name=f"{prefix}_origin_in_vocabulary"),
        models.CheckConstraint(
            condition=Q(status__in=VerificationStatus.values), name=f"{prefix}_status_in_vocabulary"
        ),
        models.CheckConstraint(
            condition=Q(status=VerificationStatus.UNVERIFIED) | ~Q(rationale=""), name=f"{prefix}_rationale_required"
        ),
    ]


# Who is reviewing an item now is bookkeeping, not a change of the item: kept out of its history and its version.
ASSIGNMENT_FIELDS = ["assigned_to", "assigned_until"]

# Who put a quote or claim in the dataset and who rejected it: set by the editorial rules (newsfacts/review.py), shown,
# never edited directly.
PROVENANCE_FIELDS = ["origin", "added_by", "added_at", "rejected_reason", "rejected_by", "rejected_at"]


# A quote whose speaker the pipeline guessed with less confidence than this, unconfirmed, needs an editor's look.
LOW_CONFIDENCE = 0.5


class SourceSpanQuerySet(models.QuerySet):
    """Domain queries on quotes and claims, shared by the admin, the API, the commands and the releases."""

    def needs_review(self, value: bool = True) -> SourceSpanQuerySet:
        """What an editor still has to look at (``value=False``: the rest); see ``needs_review_q``."""
        condition = self.model.needs_review_q() & Q(rejected_reason="")  # a rejected row needs no review
        return self.filter(condition) if value else self.exclude(condition)

    def reviewed(self, value: bool = True) -> SourceSpanQuerySet:
        """What an editor gave a status (``value=False``: what no editor has reviewed yet)."""
        return self.filter(reviewed_at__isnull=not value)

    def unverified(self) -> SourceSpanQuerySet:
        """Live rows nobody has given a status yet (a rejected row needs no review)."""
        return self.filter(status=VerificationStatus.UNVERIFIED, rejected_reason="")

    def count_per(self, field: str) -> Coalesce:
        """These rows counted per ``field`` (a foreign key), as a subquery to annotate that model's rows with."""
        rows = self.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
        return Coalesce(Subquery(rows, output_field=models.IntegerField()), 0)

    def live(self) -> SourceSpanQuerySet:
        """What the dataset holds: everything no editor rejected."""
        return self.filter(rejected_reason="")

    def rejected(self) -> SourceSpanQuerySet:
        """What editors rejected as false extractions (kept, with their history, as negative examples)."""
        return self.exclude(rejected_reason="")

    def untouched(self) -> SourceSpanQuerySet:
        """Machine output no editor has touched: the only rows re-extraction may update or remove."""
        return self.exclude(self.model.editor_touched_q())

    def touched(self) -> SourceSpanQuerySet:
        """Everything an editor reviewed, confirmed, added, rejected or corrected: re-extraction leaves it alone."""
        return self.filter(self.model.editor_touched_q())


class SourceSpan(Verification):
    """A reviewable span of an article (a quote or a claim), tied to the sentence it starts in.

    Besides its verification, it records who put it in the dataset (the pipeline or an editor), whether an editor
    rejected it as a false extraction, when an editor last changed it, and who is reviewing it now.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="%(class)ss")
    sentence = models.ForeignKey(
        Sentence, on_delete=models.CASCADE, related_name="%(class)ss", help_text="The sentence the span starts in."
    )
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    origin = models.CharField(
        max_length=16, choices=Origin, default=Origin.MACHINE, help_text="Who put it in the dataset."
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The editor who added it (empty for machine output).",
    )
    added_at = models.DateTimeField(null=True, blank=True, help_text="When an editor added it.")
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When an editor last changed it; re-extraction leaves such rows alone."
    )
    rejected_reason = models.CharField(
        max_length=16,
        choices=Rejection,
        blank=True,
        default="",
        help_text="Why an editor rejected it as a false extraction; blank: not rejected.",
    )
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text='The editor reviewing it now ("review next"), until assigned_until.',
    )
    assigned_until = models.DateTimeField(null=True, blank=True)

    objects = SourceSpanQuerySet.as_manager()

    # Whether the span must also end inside its sentence (a claim) or may run on (a quote over several sentences).
    span_within_sentence = True

    class Meta:
        abstract = True
        ordering = ["article", "start", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @classmethod
    def needs_review_q(cls) -> Q:
        """Rows an editor still has to look at: unverified."""
        return Q(status=VerificationStatus.UNVERIFIED)

    @classmethod
    def editor_touched_q(cls) -> Q:
        """Rows an editor touched: added, changed, reviewed or rejected."""
        return (
            Q(origin=Origin.EDITOR) | Q(edited_at__isnull=False) | Q(reviewed_at__isnull=False) | ~Q(rejected_reason="")
        )

    @property
    def is_rejected(self) -> bool:
        return bool(self.rejected_reason)

    def clean(self) -> None:
        super().clean()
        if self.article_id and self.sentence_id and self.start is not None and self.end is not None:
            self.clean_span()

    def clean_span(self) -> None:
        """Check that the span slices the article's text and lies where its sentence says."""
        article, sentence = self.article, self.sentence
        if sentence.article_id != article.pk:
            raise ValidationError({"sentence": "The sentence belongs to another article."})
        if not (0 <= self.start < self.end <= len(article.text)):
            raise ValidationError({"end": "The span lies outside the article text."})
        if not (sentence.start <= self.start < sentence.end):
            raise ValidationError({"start": "The span must start inside its sentence."})
        if self.span_within_sentence and self.end > sentence.end:
            raise ValidationError({"end": "The span must end inside its sentence."})
        if article.text[self.start : self.end] != self.text:
            raise ValidationError({"text": "The text must be exactly article.text[start:end]."})


def unnamed_source_description(help_text: str) -> models.CharField:
    """The article's words for a speaker or claimant it does not name; empty once one is named."""
    # The database default lets raw loads that leave the column out (bench/make_dataset.py) store "".
    return models.CharField(max_length=200, blank=True, default="", db_default="", help_text=help_text)


def pipeline_confidence(help_text: str) -> models.FloatField:
    """How sure the pipeline is of what it extracted, 0 to 1 (checked in the database by ``_confidence_constraint``)."""
    return models.FloatField(
        default=0.0, validators=[MinValueValidator(0.0), MaxValueValidator(1.0)], help_text=help_text
    )


def _confidence_constraint(prefix: str) -> models.BaseConstraint:
    return models.CheckConstraint(
        condition=Q(confidence__gte=0) & Q(confidence__lte=1), name=f"{prefix}_confidence_0_1"
    )


class Quote(SourceSpan):
    """Something a speaker said, direct or reported, with its exact span in the article."""

    span_within_sentence = False

    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_description = unnamed_source_description(
        'Who speaks when no speaker is named, in the article\'s words ("a senior official", "analysts"); '
        "empty when the quote has a speaker."
    )
    kind = models.CharField(max_length=16, choices=QuoteKind, default=QuoteKind.DIRECT, db_index=True)
    cue = models.CharField(max_length=100, blank=True, help_text='The reporting verb or phrase: "said", "told".')
    attribution = models.CharField(
        max_length=16, choices=Attribution, default=Attribution.NONE, help_text="How the speaker was found."
    )
    confidence = pipeline_confidence("The pipeline's confidence in the attribution, 0 to 1.")
    attribution_confirmed = models.BooleanField(default=False, help_text="An editor confirmed the speaker.")

    history = HistoricalRecords(excluded_fields=ASSIGNMENT_FIELDS)

    class Meta(SourceSpan.Meta):
        constraints = [
            *_span_constraints("quote"),
            *_verification_constraints("quote"),
            _confidence_constraint("quote"),
        ]
        indexes = [
            # For ?speaker=X&status=Y and its count (bench/README.md: the count needs a composite index).
            # rejected_reason: the lists show live rows (rejected_reason = ''), counted from the index alone.
            models.Index(fields=["speaker", "status", "rejected_reason", "id"], name="quote_speaker_status_live_id"),
            models.Index(fields=["status", "rejected_reason", "id"], name="quote_status_live_id"),
        ]

    @classmethod
    def editor_touched_q(cls) -> Q:
        return super().editor_touched_q() | Q(attribution_confirmed=True)

    @classmethod
    def attribution_needs_review_q(cls) -> Q:
        """Quotes whose speaker needs checking: none, or a low-confidence guess, and no editor confirmed it."""
        return Q(attribution_confirmed=False) & (Q(speaker__isnull=True) | Q(confidence__lt=LOW_CONFIDENCE))

    @classmethod
    def needs_review_q(cls) -> Q:
        """Unverified, or with a speaker that needs checking."""
        return super().needs_review_q() | cls.attribution_needs_review_q()


class Claim(SourceSpan):
    """A check-worthy statement of an article: a span inside one sentence."""

    claimant = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    # The description its quote's unnamed speaker has, when the claim is in that quote's words.
    claimant_description = unnamed_source_description(
        'Who makes the claim when no claimant is named, in the article\'s words ("a senior official", '
        '"residents"); empty when the claim has a claimant or is the article\'s own.'
    )
    kind = models.CharField(max_length=16, choices=ClaimKind, default=ClaimKind.OTHER, db_index=True)
    confidence = pipeline_confidence("The pipeline's confidence that the claim is check-worthy, 0 to 1.")

    history = HistoricalRecords(excluded_fields=ASSIGNMENT_FIELDS)

    class Meta(SourceSpan.Meta):
        constraints = [
            *_span_constraints("claim"),
            *_verification_constraints("claim"),
            _confidence_constraint("claim"),
        ]
        indexes = [
            # For ?claimant=X&status=Y and its count (bench/README.md: the count needs a composite index).
            # rejected_reason: the lists show live rows (rejected_reason = ''), counted from the index alone.
            models.Index(fields=["claimant", "status", "rejected_reason", "id"], name="claim_claimant_status_live_id"),
            models.Index(fields=["status", "rejected_reason", "id"], name="claim_status_live_id"),
        ]
