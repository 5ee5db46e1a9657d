"""The editors' pages beyond the change form: reject and restore, correct a span, add an item by selecting its text,
take the next item to review. Each page only collects input; the rules are ``newsfacts.review``'s.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from newsfacts import review
from newsfacts.admin.actions import admin_page
from newsfacts.admin.forms import CHANGE_REASON_MAX_LENGTH
from newsfacts.choices import ClaimKind, QuoteKind, Rejection
from newsfacts.models import Article, Claim, Quote, Speaker


class RejectForm(forms.Form):
    reason = forms.ChoiceField(choices=Rejection.choices, widget=forms.RadioSelect, label="Why is it wrong?")
    note = forms.CharField(required=False, max_length=CHANGE_REASON_MAX_LENGTH, help_text="Kept in the history.")


class SpanForm(forms.Form):
    start = forms.IntegerField(min_value=0, help_text="Offset of the first character (code points).")
    end = forms.IntegerField(min_value=1, help_text="Offset after the last character.")
    note = forms.CharField(required=False, max_length=CHANGE_REASON_MAX_LENGTH, help_text="Kept in the history.")


class AddSpanForm(forms.Form):
    """What an editor adds from a selection; the offsets are code points, converted from the browser's by JS."""

    item = forms.ChoiceField(
        choices=[("quote", "quote"), ("claim", "claim")], widget=forms.RadioSelect, initial="quote"
    )
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    quote_kind = forms.ChoiceField(choices=QuoteKind.choices, required=False, label="Kind of quote")
    claim_kind = forms.ChoiceField(choices=ClaimKind.choices, required=False, label="Kind of claim")
    speaker = forms.ModelChoiceField(
        queryset=Speaker.objects.all(),
        required=False,
        help_text="The speaker of a quote or the claimant of a claim; the + adds a new speaker.",
    )
    description = forms.CharField(
        required=False,
        max_length=Quote._meta.get_field("speaker_description").max_length,
        label="Unnamed source",
        help_text='Who speaks or claims when the article names nobody, in its words ("a senior official"); '
        "only without a speaker.",
    )
    note = forms.CharField(required=False, max_length=CHANGE_REASON_MAX_LENGTH, help_text="Kept in the history.")

    def __init__(self, *args: Any, admin_site: admin.AdminSite, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # As the admin builds a ForeignKey's field: an autocomplete, wrapped with a "+" that adds a speaker.
        relation = Quote._meta.get_field("speaker")
        speaker = self.fields["speaker"]
        speaker.widget = AutocompleteSelect(relation, admin_site)
        speaker.widget.choices = speaker.choices
        speaker.widget = admin.widgets.RelatedFieldWidgetWrapper(
            speaker.widget, relation.remote_field, admin_site, can_add_related=True
        )


def _apply(request: HttpRequest, form: forms.Form, action: Any, fields: Mapping[str, str] | None = None) -> bool:
    """Run a review action; its ValidationError becomes form errors, each on the form's field (``fields`` names the
    form's field of a model field where the two differ). Returns whether it succeeded."""
    try:
        action()
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            field = (fields or {}).get(field, field)
            form.add_error(field if field in form.fields else None, errors)
        return False
    return True


class EditingMixin:
    """Pages of a quote or claim admin: reject, restore, correct the span, review next."""

    opts: Any
    admin_site: admin.AdminSite
    model: type[Quote] | type[Claim]

    def editing_urls(self) -> list[Any]:
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/reject/", view(self.reject_view), name=f"{info}_reject"),
            path("<path:object_id>/restore/", view(self.restore_view), name=f"{info}_restore"),
            path("<path:object_id>/span/", view(self.span_view), name=f"{info}_span"),
            path("review/next/", view(self.review_next_view), name=f"{info}_review_next"),
        ]

    def _item(self, request: HttpRequest, object_id: str) -> Quote | Claim:
        obj = self.get_object(request, object_id)  # type: ignore[attr-defined]
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):  # type: ignore[attr-defined]
            raise PermissionDenied
        return obj

    def _change_url(self, obj: Quote | Claim) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])

    def reject_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._item(request, object_id)
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if _apply(request, form, lambda: review.reject(obj, data["reason"], user=request.user, note=data["note"])):
                label = Rejection(data["reason"]).label
                message = f"Rejected as {label}: it left the lists, the queues and the releases' main tables."
                self.message_user(request, message)  # type: ignore[attr-defined]
                return HttpResponseRedirect(self._change_url(obj))
        title = f"Reject this {self.opts.verbose_name}"
        return admin_page(request, self, "admin/newsfacts/reject.html", {"title": title, "form": form, "original": obj})  # type: ignore[arg-type]

    def restore_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._item(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(self._change_url(obj))
        try:
            review.restore(obj, user=request.user, note=request.POST.get("note", ""))
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)  # type: ignore[attr-defined]
        else:
            self.message_user(request, "Restored: it is back in the lists.")  # type: ignore[attr-defined]
        return HttpResponseRedirect(self._change_url(obj))

    def span_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self._item(request, object_id)
        form = SpanForm(request.POST or None, initial={"start": obj.start, "end": obj.end})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            changes = {"start": data["start"], "end": data["end"]}
            if _apply(request, form, lambda: review.edit(obj, changes, user=request.user, reason=data["note"])):
                self.message_user(request, f"The span now reads: {obj.text}")  # type: ignore[attr-defined]
                return HttpResponseRedirect(self._change_url(obj))
        sentence = obj.sentence
        # The text the preview can show: the span's sentence and what a quote may run on into.
        limit = sentence.end if obj.span_within_sentence else min(len(obj.article.text), sentence.end + 2000)
        context = {
            "title": f"Correct the span of this {self.opts.verbose_name}",
            "form": form,
            "original": obj,
            "window_start": sentence.start,
            "window_text": obj.article.text[sentence.start : limit],
        }
        return admin_page(request, self, "admin/newsfacts/span.html", context)  # type: ignore[arg-type]

    def review_next_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_change_permission(request):  # type: ignore[attr-defined]
            raise PermissionDenied
        queue = self.queue_admin_class(self.model, self.admin_site)  # type: ignore[attr-defined]
        changelist = queue.get_changelist_instance(request)
        item = review.take_next(changelist.get_queryset(request), request.user)
        if item is None:
            self.message_user(request, "Nothing left to review: every item is reviewed or taken.", messages.INFO)  # type: ignore[attr-defined]
            return HttpResponseRedirect(queue.queue_url())
        return HttpResponseRedirect(f"{self._change_url(item)}?_queue=1")


