"""Admin for speakers: find them by any name, create them from a quote, merge duplicates into one."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from newsfacts.admin.actions import confirmation_page
from newsfacts.admin.forms import MergeSpeakersForm, SpeakerForm
from newsfacts.admin.history import HistoryAdmin
from newsfacts.models import Claim, Quote, Speaker
from newsfacts.review import merge_speakers


@admin.register(Speaker)
class SpeakerAdmin(HistoryAdmin):
    form = SpeakerForm
    list_display = ["name", "kind", "aliases_list", "description", "wikidata_id", "quote_count", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "slug", "description", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "aliases", "description", "wikidata_id"]
    actions = ["merge_selected"]
    list_per_page = 100
    show_full_result_count = False
    history_list_display = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Speaker]:
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Quote.objects.count_per("speaker"), claim_count=Claim.objects.count_per("claimant"))
        )

    @admin.display(description="aliases")
    def aliases_list(self, speaker: Speaker) -> str:
        return ", ".join(speaker.aliases)

    def _link(self, model: type[Quote] | type[Claim], field: str, speaker: Speaker, count: int) -> SafeString:
        url = reverse(f"admin:newsfacts_{model._meta.model_name}_changelist")
        return format_html('<a href="{}?{}">{}</a>', url, urlencode({field: speaker.pk}), count)

    @admin.display(description="quotes", ordering="quote_count")
    def quote_count(self, speaker: Speaker) -> SafeString:
        return self._link(Quote, "speaker", speaker, speaker.quote_count)

    @admin.display(description="claims", ordering="claim_count")
    def claim_count(self, speaker: Speaker) -> SafeString:
        return self._link(Claim, "claimant", speaker, speaker.claim_count)

    @admin.action(description="Merge selected speakers into one…", permissions=["change", "delete"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet[Speaker]) -> HttpResponse | None:
        """A confirmation page to choose the speaker that stays; the others' quotes, claims and names move to it."""
        speakers = queryset.order_by("name", "pk")
        if len(speakers) < 2:
            self.message_user(request, "Select two or more speakers to merge.", messages.WARNING)
            return None
        if request.POST.get("apply"):
            form = MergeSpeakersForm(request.POST, speakers=queryset)
            if form.is_valid():
                into = form.cleaned_data["into"]
                others = [s for s in speakers if s.pk != into.pk]
                try:
                    merge_speakers(into, others, user=request.user, reason=form.cleaned_data["reason"])
                except ValidationError as error:
                    form.add_error(None, error.messages)
                else:
                    names = ", ".join(s.name for s in others)
                    self.message_user(request, f"Merged {names} into {into.name}.", messages.SUCCESS)
                    return None
        else:
            form = MergeSpeakersForm(speakers=queryset, initial={"into": max(speakers, key=_weight).pk})
        return confirmation_page(
            self,
            request,
            "admin/newsfacts/merge_speakers.html",
            title=f"Merge {len(speakers)} speakers",
            form=form,
            submit_label=f"Merge {len(speakers)} speakers into the one chosen",
            page_class="merge-speakers",
            speakers=speakers,
        )


def _weight(speaker: Any) -> tuple[int, int, int]:
    """Propose the best-known speaker as the survivor: a Wikidata id, then the most quotes and claims."""
    return (bool(speaker.wikidata_id), speaker.quote_count + speaker.claim_count, -speaker.pk)
