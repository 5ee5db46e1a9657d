"""Admin for quotes and claims: the review queue, the change form in context, review and bulk review, history.

Both models share `VerificationAdmin`; the review queue is the same admin in a second view (`<model>/review/`),
listing what is still unverified, oldest article first.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import F, Model, QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from newsfacts import review
from newsfacts.admin.actions import confirmation_page
from newsfacts.admin.editing import EditingMixin
from newsfacts.admin.filters import (
    ArticleFilter,
    AttributionFilter,
    CheckWorthyConfidenceFilter,
    ClaimantFilter,
    ConfidenceFilter,
    NeedsReviewFilter,
    QueueStatusFilter,
    RejectedFilter,
    SpeakerFilter,
)
from newsfacts.admin.forms import BulkReviewForm, ReviewForm
from newsfacts.admin.history import HistoryAdmin
from newsfacts.admin.in_context import span_in_context
from newsfacts.choices import VerificationStatus
from newsfacts.models import ASSIGNMENT_FIELDS, PROVENANCE_FIELDS, Claim, Quote
from newsfacts.review import bulk_set_verification

# Marks a change page opened from the review queue, so that saving goes back to the queue.
QUEUE_PARAM = "_queue"
# Oldest article first: by publication date (undated last), then by when it was ingested; then in reading order.
QUEUE_ORDERING = [
    F("article__published").asc(nulls_last=True),
    "article__ingested_at",
    "article_id",
    "start",
    "id",
]


def reverting(request: HttpRequest) -> bool:
    """Whether the request is simple_history's "revert to this version" form."""
    match = request.resolver_match
    return bool(match and match.url_name and match.url_name.endswith("_simple_history"))


