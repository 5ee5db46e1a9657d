"""A synthetic newsfacts dataset of any size, written fast: articles, sentences, speakers, quotes and claims.

Every span slices back exactly (``article.text[start:end] == text``, claims and quotes inside their sentence), a few
speakers are busy and most are quiet (a Zipf-like skew), and most statuses are ``unverified`` with a realistic share
of reviewed ones, each with a rationale. The same seed gives the same rows.

Command line (creates the schema with ``migrate``, then loads; SQLite file or PostgreSQL)::

    .venv/bin/python bench/make_dataset.py --database-url sqlite:///bench/out/bench-1m.sqlite3 --claims 1000000

From code, against the configured Django database (a test database too)::

    from bench.make_dataset import Scale, populate
    populate(Scale.for_claims(500))

``generate()`` yields the rows as plain tuples (no database) for anything else that needs the same data.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SENTENCES_PER_ARTICLE = 30
CLAIMS_PER_ARTICLE = 50
QUOTES_PER_ARTICLE = 25
ARTICLES_PER_SPEAKER = 4
# Zipf exponent of how often a speaker is picked: the busiest speaker gets ~10% of picks, the median one a handful.
SPEAKER_SKEW = 1.05
SPEAKERS_PER_ARTICLE = 5

# Share of each verification status among claims and among quotes (the rest is unverified).
CLAIM_STATUSES = {"verified": 0.08, "false": 0.03, "misleading": 0.025, "unverifiable": 0.015}
QUOTE_STATUSES = {"verified": 0.03, "false": 0.01, "misleading": 0.01, "unverifiable": 0.01}

# The columns written for each table, in order. ``populate`` checks them against the models, so a new model field
# fails loudly here instead of silently taking a database default.
EDITORIAL_COLUMNS = (
    "origin",
    "added_by_id",
    "added_at",
    "edited_at",
    "rejected_reason",
    "rejected_by_id",
    "rejected_at",
    "assigned_to_id",
    "assigned_until",
)

COLUMNS: dict[str, tuple[str, ...]] = {
    "speaker": ("id", "name", "slug", "aliases", "kind", "description", "wikidata_id"),
    "article": (
        "id",
        "title",
        "publisher",
        "url",
        "published",
        "language",
        "credit",
        "text",
        "sha256",
        "ingested_at",
        "pipeline_version",
        "extracted_at",
        "authors",
        "site_name",
        "source",
        "page_sha256",
        "fetched_at",
    ),
    "sentence": ("id", "article_id", "position", "start", "end", "text", "kind"),
    "quote": (
        "id",
        "status",
        "rationale",
        "evidence_urls",
        "reviewed_by_id",
        "reviewed_at",
        "article_id",
        "sentence_id",
        "speaker_id",
        "speaker_description",
        "text",
        "start",
        "end",
        "kind",
        "cue",
        "attribution",
        "confidence",
        "attribution_confirmed",
        *EDITORIAL_COLUMNS,
    ),
    "claim": (
        "id",
        "status",
        "rationale",
        "evidence_urls",
        "reviewed_by_id",
        "reviewed_at",
        "article_id",
        "sentence_id",
        "claimant_id",
        "claimant_description",
        "text",
        "start",
        "end",
        "kind",
        "confidence",
        *EDITORIAL_COLUMNS,
    ),
}
# Parents before children, so foreign keys always point at rows already written.
TABLE_ORDER = ("speaker", "article", "sentence", "quote", "claim")

FIRST_NAMES = [
    "Ana",
    "Ben",
    "Chloé",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "José",
    "Kwame",
    "Lena",
    "Mateo",
    "Nadia",
    "Olu",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Xavier",
    "Yara",
    "Zoë",
    "Amir",
    "Bianca",
    "Carlos",
    "Dana",
    "Emeka",
    "Fatima",
    "Gustav",
    "Hana",
    "Ivan",
    "Jana",
    "Kofi",
    "Lucía",
    "Marek",
    "Noor",
    "Oskar",
    "Paula",
    "Rahul",
    "Sofia",
    "Tomás",
    "Ursula",
    "Vera",
    "Wiktor",
    "Yusuf",
    "Zainab",
    "Aiko",
    "Bruno",
    "Camille",
    "Diego",
    "Esther",
    "Felix",
    "Gita",
    "Hugo",
    "Irene",
    "Jonas",
    "Karin",
    "Leon",
    "Maya",
    "Nils",
    "Olga",
    "Pedro",
    "Rania",
    "Samir",
    "Thea",
    "Ugo",
    "Valentina",
    "Walter",
    "Ximena",
    "Yosef",
    "Zora",
    "Anders",
    "Björn",
]
LAST_NAMES = [
    "Abe",
    "Baker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kim",
    "Lopez",
    "Müller",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Santos",
    "Tanaka",
    "Ueda",
    "Vargas",
    "Wagner",
    "Xu",
    "Yilmaz",
    "Zhang",
    "Andersen",
    "Bianchi",
    "Chen",
    "Diallo",
    "Evans",
    "Ferreira",
    "Gomez",
    "Hansen",
    "Ito",
    "Jovanović",
    "Kowalski",
    "Larsen",
    "Mensah",
    "Novak",
    "Olsen",
    "Popescu",
    "Reyes",
    "Schmidt",
    "Torres",
    "Usman",
    "Varga",
    "Weber",
    "Yamamoto",
    "Zimmermann",
    "Adeyemi",
    "Brown",
    "Castillo",
    "Dimitrov",
    "Engel",
    "Fontaine",
    "Gupta",
    "Horvat",
    "Iqbal",
    "Johansson",
    "Kato",
    "Lindqvist",
    "Moreau",
    "Nguyen",
    "Ortiz",
    "Park",
    "Rahman",
    "Silva",
    "Toth",
    "Uribe",
    "Volkov",
    "Wright",
    "Young",
    "Zeller",
    "Alvarez",
    "Bauer",
    "Cruz",
    "Dahl",
    "Eze",
    "Fox",
    "Gill",
    "Hill",
]
ORGANISATIONS = (
    "Ministry of Health",
    "Space Agency",
    "Central Bank",
    "Statistics Office",
    "Port Authority",
    "Energy Regulator",
    "Weather Service",
    "Transport Board",
    "Audit Office",
    "Election Commission",
)
ROLES = ("minister", "spokesperson", "analyst", "director", "economist", "astronaut", "mayor", "senator", "professor")
PUBLISHERS = ("Example Press", "Daily Sample", "The Test Herald", "Wire Service", "Metro Gazette", "Global Dispatch")
SUBJECTS = (
    "the agency",
    "the programme",
    "exports",
    "the city's population",
    "the budget",
    "unemployment",
    "the station",
    "the fleet",
    "rainfall",
    "the company",
    "turnout",
    "the debt",
    "the harvest",
    "ticket sales",
    "the mission",
)
VERBS = ("rose to", "fell to", "reached", "cost", "grew by", "dropped by", "totalled", "passed", "stood at", "hit")
UNITS = ("million dollars", "percent", "people", "tonnes", "kilometres", "billion euros", "flights", "jobs", "days")
WHENS = ("in {year}", "since {year}", "by {year}", "last year", "this year", "in the first quarter", "over a decade")
PROSE = (
    "The announcement came after {n} weeks of talks.",
    "Officials gave no further details on {day}.",
    "The figures were published in a report of {n} pages.",
    "Critics questioned the method used in {year}.",
)
RATIONALES = {
    "verified": "Matches the {source} figures published in {year}.",
    "false": "The {source} gives a different figure for {year}.",
    "misleading": "True for {year} only; the {source} shows the trend reversed since.",
    "unverifiable": "No {source} data covers {year}; the figure could not be checked.",
}
SOURCES = ("official statistics", "annual report", "budget documents", "agency's own", "court filings", "census")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Scale:
    """How many of each thing to make; the proportions of the load test (1M claims: 20k articles, 5k speakers)."""

    articles: int
    speakers: int
    sentences_per_article: int = SENTENCES_PER_ARTICLE
    claims_per_article: int = CLAIMS_PER_ARTICLE
    quotes_per_article: int = QUOTES_PER_ARTICLE

    @classmethod
    def for_claims(cls, claims: int) -> Scale:
        articles = max(1, claims // CLAIMS_PER_ARTICLE)
        return cls(articles=articles, speakers=max(SPEAKERS_PER_ARTICLE, articles // ARTICLES_PER_SPEAKER))

    @property
    def claims(self) -> int:
        return self.articles * self.claims_per_article


@dataclass
class Batch:
    """Rows for some tables, as tuples in the order of ``COLUMNS[table]``."""

    rows: dict[str, list[tuple]] = field(default_factory=lambda: {table: [] for table in TABLE_ORDER})


@dataclass(frozen=True)
class FirstIds:
    """The first id to give in each table (1 on an empty database)."""

    speaker: int = 1
    article: int = 1
    sentence: int = 1
    quote: int = 1
    claim: int = 1


def _speaker_rows(scale: Scale, rng: random.Random, first_id: int) -> list[tuple]:
    rows = []
    used_slugs: set[str] = set()
    for index in range(scale.speakers):
        speaker_id = first_id + index
        if index % 7 == 6:
            base = ORGANISATIONS[(index // 7) % len(ORGANISATIONS)]
            name = f"{LAST_NAMES[(index // 70) % len(LAST_NAMES)]} {base}"
            kind, aliases, description = "organisation", [base], "public body"
        else:
            first = FIRST_NAMES[index % len(FIRST_NAMES)]
            last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
            name = f"{first} {last}"
            kind, aliases, description = "person", [last], rng.choice(ROLES)
        slug = _slug(name)
        if slug in used_slugs or first_id > 1:  # appended to existing speakers: the id keeps the slug unique
            slug = f"{slug}-{speaker_id}"
        used_slugs.add(slug)
        wikidata_id = f"Q{1_000_000 + speaker_id}" if index % 5 == 0 else ""
        rows.append((speaker_id, name, slug, _json_list(aliases), kind, description, wikidata_id))
    return rows


def _slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(ascii_name.lower().replace("'", "").split())


def _json_list(items: list[str]) -> str:
    import json

    return json.dumps(items, ensure_ascii=False)


def _status(rng: random.Random, shares: dict[str, float]) -> str:
    draw = rng.random()
    for status, share in shares.items():
        if draw < share:
            return status
        draw -= share
    return "unverified"


def _clause(rng: random.Random) -> tuple[str, int]:
    """A check-worthy clause and where its figure starts (the second, narrower claim of the sentence)."""
    subject = rng.choice(SUBJECTS)
    verb = rng.choice(VERBS)
    number = rng.choice(
        (
            f"{rng.randint(2, 999)}",
            f"{rng.randint(1, 99)}.{rng.randint(1, 9)}",
            f"{rng.randint(1, 9)},{rng.randint(100, 999)}",
        )
    )
    figure = f"{number} {rng.choice(UNITS)} {rng.choice(WHENS).format(year=rng.randint(1990, 2026))}"
    head = f"{subject} {verb} "
    return head + figure, len(head)


def generate(
    scale: Scale, seed: int = 4, first_ids: FirstIds | None = None, batch_articles: int = 500
) -> Iterator[Batch]:
    """Yield the dataset in batches: speakers first, then ``batch_articles`` articles with everything in them."""
    ids = first_ids or FirstIds()
    rng = random.Random(seed)
    speakers = _speaker_rows(scale, rng, ids.speaker)
    first_batch = Batch()
    first_batch.rows["speaker"] = speakers
    yield first_batch

    speaker_ids = [row[0] for row in speakers]
    speaker_names = [row[1] for row in speakers]
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** SPEAKER_SKEW for rank in range(scale.speakers)))
    total_weight = cum_weights[-1]
    day_zero = date(2020, 1, 1)
    sentence_id, quote_id, claim_id = ids.sentence, ids.quote, ids.claim
    prose_sentences = scale.sentences_per_article - 1  # the last one is the credit line
    batch = Batch()
    for index in range(scale.articles):
        article_id = ids.article + index
        publisher = PUBLISHERS[index % len(PUBLISHERS)]
        # The article's cast: a few speakers, drawn with the skew (busy speakers turn up in many articles).
        cast = sorted({bisect.bisect(cum_weights, rng.random() * total_weight) for _ in range(SPEAKERS_PER_ARTICLE)})
        cast = [min(i, scale.speakers - 1) for i in cast]
        quote_positions = set(rng.sample(range(prose_sentences), min(scale.quotes_per_article, prose_sentences)))
        # Spread the claims over the prose sentences: each gets one, some get a second (the figure inside the first).
        claim_counts = [0] * prose_sentences
        for n in range(scale.claims_per_article):
            claim_counts[n % prose_sentences] += 1

        parts: list[str] = []
        offset = 0
        title = f"Report {article_id}: {rng.choice(SUBJECTS)} under scrutiny"
        sentence_rows, quote_rows, claim_rows = [], [], []
        for position in range(scale.sentences_per_article):
            if position and position % 5 == 0:
                parts.append("\n\n")
                offset += 2
            elif position:
                parts.append(" ")
                offset += 1
            speaker = rng.choice(cast)
            is_credit = position == prose_sentences
            if is_credit:
                text, kind, spans = f"({publisher}, article {article_id})", "credit", None
            elif position in quote_positions or claim_counts[position] > 0:
                clause, figure_at = _clause(rng)
                if position in quote_positions and rng.random() < 0.6:
                    # Direct: "Clause," Name said.
                    body = clause[0].upper() + clause[1:]
                    text = f'"{body}," {speaker_names[speaker]} said.'
                    quote_at, quote_kind = 1, "direct"
                else:
                    # Reported: Name said that clause.
                    body = clause
                    lead = f"{speaker_names[speaker]} said that "
                    text = f"{lead}{body}."
                    quote_at, quote_kind = len(lead), "indirect"
                kind, spans = "prose", (quote_at, body, figure_at, quote_kind)
            else:
                template = rng.choice(PROSE)
                text = template.format(n=rng.randint(2, 40), day=rng.choice(DAYS), year=rng.randint(1990, 2026))
                kind, spans = "prose", None
            start, end = offset, offset + len(text)
            parts.append(text)
            offset = end
            sentence_rows.append((sentence_id, article_id, position, start, end, text, kind))
            if spans is not None:
                quote_at, body, figure_at, quote_kind = spans
                body_start = start + quote_at
                if position in quote_positions:
                    status = _status(rng, QUOTE_STATUSES)
                    quote_rows.append(
                        (
                            quote_id,
                            *_verification(rng, status, quote_id),
                            article_id,
                            sentence_id,
                            speaker_ids[speaker],
                            "",  # speaker_description: every synthetic quote has a named speaker
                            body,
                            body_start,
                            body_start + len(body),
                            quote_kind,
                            "said",
                            "name",
                            round(0.6 + rng.random() * 0.4, 3),
                            rng.random() < 0.1,
                            *_editorial(quote_id, "not_quote"),
                        )
                    )
                    quote_id += 1
                # A claim on the whole clause, and on its figure when the sentence carries two.
                candidates = [(body_start, body, "attributed"), (body_start + figure_at, body[figure_at:], "figure")]
                for claim_start, claim_text, claim_kind in candidates[: claim_counts[position]]:
                    status = _status(rng, CLAIM_STATUSES)
                    claimant = speaker_ids[speaker] if rng.random() < 0.9 else None
                    claim_rows.append(
                        (
                            claim_id,
                            *_verification(rng, status, claim_id),
                            article_id,
                            sentence_id,
                            claimant,
                            "",  # claimant_description: a synthetic claim without a claimant is the article's own
                            claim_text,
                            claim_start,
                            claim_start + len(claim_text),
                            claim_kind,
                            round(0.4 + rng.random() * 0.6, 3),
                            *_editorial(claim_id, "not_claim"),
                        )
                    )
                    claim_id += 1
            sentence_id += 1

        text = "".join(parts)
        published = day_zero + timedelta(days=index * 2300 // max(1, scale.articles))
        batch.rows["article"].append(
            (
                article_id,
                title,
                publisher,
                f"https://news.example.org/{article_id}",
                published.isoformat(),
                "en",
                f"© {publisher}",
                text,
                hashlib.sha256(text.encode()).hexdigest(),
                f"{published.isoformat()} 12:00:00",
                "",
                None,
                "",
                "",
                "",
                "",
                None,
            )
        )
        batch.rows["sentence"].extend(sentence_rows)
        batch.rows["quote"].extend(quote_rows)
        batch.rows["claim"].extend(claim_rows)
        if (index + 1) % batch_articles == 0:
            yield batch
            batch = Batch()
    if batch.rows["article"]:
        yield batch


def _verification(rng: random.Random, status: str, row_id: int) -> tuple:
    """status, rationale, evidence_urls, reviewed_by_id, reviewed_at."""
    if status == "unverified":
        return status, "", "[]", None, None
    rationale = RATIONALES[status].format(source=rng.choice(SOURCES), year=rng.randint(1990, 2026))
    evidence = f'["https://evidence.example.org/{row_id}"]'
    reviewed_at = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d} 09:30:00"
    return status, rationale, evidence, None, reviewed_at


def _editorial(row_id: int, reason: str) -> tuple:
    """The EDITORIAL_COLUMNS: machine output, one row in a hundred rejected by an editor (as on a curated dataset)."""
    if row_id % 100:
        return ("machine", None, None, None, "", None, None, None, None)
    return ("machine", None, None, "2026-06-01 09:30:00", reason, None, "2026-06-01 09:30:00", None, None)


def _models() -> dict[str, type]:
    from newsfacts.models import Article, Claim, Quote, Sentence, Speaker

    return {"speaker": Speaker, "article": Article, "sentence": Sentence, "quote": Quote, "claim": Claim}


def _check_columns(models: dict[str, type]) -> None:
    for table, model in models.items():
        expected = {f.column for f in model._meta.concrete_fields}
        if expected != set(COLUMNS[table]):
            raise RuntimeError(
                f"bench/make_dataset.py writes {table} columns {sorted(COLUMNS[table])} but the model has "
                f"{sorted(expected)}: update COLUMNS and generate()."
            )


def _secondary_indexes(connection, tables: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX sql) of the non-unique indexes on ``tables``: dropped while loading, built after."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            marks = ",".join("%s" for _ in tables)
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks})",
                tables,
            )
        elif connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema() AND tablename = ANY(%s)",
                [tables],
            )
        else:
            return []
        return [(name, sql) for name, sql in cursor.fetchall() if not sql.upper().startswith("CREATE UNIQUE")]


def _write(connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    quote_name = connection.ops.quote_name
    column_list = ", ".join(quote_name(c) for c in columns)
    if connection.vendor == "postgresql":
        with (
            connection.connection.cursor() as cursor,
            cursor.copy(f"COPY {quote_name(table)} ({column_list}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("%s" for _ in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote_name(table)} ({column_list}) VALUES ({marks})", rows)


def _first_ids(connection, models: dict[str, type]) -> FirstIds:
    with connection.cursor() as cursor:
        firsts = {}
        for name, model in models.items():
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {connection.ops.quote_name(model._meta.db_table)}")
            firsts[name] = cursor.fetchone()[0]
    return FirstIds(**firsts)


@dataclass(frozen=True)
class Counts:
    """What ``populate`` wrote, and how long it took."""

    speakers: int
    articles: int
    sentences: int
    quotes: int
    claims: int
    seconds: float


def populate(
    scale: Scale, seed: int = 4, using: str = "default", drop_indexes: bool | None = None, progress: bool = False
) -> Counts:
    """Write a dataset of ``scale`` into the Django database ``using``, after any rows already there.

    ``drop_indexes`` (default: on for 50,000 claims or more) drops the secondary indexes while loading and builds
    them after, which is several times faster for a large load. Statistics are refreshed (ANALYZE) at the end.
    """
    from django.db import connections, transaction

    from newsfacts import changes, search

    connection = connections[using]
    models = _models()
    _check_columns(models)
    tables = {name: model._meta.db_table for name, model in models.items()}
    if drop_indexes is None:
        drop_indexes = scale.claims >= 50_000
    started = time.monotonic()
    counts = dict.fromkeys(TABLE_ORDER, 0)
    with transaction.atomic(using=using):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB of page cache for the index builds
        indexes = _secondary_indexes(connection, list(tables.values())) if drop_indexes else []
        with connection.cursor() as cursor:
            for name, _sql in indexes:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        if drop_indexes:
            # The search index is rebuilt once after the load, and the dataset's version bumped once.
            search.drop_triggers(connection)
            changes.drop_triggers(connection)
        for batch in generate(scale, seed, _first_ids(connection, models)):
            for table in TABLE_ORDER:
                _write(connection, tables[table], COLUMNS[table], batch.rows[table])
                counts[table] += len(batch.rows[table])
            if progress and counts["article"] and counts["article"] % 2000 == 0:
                print(f"  {counts['claim']:,} claims written ({time.monotonic() - started:.0f} s)", file=sys.stderr)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql" and indexes:
                # Check the deferred foreign keys now: PostgreSQL builds no index over pending trigger events.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for _name, sql in indexes:
                cursor.execute(sql)
        if drop_indexes:
            search.install(connection)
            changes.install(connection)
    _after_load(connection, models)
    return Counts(
        speakers=counts["speaker"],
        articles=counts["article"],
        sentences=counts["sentence"],
        quotes=counts["quote"],
        claims=counts["claim"],
        seconds=round(time.monotonic() - started, 1),
    )


def _after_load(connection, models: dict[str, type]) -> None:
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models.values())):
            cursor.execute(sql)
        if connection.vendor == "postgresql":
            for model in models.values():
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        elif connection.vendor == "sqlite":
            cursor.execute("ANALYZE")


def _setup_django(database_url: str) -> None:
    root = Path(__file__).resolve().parent.parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")
    import django

    django.setup()


def build(database_url: str, claims: int, seed: int = 4, progress: bool = True) -> Counts:
    """Create the schema at ``database_url`` and fill it; refuses a database that already has claims."""
    _setup_django(database_url)
    from django.core.management import call_command

    from newsfacts.models import Claim

    call_command("migrate", verbosity=0, interactive=False)
    if Claim.objects.exists():
        raise SystemExit(f"{database_url} already has claims: give an empty database (or delete the file).")
    return populate(Scale.for_claims(claims), seed=seed, progress=progress)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="sqlite:///path/file.sqlite3 or postgres://...")
    parser.add_argument("--claims", type=int, default=1_000_000, help="number of claims (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args(argv)
    counts = build(args.database_url, args.claims, args.seed)
    print(
        f"{counts.claims:,} claims, {counts.quotes:,} quotes, {counts.sentences:,} sentences, "
        f"{counts.articles:,} articles, {counts.speakers:,} speakers in {counts.seconds} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
