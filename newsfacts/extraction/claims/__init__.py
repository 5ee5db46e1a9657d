"""Check-worthy claims: figures, dates, ages, firsts and superlatives, attributed statements.

What is a claim: a statement a fact-checker could verify and would care to, in a prose sentence. Headings, captions,
credits, questions, conditionals ("If ..., ...") and sweeping generalisations ("Nobody can ...") never are, nor is
a forecast ("expected", "predicted") in its clause. Opinion, feeling, wishes, promises and generic statements
(``seems``, ``I think``, ``wanted to``, ``great``, ``will``, ``usually``, a generic ``you``) disqualify a statement
whose only check-worthy feature is a superlative or an event, but not one that states a figure, a date or an age
("He felt nervous after being chosen from 500 volunteers" is a figure claim). They weigh on their own clause only:
in "the union had signed the deal, but it will not bow to threats", the promise does not hide the signing.

Span policy, one rule for every claim (``text[c.start:c.end] == c.text``, always inside one sentence):

* **a sentence without quotes** -- the whole sentence, trimmed of surrounding whitespace and of a leading dateline
  ("LAGOS, May 2 (AP) -"); ``claimant`` is None: the article itself asserts it.
* **a quote part** -- the speaker's words: the part of a quote inside the sentence, trimmed of whitespace, quotation
  marks and edge commas, so the attribution ("he said that", "she told reporters") stays out. ``claimant`` is the
  quote's speaker. A part needs four words; a shorter one (a scare quote, a single word) does not count as a quote.
* **the words around quote parts** -- each stretch of the sentence outside them, trimmed of the cue and of "said",
  "that"; ``claimant`` is None. These mostly say who spoke, where and when, so a claim there is only: an age or a
  first; a figure or an event in the stretch before the first quote ("Acme, which runs 40 stores, said ...", "The
  governor declared an emergency and said ..."), unless the figure opens the stretch and so counts the sources
  ("Three officials said ..."); or a figure, date, age or event in a relative clause about the speaker ("said Ana
  Ruiz, who founded the firm in 2015").

Quote parts and the words around them never overlap, so a sentence may give several claims but no duplicates; an
overlapping second quote (a direct quote inside a mixed one) is the same words and is skipped.

Kind, first match wins:

1. ``attributed`` -- a quote part with a known speaker (kind ``attributed`` if and only if ``claimant`` is set);
2. ``first`` -- a first, only, record or superlative ("the first woman to lead the party", "one of the
   country's most decorated", "top of the polls");
3. ``age`` -- "Jane Doe, 36,", "(61)" after a name, "70 years old", "58-year-old", "aged 12", "in her 60s",
   "decades-old";
4. ``date`` -- a day and month, a month and year, "in April", a year ("in 2015"), a decade, "in the 19th century";
5. ``figure`` -- any other number, amount or rank ("2,500", "tens of millions of euros", "twelve years", "the
   fourth", a count of nought: "no injuries"); not a time of day, a type number ("category 4") or a number word
   naming a thing ("two-seater");
6. ``other`` -- nothing of the above, but a newsworthy event verb (announced, disclosed, arrested, ...) in the
   article's words, or, in a speaker's words, anything said to have been done (a past or a participle).

The order goes from the boldest assertion to the plainest: a superlative is wrong more often than the age printed
next to it, and an age or a date is a more specific figure than a count. A quote part without a known speaker keeps
the kind of its content.
"""

from __future__ import annotations

from newsfacts.extraction.claims.assess import assess, is_never_a_claim
from newsfacts.extraction.claims.claim import Claim, ClaimKind, ContentKind
from newsfacts.extraction.claims.content import content_kinds
from newsfacts.extraction.claims.spans import find_claims

__all__ = ["Claim", "ClaimKind", "ContentKind", "assess", "content_kinds", "find_claims", "is_never_a_claim"]
