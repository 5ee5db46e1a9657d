"""settings.REST_FRAMEWORK holds the strict behaviour: a plain DRF view gets it without inheriting from our bases."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework import generics, serializers
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.permissions import ModelPermissionsOrReadOnly
from newsfacts.filtersets import SpeakerFilterSet
from newsfacts.models import Speaker
from tests.factories import SpeakerFactory


class NameSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name"]


class PlainSpeakerList(generics.ListAPIView):
    queryset = Speaker.objects.all()
    serializer_class = NameSerializer
    filterset_class = SpeakerFilterSet
    ordering_fields = {"id": "id", "name": "name"}


def get(query: str) -> object:
    return PlainSpeakerList.as_view()(APIRequestFactory().get(f"/speakers/{query}"))


def test_a_plain_view_rejects_an_unknown_parameter_and_a_bad_filter_value(db):
    assert get("?nmae=x").status_code == 400
    assert get("?id=x").data == {"id": ["'x' is not a whole number."]}


def test_a_plain_view_orders_strictly_and_pages_by_cursor(db):
    SpeakerFactory.create_batch(3)
    assert get("?ordering=nope").status_code == 400
    page = get("?ordering=-name&page_size=2").data
    assert len(page["results"]) == 2 and "cursor=" in page["next"]


@pytest.mark.parametrize(("method", "allowed"), [("get", True), ("head", True), ("options", True), ("post", False)])
def test_anonymous_clients_read_without_permissions_and_write_with_none(method, allowed):
    request = Request(getattr(APIRequestFactory(), method)("/speakers/"))
    request.user = AnonymousUser()
    view = PlainSpeakerList()
    assert ModelPermissionsOrReadOnly().has_permission(request, view) is allowed
    assert DjangoModelPermissionsOrAnonReadOnly().has_permission(request, view) is allowed
