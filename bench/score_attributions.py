"""Measure how much of a corpus's annotated speech our quote finding finds, and which cue forms and shapes it misses.

    .venv/bin/python bench/score_attributions.py CORPUS_DIR [--limit N] [--top 25] [--show N] [--split dev]

CORPUS_DIR is a corpus of attribution relations in brat standoff: ``data/<split>/text/NAME.txt`` beside
``data/<split>/attributions/NAME_<annotator>.ann`` (PolNeAR's layout), each relation an event line
``E1  Attribution:T4 Content:T3 Cue:T2 Source:T1`` over text-bound spans ``T3  Content 115 290;300 320  ...``. Where
an article was annotated more than once, the first annotation file (by name) counts.

Which relations count: speech only, as the corpus also annotates beliefs, plans and what a paper "has learned". A
relation counts when its cue holds a form of one of the speech verbs in ``SPEECH_VERBS`` (``said``, ``tells``,
``adding``, ...) or the words "according to"; every other cue is left out. The content is direct when it opens with a
quotation mark, mixed when it
holds one further on (reported speech with quoted words), reported otherwise.

Found: the extracted quotes cover at least half of the relation's content characters (each character once). The
script prints the found share (all, direct, reported), the cue forms most often missed, the shapes of the missed
sentences (cue before, after or inside the content; "that" after the cue; what kind of source), and the extracted
quotes that overlap no annotated relation at all (speech or not): candidates for false quotes, as the corpus
annotates every attribution.
``--show N`` prints N missed relations and N unmatched quotes in context, for reading; none of it is kept.

Speakers: over the relations found, the speaker of the extracted quote overlapping the content most is compared with
the relation's annotated Source span (see ``source_kind``). Name words are capitalised words, less determiners,
pronouns and titles (``Sen.``, ``President``) and less a capitalised first word the article also writes in lowercase
(``Officials said``). A source whose head is a name is *named*: our speaker agrees when the source's head name word
(the surname or an organisation's last word: ``Okafor`` of ``Acme lawyer Tomas Okafor``, ``Courier`` of ``The Halden
Courier``, ``Ruiz`` of ``Ms. Ruiz of the Harbour Trust``) is a word of our speaker's name or one of its aliases;
*other name* when we name someone else, *no name* when we name nobody. A source of one pronoun is *pronoun*; an
indefinite or plural description that names no one (``a source``, ``officials``, ``two former aides``) is
*anonymous*, where we agree only by naming nobody (an unnamed source must never get a name); any other description
(``the Halden senator``, ``a spokesman for Acme``, ``Mr. Lee's allies``, ``a Halden poll``) is *description*. Pronoun
and description sources are not compared with names (the corpus does not say whom they refer to): the table shows
only whether we named someone. The named rows are given per confidence band too, and ``--show-speakers N`` prints N
disagreements of each kind, for reading.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.extraction.pipeline import Extraction, extract  # noqa: E402
from newsfacts.extraction.quotes import Quote  # noqa: E402
from newsfacts.extraction.speakers import first_name_genders  # noqa: E402

# Irregular forms spelled out; the regular verbs get -s, -ed and -ing.
IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
}
REGULAR = str.split(
    "add state report announce claim explain insist argue note declare reply respond warn comment acknowledge "
    "admit confirm deny testify suggest allege assert contend maintain predict repeat reiterate recall remark joke "
    "complain boast mention concede counter answer disclose emphasize stress caution observe quip reveal"
)


def _regular_forms(verb: str) -> set[str]:
    if verb.endswith("e"):
        return {verb, verb + "s", verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    return {verb, verb + "s", verb + "ed", verb + "ing"}


SPEECH_VERBS: set[str] = {form for forms in IRREGULAR.values() for form in forms}
for _verb in REGULAR:
    SPEECH_VERBS |= _regular_forms(_verb)
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
SOURCE_TOKEN = re.compile(r"[^\W\d_][\w'\u2019\-]*\.?|[^\w\s]+")
CUTS = {"who", "which", "that", "of", "for", "at", "from", "with", "in", "on"}
POSSESSIVE = re.compile(r"['\u2019]s?$")
QUOTE_MARKS = '"“”'
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# Words a source may open with that name nobody, and titles before a name (the scorer's own short lists).
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these", "those"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "many", "two", "three", "four", "few", "other", "others"}
SOURCE_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "speaker",
    "leader",
    "majority",
    "minority",
    "minister",
    "prime",
    "mayor",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "director",
    "attorney",
    "general",
    "gen",
    "former",
    "state",
    "press",
    "chief",
}
BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
OUTCOMES = ("agree", "other name", "no name")
SOURCE_KINDS = ("named", "anonymous", "pronoun", "description", "none")


@dataclass
class Relation:
    cue: str
    cue_start: int
    content: list[tuple[int, int]]
    source: tuple[int, int] | None

    @property
    def content_chars(self) -> int:
        return sum(end - start for start, end in self.content)


@dataclass
class Tally:
    total: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    missed_cues: Counter[str] = field(default_factory=Counter)
    cue_total: Counter[str] = field(default_factory=Counter)
    missed_shapes: Counter[str] = field(default_factory=Counter)
    shape_total: Counter[str] = field(default_factory=Counter)
    extracted: int = 0
    unmatched: int = 0
    misses: list[tuple[str, Relation, str]] = field(default_factory=list)
    strays: list[tuple[str, int, int, str]] = field(default_factory=list)
    speakers: Counter[tuple[str, str]] = field(default_factory=Counter)  # (source kind, outcome)
    bands: Counter[tuple[int, str]] = field(default_factory=Counter)  # (band, outcome) of named sources
    genders: Counter[str] = field(default_factory=Counter)  # our speaker for a he/she source
    methods: Counter[tuple[str, str]] = field(default_factory=Counter)  # (attribution and kind, outcome), named
    gender_bands: Counter[tuple[int, bool]] = field(default_factory=Counter)  # (band, no clash) of he/she sources
    # (source kind/outcome, article, source, ours, context) of each disagreement
    wrong: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def _spans(field_text: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field_text.split(";"))]


def read_relations(ann: Path) -> tuple[list[Relation], list[list[tuple[int, int]]]]:
    """The speech relations of one annotation file, and the content spans of every relation (speech or not)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, where = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(where), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    speech: list[Relation] = []
    every: list[list[tuple[int, int]]] = []
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        content = spans[event["Content"]][1]
        every.append(content)
        cue = spans.get(event.get("Cue", ""))
        if cue is None or not is_speech(cue[2]):
            continue
        source = spans.get(event.get("Source", ""))
        where = (source[1][0][0], source[1][-1][1]) if source else None
        speech.append(Relation(cue[2], cue[1][0][0], content, where))
    return speech, every


