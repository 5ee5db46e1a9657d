"""Ids no row could have, typed into admin URLs: a page or a 404, never a server error."""

from __future__ import annotations

import pytest

from tests.factories import ClaimFactory

HUGE = "99999999999999999999"  # beyond a 64-bit id column


@pytest.mark.parametrize(
    "url",
    [
        f"/admin/newsfacts/claim/?article={HUGE}",
        f"/admin/newsfacts/claim/?claimant={HUGE}",
        f"/admin/newsfacts/quote/?speaker={HUGE}",
        f"/admin/newsfacts/quote/?article={HUGE}",
        f"/admin/newsfacts/claim/review/?article={HUGE}",
        f"/admin/newsfacts/claim/review/?claimant={HUGE}",
        f"/admin/newsfacts/quote/review/?speaker={HUGE}",
        "/admin/newsfacts/claim/?article=-1",
    ],
)
def test_a_chosen_id_beyond_the_id_column_lists_nothing(editor_web, url):
    response = editor_web.get(url)

    assert response.status_code == 200
    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize("version", ["abc", HUGE, "1.5", "٣"])
def test_a_history_version_that_is_not_an_id_is_a_404(editor_web, version):
    claim = ClaimFactory()

    assert editor_web.get(f"/admin/newsfacts/claim/{claim.pk}/history/{version}/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/admin/newsfacts/claim/?status__in=%00",
        "/admin/newsfacts/claim/review/?q=a%00b",
        "/admin/newsfacts/speaker/?kind=%00",
        "/admin/newsfacts/sentence/?kind=%00",
        "/admin/newsfacts/article/?publisher=%00",
    ],
)
def test_a_nul_character_in_a_changelist_filter_is_the_admin_s_invalid_filter_redirect(editor_web, url):
    response = editor_web.get(url)

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
