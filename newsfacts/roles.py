"""The two editorial roles, defined once: "editors" review and correct the dataset, "readers" only look at it.

Used by the data migration ``0002_roles``, the ``setup_roles`` command and the tests. Each role is a Django group;
``sync_roles`` creates or updates them so they hold exactly the permissions listed here.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db import transaction

APP_LABEL = "newsfacts"
EDITORS = "editors"
READERS = "readers"

# The models a role can see in the admin and the API.
VIEWABLE_MODELS = ("article", "sentence", "speaker", "quote", "claim")

# Role -> permission codenames of the newsfacts app.
ROLES: dict[str, tuple[str, ...]] = {
    READERS: tuple(f"view_{model}" for model in VIEWABLE_MODELS),
    EDITORS: (
        *(f"view_{model}" for model in VIEWABLE_MODELS),
        # Review quotes and claims, correct their attribution and span, reject them; add what the pipeline missed.
        "change_quote",
        "change_claim",
        "add_quote",
        "add_claim",
        # Create a missing speaker from a quote, fix one, merge duplicates (a merge deletes the others).
        "add_speaker",
        "change_speaker",
        "delete_speaker",
    ),
}


def ensure_permissions(apps: Any = global_apps) -> None:
    """Create the newsfacts permissions now: Django only creates them after migrate, too late for a data migration."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(APP_LABEL)
    # Migration states give app configs without models_module, which create_permissions needs to be set.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module


def sync_roles(apps: Any = global_apps) -> dict[str, Any]:
    """Create or update the role groups so each holds exactly its permissions; returns {name: group}. Idempotent."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions(apps)
    groups = {}
    with transaction.atomic():
        for name, codenames in ROLES.items():
            permissions = list(Permission.objects.filter(content_type__app_label=APP_LABEL, codename__in=codenames))
            missing = set(codenames) - {p.codename for p in permissions}
            if missing:
                raise LookupError(f"Permissions missing for role {name!r}: {', '.join(sorted(missing))}")
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.set(permissions)
            groups[name] = group
    return groups


def remove_roles(apps: Any = global_apps) -> None:
    """Delete the role groups (the reverse of the data migration)."""
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