def is_speech(cue: str) -> bool:
    words = [w.lower() for w in WORD.findall(cue)]
    return "according to" in " ".join(words) or any(w in SPEECH_VERBS for w in words)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def covered_chars(span: tuple[int, int], quotes: list[tuple[int, int]]) -> int:
    """How many characters of ``span`` some extracted quote covers (two quotes over the same words count once)."""
    covered, reach = 0, span[0]
    for start, end in sorted(quotes):
        start, end = max(start, reach), min(end, span[1])
        if end > start:
            covered += end - start
            reach = end
    return covered


def cue_form(cue: str) -> str:
    words = [w.lower() for w in WORD.findall(cue)]
    if "according" in words:
        return "according to"
    return " ".join(words[:3])


def shape(text: str, rel: Relation) -> str:
    """A few coarse features of where the cue, content and source stand."""
    start, end = rel.content[0][0], rel.content[-1][1]
    if rel.cue_start < start:
        order = "cue-first"
    elif rel.cue_start > end:
        order = "content-first"
    else:
        order = "cue-inside"
    after = text[rel.cue_start + len(rel.cue) : rel.cue_start + len(rel.cue) + 6].strip().lower()
    that = "that" if order == "cue-first" and after.startswith("that") else "no-that"
    source = "no-source"
    if rel.source:
        words = WORD.findall(text[rel.source[0] : rel.source[1]])
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            source = "pronoun"
        elif words and words[0][0].isupper() and words[0].lower() not in {"the", "a", "an"}:
            source = "named"
        else:
            source = "common-noun"
    content = text[start:end].lstrip()
    kind = "mixed" if any(m in content for m in QUOTE_MARKS) else "reported"
    if content[:1] in QUOTE_MARKS:
        kind = "direct"
    return f"{kind} {order} {that} {source}"


