"""Full-text search (newsfacts/search.py): the query syntax, matching on both databases, and an index that stays
true through every way rows change (edits, deletes, renames, merges, ingest, loaddata, a table rebuild)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

from newsfacts import search
from newsfacts.filtersets import ClaimFilterSet, QuoteFilterSet, SentenceFilterSet, SpeakerFilterSet
from newsfacts.ingestion import ingest_text
from newsfacts.models import Claim, Speaker
from newsfacts.review import merge_speakers
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory


def claim_saying(text: str, **kwargs) -> Claim:
    """A claim whose text is exactly `text` (the first sentence of a new article)."""
    return ClaimFactory(article=ArticleFactory(text=f"{text} Sentence 1 follows it."), **kwargs)


def found(filterset, query: str, queryset=None) -> set[int]:
    model = filterset._meta.model
    instance = filterset(QueryDict(query), queryset=queryset if queryset is not None else model.objects.all())
    assert instance.is_valid(), instance.errors
    return set(instance.qs.values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("typed", "wanted", "excluded"),
    [
        ("rocket launch", [("rocket", False), ("launch", False)], []),
        ('"space station" iss', [("space station", False), ("iss", False)], []),
        ("roscos*", [("roscos", True)], []),
        ("film -rogozin", [("film", False)], [("rogozin", False)]),
        ('film -"channel one"', [("film", False)], [("channel one", False)]),
        ('"unclosed phrase', [("unclosed phrase", False)], []),
        ("AND OR NOT ( ) : ^", [("AND", False), ("OR", False), ("NOT", False)], []),
        ("covid-19 U.S.", [("covid-19", False), ("U.S.", False)], []),
    ],
)
def test_a_search_is_parsed_into_words_phrases_prefixes_and_exclusions(typed, wanted, excluded):
    terms = search.parse(typed)
    assert [(t.text, t.prefix) for t in terms.wanted] == wanted
    assert [(t.text, t.prefix) for t in terms.excluded] == excluded


@pytest.mark.parametrize("typed", ["-rogozin", '-"a b"', "- -x"])
def test_a_search_that_only_excludes_is_an_error(typed):
    with pytest.raises(search.SearchSyntaxError):
        search.parse(typed)


@pytest.mark.parametrize("typed", ['""', "* - ( ) :", "😀'\";--", "?!"])
def test_a_search_of_symbols_alone_finds_nothing(claims, typed):
    assert not search.parse(typed)
    assert found(ClaimFilterSet, QueryDict.fromkeys(["q"], typed).urlencode()) == set()


@pytest.fixture
def claims(db):
    """Claims with accents, case and near-words; names map to ids."""
    rows = {
        "cafe": claim_saying("The café in Zürich opened on Monday."),
        "prices": claim_saying("Prices rose in Zurich last year."),
        "rocket": claim_saying("A ROCKET launch was delayed by the weather."),
        "rocketry": claim_saying("Rocketry is hard, said the engineer."),
        "syntax": claim_saying('Operators AND, OR, NOT and "quotes" (or: colons) appear here.'),
    }
    return {name: claim.pk for name, claim in rows.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zurich", {"cafe", "prices"}),
        ("ZÜRICH", {"cafe", "prices"}),
        ("CAFE", {"cafe"}),
        ('"prices rose"', {"prices"}),
        ("rose prices", {"prices"}),
        ('"rose prices"', set()),
        ("rocket", {"rocket"}),
        ("rocket*", {"rocket", "rocketry"}),
        ("zurich -café", {"prices"}),
        ('zurich -"last year"', {"cafe"}),
        ("absent", set()),
        ("AND OR NOT", {"syntax"}),
        ("colons: (or", {"syntax"}),
    ],
)
def test_search_matches_words_phrases_prefixes_and_exclusions_folding_case_and_accents(claims, query, expected):
    names = {pk: name for name, pk in claims.items()}
    assert {names[pk] for pk in found(ClaimFilterSet, QueryDict.fromkeys(["q"], query).urlencode())} == expected


def test_claims_match_their_claimants_names_and_aliases(db):
    speaker = SpeakerFactory(name="Dmitry Rogozin", slug="dmitry-rogozin", aliases=["Роскосмос chief", "Rogózin D."])
    claim = claim_saying("The film will be shot in orbit.", claimant=speaker)
    quote = QuoteFactory(speaker=speaker)
    assert found(ClaimFilterSet, "q=rogozin") == {claim.pk}
    assert found(ClaimFilterSet, "q=роскосмос") == {claim.pk}
    assert found(QuoteFilterSet, "q=rogozin") == {quote.pk}
    assert found(SpeakerFilterSet, "q=rogozin") == {speaker.pk}


def test_an_edited_text_is_found_by_its_new_words_only(claims):
    claim = Claim.objects.get(pk=claims["rocket"])
    Claim.objects.filter(pk=claim.pk).update(text="A SATELLITE launch was delayed by the weather.")
    assert found(ClaimFilterSet, "q=satellite") == {claim.pk}
    assert found(ClaimFilterSet, "q=rocket") == set()


def test_a_deleted_row_is_no_longer_found(claims):
    Claim.objects.filter(pk=claims["cafe"]).delete()
    assert found(ClaimFilterSet, "q=zurich") == {claims["prices"]}


def test_renaming_a_speaker_changes_which_claims_the_names_find(db):
    speaker = SpeakerFactory(name="Anna Old", slug="anna")
    claim = claim_saying("Taxes will fall.", claimant=speaker)
    speaker.name = "Anna Newname"
    speaker.aliases = ["Ms Newname"]
    speaker.save()
    assert found(ClaimFilterSet, "q=newname") == {claim.pk}
    assert found(ClaimFilterSet, "q=old") == set()


def test_merged_speakers_names_find_the_claims_they_brought(db, editor):
    survivor = SpeakerFactory(name="Roscosmos", slug="roscosmos")
    merged = SpeakerFactory(name="Russian space agency", slug="russian-space-agency")
    claim = claim_saying("The launch is on time.", claimant=merged)
    merge_speakers(survivor, [merged], user=editor)
    assert found(SpeakerFilterSet, "q=russian") == {survivor.pk}
    assert found(ClaimFilterSet, "q=russian") == {claim.pk}


def test_ingested_and_loaded_articles_are_searchable(db):
    call_command("load_seed", stdout=io.StringIO())
    assert found(SentenceFilterSet, "q=roscosmos")
    assert found(ClaimFilterSet, "q=soyuz")
    result = ingest_text(
        'The minister said the new bridge across the Danube will open in June. "It is ready," she told reporters.',
        title="Danube bridge",
    )
    article = result.article
    assert found(SentenceFilterSet, "q=danube") == set(
        article.sentences.filter(text__contains="Danube").values_list("pk", flat=True)
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite tables are rebuilt to be altered")
def test_a_table_rebuild_that_dropped_the_triggers_is_repaired_and_reindexed(db):
    with connection.cursor() as cursor:
        for trigger in search.index_of(Claim).triggers:
            cursor.execute(f"DROP TRIGGER {trigger}")
    claim = claim_saying("Unindexed words appear here.")
    search.repair()
    assert found(ClaimFilterSet, "q=unindexed") == {claim.pk}
    Claim.objects.filter(pk=claim.pk).update(text="Reindexed words appear here.")
    assert found(ClaimFilterSet, "q=reindexed") == {claim.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index is PostgreSQL's")
def test_the_search_query_uses_the_gin_index(claims):
    instance = ClaimFilterSet(QueryDict("q=zurich"), queryset=Claim.objects.all())
    assert instance.is_valid()
    with connection.cursor() as cursor:
        # Only bitmap scans are left: a query the index cannot serve would be a (disabled) sequential scan.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = instance.qs.explain()
    assert "Bitmap Index Scan on newsfacts_claim_search" in plan
    assert "Bitmap Index Scan on newsfacts_speaker_search" in plan
    assert "disabled" not in plan.lower() and "Seq Scan" not in plan


def test_a_statement_past_the_time_limit_raises_search_timeout(db):
    slow = {
        "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) "
        "SELECT count(*) FROM n",
        "postgresql": "SELECT pg_sleep(2)",
    }[connection.vendor]
    with pytest.raises(search.SearchTimeout), search.time_limit(0.05), connection.cursor() as cursor:
        cursor.execute(slow)
    assert Speaker.objects.count() == 0  # the connection is usable afterwards


def test_a_statement_within_the_time_limit_runs(claims):
    with search.time_limit(5):
        assert found(ClaimFilterSet, "q=zurich") == {claims["cafe"], claims["prices"]}


@pytest.mark.django_db
def test_terms_any_of_match_rows_holding_one_of_the_words_in_a_name_or_an_alias():
    ruiz = SpeakerFactory(name="Ana Ruiz")
    moreau = SpeakerFactory(name="Northgate Water Authority", aliases=["Chloé Moreau's office"])
    SpeakerFactory(name="Ben Okafor")
    terms = search.Terms((search.Term("ruiz"), search.Term("Chloe"), search.Term("Ivanova")), any_of=True)

    matched = Speaker.objects.filter(search.matching(Speaker, terms))

    assert set(matched) == {ruiz, moreau}
