"""The article's language: the page's declaration, else py3langid with its own model; unsure is `und`."""

from __future__ import annotations

import pytest

from newsfacts.sources.language import detect_language, is_pipeline_language, language_tag


@pytest.mark.parametrize(
    ("declared", "tag"),
    [("en", "en"), ("en-GB", "en-GB"), ("en_US", "en-US"), (" fr ", "fr"), ("", ""), ("english", ""), ("e", "")],
)
def test_a_declared_language_becomes_a_bcp_47_tag_or_nothing(declared, tag):
    assert language_tag(declared) == tag


@pytest.mark.parametrize(
    ("tag", "extracted"), [("en", True), ("en-GB", True), ("EN-us", True), ("fr", False), ("und", False), ("", False)]
)
def test_only_english_goes_through_the_pipeline(tag, extracted):
    assert is_pipeline_language(tag) is extracted


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The city council approved a new bridge on Monday, officials said, ending a three-year dispute.", "en"),
        ("Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur la rivière.", "fr"),
        ("Der Stadtrat hat am Montag den Bau einer neuen Brücke über den Fluss genehmigt.", "de"),
        ("El ayuntamiento aprobó el lunes la construcción de un nuevo puente sobre el río.", "es"),
    ],
)
def test_the_language_of_a_sentence_is_detected(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["Hello", "x" * 50, "2024 - 15% - $3"])
def test_too_little_text_to_tell_is_undetermined(text):
    assert detect_language(text) == "und"
