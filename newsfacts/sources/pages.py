"""From a document to an article: its text (trafilatura for pages), its metadata, its language and its extraction.

`prepare` is what worker processes run: plain Python, no database. For a web page, trafilatura keeps the main text
(navigation, ads, comments, bylines, captions and related-story boxes left out) and reads the metadata (title,
authors, date, site name, canonical URL); the page's `lang` gives its language.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import ftfy
import trafilatura
from justext.core import define_stoplist
from trafilatura.external import jt_stoplist_init
from trafilatura.settings import Document as Page
from trafilatura.settings import use_config

from newsfacts.extraction.pipeline import Extraction, extract
from newsfacts.sources import Document, IngestError, Metadata, NoArticle
from newsfacts.sources.language import (
    PIPELINE_LANGUAGE,
    UNDETERMINED,
    detect_language,
    is_pipeline_language,
    language_tag,
)

# trafilatura logs each page it discards; `ingest` reports them itself, one line a page.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
# trafilatura's default time limit uses SIGALRM, which belongs to the process that runs us: off.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
# A date only from what the page declares (meta tags, JSON-LD, time elements), not guessed from years in its text.
_CONFIG.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
# Less text than this is a menu, a teaser or an error page, not an article.
MIN_ARTICLE_CHARS = 100
_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", str(MIN_ARTICLE_CHARS))

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to store; `extraction` is None when it is not in the pipeline's language."""

    text: str
    metadata: Metadata
    extraction: Extraction | None


def decode_text(data: bytes, *, max_bytes: int) -> str:
    """Decode raw bytes as an article text, or raise IngestError with a one-line reason."""
    if len(data) > max_bytes:
        raise IngestError(f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    if b"\x00" in data:
        raise IngestError("input looks binary (it contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"input is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None
    if not text.strip():
        raise IngestError("input is empty (no text to ingest)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise IngestError("input looks binary (too many control characters), expected UTF-8 text")
    return repaired(text)


def repaired(text: str) -> str:
    """The text with mojibake undone: UTF-8 that was once read as Windows-1252 upstream ("â€”" for an em dash, "Ã©"
    for "é"). Left in, its stray quotation marks ("â€”" ends in one) put the quote reader's marks out of step. ftfy
    changes nothing but such sequences; a clean text comes back as it was."""
    return ftfy.fix_encoding(text)


def _declared_language(tree: Any) -> str:
    """The language the page declares: <html lang>, xml:lang, Content-Language or og:locale."""
    candidates = [tree.get("lang", ""), tree.get(XML_LANG, "")]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language"):
            candidates.append(meta.get("content", ""))
    return next((tag for tag in map(language_tag, candidates) if tag), "")


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_page(data: bytes, *, url: str = "") -> tuple[str, Metadata]:
    """The main text of a web page and its metadata, or NoArticle when it has none."""
    if b"\x00" in data[:4096]:
        raise IngestError("page looks binary (it contains NUL bytes), expected HTML")
    tree = trafilatura.load_html(data)
    if tree is None:
        raise NoArticle("no article text found in the page (empty or not HTML)")
    declared = _declared_language(tree)
    document = trafilatura.bare_extraction(
        tree, url=url or None, with_metadata=True, include_comments=False, include_tables=False, config=_CONFIG
    )
    text = repaired(document.text or "").strip() if isinstance(document, Page) else ""
    if not isinstance(document, Page) or not text:
        raise NoArticle("no article text found in the page")
    metadata = Metadata(
        title=document.title or "",
        authors=document.author or "",
        published=_date(document.date),
        site_name=document.sitename or "",
        url=_http_url(document.url or ""),
        language=declared or language_tag(document.language or ""),
    )
    return text, metadata


def warm_up() -> None:
    """Load now what preparing pages loads on first use: py3langid's model and the stop words of every language that
    trafilatura's fallback extractor (justext) reads, ~0.7 s of CPU. Worker processes forked after this share one copy
    instead of each loading its own."""
    detect_language("")
    define_stoplist(jt_stoplist_init())


def prepare(document: Document, *, max_bytes: int, given: Metadata | None = None) -> Prepared:
    """The article a document holds; `given` (the command line) overrides what the document says."""
    given = given or Metadata()
    if document.kind == "text":
        text = decode_text(document.data, max_bytes=max_bytes)
        metadata = given.or_else(document.metadata)
        if not metadata.language:
            # A text file declares nothing: its language is detected, and English when the model is unsure (a short
            # text), as the pipeline was made for.
            detected = detect_language(text)
            metadata = dataclasses.replace(
                metadata, language=PIPELINE_LANGUAGE if detected == UNDETERMINED else detected
            )
    else:
        if len(document.data) > max_bytes:
            raise IngestError(f"page is {len(document.data):,} bytes, over the limit of {max_bytes:,} bytes")
        text, found = read_page(document.data, url=document.url)
        metadata = given.or_else(document.metadata).or_else(found)
        if not metadata.language:
            metadata = dataclasses.replace(metadata, language=detect_language(text))
    extraction = extract(text) if is_pipeline_language(metadata.language) else None
    return Prepared(text, metadata, extraction)
