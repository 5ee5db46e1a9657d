"""Forms of the editors' admin: lists edited one item a line, the review form, bulk review and speaker merge."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from newsfacts.choices import VerificationStatus
from newsfacts.models import Speaker
from newsfacts.review import (
    CHANGE_REASON_MAX_LENGTH,
    check_description,
    clean_evidence_urls,
    editable_fields,
    row_version,
    validate_verification,
)


class LinesField(forms.Field):
    """A list of strings (a JSONField) edited in a textarea, one item a line; blank lines and repeats are dropped."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 80})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        lines = value if isinstance(value, list) else (value or "").splitlines()
        items: list[str] = []
        for line in (str(item).strip() for item in lines):
            if line and line not in items:
                items.append(line)
        return items


class EvidenceURLsField(LinesField):
    """Evidence URLs, one a line; each must be an http(s) URL."""

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        try:
            clean_evidence_urls(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["evidence_urls"]) from None


REASON_HELP = "Why you made this change, kept in the history. Left empty, the history records the status change."


class ReviewForm(forms.ModelForm):
    """The change form of a quote or claim: the verification is checked by the same rules as the API."""

    evidence_urls = EvidenceURLsField(
        required=False, label="Evidence URLs", help_text="One http(s) URL a line: the sources that back the status."
    )
    reason = forms.CharField(
        required=False,
        max_length=CHANGE_REASON_MAX_LENGTH,
        label="Reason for this change",
        help_text=REASON_HELP,
        widget=forms.TextInput(attrs={"class": "vTextField"}),
    )

    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The version of the item as this editor opened it: a save over someone else's later save is a conflict.
        self.conflict: list[tuple[str, Any, Any]] = []
        self.conflict_entry: Any = None
        if self.instance.pk and not self.is_bound:
            # From the stored row: the instance may be an older version (simple_history's revert page).
            self.initial["version"] = row_version(type(self.instance)._default_manager.get(pk=self.instance.pk))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_conflict(cleaned)
        if "status" in self.fields and "status" in cleaned and "rationale" in cleaned:
            try:
                validate_verification(cleaned["status"], cleaned["rationale"], cleaned.get("evidence_urls"))
            except ValidationError as error:
                self._add_rule_errors(error)
        if self.instance.pk:
            try:
                # As review.edit will be asked: with what the editor changed (a named claimant clears a description)
                check_description(self.instance, {name: cleaned[name] for name in self.changed_data if name in cleaned})
            except ValidationError as error:
                self._add_rule_errors(error)
        return cleaned

    def _add_rule_errors(self, error: ValidationError) -> None:
        """The errors of an editorial rule of ``newsfacts.review``, each on its field when the form shows it."""
        for field, messages in error.message_dict.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, messages)

    def check_conflict(self, cleaned: dict[str, Any]) -> None:
        """When the stored item changed since the editor opened it, stop with what differs (theirs, yours).

        The form is then shown again carrying the stored version: saving it again keeps the editor's values.
        """
        opened = cleaned.get("version") or ""
        if not self.instance.pk or not opened:
            return
        stored = type(self.instance)._default_manager.get(pk=self.instance.pk)
        current = row_version(stored)
        if current == opened:
            return
        for name in editable_fields(type(stored)):
            if name in self.fields and name in cleaned:
                theirs = self.initial.get(name)
                yours = cleaned[name]
                if getattr(yours, "pk", yours) != getattr(theirs, "pk", theirs):
                    self.conflict.append((name, self._shown(name, theirs), self._shown(name, yours)))
        if not self.conflict:
            self.conflict.append(("(other fields)", "changed", "unchanged"))
        self.conflict_entry = stored.history.order_by("-history_date").first()
        data = self.data.copy()
        data["version"] = current
        self.data = data
        raise ValidationError("Another editor saved this item after you opened it: see what differs, then choose.")

    def _shown(self, name: str, value: Any) -> str:
        if name in ("speaker", "claimant") and value is not None and not hasattr(value, "pk"):
            value = Speaker.objects.filter(pk=value).first()
        if isinstance(value, list):
            return ", ".join(map(str, value)) or "-"
        return "-" if value in (None, "") else str(value)

    def _post_clean(self) -> None:
        super()._post_clean()
        # The model's clean() repeats the rationale rule in other words: show the first message only.
        errors = self._errors.get("rationale") if self._errors else None
        if errors and len(errors) > 1:
            self._errors["rationale"] = self.error_class(errors.data[:1], renderer=self.renderer)


class SpeakerForm(forms.ModelForm):
    aliases = LinesField(required=False, help_text="Other names the speaker goes by in the text, one a line.")

    class Meta:
        model = Speaker
        fields = ["name", "slug", "kind", "aliases", "description", "wikidata_id"]


class BulkReviewForm(forms.Form):
    """The rationale shared by every row of a bulk review."""

    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Saved on every selected row and in its history.",
    )
    evidence_urls = EvidenceURLsField(required=False, label="Evidence URLs", help_text="One http(s) URL a line.")

    def __init__(self, *args: Any, status: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status = status
        if status == VerificationStatus.UNVERIFIED:
            self.fields["rationale"].required = False


class MergeSpeakersForm(forms.Form):
    """Choose which of the selected speakers survives the merge."""

    into = forms.ModelChoiceField(
        queryset=Speaker.objects.none(), widget=forms.RadioSelect, empty_label=None, label="Keep this speaker"
    )
    reason = forms.CharField(required=False, max_length=CHANGE_REASON_MAX_LENGTH, help_text="Kept in the history.")

    def __init__(self, *args: Any, speakers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = speakers
