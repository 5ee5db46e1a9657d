"""Permissions of the API beyond DRF's model permissions (which settings apply to every view)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class CanMergeSpeakers(BasePermission):
    """Merging moves quotes and claims to one speaker and deletes the others: change and delete speaker."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and user.has_perms(["newsfacts.change_speaker", "newsfacts.delete_speaker"])
        )
