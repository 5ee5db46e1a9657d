"""Permissions of the API beyond DRF's model permissions (which settings apply to every view)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request


class CanMergeSpeakers(BasePermission):
    """Merging moves quotes and claims to one speaker and deletes the others: change and delete speaker."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and user.has_perms(["newsfacts.change_speaker", "newsfacts.delete_speaker"])
        )


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """DRF's model permissions, anonymous reads allowed: a read needs no permission at all (``perms_map`` asks none
    for GET, HEAD and OPTIONS), so it is allowed before the view's queryset is built and the user's permissions
    looked at."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS and request.user and not self.perms_map.get(request.method):
            return True
        return super().has_permission(request, view)
