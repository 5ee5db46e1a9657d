"""Detail URLs of the dataset's objects by id, from one ``reverse()`` per view name and process.

A page of the API and a release's ClaimReview both link every row; ``reverse()`` for each would cost more than
building the row.
"""

from __future__ import annotations

import functools

from django.urls import get_script_prefix, reverse

# An id no table reaches, reversed in the place of the real ones.
SENTINEL = 987654321987


@functools.cache
def _detail_path(view_name: str, script_prefix: str) -> str:
    return reverse(view_name, kwargs={"pk": SENTINEL})


class DetailUrl:
    """The URL of any id's detail page of one view (``api:claim-detail``), under a base such as ``https://host``."""

    def __init__(self, view_name: str, base: str = "") -> None:
        url = base.rstrip("/") + _detail_path(view_name, get_script_prefix())
        self.prefix, self.suffix = url.split(str(SENTINEL), 1)

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{pk}{self.suffix}"
