"""The FilterSets of newsfacts/filtersets.py: one test per filter, bad values, and no model field left without one."""

from __future__ import annotations

import datetime

import pytest
from django.db import models
from django.http import QueryDict

from newsfacts.filtersets import (
    ArticleFilterSet,
    ClaimFilterSet,
    QuoteFilterSet,
    SentenceFilterSet,
    SpeakerFilterSet,
)
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

UTC = datetime.UTC

SPAN_BOOKKEEPING = {
    "added_at": "a time read with the row",
    "edited_at": "a time read with the row",
    "rejected_at": "a time read with the row",
    "assigned_to": "who reviews it now: admin bookkeeping",
    "assigned_until": "who reviews it now: admin bookkeeping",
}

# Model fields deliberately without a filter of their own, and why (NetBox's test_missing_filters idea).
IGNORED_FIELDS: dict[type[models.Model], dict[str, str]] = {
    Article: {
        "text": "the raw text is too large to filter on; search sentences with ?q=",
        "extracted_at": "a time read with the row",
    },
    Sentence: {"text": "searched with ?q=", "start": "an offset", "end": "an offset"},
    Speaker: {"aliases": "searched with ?q="},
    Quote: {
        "text": "searched with ?q=",
        "speaker_description": "free text read with the row; ?has_speaker=false lists the unnamed sources",
        "start": "an offset",
        "end": "an offset",
        "rationale": "free text read with the row",
        "evidence_urls": "a list of URLs read with the row",
        **SPAN_BOOKKEEPING,
    },
    Claim: {
        "text": "searched with ?q=",
        "start": "an offset",
        "end": "an offset",
        "rationale": "free text read with the row",
        "evidence_urls": "a list of URLs read with the row",
        **SPAN_BOOKKEEPING,
    },
}

FILTERSETS = [ArticleFilterSet, SentenceFilterSet, SpeakerFilterSet, QuoteFilterSet, ClaimFilterSet]


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda f: f.__name__)
def test_every_model_field_has_a_filter_or_a_reason(filterset):
    model = filterset._meta.model
    covered = {f.field_name.split("__")[0] for f in filterset.base_filters.values()}
    missing = [
        field.name
        for field in model._meta.concrete_fields
        if field.name not in covered and field.attname not in covered and field.name not in IGNORED_FIELDS[model]
    ]
    assert missing == [], f"{filterset.__name__} has no filter for {missing}: add one or a reason in IGNORED_FIELDS"


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda f: f.__name__)
def test_every_filter_has_a_label(filterset):
    assert [name for name, f in filterset.base_filters.items() if not f.label] == []


@pytest.fixture
def data(db):
    """Three articles, two speakers, a claim and a quote in each article; names map to objects."""
    reviewer = UserFactory(username="reviewer")
    alice = SpeakerFactory(
        name="Alice Able", slug="alice-able", aliases=["Able"], wikidata_id="Q11", description="head of the agency"
    )
    bruno = SpeakerFactory(name="Bruno Berg", slug="bruno-berg", aliases=["Büro Berg"], kind="organisation")
    a1 = ArticleFactory(
        title="Rocket launch", publisher="Daily", published=datetime.date(2024, 1, 10), credit="AFP", language="en"
    )
    a2 = ArticleFactory(
        title="Film in orbit", publisher="Weekly", published=datetime.date(2024, 6, 1), language="fr",
        authors="Jeanne Dupont; Lukas Müller", site_name="L'Hebdo", source="https://hebdo.example/orbit",
        page_sha256="ab" * 32, fetched_at=datetime.datetime(2024, 6, 2, tzinfo=UTC),
    )  # fmt: skip
    a3 = ArticleFactory(title="Undated", publisher="Daily", published=None, pipeline_version="0123456789ab")
    early, late = datetime.datetime(2024, 2, 1, tzinfo=UTC), datetime.datetime(2024, 7, 1, tzinfo=UTC)
    c1 = ClaimFactory(
        article=a1, claimant=alice, kind="figure", status="verified", rationale="ok", reviewed_at=early,
        reviewed_by=reviewer, confidence=0.85,
    )  # fmt: skip
    c2 = ClaimFactory(
        article=a2, claimant=bruno, kind="date", status="false", rationale="no", reviewed_at=late, reviewed_by=reviewer,
        confidence=0.6,
    )  # fmt: skip
    c3 = ClaimFactory(
        article=a3, claimant=None, claimant_description="a port official", kind="other", rejected_reason="not_claim",
        rejected_by=reviewer, confidence=0.4,
    )  # fmt: skip
    q1 = QuoteFactory(
        article=a1, speaker=alice, kind="direct", cue="said", attribution="name", confidence=0.9,
        attribution_confirmed=True, status="misleading", rationale="partly", reviewed_at=early, reviewed_by=reviewer,
    )  # fmt: skip
    q2 = QuoteFactory(
        article=a2, speaker=bruno, kind="indirect", cue="told", attribution="pronoun", confidence=0.4, origin="editor",
        added_by=reviewer,
    )  # fmt: skip
    q3 = QuoteFactory(
        article=a3,
        speaker=None,
        speaker_description="a harbour official",
        kind="mixed",
        cue="added",
        attribution="none",
        confidence=0.1,
    )
    return {
        "reviewer": reviewer, "alice": alice, "bruno": bruno, "a1": a1, "a2": a2, "a3": a3,
        "c1": c1, "c2": c2, "c3": c3, "q1": q1, "q2": q2, "q3": q3,
    }  # fmt: skip


