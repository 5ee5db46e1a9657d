"""The two roles: the data migration creates them, `setup_roles` keeps them up to date and adds users."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from newsfacts.roles import EDITORS, READERS, ROLES, sync_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _codenames(name: str) -> set[str]:
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_the_data_migration_creates_both_roles_with_their_permissions():
    # Run the migration's code itself: a test database reused after a flush (live_server) has lost its groups.
    Group.objects.filter(name__in=ROLES).delete()
    import_module("newsfacts.migrations.0002_roles").create_roles(django_apps, None)
    assert {name: _codenames(name) for name in ROLES} == {name: set(codenames) for name, codenames in ROLES.items()}


def test_readers_can_only_view():
    sync_roles()
    assert all(codename.startswith("view_") for codename in _codenames(READERS))


def test_setup_roles_restores_a_role_someone_edited_and_is_idempotent():
    sync_roles()
    group = Group.objects.get(name=EDITORS)
    group.permissions.add(Permission.objects.get(codename="delete_article"))
    group.permissions.remove(Permission.objects.get(codename="change_claim"))
    call_command("setup_roles")
    call_command("setup_roles")
    assert _codenames(EDITORS) == set(ROLES[EDITORS])
    assert Group.objects.filter(name__in=ROLES).count() == 2


def test_setup_roles_recreates_deleted_groups():
    Group.objects.filter(name__in=ROLES).delete()
    call_command("setup_roles")
    assert _codenames(READERS) == set(ROLES[READERS])


def test_setup_roles_puts_users_in_roles_and_lets_them_into_the_admin():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    call_command("setup_roles", editor=["alice"], reader=["bob"])
    alice.refresh_from_db()
    bob.refresh_from_db()
    assert alice.is_staff and bob.is_staff
    assert alice.has_perm("newsfacts.change_claim")
    assert bob.has_perm("newsfacts.view_claim") and not bob.has_perm("newsfacts.change_claim")


def test_setup_roles_names_an_unknown_user():
    with pytest.raises(CommandError, match="nobody"):
        call_command("setup_roles", editor=["nobody"])
