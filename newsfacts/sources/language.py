"""The language of an article: its page's declaration when there is one, else py3langid on the text.

The extraction pipeline is English; articles in any other language are stored with their language and not extracted.
py3langid ships its model inside the package (nothing is downloaded). On short or mixed text it is unsure: below
`MIN_CONFIDENCE` the language is `und` (undetermined), which is not English, so the article is not extracted.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

PIPELINE_LANGUAGE = "en"
UNDETERMINED = "und"
MIN_CONFIDENCE = 0.8
# Enough text to decide; more only costs time.
SAMPLE_CHARS = 5000

_TAG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def language_tag(value: str) -> str:
    """A BCP 47 tag from a page's declaration ("en_GB" -> "en-GB"), or "" when it is not one."""
    tag = value.strip().replace("_", "-")
    return tag if len(tag) <= 16 and _TAG_RE.match(tag) else ""


def is_pipeline_language(tag: str) -> bool:
    """True when the extraction pipeline handles articles in this language."""
    return tag.split("-", 1)[0].lower() == PIPELINE_LANGUAGE


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The language of a text as an ISO 639 code, or `und` when the model is not confident."""
    language, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language) if confidence >= MIN_CONFIDENCE else UNDETERMINED
