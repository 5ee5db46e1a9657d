"""factory_boy factories for the dataset: consistent articles, sentences, speakers, quotes and claims.

An article's text is built from its sentences, so every span slices back exactly.
"""

from __future__ import annotations

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from newsfacts.models import Article, Claim, Quote, Sentence, Speaker


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article of `sentences` numbered sentences (default 3), each saved as a Sentence."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article {n}")
    publisher = "Example Press"
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")
    published = factory.Faker("date_between", start_date="-3y", end_date="today")
    text = factory.Sequence(
        lambda n: " ".join(f"Sentence {i} of article {n} says 1,{i}00 people came." for i in range(3))
    )
    sha256 = factory.LazyAttribute(lambda a: hashlib.sha256(a.text.encode()).hexdigest())

    @factory.post_generation
    def with_sentences(self, create: bool, extracted: bool | None, **kwargs) -> None:
        if not create or extracted is False:
            return
        rows, start = [], 0
        for position, piece in enumerate(self.text.split(" Sentence ")):
            chunk = piece if position == 0 else "Sentence " + piece
            begin = self.text.index(chunk, start)
            rows.append(
                Sentence(article=self, position=position, start=begin, end=begin + len(chunk), text=chunk, kind="prose")
            )
            start = begin + len(chunk)
        Sentence.objects.bulk_create(rows)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Speaker Number{n}")
    slug = factory.LazyAttribute(lambda s: slugify(s.name))
    kind = "person"


def _first_sentence(obj):
    return obj.article.sentences.order_by("position").first()


class _SpanFactory(factory.django.DjangoModelFactory):
    """A span covering the first words of the article's first sentence."""

    class Meta:
        abstract = True

    article = factory.SubFactory(ArticleFactory)
    sentence = factory.LazyAttribute(_first_sentence)
    start = factory.LazyAttribute(lambda o: o.sentence.start)
    end = factory.LazyAttribute(lambda o: o.sentence.end)
    text = factory.LazyAttribute(lambda o: o.article.text[o.start : o.end])


class QuoteFactory(_SpanFactory):
    class Meta:
        model = Quote

    speaker = factory.SubFactory(SpeakerFactory)
    kind = "indirect"
    cue = "said"
    attribution = "name"
    confidence = 0.9


class ClaimFactory(_SpanFactory):
    class Meta:
        model = Claim

    claimant = factory.SubFactory(SpeakerFactory)
    kind = "figure"
    confidence = 0.85
