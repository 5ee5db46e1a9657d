"""Check-worthy claims: figures, dates, ages, firsts and superlatives, plain facts, what speakers assert.

What is a claim: a statement a fact-checker could verify and would care to, in a prose sentence. Headings and label
lines ("Revenue:"), captions, credits, questions, conditionals ("If ..., ..."), advice ("Don't ..."), demands in the
subjunctive ("demanded that the council reconsider") and sweeping generalisations ("Nobody can ...") never are. The
steps, each its own module:

* ``content`` -- what a stretch of words states: an age, a first, a figure, a date, an event verb;
* ``assess`` -- whether it is a claim (``judge``): words about what will or would be are set aside clause by clause
  ("a plan that would close two schools was approved" and "analysts had expected a loss" stay facts); a figure, a
  date or an age counts even beside a feeling; a first, an event, or any statement of what was done (a past or a
  participle: "The lawyer asked to be removed from the case") counts only in a clause free of opinion, evaluation,
  hedging or advice (in a speaker's words an intensified adjective is opinion too: "absolutely brilliant"); a named
  subject's present verb tells a standing fact ("The ordinance bans trucks from the bridge"); a speaker's flat denial
  counts too ("Our firm has nothing to do with this"), and so does a state in reported speech ("police said the
  driver was carrying a knife");
* ``spans`` -- where claims lie and whose they are (below);
* ``confidence`` -- how sure the detector is, 0 to 1, from what made the claim one and whose words it is in; below
  ``MIN_CONFIDENCE`` nothing is proposed.

Span policy, one rule for every claim (``text[c.start:c.end] == c.text``, always inside one sentence):

* **a sentence without quotes** -- the sentence, trimmed of whitespace, of a leading dateline or agency tag
  ("LAGOS, May 2 (AP) -", "(Bloomberg) --"), of a list marker ("2) ") and of a transcript's speaker label
  ("REYES:"), one claim per clause that asserts on its
  own ("sales rose 7%; profit fell 2%", "..., but ...", "..., and the company ..."); a subject's age stays with what
  the clause says of them ("Jane Doe, 36, was charged with ...", an ``age`` claim: the age alone is a fragment);
  ``claimant`` is None, except right after someone's reported account, which a sentence in the past
  perfect goes on with ("Reyes said he had left at six. He had not known the gate was locked."): their claim.
* **a quote part** -- the speaker's words: the part of a quote inside the sentence, trimmed of quotation marks and
  edge commas, so the attribution stays out, split into clauses the same way; ``claimant`` is the quote's speaker.
  A denial or negation just before the words stays with them ("denied that the firm sold fakes"). A part needs four
  words and a speaker or a cue; a scare quote leaves the sentence to the article.
* **the words around quote parts** -- trimmed of the cue and of "said", "that"; ``claimant`` is None. They mostly
  say who spoke, where and when, so a claim there is: an age or a first; what the words before the first quote state
  besides the speaking ("Ruiz, speaking at the county hall on Friday, said", "Acme, which runs 40 stores, said"),
  but not a count of the sources ("Three officials said"); what a relative clause about the speaker states; or a
  figure, date or event in a clause the article adds after the attribution ("..., the firm said, after its shares
  fell 5%").

Kind, the first that fits, by what the claim asserts (the claimant is its own field, whatever the kind):

1. ``age`` -- "Jane Doe, 36,", "(61)" after a name, "58-year-old", "aged 12", "in her 60s", "decades-old";
2. ``first`` -- a first, only, record, rank or superlative ("the first woman to lead the party", "top of the polls",
   "the region's No. 3 brewer");
3. ``figure`` -- any other number, amount, count, fraction or ordinal ("2,500", "5pc", "400MW", "tens of millions of
   euros", "more than half of the trains", "his fourth goal", "a 15th straight time", "1C", a count of one: "one
   passenger was hurt", of nought: "no injuries"); not a bill's or a model's number ("Bill 21", "category 4") nor a
   number word naming a thing ("two-seater"), nor one that points back at the ones already named ("the two leaders"),
   nor a house number ("lives at 418 Alder Place");
4. ``date`` -- a day, month or year, a decade, a weekday, a clock time, a point in time ("last month", "two years
   ago", "a day earlier", "the seventh-minute header");
5. ``attributed`` -- a speaker's statement with none of the above: a named speaker's (the claimant) or a described
   one's ("a council spokesman said", the claimant left empty);
6. ``other`` -- a plain statement of fact in the article's words, or in words quoted from nobody known.
"""

from __future__ import annotations

from newsfacts.extraction.claims.assess import assess, is_never_a_claim
from newsfacts.extraction.claims.claim import Claim, ClaimKind, ContentKind
from newsfacts.extraction.claims.content import content_kinds
from newsfacts.extraction.claims.spans import find_claims

__all__ = ["Claim", "ClaimKind", "ContentKind", "assess", "content_kinds", "find_claims", "is_never_a_claim"]
