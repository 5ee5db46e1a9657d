"""The history pages of the admin: who changed what, when, from what to what, and why (django-simple-history)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, HistoricalChanges
from simple_history.template_utils import HistoricalRecordContextHelper

from newsfacts.admin.filters import NulSafeChangeList
from newsfacts.filtersets import MAX_DB_INTEGER

# A rationale is worth reading whole in the diff; simple_history cuts values at 100 characters by default.
MAX_DIFF_CHARS = 400


class DiffHelper(HistoricalRecordContextHelper):
    """Shows empty values as "(empty)" and "(none)" rather than nothing or "Deleted user (pk=None)"."""

    def prepare_delta_change_value(self, change: Any, value: Any) -> Any:
        if value is None or (isinstance(value, DeletedObject) and value.pk is None):
            return "(none)"
        if value == "" or value == []:
            return "(empty)"
        return super().prepare_delta_change_value(change, value)


class HistoryAdmin(NulSafeChangeList, SimpleHistoryAdmin):
    """SimpleHistoryAdmin with readable diffs (each history row lists the fields it changed, old → new), and a
    "revert to this version" that only those who may change the row can save.
    """

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # A version id that is no history row's (not a number, or beyond the column) is a 404, not a ValueError.
        if not (version_id.isascii() and version_id.isdigit() and 1 <= int(version_id) <= MAX_DB_INTEGER):
            raise Http404("No such version.")
        # simple_history 3.13 checks only the view permission, then saves a POST: a reader could write an old version
        # over the row, and an editor revert a model nobody may change. The page itself stays open to readers.
        if request.method == "POST" and not self.may_revert(request, object_id):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def may_revert(self, request: HttpRequest, object_id: str) -> bool:
        # A deleted row (None here) can be restored from its history: that takes the model's change permission.
        return self.has_change_permission(request, self.get_object(request, object_id))

    def revert_disabled(self, request: HttpRequest, obj: Any = None) -> bool:
        # Hide the "Revert" button from whoever the POST would be refused to.
        return bool(super().revert_disabled(request, obj)) or not self.has_change_permission(request, obj)

    def get_historical_record_context_helper(
        self, request: HttpRequest, historical_record: HistoricalChanges
    ) -> HistoricalRecordContextHelper:
        return DiffHelper(self.model, historical_record, max_displayed_delta_change_chars=MAX_DIFF_CHARS)
