"""Fixtures for the admin tests: staff users in each role (through the real groups) and clients logged in as them."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import ArticleFactory


@pytest.fixture
def staff_editor(editor):
    return editor


@pytest.fixture
def staff_reader(reader):
    return reader


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
