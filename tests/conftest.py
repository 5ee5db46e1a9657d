"""Shared pytest fixtures: users in each role and API clients logged in as them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from api.rows import forget_kept_values
from newsfacts.roles import EDITORS, READERS, sync_roles
from tests.factories import UserFactory


@pytest.fixture
def roles(db):
    # The data migration creates the groups; tests that flush the database (live_server) need them again.
    return sync_roles()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def member_of(group: str, username: str):
    """A staff user in one of the roles' groups, as `manage.py setup_roles --editor/--reader` makes them."""
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reader(roles):
    """A user in the readers group: may look at everything, in the admin and the API, and change nothing."""
    return member_of(READERS, "reader")


@pytest.fixture
def editor(roles):
    """A user in the editors group: reviews quotes and claims, creates, changes and merges speakers."""
    return member_of(EDITORS, "editor")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(editor) -> APIClient:
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.fixture
def reader_client(reader) -> APIClient:
    client = APIClient()
    client.force_authenticate(reader)
    return client


@pytest.fixture(autouse=True)
def _forget_kept_values():
    """A test's rolled back writes reuse the dataset's version numbers: values kept for one would leak to the next."""
    forget_kept_values()
