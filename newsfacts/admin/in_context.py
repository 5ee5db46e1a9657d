"""A quote or claim shown where it stands: its article, the sentences around it, the span highlighted with <mark>.

Everything from the article is escaped (format_html); only article URLs with an http(s) scheme become links.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from newsfacts.choices import SentenceKind
from newsfacts.models import Article, Claim, Quote, Sentence

# Sentences shown before and after the span.
CONTEXT_SENTENCES = 2


def article_header(article: Article) -> SafeString:
    """Title, publisher, date and link of an article, escaped."""
    date = article.published.isoformat() if article.published else "no date"
    if article.url.lower().startswith(("http://", "https://")):
        link = format_html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', article.url, article.url)
    else:
        link = format_html("{}", article.url or "no link")
    return format_html(
        '<div class="nf-article"><strong class="nf-title">{}</strong>'
        '<span class="nf-meta">{} · <time>{}</time> · {}</span></div>',
        article.title or f"Article {article.pk}",
        article.publisher or "unknown publisher",
        date,
        link,
    )


def _sentence_html(sentence: Sentence, span: Quote | Claim, source_id: int) -> SafeString:
    start, end = max(span.start, sentence.start), min(span.end, sentence.end)
    text = sentence.text
    if start < end:
        a, b = start - sentence.start, end - sentence.start
        body = format_html("{}<mark>{}</mark>{}", text[:a], text[a:b], text[b:])
    else:
        body = format_html("{}", text)
    classes = f"nf-sentence nf-{sentence.kind}" + (" nf-source" if sentence.pk == source_id else "")
    label = (
        format_html('<span class="nf-kind">{}</span> ', sentence.kind) if sentence.kind != SentenceKind.PROSE else ""
    )
    return format_html('<p class="{}" data-position="{}">{}{}</p>', classes, sentence.position, label, body)


def span_in_context(span: Quote | Claim) -> SafeString:
    """The article header, then the source sentence(s) with the span marked and CONTEXT_SENTENCES either side."""
    source = span.sentence
    sentences = span.article.sentences.order_by("position")
    # Two queries: up to the span's last sentence, then the few after it.
    head = list(sentences.filter(Q(position__gte=source.position - CONTEXT_SENTENCES) & Q(start__lt=span.end)))
    last = head[-1].position if head else source.position
    tail = list(sentences.filter(position__gt=last)[:CONTEXT_SENTENCES])
    return format_html(
        '<div class="nf-context">{}<div class="nf-sentences">{}</div></div>',
        article_header(span.article),
        format_html_join("", "{}", ((_sentence_html(s, span, source.pk),) for s in [*head, *tail])),
    )