def run(filterset, data, query: str) -> set[str]:
    """The names of the rows of `data` the filterset keeps for a query string."""
    model = filterset._meta.model
    instance = filterset(QueryDict(query), queryset=model.objects.all())
    assert instance.is_valid(), instance.errors
    pks = set(instance.qs.values_list("pk", flat=True))
    return {name for name, obj in data.items() if isinstance(obj, model) and obj.pk in pks}


def ids(data, *names: str) -> str:
    return ",".join(str(data[name].pk) for name in names)


CLAIM_CASES = [
    ("id={c1},{c3}", {"c1", "c3"}),
    ("status=verified&status=false", {"c1", "c2"}),
    ("status=verified,unverified", {"c1", "c3"}),
    ("kind=date", {"c2"}),
    ("article={a2}", {"c2"}),
    ("sentence={c3.sentence}", {"c3"}),
    ("claimant={alice}", {"c1"}),
    ("claimant={alice}&claimant={bruno}", {"c1", "c2"}),
    ("claimant_slug=bruno-berg", {"c2"}),
    ("has_claimant=false", {"c3"}),
    ("has_claimant=true", {"c1", "c2"}),
    ("has_claimant_description=true", {"c3"}),
    ("has_claimant_description=false", {"c1", "c2"}),
    ("publisher=Weekly", {"c2"}),
    ("published=2024-01-10", {"c1"}),
    ("published_after=2024-03-01", {"c2"}),
    ("published_before=2024-03-01", {"c1"}),
    ("reviewed=true", {"c1", "c2"}),
    ("reviewed=false", {"c3"}),
    ("needs_review=true", set()),  # c3 is unverified, but rejected: nothing left to review
    ("needs_review=false", {"c1", "c2", "c3"}),
    ("reviewed_after=2024-03-01T00:00:00Z", {"c2"}),
    ("reviewed_before=2024-03-01T00:00:00Z", {"c1"}),
    ("reviewed_by={reviewer}", {"c1", "c2"}),
    ("q=Alice", {"c1"}),
    ("q=able", {"c1"}),
    ("q=Büro", {"c2"}),
    ("q={c3.text}", {"c3"}),
    ("q=Alice&highlight=true", {"c1"}),
    ("rejected=true", {"c3"}),
    ("rejected=false", {"c1", "c2"}),
    ("rejected_reason=not_claim,duplicate", {"c3"}),
    ("rejected_by={reviewer}", {"c3"}),
    ("origin=machine", {"c1", "c2", "c3"}),
    ("added_by={reviewer}", set()),
    ("confidence_min=0.6", {"c1", "c2"}),
    ("confidence_max=0.6", {"c2", "c3"}),
]