class AddSpanMixin:
    """The article page's "add a quote or claim": select words in the article text, say what they are."""

    admin_site: admin.AdminSite
    opts: Any

    def add_span_urls(self) -> list[Any]:
        view = self.admin_site.admin_view(self.add_span_view)
        return [path("<path:object_id>/add-item/", view, name="newsfacts_article_add_item")]

    def add_span_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        article = get_object_or_404(Article, pk=object_id)
        form = AddSpanForm(request.POST or None, admin_site=self.admin_site)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            model: type[Quote] | type[Claim] = Quote if data["item"] == "quote" else Claim
            if not request.user.has_perm(f"newsfacts.add_{model._meta.model_name}"):
                raise PermissionDenied
            person, description = review.PERSON_FIELD[model], review.DESCRIPTION_FIELD[model]
            kind = data["quote_kind"] if model is Quote else data["claim_kind"]
            fields = {person: data["speaker"], description: data["description"], **({"kind": kind} if kind else {})}
            added: list[Quote | Claim] = []

            def add() -> None:
                added.append(
                    review.add_span(
                        model, article, data["start"], data["end"], user=request.user, reason=data["note"], **fields
                    )
                )

            if _apply(request, form, add, {person: "speaker", description: "description"}):
                obj = added[0]
                self.message_user(request, f"Added {model._meta.verbose_name} {obj.pk}: {obj.text}")  # type: ignore[attr-defined]
                return HttpResponseRedirect(reverse(f"admin:newsfacts_{model._meta.model_name}_change", args=[obj.pk]))
        if not (request.user.has_perm("newsfacts.add_quote") or request.user.has_perm("newsfacts.add_claim")):
            raise PermissionDenied
        context = {
            "title": "Add a quote or claim the pipeline missed",
            "form": form,
            "original": article,
            "article_text": article.text,
            "media": form.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            "admin/newsfacts/add_item.html",
            {**self.admin_site.each_context(request), "opts": self.opts, **context},
        )
