"""`manage.py reextract`: a changed pipeline updates only untouched machine output; editors' items stay as they are."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from newsfacts import reextraction, review
from newsfacts.extraction.claims import Claim as FoundClaim
from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.extraction.quotes import Quote as FoundQuote
from newsfacts.extraction.version import pipeline_version
from newsfacts.ingestion import ingest_text
from newsfacts.models import Article, Claim, Quote

pytestmark = pytest.mark.django_db(transaction=False)

TEXT = (
    "The city council approved a budget of 4.2 million euros on Tuesday. "
    '"We will rebuild the school before winter," said Mayor Anna Keller. '
    "Keller said the works would employ 120 people. "
    "The school was built in 1962 and is the oldest in the region. "
    'Opposition leader Tom Reyes said the plan was "reckless and late". '
    "About 3,000 residents signed a petition last year.\n"
)


def span(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def baseline() -> Extraction:
    """What the pipeline found at ingest: its real sentences, and these quotes and claims (so the test does not
    depend on the extractors' current output)."""
    found = extract(TEXT)

    def position(start: int) -> int:
        return next(s.position for s in found.sentences if s.start <= start < s.end)

    def claim(text: str, kind: str) -> FoundClaim:
        start, end = span(text)
        return FoundClaim(start, end, text, kind, None, position(start))  # type: ignore[arg-type]

    def quote(text: str, kind: str) -> FoundQuote:
        start, end = span(text)
        return FoundQuote(start, end, text, kind, None, "said", position(start), 0.5, "none")  # type: ignore[arg-type]

    claims = (
        claim("The city council approved a budget of 4.2 million euros on Tuesday.", "figure"),
        claim("the works would employ 120 people", "attributed"),
        claim("The school was built in 1962 and is the oldest in the region.", "date"),
        claim("About 3,000 residents signed a petition last year.", "figure"),
    )
    quotes = (
        quote("We will rebuild the school before winter,", "direct"),
        quote("the works would employ 120 people", "indirect"),
        quote('the plan was "reckless and late"', "mixed"),
    )
    return dataclasses.replace(found, speakers=(), quotes=quotes, claims=claims)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("reextract", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot(obj: Quote | Claim) -> tuple[dict[str, Any], int]:
    """Every stored column of the item, and the length of its history."""
    fresh = type(obj).objects.get(pk=obj.pk)
    return {f.attname: f.value_from_object(fresh) for f in fresh._meta.concrete_fields}, fresh.history.count()


def changed_pipeline(found: Extraction) -> Extraction:
    """The pipeline after an improvement: one claim's kind changes, one claim goes, one is new, a quote's cue changes.

    It still finds the rejected claim and the corrected quote's original span: neither may come back.
    """
    claims = []
    for claim in found.claims:
        if claim.text == "About 3,000 residents signed a petition last year.":
            continue
        if claim.text == "the works would employ 120 people":
            claim = dataclasses.replace(claim, kind="figure")
        claims.append(claim)
    start, end = span("We will rebuild the school before winter,")
    first = found.claims[0]
    claims.append(dataclasses.replace(first, start=start, end=end, text=TEXT[start:end], sentence=1, kind="other"))
    quotes = [dataclasses.replace(q, cue="called") if q.text.startswith("the plan was") else q for q in found.quotes]
    return dataclasses.replace(found, claims=tuple(claims), quotes=tuple(quotes))


@pytest.fixture
def edited(editor):
    """The article as editors left it: a claim reviewed, one rejected, a quote's span corrected, a claim added."""
    article = ingest_text(TEXT, title="Council budget", extraction=baseline()).article
    claims = {c.text: c for c in article.claims.all()}
    quotes = {q.text: q for q in article.quotes.all()}
    reviewed = claims["The city council approved a budget of 4.2 million euros on Tuesday."]
    review.edit(reviewed, {"status": "verified", "rationale": "Council minutes."}, user=editor)
    rejected = review.reject(
        claims["The school was built in 1962 and is the oldest in the region."], "not_claim", user=editor
    )
    corrected = quotes["We will rebuild the school before winter,"]
    start, end = span("We will rebuild the school before winter")
    review.edit(corrected, {"start": start, "end": end}, user=editor)
    added = review.add_span(
        Claim, article, *span('Opposition leader Tom Reyes said the plan was "reckless and late".'), user=editor
    )
    editors = [reviewed, rejected, corrected, added]
    return article, editors, {obj.pk: snapshot(obj) for obj in editors}


def test_a_changed_pipeline_updates_only_untouched_items_and_leaves_editors_items_byte_for_byte(edited, monkeypatch):
    article, editors, before = edited
    machine_claim = Claim.objects.get(article=article, text="the works would employ 120 people")
    machine_quote = Quote.objects.get(article=article, text__startswith="the plan was")
    monkeypatch.setattr(reextraction, "extract", lambda text: changed_pipeline(baseline()))

    output = run("--article", str(article.pk))

    assert {obj.pk: snapshot(obj) for obj in editors} == before
    updated = Claim.objects.get(pk=machine_claim.pk)  # same id: the span is unchanged
    assert updated.kind == "figure"
    assert Quote.objects.get(pk=machine_quote.pk).cue == "called"
    assert not Claim.objects.filter(text="About 3,000 residents signed a petition last year.").exists()
    new = Claim.objects.get(article=article, text="We will rebuild the school before winter,")
    assert new.origin == "machine"
    # The rejected claim and the corrected quote's old span are not re-created.
    assert Claim.objects.filter(article=article, text__startswith="The school was built").count() == 1
    assert not Quote.objects.filter(article=article, text="We will rebuild the school before winter,").exists()
    assert updated.history.latest().history_change_reason == f"re-extracted by pipeline {pipeline_version()}"
    assert f"article {article.pk}" in output
    assert "claims 0 kept, 1 updated, 1 added, 1 removed, 3 editors' items left as they are" in output
    article.refresh_from_db()
    assert article.pipeline_version == pipeline_version()


def test_a_claimants_description_found_now_reaches_untouched_claims_only(edited, monkeypatch):
    article, editors, before = edited
    found = baseline()
    described = tuple(dataclasses.replace(c, claimant_description="a council aide") for c in found.claims)
    monkeypatch.setattr(reextraction, "extract", lambda text: dataclasses.replace(found, claims=described))

    run("--article", str(article.pk))

    assert {obj.pk: snapshot(obj) for obj in editors} == before
    machine = Claim.objects.get(article=article, text="the works would employ 120 people")
    assert (machine.claimant, machine.claimant_description) == (None, "a council aide")
    reviewed = Claim.objects.get(article=article, text__startswith="The city council approved")
    assert reviewed.claimant_description == ""  # an editor reviewed it: the pipeline leaves it as it was


def test_reextract_twice_changes_nothing_the_second_time(edited, monkeypatch):
    article, _editors, _before = edited
    monkeypatch.setattr(reextraction, "extract", lambda text: changed_pipeline(baseline()))
    run()
    state = [(snapshot(obj)) for obj in [*Quote.objects.all(), *Claim.objects.all()]]

    output = run()

    assert [(snapshot(obj)) for obj in [*Quote.objects.all(), *Claim.objects.all()]] == state
    assert f"article {article.pk} ({pipeline_version()} → {pipeline_version()}): unchanged" in output
    assert "1 articles, pipeline" in output and "0 changed, 1 unchanged" in output


def test_dry_run_reports_the_changes_and_writes_nothing(edited, monkeypatch):
    _article, _editors, _before = edited
    monkeypatch.setattr(reextraction, "extract", lambda text: changed_pipeline(baseline()))
    rows = [model_to_dict(obj) for obj in [*Quote.objects.all(), *Claim.objects.all()]]

    output = run("--dry-run")

    assert "1 updated, 1 added, 1 removed" in output and "1 would change" in output
    assert [model_to_dict(obj) for obj in [*Quote.objects.all(), *Claim.objects.all()]] == rows


def test_resplit_sentences_move_items_to_the_sentence_their_span_starts_in(edited, monkeypatch):
    article, _editors, _before = edited
    found = baseline()
    # The new splitter joins the first two sentences.
    first, second, *rest = found.sentences
    joined = dataclasses.replace(first, end=second.end, text=TEXT[first.start : second.end])
    sentences = (joined, *(dataclasses.replace(s, position=s.position - 1) for s in rest))
    remap = lambda items: tuple(dataclasses.replace(i, sentence=max(i.sentence - 1, 0)) for i in items)  # noqa: E731
    changed = dataclasses.replace(found, sentences=sentences, quotes=remap(found.quotes), claims=remap(found.claims))
    monkeypatch.setattr(reextraction, "extract", lambda text: changed)

    run()

    assert list(article.sentences.values_list("position", "start")) == [(s.position, s.start) for s in sentences]
    for model in (Quote, Claim):
        for item in model.objects.filter(article=article).select_related("sentence"):
            assert item.sentence.start <= item.start < item.sentence.end
            assert TEXT[item.start : item.end] == item.text


def test_since_selects_articles_ingested_from_that_day(edited):
    assert "0 articles" in run("--since", "2999-01-01")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", "987654"], "no article with id 987654"),
        (["--article", "x"], "--article takes article ids"),
        (["--since", "yesterday"], "--since must be a date"),
    ],
)
def test_bad_arguments_exit_with_a_one_line_reason(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_articles_record_the_pipeline_version_that_extracted_them(db):
    assert Article.objects.get(pk=ingest_text(TEXT).article.pk).pipeline_version == pipeline_version()