QUOTE_CASES = [
    ("id={q2}", {"q2"}),
    ("status=misleading", {"q1"}),
    ("kind=indirect&kind=mixed", {"q2", "q3"}),
    ("article={a1}", {"q1"}),
    ("sentence={q2.sentence}", {"q2"}),
    ("speaker={bruno}", {"q2"}),
    ("speaker_slug=alice-able", {"q1"}),
    ("has_speaker=false", {"q3"}),
    ("has_speaker_description=true", {"q3"}),
    ("has_speaker_description=false", {"q1", "q2"}),
    ("publisher=Daily", {"q1", "q3"}),
    ("published=2024-06-01", {"q2"}),
    ("published_after=2024-01-10", {"q1", "q2"}),
    ("published_before=2024-01-09", set()),
    ("reviewed=true", {"q1"}),
    ("needs_review=true", {"q2", "q3"}),
    ("needs_review=false", {"q1"}),
    ("reviewed_after=2024-01-01T00:00:00Z", {"q1"}),
    ("reviewed_before=2024-01-01T00:00:00Z", set()),
    ("reviewed_by={reviewer}", {"q1"}),
    ("cue=told,added", {"q2", "q3"}),
    ("attribution=pronoun", {"q2"}),
    ("attribution_confirmed=true", {"q1"}),
    ("confidence_min=0.4", {"q1", "q2"}),
    ("confidence_max=0.4", {"q2", "q3"}),
    ("q=Berg", {"q2"}),
    ("q=Berg&highlight=true", {"q2"}),
    ("origin=editor", {"q2"}),
    ("added_by={reviewer}", {"q2"}),
    ("rejected=false", {"q1", "q2", "q3"}),
    ("rejected_reason=duplicate", set()),
    ("rejected_by={reviewer}", set()),
]

SPEAKER_CASES = [
    ("id={alice}", {"alice"}),
    ("slug=bruno-berg", {"bruno"}),
    ("name=alice", {"alice"}),
    ("kind=organisation", {"bruno"}),
    ("description=agency", {"alice"}),
    ("wikidata_id=Q11", {"alice"}),
    ("q=able", {"alice"}),
    ("q=Büro", {"bruno"}),
]

ARTICLE_CASES = [
    ("id={a1},{a2}", {"a1", "a2"}),
    ("title=orbit", {"a2"}),
    ("publisher=Daily", {"a1", "a3"}),
    ("url={a2.url}", {"a2"}),
    ("published=2024-06-01", {"a2"}),
    ("published_after=2024-02-01", {"a2"}),
    ("published_before=2024-02-01", {"a1"}),
    ("language=fr", {"a2"}),
    ("credit=afp", {"a1"}),
    ("sha256={a3.sha256}", {"a3"}),
    ("authors=müller", {"a2"}),
    ("site_name=L'Hebdo", {"a2"}),
    ("source=https://hebdo.example/orbit", {"a2"}),
    (f"page_sha256={'ab' * 32}", {"a2"}),
    ("fetched_after=2024-06-01T00:00:00Z", {"a2"}),
    ("fetched_before=2024-06-01T00:00:00Z", set()),
    ("ingested_after=2000-01-01T00:00:00Z", {"a1", "a2", "a3"}),
    ("ingested_before=2000-01-01T00:00:00Z", set()),
    ("q=weekly", {"a2"}),
    ("pipeline_version=0123456789ab", {"a3"}),
]


def _fill(template: str, data) -> str:
    values = {name: getattr(obj, "pk", obj) for name, obj in data.items()}
    values.update({f"{name}.sentence": obj.sentence_id for name, obj in data.items() if hasattr(obj, "sentence_id")})
    values.update({f"{name}.text": obj.text for name, obj in data.items() if isinstance(obj, Claim | Quote)})
    values.update({f"{name}.url": obj.url for name, obj in data.items() if isinstance(obj, Article)})
    values.update({f"{name}.sha256": obj.sha256 for name, obj in data.items() if isinstance(obj, Article)})
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


@pytest.mark.parametrize(("query", "expected"), CLAIM_CASES)
def test_claim_filter_keeps_the_matching_claims(data, query, expected):
    assert run(ClaimFilterSet, data, _fill(query, data)) == expected