def _name_runs(tokens: list[str], lower: set[str]) -> list[str]:
    """The head word (lowercase) of each run of capitalised words, titles and determiners aside."""
    heads: list[str] = []
    run: list[str] = []
    for k, token in enumerate([*tokens, ","]):
        word = POSSESSIVE.sub("", token).rstrip(".")
        if word[:1].isupper() and not (k == 0 and word.lower() in lower):
            run.append(word)
            continue
        names = [w for w in run if w.lower() not in DETERMINERS | PRONOUNS | SOURCE_TITLES | INDEFINITE]
        if names:
            heads.append(names[-1].lower())
        run = []
    return heads


def source_kind(text: str, source: tuple[int, int] | None) -> tuple[str, str]:
    """The kind of an annotated source (named, pronoun, anonymous, description, none) and, when named, its head
    name word in lowercase: the last run of capitalised words before any apposition, relative clause or
    preposition (``Okafor`` of ``Acme lawyer Tomas Okafor``, ``Ruiz`` of ``Ms. Ruiz of the Harbour Trust``),
    else the first run of the whole source (``Lindqvist`` of ``a spokesman for the Lindqvist campaign``). A source whose
    head noun (before those) is a common noun is a description: anonymous when indefinite or plural and naming no
    one (``a campaign aide``, ``officials``), else a description (``the Halden senator``, ``Acme's office``, ``a
    Halden poll``, ``Mr. Lee's allies``, ``a spokesman for Acme``)."""
    if source is None:
        return "none", ""
    tokens = SOURCE_TOKEN.findall(text[source[0] : source[1]])
    lower = {w.lower() for w in WORD.findall(text) if w.islower()}
    cut = next((k for k, t in enumerate(tokens) if t.lower() in CUTS or not t[0].isalnum()), len(tokens))
    low = [w.lower() for w in tokens if w[0].isalpha()]
    last = tokens[cut - 1] if cut else ""
    if last[:1].islower() and (low[0] in INDEFINITE or last.endswith("s")) and not _name_runs(tokens, lower):
        return "anonymous", ""  # "a campaign aide", "officials", "one former senior official"
    if last[:1].islower() and (cut > 1 or low[0] in INDEFINITE):
        return "description", ""  # "the Halden senator", "Acme's office", "a Halden poll", "Mr. Lee's allies"
    heads = _name_runs(tokens[:cut], lower)
    if heads:
        return "named", heads[-1]
    heads = _name_runs(tokens, lower)
    if heads:
        return "named", heads[0]
    if len(low) == 1 and low[0] in PRONOUNS:
        return "pronoun", ""
    if low and (low[0] in INDEFINITE or (low[0] not in DETERMINERS and low[-1].endswith("s"))):
        return "anonymous", ""
    return "description", ""


def speaker_outcome(kind: str, head: str, quote: Quote, aliases: dict[str, tuple[str, ...]]) -> str:
    """How our speaker compares with the source: agree, other name, no name (see the module docstring)."""
    if quote.speaker is None:
        return "agree" if kind == "anonymous" else "no name"
    if kind != "named":
        return "other name"
    words = {
        w.lower().rstrip(".") for n in (quote.speaker, *aliases.get(quote.speaker, ())) for w in SOURCE_TOKEN.findall(n)
    }
    words |= {POSSESSIVE.sub("", w) for w in words}
    return "agree" if head in words else "other name"


def gender_check(text: str, source: str, quote: Quote, kinds: dict[str, str]) -> str:
    """For a he/she source: whether our speaker is nobody, an organisation, or a person of the same, the other or
    an unknown gender (by the census first-name lists, else ``Mr.``/``Ms.``/``Mrs.`` before the surname in the
    article)."""
    if quote.speaker is None:
        return "no name"
    if kinds.get(quote.speaker) == "organisation":
        return "an organisation"
    words = quote.speaker.split()
    gender = first_name_genders().get(words[0].lower()) if len(words) > 1 else None
    if gender is None:
        titles = {t.rstrip(".") for t in re.findall(rf"\b(Mr|Mrs|Ms)\.? {re.escape(words[-1])}\b", text)}
        gender = "m" if titles == {"Mr"} else "f" if titles and "Mr" not in titles else None
    if gender is None:
        return "unknown gender"
    return "same gender" if gender == ("m" if source.lower() == "he" else "f") else "other gender"