class VerificationAdmin(EditingMixin, HistoryAdmin):
    """What quotes and claims share: their review, their place in the article, their history."""

    form = ReviewForm
    speaker_field: str  # "speaker" or "claimant"
    queue_admin_class: type[VerificationAdmin]

    list_display_links = ["excerpt"]
    list_per_page = 50
    show_full_result_count = False
    search_fields = ["text", "article__title"]
    readonly_fields = [
        "in_context",
        "article",
        "sentence",
        "text",
        "start",
        "end",
        "reviewed_by",
        "reviewed_at",
        "evidence_links",
        *PROVENANCE_FIELDS,
        *ASSIGNMENT_FIELDS,
    ]
    actions = ["mark_verified", "mark_unverifiable"]
    history_list_display = ["status"]
    change_list_template = "admin/newsfacts/verification_change_list.html"
    change_form_template = "admin/newsfacts/verification_change_form.html"
    is_queue = False

    class Media:
        css = {"all": ["newsfacts/admin.css"]}

    # Queryset and permissions

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The article's raw text can be long and no column shows it.
        return super().get_queryset(request).select_related("article", self.speaker_field).defer("article__text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # quotes and claims come from the pipeline, with offsets into the article

    # Columns

    @admin.display(description="text", ordering="text")
    def excerpt(self, obj: Quote | Claim) -> str:
        return Truncator(obj.text).chars(120)

    @admin.display(description="article", ordering="article__published")
    def article_link(self, obj: Quote | Claim) -> SafeString:
        date = obj.article.published.isoformat() if obj.article.published else "no date"
        return format_html(
            '<a href="?{}" title="Only this article">{}</a> <span class="nf-muted">{}</span>',
            urlencode({"article": obj.article_id}),
            Truncator(str(obj.article)).chars(60),
            date,
        )

    def _speaker_link(self, obj: Quote | Claim) -> SafeString | str:
        speaker = getattr(obj, self.speaker_field)
        if speaker is None:
            description = getattr(obj, review.DESCRIPTION_FIELD[type(obj)])
            return format_html("<i>unnamed: {}</i>", description) if description else "-"
        return format_html(
            '<a href="?{}" title="Only this speaker">{}</a>', urlencode({self.speaker_field: speaker.pk}), speaker
        )

    # The change form

    @admin.display(description="In context")
    def in_context(self, obj: Quote | Claim) -> SafeString | str:
        return span_in_context(obj) if obj.pk else "-"

    @admin.display(description="Evidence URLs")
    def evidence_links(self, obj: Quote | Claim) -> SafeString | str:
        urls = [u for u in obj.evidence_urls if u.lower().startswith(("http://", "https://"))]
        if not urls:
            return "-"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}" rel="noopener noreferrer">{}</a></li>', ((u, u) for u in urls)),
        )

    def review_fields(self) -> list[Any]:
        # version: hidden, the item as the editor opened it (the form's conflict check).
        return ["status", "rationale", "evidence_urls", "reason", ("reviewed_by", "reviewed_at"), "version"]

    def attribution_fields(self) -> list[Any]:
        return [self.speaker_field, "kind"]

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> list[tuple[str | None, dict[str, Any]]]:
        review = self.review_fields()
        if not self.has_change_permission(request, obj):
            # Read only: no reason to give, and evidence as links.
            review = [
                ("evidence_links" if f == "evidence_urls" else f) for f in review if f not in ("reason", "version")
            ]
        return [
            (None, {"fields": ["in_context"]}),
            ("Review", {"fields": review}),
            ("Attribution", {"fields": self.attribution_fields()}),
            (
                "Span in the article",
                {"classes": ["collapse"], "fields": ["article", "sentence", ("start", "end"), "text"]},
            ),
            (
                "Provenance",
                {
                    "classes": ["collapse"],
                    "fields": [
                        ("origin", "added_by", "added_at"),
                        ("rejected_reason", "rejected_by", "rejected_at"),
                        ("assigned_to", "assigned_until"),
                    ],
                },
            ),
        ]

    def save_model(self, request: HttpRequest, obj: Quote | Claim, form: ReviewForm, change: bool) -> None:
        """Every rule of the change is ``review.edit``'s, as for the API; a revert saves the old version as it is."""
        editable = review.editable_fields(type(obj))
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in editable}
        reason = form.cleaned_data.get("reason", "")
        if not changes and not reason and reverting(request):
            reason = "reverted to an earlier version"
        review.edit(obj, changes, user=request.user, reason=reason)

    # Where a save goes: back to the queue when the page was opened from it.

    def get_preserved_filters(self, request: HttpRequest) -> str:
        preserved = super().get_preserved_filters(request)
        if request.GET.get(QUEUE_PARAM):
            preserved = f"{preserved}&{QUEUE_PARAM}=1" if preserved else f"{QUEUE_PARAM}=1"
        return preserved

    def queue_url(self) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review")

    def response_post_save_change(self, request: HttpRequest, obj: Model) -> HttpResponse:
        if request.GET.get(QUEUE_PARAM):
            filters = request.GET.get("_changelist_filters", "")
            if "_savenext" in request.POST:
                following = self.next_in_queue(request, obj, filters)
                if following is not None:
                    url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[following.pk])
                    return HttpResponseRedirect(f"{url}?{urlencode({'_changelist_filters': filters, QUEUE_PARAM: 1})}")
                self.message_user(request, "Nothing left in the review queue.", messages.INFO)
            return HttpResponseRedirect(self.queue_url() + (f"?{filters}" if filters else ""))
        return super().response_post_save_change(request, obj)

    def next_in_queue(self, request: HttpRequest, obj: Model, filters: str) -> Model | None:
        """The first free row of the review queue, as filtered when the editor opened `obj`, now held for them."""
        queue = self.queue_admin_class(self.model, self.admin_site)
        original = request.GET
        request.GET = QueryDict(filters)
        try:
            changelist = queue.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return None
        finally:
            request.GET = original
        # The item is handed back, and the next free one is held for this editor ("review next").
        review.release(obj, request.user)  # type: ignore[arg-type]
        return review.take_next(changelist.queryset.exclude(pk=obj.pk), request.user)  # type: ignore[arg-type]

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {"from_queue": bool(request.GET.get(QUEUE_PARAM)), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra)

    # Views

    def get_urls(self) -> list[Any]:
        queue = self.queue_admin_class(self.model, self.admin_site)
        name = f"{self.opts.app_label}_{self.opts.model_name}_review"
        return [
            path("review/", self.admin_site.admin_view(queue.changelist_view), name=name),
            *self.editing_urls(),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        plural = self.opts.verbose_name_plural
        extra = {
            "is_review_queue": self.is_queue,
            "other_list_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            if self.is_queue
            else self.queue_url(),
            "other_list_label": f"All {plural}" if self.is_queue else "Review queue",
        }
        if self.is_queue:
            extra["title"] = f"Review queue: {plural} to verify, oldest article first"
            extra["review_next_url"] = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review_next")
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    # Bulk review

    @admin.action(description="Mark selected as verified…", permissions=["change"])
    def mark_verified(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self.bulk_review(request, queryset, VerificationStatus.VERIFIED)

    @admin.action(description="Mark selected as unverifiable…", permissions=["change"])
    def mark_unverifiable(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        return self.bulk_review(request, queryset, VerificationStatus.UNVERIFIABLE)

    def bulk_review(self, request: HttpRequest, queryset: QuerySet, status: str) -> HttpResponse | None:
        """Ask for one rationale on a confirmation page, then review every selected row with it."""
        label = VerificationStatus(status).label
        form: Form
        if request.POST.get("apply"):
            form = BulkReviewForm(request.POST, status=status)
            if form.is_valid():
                count = bulk_set_verification(
                    queryset,
                    status=status,
                    rationale=form.cleaned_data["rationale"],
                    evidence_urls=form.cleaned_data["evidence_urls"],
                    user=request.user,
                )
                noun = self.opts.verbose_name if count == 1 else self.opts.verbose_name_plural
                self.message_user(request, f"Marked {count} {noun} as {label}.", messages.SUCCESS)
                return None
        else:
            form = BulkReviewForm(status=status)
        count = queryset.count()
        return confirmation_page(
            self,
            request,
            "admin/newsfacts/bulk_review.html",
            title=f"Mark {count} {self.opts.verbose_name_plural} as {label}",
            form=form,
            submit_label=f"Mark {count} as {label}",
            page_class="bulk-review",
            status=status,
            status_label=label,
            count=count,
            changing=queryset.exclude(status=status).count(),
            sample=list(queryset.order_by("pk")[:10]),
        )


class QuoteAdmin(VerificationAdmin):
    speaker_field = "speaker"
    list_display = [
        "excerpt",
        "speaker_link",
        "article_link",
        "kind",
        "status",
        "confidence",
        "attribution_confirmed",
    ]
    list_filter = [
        NeedsReviewFilter,
        RejectedFilter,
        "status",
        "kind",
        ConfidenceFilter,
        AttributionFilter,
        ArticleFilter,
        SpeakerFilter,
    ]
    search_fields = [*VerificationAdmin.search_fields, "cue", "speaker__name", "speaker__aliases"]
    autocomplete_fields = ["speaker"]
    readonly_fields = [*VerificationAdmin.readonly_fields, "cue", "attribution", "confidence"]

    @admin.display(description="speaker", ordering="speaker__name")
    def speaker_link(self, obj: Quote) -> SafeString | str:
        return self._speaker_link(obj)

    def attribution_fields(self) -> list[Any]:
        return [
            "speaker",
            "speaker_description",
            "attribution_confirmed",
            ("attribution", "confidence"),
            "cue",
            "kind",
        ]


class ClaimAdmin(VerificationAdmin):
    speaker_field = "claimant"
    list_display = ["excerpt", "claimant_link", "article_link", "kind", "status", "confidence"]
    list_filter = [
        NeedsReviewFilter,
        RejectedFilter,
        "status",
        "kind",
        CheckWorthyConfidenceFilter,
        ArticleFilter,
        ClaimantFilter,
    ]
    search_fields = [*VerificationAdmin.search_fields, "claimant_description", "claimant__name", "claimant__aliases"]
    autocomplete_fields = ["claimant"]
    readonly_fields = [*VerificationAdmin.readonly_fields, "confidence"]

    @admin.display(description="claimant", ordering="claimant__name")
    def claimant_link(self, obj: Claim) -> SafeString | str:
        return self._speaker_link(obj)

    def attribution_fields(self) -> list[Any]:
        return ["claimant", "claimant_description", ("kind", "confidence")]


def _queue_filters(list_filter: list[Any]) -> list[Any]:
    return [
        QueueStatusFilter if f == "status" else f
        for f in list_filter
        if f is not NeedsReviewFilter and f is not RejectedFilter
    ]


class QueueMixin:
    """The review queue: live items only, oldest article first, with who is reviewing what."""

    is_queue = True
    ordering = QUEUE_ORDERING

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).live().select_related("assigned_to")  # type: ignore[misc]

    def get_list_display(self, request: HttpRequest) -> list[Any]:
        return [*super().get_list_display(request), "taken_by"]  # type: ignore[misc]

    @admin.display(description="taken by")
    def taken_by(self, obj: Quote | Claim) -> str:
        if obj.assigned_to_id is None or obj.assigned_until is None or obj.assigned_until <= timezone.now():
            return "-"
        return f"{obj.assigned_to} until {timezone.localtime(obj.assigned_until):%H:%M}"

    def get_preserved_filters(self, request: HttpRequest) -> str:
        return urlencode({"_changelist_filters": request.GET.urlencode(), QUEUE_PARAM: "1"})


class QuoteQueueAdmin(QueueMixin, QuoteAdmin):
    list_filter = _queue_filters(QuoteAdmin.list_filter)


class ClaimQueueAdmin(QueueMixin, ClaimAdmin):
    list_filter = _queue_filters(ClaimAdmin.list_filter)


QuoteAdmin.queue_admin_class = QuoteQueueAdmin
ClaimAdmin.queue_admin_class = ClaimQueueAdmin
admin.site.register(Quote, QuoteAdmin)
admin.site.register(Claim, ClaimAdmin)