@pytest.mark.parametrize(("query", "expected"), QUOTE_CASES)
def test_quote_filter_keeps_the_matching_quotes(data, query, expected):
    assert run(QuoteFilterSet, data, _fill(query, data)) == expected


@pytest.mark.parametrize(("query", "expected"), SPEAKER_CASES)
def test_speaker_filter_keeps_the_matching_speakers(data, query, expected):
    assert run(SpeakerFilterSet, data, _fill(query, data)) == expected


@pytest.mark.parametrize(("query", "expected"), ARTICLE_CASES)
def test_article_filter_keeps_the_matching_articles(data, query, expected):
    assert run(ArticleFilterSet, data, _fill(query, data)) == expected


def test_sentence_filters_keep_the_matching_sentences(data):
    article = data["a2"]
    second = article.sentences.get(position=1)
    query = QueryDict(f"article={article.pk}&position=1&kind=prose&id={second.pk}&q=sentence 1")
    filterset = SentenceFilterSet(query, queryset=Sentence.objects.all())
    assert filterset.is_valid(), filterset.errors
    assert list(filterset.qs) == [second]


def test_every_filter_is_exercised_by_a_case():
    """Each filter of each FilterSet appears in the case tables above (a filter without a test fails here)."""
    tables = {
        ClaimFilterSet: CLAIM_CASES,
        QuoteFilterSet: QUOTE_CASES,
        SpeakerFilterSet: SPEAKER_CASES,
        ArticleFilterSet: ARTICLE_CASES,
    }
    untested = []
    for filterset, cases in tables.items():
        used = {part.split("=")[0] for query, _ in cases for part in query.split("&")}
        untested += [f"{filterset.__name__}.{name}" for name in filterset.base_filters if name not in used]
    assert untested == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("status=bogus", "status"),
        ("kind=figure,bogus", "kind"),
        ("claimant=abc", "claimant"),
        ("claimant=0", "claimant"),
        ("id=99999999999999999999", "id"),
        ("published_after=2024-13-45", "published_after"),
        ("reviewed_before=yesterday", "reviewed_before"),
        ("reviewed=maybe", "reviewed"),
        ("has_claimant=2", "has_claimant"),
        ("has_claimant_description=perhaps", "has_claimant_description"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_invalid_filter_value_is_an_error_naming_the_parameter(db, query, parameter):
    filterset = ClaimFilterSet(QueryDict(query), queryset=Claim.objects.all())
    assert not filterset.is_valid()
    assert list(filterset.errors) == [parameter]


def test_filtering_by_id_runs_no_query_to_check_the_id(db, django_assert_num_queries):
    filterset = ClaimFilterSet(QueryDict("claimant=12345&article=1&sentence=2"), queryset=Claim.objects.all())
    with django_assert_num_queries(0):
        assert filterset.is_valid()
        str(filterset.qs.query)


def test_a_bound_filterset_builds_only_the_filters_its_data_names():
    bound = ClaimFilterSet(QueryDict("status=false&q=tax"))
    assert set(bound.filters) == {"status", "q"}
    assert set(ClaimFilterSet.base_filters) > {"status", "q", "claimant"}  # the class keeps every filter


def test_an_unbound_or_dense_filterset_has_every_filter():
    assert set(ClaimFilterSet().filters) == set(ClaimFilterSet.base_filters)
    dense = ClaimFilterSet(QueryDict("status=false"), sparse=False)
    assert set(dense.filters) == set(ClaimFilterSet.base_filters)
    assert all(f.parent is dense and f.model is Claim for f in dense.filters.values())


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/claims/?has_claimant=%25%40x", "has_claimant"),
        ("/api/v1/quotes/?has_speaker=%25s", "has_speaker"),
        ("/api/v1/claims/?claimant=%25d", "claimant"),
    ],
)
def test_a_bad_value_with_a_percent_sign_is_a_400_quoting_it_not_a_server_error(db, api_client, url, parameter):
    response = api_client.get(url)

    assert response.status_code == 400
    assert list(response.json()) == [parameter]
    assert "%" in response.json()[parameter][0]