def score_speaker(name: str, text: str, rel: Relation, quote: Quote, extraction: Extraction, tally: Tally) -> None:
    aliases = {s.name: s.aliases for s in extraction.speakers}
    kind, head = source_kind(text, rel.source)
    outcome = speaker_outcome(kind, head, quote, aliases)
    tally.speakers[kind, outcome] += 1
    source = text[rel.source[0] : rel.source[1]].strip() if rel.source else ""
    if kind == "pronoun" and source.lower() in ("he", "she"):
        check = gender_check(text, source, quote, {s.name: s.kind for s in extraction.speakers})
        tally.genders[check] += 1
        band = next(k for k, (lo, hi) in enumerate(BANDS) if lo <= quote.confidence < hi)
        tally.gender_bands[band, check in ("same gender", "unknown gender")] += 1
    if kind == "named":
        band = next(k for k, (lo, hi) in enumerate(BANDS) if lo <= quote.confidence < hi)
        tally.bands[band, outcome] += 1
        tally.methods[f"{quote.attribution} {quote.kind}", outcome] += 1
    if outcome != "agree" and kind in ("named", "anonymous") and rel.source is not None:
        ours = f"{quote.speaker} ({quote.attribution}, {quote.confidence})"
        context = _context(text, min(rel.source[0], quote.start), max(rel.source[1], quote.end))
        tally.wrong.append((f"{kind}/{outcome}", name, source, ours, context))


def score_article(name: str, text: str, ann: Path, tally: Tally) -> None:
    relations, every = read_relations(ann)
    extraction = extract(text)
    quotes = [(q.start, q.end) for q in extraction.quotes]
    tally.extracted += len(quotes)
    for q in quotes:
        if not any(overlap(q, span) for content in every for span in content):
            tally.unmatched += 1
            tally.strays.append((name, q[0], q[1], text))
    for rel in relations:
        covered = sum(covered_chars(span, quotes) for span in rel.content)
        form, what = cue_form(rel.cue), shape(text, rel)
        kind = what.split()[0]
        tally.total[kind] += 1
        tally.cue_total[form] += 1
        tally.shape_total[what] += 1
        if covered * 2 >= rel.content_chars:
            tally.found[kind] += 1
            best = max(extraction.quotes, key=lambda q: sum(overlap((q.start, q.end), span) for span in rel.content))
            score_speaker(name, text, rel, best, extraction, tally)
            continue
        tally.missed_cues[form] += 1
        tally.missed_shapes[what] += 1
        tally.misses.append((name, rel, text))


def articles(corpus: Path, split: str | None) -> list[tuple[str, Path, Path]]:
    found: list[tuple[str, Path, Path]] = []
    for folder in sorted((corpus / "data").iterdir()):
        if (split and folder.name != split) or not (folder / "text").is_dir():
            continue
        anns = sorted((folder / "attributions").glob("*.ann"))
        for txt in sorted((folder / "text").glob("*.txt")):
            mine = [a for a in anns if a.name.rsplit("_", 1)[0] == txt.stem]
            if mine:
                found.append((txt.stem, txt, mine[0]))
    return found


def _share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def _context(text: str, start: int, end: int) -> str:
    left = max(text.rfind("\n", 0, start), start - 200)
    return " ".join(text[left : min(end + 120, len(text))].split())


def _outcome_table(title: str, rows: Iterable[tuple[str, list[int]]]) -> None:
    """A table of relations by our speaker's outcome (``OUTCOMES``), a row per label with any relation."""
    print(f"\n| {title} | relations | agree | other name | no name |\n| --- | --- | --- | --- | --- |")
    for label, row in rows:
        n = sum(row)
        if n:
            cells = " | ".join(f"{c} ({_share(c, n)})" for c in row)
            print(f"| {label} | {n} | {cells} |")


