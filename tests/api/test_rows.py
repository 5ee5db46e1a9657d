"""The fast list rows are derived from the serializers: a field declared there is selected and shaped the same."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from api.rows import RowShape
from api.serializers import ClaimSerializer, QuoteSerializer
from newsfacts.models import Quote
from tests.factories import ClaimFactory, QuoteFactory, UserFactory


class QuoteWithPublisher(QuoteSerializer):
    publisher = serializers.CharField(source="article.publisher", read_only=True)

    class Meta(QuoteSerializer.Meta):
        fields = [*QuoteSerializer.Meta.fields, "publisher"]


class QuoteWithCue(serializers.ModelSerializer):
    class Meta:
        model = Quote
        fields = ["id", "cue", "confidence"]


@pytest.mark.parametrize(("serializer_class", "person"), [(QuoteSerializer, "speaker"), (ClaimSerializer, "claimant")])
def test_columns_name_each_output_value_and_read_related_ids_from_the_foreign_key(serializer_class, person):
    columns = RowShape.of(serializer_class).columns
    assert {"article_id", "sentence_id", f"{person}_id", f"{person}__name"} <= set(columns)
    assert not {"article__id", "sentence__id", f"{person}__id"} & set(columns)  # no join for an id


@pytest.mark.parametrize("serializer_class", [QuoteSerializer, ClaimSerializer])
def test_editors_usernames_are_looked_up_by_id_instead_of_joined(serializer_class):
    shape = RowShape.of(serializer_class)
    assert {"reviewed_by_id", "added_by_id", "rejected_by_id"} <= set(shape.columns)
    assert not {"reviewed_by__username", "added_by__username", "rejected_by__username"} & set(shape.columns)
    assert {(lookup.id_column, lookup.column) for lookup in shape.lookups} == {
        ("reviewed_by_id", "reviewed_by__username"),
        ("added_by_id", "added_by__username"),
        ("rejected_by_id", "rejected_by__username"),
    }


@pytest.mark.parametrize(
    ("serializer_class", "factory"), [(QuoteSerializer, QuoteFactory), (ClaimSerializer, ClaimFactory)]
)
def test_row_builds_what_the_serializer_outputs(db, serializer_class, factory):
    obj = factory(status="verified", rationale="Checked.", reviewed_by=UserFactory(username="rev"))
    request = APIRequestFactory().get("/")
    shape = RowShape.of(serializer_class)
    row = type(obj).objects.values(*shape.columns).get(pk=obj.pk)
    shape.resolve([row], None)
    expected = serializer_class(obj, context={"request": request}).data
    assert shape.builder(request)(row) == expected


def test_a_plain_field_added_to_the_serializer_is_selected_and_shaped():
    shape = RowShape.of(QuoteWithCue)
    assert shape.columns == ("id", "cue", "confidence")
    build = shape.builder(APIRequestFactory().get("/"))
    assert build({"id": 7, "cue": "said", "confidence": 0.5}) == {"id": 7, "cue": "said", "confidence": 0.5}


def test_a_field_the_row_path_cannot_build_is_refused_when_the_shape_is_made():
    with pytest.raises(ImproperlyConfigured, match="publisher"):
        RowShape(QuoteWithPublisher)


@pytest.mark.parametrize(("serializer_class", "person"), [(QuoteSerializer, "speaker"), (ClaimSerializer, "claimant")])
def test_the_relations_a_detail_joins_are_those_its_serializer_reads(serializer_class, person):
    relations = RowShape.of(serializer_class).relations
    assert {"article", "sentence", person, "reviewed_by", "added_by", "rejected_by"} == set(relations)


def test_a_claim_detail_is_read_in_one_query(db, api_client, django_assert_num_queries):
    claim = ClaimFactory(status="false", rationale="no", reviewed_by=UserFactory())
    with django_assert_num_queries(1):  # the claim with its article, sentence, claimant and the users named
        assert api_client.get(f"/api/v1/claims/{claim.pk}/").status_code == 200


def test_editors_names_are_read_once_for_a_dataset_version(db, api_client, django_assert_num_queries):
    ClaimFactory(status="verified", rationale="Checked.", reviewed_by=UserFactory(username="rev"))
    ClaimFactory(status="verified", rationale="Checked.", reviewed_by=UserFactory(username="other"))
    # 1. the dataset's version; 2. the page; 3. the two reviewers' usernames, by id.
    with django_assert_num_queries(3):
        first = api_client.get("/api/v1/claims/").json()["results"]
    assert [row["reviewed_by"] for row in first] == ["rev", "other"]
    with django_assert_num_queries(2):  # the usernames are kept for this version
        assert api_client.get("/api/v1/claims/?status=verified").json()["results"] == first


def test_a_page_without_editors_reads_no_names(db, api_client, django_assert_num_queries):
    ClaimFactory()
    with django_assert_num_queries(2):  # the version and the page
        assert api_client.get("/api/v1/claims/").json()["results"][0]["reviewed_by"] is None
