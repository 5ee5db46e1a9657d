"""An unnamed speaker's or claimant's description in the admin: one rule for quotes and claims (``newsfacts.review``).

The change form and the "Add a quote or claim" page set, change and clear it; naming the speaker or claimant clears
it; beside a named one it is a form error in the words the API answers with; each change is in the history.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from newsfacts.models import Claim, Quote
from newsfacts.review import DESCRIPTION_FIELD, PERSON_FIELD
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory
from tests.test_review_paths import admin_form

pytestmark = pytest.mark.django_db

FACTORIES = pytest.mark.parametrize("factory", [QuoteFactory, ClaimFactory], ids=["quote", "claim"])


def fields_of(factory) -> tuple[str, str]:
    model = factory._meta.model
    return PERSON_FIELD[model], DESCRIPTION_FIELD[model]


def change_url(obj: Quote | Claim) -> str:
    return reverse(f"admin:newsfacts_{obj._meta.model_name}_change", args=[obj.pk])


def refusal(person: str) -> str:
    return f"A {person} is named: clear the {person} to describe one instead."


@FACTORIES
def test_the_change_form_lets_an_editor_edit_the_description(factory, editor_web):
    person, description = fields_of(factory)
    obj = factory(**{person: None, description: "a senior official"})
    form = editor_web.get(change_url(obj)).context["adminform"].form
    assert description in form.fields  # a field of the form, not a read-only line
    assert form.initial[description] == "a senior official"


@FACTORIES
def test_an_editor_describes_an_unnamed_source_and_the_history_records_who_when_what_why(
    factory, editor_web, staff_editor
):
    person, description = fields_of(factory)
    obj = factory(**{person: None})
    data = admin_form(obj, **{description: "a harbour official", "reason": "as the second paragraph says"})
    before = timezone.now()
    response = editor_web.post(change_url(obj), data)
    assert response.status_code == 302
    obj.refresh_from_db()
    latest = obj.history.latest()
    assert (getattr(obj, description), getattr(latest, description)) == ("a harbour official",) * 2
    assert (latest.history_user, latest.history_change_reason) == (staff_editor, "as the second paragraph says")
    assert latest.history_date >= before


@FACTORIES
def test_an_editor_corrects_then_clears_the_description(factory, editor_web):
    person, description = fields_of(factory)
    obj = factory(**{person: None, description: "an official"})
    editor_web.post(change_url(obj), admin_form(obj, **{description: "a harbour official"}))
    obj.refresh_from_db()
    assert getattr(obj, description) == "a harbour official"
    editor_web.post(change_url(obj), admin_form(obj, **{description: ""}))
    obj.refresh_from_db()
    assert getattr(obj, description) == ""
    assert obj.history.latest().history_change_reason == f"changed {description}"


@FACTORIES
def test_naming_the_source_clears_the_description(factory, editor_web):
    person, description = fields_of(factory)
    obj = factory(**{person: None, description: "a harbour official"})
    other = SpeakerFactory(name="Mira Castell")
    assert editor_web.post(change_url(obj), admin_form(obj, **{person: other.pk})).status_code == 302
    obj.refresh_from_db()
    assert (getattr(obj, person), getattr(obj, description)) == (other, "")


@FACTORIES
@pytest.mark.parametrize("named", [True, False], ids=["stored-person", "person-in-the-same-post"])
def test_a_description_beside_a_named_source_is_a_form_error_in_the_apis_words(factory, named, editor_web):
    person, description = fields_of(factory)
    speaker = SpeakerFactory()
    obj = factory(**{person: speaker if named else None})
    data = admin_form(obj, **{description: "a harbour official", person: speaker.pk})
    response = editor_web.post(change_url(obj), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors[description] == [refusal(person)]
    obj.refresh_from_db()
    assert (getattr(obj, f"{person}_id"), getattr(obj, description)) == (speaker.pk if named else None, "")


# The article's "Add a quote or claim" page


@pytest.fixture
def article():
    return ArticleFactory(text="Port fees will rise by 9% next spring, a harbour official said on Monday.")


def add_url(article) -> str:
    return reverse("admin:newsfacts_article_add_item", args=[article.pk])


def add_post(article, item: str, words: str, **fields) -> dict[str, object]:
    start = article.text.index(words)
    return {"item": item, "start": start, "end": start + len(words), **fields}


def test_the_add_page_offers_the_description_of_an_unnamed_source(editor_web, article):
    html = editor_web.get(add_url(article)).content.decode()
    assert 'name="description"' in html and "Unnamed source" in html


@pytest.mark.parametrize("item", ["quote", "claim"])
def test_an_editor_adds_an_item_of_an_unnamed_source_and_the_history_records_it(
    item, editor_web, staff_editor, article
):
    words = "Port fees will rise by 9% next spring"
    data = add_post(article, item, words, description="a harbour official", note="missed by the pipeline")
    response = editor_web.post(add_url(article), data)
    assert response.status_code == 302
    model = Quote if item == "quote" else Claim
    obj = model.objects.get()
    assert (obj.text, getattr(obj, PERSON_FIELD[model]), getattr(obj, DESCRIPTION_FIELD[model])) == (
        words,
        None,
        "a harbour official",
    )
    latest = obj.history.latest()
    assert (latest.history_user, latest.history_change_reason, latest.history_type) == (
        staff_editor,
        "missed by the pipeline",
        "+",
    )
    assert getattr(latest, DESCRIPTION_FIELD[model]) == "a harbour official"


@pytest.mark.parametrize("item", ["quote", "claim"])
def test_adding_an_item_with_a_speaker_and_a_description_is_a_form_error_in_the_apis_words(item, editor_web, article):
    speaker = SpeakerFactory()
    data = add_post(article, item, "Port fees will rise by 9%", speaker=speaker.pk, description="a harbour official")
    response = editor_web.post(add_url(article), data)
    assert response.status_code == 200
    person = "speaker" if item == "quote" else "claimant"
    assert response.context["form"].errors["description"] == [refusal(person)]
    assert not Quote.objects.exists() and not Claim.objects.exists()