def print_speakers(tally: Tally, show: int) -> None:
    _outcome_table(
        "source (found relations)",
        ((kind, [tally.speakers[kind, o] for o in OUTCOMES]) for kind in SOURCE_KINDS),
    )
    _outcome_table(
        "confidence (named sources)",
        ((f"{lo:.1f}-{min(hi, 1.0):.1f}", [tally.bands[k, o] for o in OUTCOMES]) for k, (lo, hi) in enumerate(BANDS)),
    )
    _outcome_table(
        "attribution (named sources)",
        ((m, [tally.methods[m, o] for o in OUTCOMES]) for m in sorted({m for m, _ in tally.methods})),
    )
    checks = ("same gender", "unknown gender", "other gender", "an organisation", "no name")
    n = sum(tally.genders.values())
    print("\n| he/she sources: our speaker | relations | share |\n| --- | --- | --- |")
    for check in checks:
        print(f"| {check} | {tally.genders[check]} | {_share(tally.genders[check], n)} |")
    print("\n| confidence (he/she sources) | relations | no clash |\n| --- | --- | --- |")
    for k, (lo, hi) in enumerate(BANDS):
        ok, n = tally.gender_bands[k, True], tally.gender_bands[k, True] + tally.gender_bands[k, False]
        if n:
            print(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {n} | {ok} ({_share(ok, n)}) |")
    rng = random.Random(11)
    for what in sorted({w[0] for w in tally.wrong}):
        wrong = [w for w in tally.wrong if w[0] == what]
        for _, name, source, ours, context in rng.sample(wrong, min(show, len(wrong))):
            print(f"\nWHO {what} {name} source [{source}] ours [{ours}]: {context}")


def print_report(tally: Tally, top: int, show: int) -> None:
    total, found = sum(tally.total.values()), sum(tally.found.values())
    print("| speech attributions | found | share |\n| --- | --- | --- |")
    print(f"| all | {found}/{total} | {_share(found, total)} |")
    for kind in ("direct", "mixed", "reported"):
        print(f"| {kind} | {tally.found[kind]}/{tally.total[kind]} | {_share(tally.found[kind], tally.total[kind])} |")
    print(
        f"\nextracted quotes: {tally.extracted}; overlapping no annotated attribution: {tally.unmatched} "
        f"({_share(tally.unmatched, tally.extracted)})"
    )
    print("\n| cue form missed | missed | of | found share |\n| --- | --- | --- | --- |")
    for form, n in tally.missed_cues.most_common(top):
        all_ = tally.cue_total[form]
        print(f"| {form} | {n} | {all_} | {_share(all_ - n, all_)} |")
    print("\n| shape missed | missed | of | found share |\n| --- | --- | --- | --- |")
    for what, n in tally.missed_shapes.most_common(top):
        all_ = tally.shape_total[what]
        print(f"| {what} | {n} | {all_} | {_share(all_ - n, all_)} |")
    rng = random.Random(7)
    for name, rel, text in rng.sample(tally.misses, min(show, len(tally.misses))):
        start, end = rel.content[0][0], rel.content[-1][1]
        where = min(start, rel.cue_start), max(end, rel.cue_start + len(rel.cue))
        print(f"\nMISS {name} [{rel.cue}]: {_context(text, *where)}")
    for name, start, end, text in rng.sample(tally.strays, min(show, len(tally.strays))):
        print(f"\nSTRAY {name} [{text[start:end][:80]}]: {_context(text, start, end)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (data/<split>/text and data/<split>/attributions)")
    parser.add_argument("--split", help="only this split (train, dev, test)")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--top", type=int, default=25, help="how many cue forms and shapes to list")
    parser.add_argument("--show", type=int, default=0, help="print N missed relations and N unmatched quotes")
    parser.add_argument("--show-speakers", type=int, default=0, help="print N speakers that disagree with the source")
    args = parser.parse_args(argv)
    if not (args.corpus / "data").is_dir():
        print(f"error: {args.corpus} has no data/ folder", file=sys.stderr)
        return 2
    todo = articles(args.corpus, args.split)
    if args.limit:
        todo = todo[: args.limit]
    tally = Tally()
    for name, txt, ann in todo:
        score_article(name, txt.read_text(encoding="utf-8"), ann, tally)
    print(f"{len(todo)} articles, {sum(tally.total.values())} speech attributions")
    print_report(tally, args.top, args.show)
    print_speakers(tally, args.show_speakers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
