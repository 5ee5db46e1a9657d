"""Properties of the extraction pipeline on generated text: it never raises, and every span it returns is one the
database will accept and that slices the text exactly.

The examples are derandomized so CI sees the same ones every run; raise ``max_examples`` locally to search harder.
"""

from __future__ import annotations

import itertools
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.choices import ClaimKind, QuoteKind, SentenceKind
from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.ingestion import IngestError, decode_article, ingest_text
from newsfacts.models import Article, Speaker

_NEWS_WORDS = (
    "the a of to in and on for that with by was is has have will would could not no "
    "said says told added according warned claimed insisted denied announced reported "
    "he she they it we I you his her their its who which "
    "minister president police officials spokesman company council report study year million percent "
    "first only largest record highest most least ever since before after "
    "January March May June September Monday Tuesday "
    "Mr. Mrs. Dr. Prof. St. U.S. U.K. a.m. p.m. No. e.g. i.e. etc. Inc. Jan. "
    "Ana Ruiz John Smith Reuters AFP NASA Moscow Washington O'Brien McDonald de la Cruz"
)
WORDS = _NEWS_WORDS.split()
QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "``"]
PUNCTUATION = [".", ",", "!", "?", ";", ":", "...", "\u2026", "\u2014", "\u2013", "-", "(", ")", "[", "]", "/", "&"]
SPACES = [" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2028", "\u2029", "\x0b", "\x0c", "  "]
NUMBERS = st.one_of(
    st.integers(0, 10**9).map(str),
    st.sampled_from(["$3.5 million", "20%", "1,000", "36", "(38)", "2021", "3.14", "1990s", "5th", "No. 10", "-4"]),
)

tokens = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.capitalize),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
    NUMBERS,
    # Any code point at all: emoji, combining marks, right-to-left letters, controls.
    st.text(min_size=1, max_size=3),
)
# Mostly words and spaces, like news text, with everything else mixed in.
article_texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SPACES), tokens), max_size=120).map("".join)

PROPERTY = settings(
    max_examples=int(os.environ.get("HARDENING_EXAMPLES", 200)),
    deadline=None,
    database=None,
    derandomize=not os.environ.get("HARDENING_EXAMPLES"),
    suppress_health_check=[HealthCheck.too_slow],
)


def _spans(found: Extraction):
    return [*found.sentences, *found.quotes, *found.claims]


@PROPERTY
@given(article_texts)
def test_every_span_slices_the_text_exactly(text):
    found = extract(text)

    for span in _spans(found):
        assert text[span.start : span.end] == span.text, span


@PROPERTY
@given(article_texts)
def test_every_span_is_non_empty_and_inside_the_text(text):
    # The database refuses end <= start (check constraints): such a span would fail the whole ingest.
    found = extract(text)

    for span in _spans(found):
        assert 0 <= span.start < span.end <= len(text), span


@PROPERTY
@given(article_texts)
def test_sentences_are_numbered_in_order_and_do_not_overlap(text):
    sentences = extract(text).sentences

    assert [s.position for s in sentences] == list(range(len(sentences)))
    for before, after in itertools.pairwise(sentences):
        assert before.end <= after.start


@PROPERTY
@given(article_texts)
def test_quotes_start_inside_their_sentence_and_claims_lie_inside_theirs(text):
    # The rules of Quote.clean() and Claim.clean(): an editor saving the row in the admin must not be refused.
    found = extract(text)

    for quote in found.quotes:
        sentence = found.sentences[quote.sentence]
        assert sentence.start <= quote.start < sentence.end, (quote, sentence)
    for claim in found.claims:
        sentence = found.sentences[claim.sentence]
        assert sentence.start <= claim.start and claim.end <= sentence.end, (claim, sentence)


@PROPERTY
@given(article_texts)
def test_kinds_are_in_the_vocabulary_and_speakers_are_known(text):
    found = extract(text)
    names = {name for speaker in found.speakers for name in (speaker.name, *speaker.aliases)}

    assert {s.kind for s in found.sentences} <= set(SentenceKind.values)
    assert {q.kind for q in found.quotes} <= set(QuoteKind.values)
    assert {c.kind for c in found.claims} <= set(ClaimKind.values)
    assert {q.speaker for q in found.quotes if q.speaker} <= names
    assert {c.claimant for c in found.claims if c.claimant} <= names
    for speaker in found.speakers:
        # Speaker.name is a varchar(200): PostgreSQL refuses anything longer.
        assert speaker.name.strip() and len(speaker.name) <= Speaker._meta.get_field("name").max_length


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(article_texts)
def test_any_text_that_decodes_is_stored_with_spans_that_slice_it(text):
    try:
        text = decode_article(text.encode("utf-8"))
    except IngestError:
        return  # refused before anything is written: test_hostile_input covers the refusals
    with transaction.atomic():
        article = ingest_text(text).article
        stored = Article.objects.get(pk=article.pk)
        assert stored.text == text
        for kind in (stored.sentences, stored.quotes, stored.claims):
            for row in kind.all():
                assert stored.text[row.start : row.end] == row.text
        transaction.set_rollback(True)
