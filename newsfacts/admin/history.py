"""The history pages of the admin: who changed what, when, from what to what, and why (django-simple-history)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject, HistoricalChanges
from simple_history.template_utils import HistoricalRecordContextHelper

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


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin with readable diffs: each history row lists the fields it changed, old → new."""

    def get_historical_record_context_helper(
        self, request: HttpRequest, historical_record: HistoricalChanges
    ) -> HistoricalRecordContextHelper:
        return DiffHelper(self.model, historical_record, max_displayed_delta_change_chars=MAX_DIFF_CHARS)
