"""Plain values read and written one way everywhere: booleans, ISO datetimes, free speaker slugs."""

from __future__ import annotations

import datetime

import pytest

from newsfacts.models import Speaker
from newsfacts.values import iso_datetime, parse_bool
from tests.factories import SpeakerFactory


@pytest.mark.parametrize(
    ("text", "value"),
    [("true", True), (" YES ", True), ("1", True), ("on", True), ("False", False), ("0", False), ("off", False)],
)
def test_parse_bool_reads_the_usual_spellings(text, value):
    assert parse_bool(text) is value


@pytest.mark.parametrize("text", ["", "maybe", "2", "truee"])
def test_parse_bool_answers_none_for_anything_else(text):
    assert parse_bool(text) is None


def test_iso_datetime_writes_utc_as_z_and_other_zones_with_their_offset():
    moment = datetime.datetime(2024, 5, 1, 12, 30, tzinfo=datetime.UTC)
    assert iso_datetime(moment) == "2024-05-01T12:30:00Z"
    paris = datetime.timezone(datetime.timedelta(hours=2))
    assert iso_datetime(moment, paris) == "2024-05-01T14:30:00+02:00"


def test_free_slug_numbers_a_taken_slug_and_respects_a_given_set(db):
    SpeakerFactory(name="Ana Lima", slug="ana-lima")
    assert Speaker.free_slug("Ana Lima") == "ana-lima-2"
    assert Speaker.free_slug("Ana Lima", {"ana-lima", "ana-lima-2"}) == "ana-lima-3"
    assert Speaker.free_slug("!!!", set()) == "speaker"
    assert len(Speaker.free_slug("x" * 300, set())) == 190


def test_free_slugs_reads_the_taken_slugs_once_and_keeps_new_ones_apart(db, django_assert_num_queries):
    SpeakerFactory(name="Ana Lima", slug="ana-lima")
    with django_assert_num_queries(1):
        assert Speaker.free_slugs(["Ana Lima", "Ana Lima", "Ben Ode"]) == ["ana-lima-2", "ana-lima-3", "ben-ode"]
