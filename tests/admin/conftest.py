"""Fixtures for the admin tests: staff users in each role (through the real groups) and clients logged in as them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from newsfacts.roles import EDITORS, READERS
from tests.factories import ArticleFactory, UserFactory


@pytest.fixture
def staff_editor(roles):
    user = UserFactory(username="desk-editor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def staff_reader(roles):
    user = UserFactory(username="desk-reader", is_staff=True)
    user.groups.add(Group.objects.get(name=READERS))
    return user


@pytest.fixture
def editor_web(staff_editor) -> Client:
    client = Client()
    client.force_login(staff_editor)
    return client


@pytest.fixture
def reader_web(staff_reader) -> Client:
    client = Client()
    client.force_login(staff_reader)
    return client


@pytest.fixture
def article(db):
    """An article of five sentences, each saved with exact offsets."""
    return ArticleFactory(
        text=" ".join(f"Sentence {i} of the report says {i}00 people came." for i in range(5)),
        title="Crowds <b>gather</b> & wait",
        publisher="Example Press",
    )
