"""The release's dataset card (``README.md``) in the Hugging Face layout: YAML front matter, then the documentation.

The front matter names one config a table with its data file (Parquet when written, else JSON lines or CSV), the
licence, languages and size category, so ``datasets.load_dataset(path, "claims")`` and the Hub's viewer read it. The
body says what the data is, each table's fields, the verification statuses with their ClaimReview and FEVER
mappings, how it was made, the counts, the filters used, and how to cite it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from newsfacts.choices import CLAIMREVIEW_RATINGS, FEVER_LABELS, VerificationStatus
from newsfacts.exports.tables import Table

FILENAME = "README.md"

# The Hub's licence ids are the SPDX ids in lower case, except a few.
_HUB_LICENCES = {"ODbL-1.0": "odbl"}
# Preferred file of a table for the configs, best first.
_CONFIG_FORMATS = ("parquet", "jsonl", "csv")


@dataclass
class CardFacts:
    """What the card states about one release."""

    version: str
    created: datetime.datetime
    licence: str
    homepage: str
    organisation: str
    filters: dict[str, list[str]]
    languages: list[str]
    # table name -> rows, and table name -> {format: file name}
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    other_files: list[tuple[str, str]] = field(default_factory=list)
    since: dict[str, Any] | None = None
    # The extraction pipeline versions that last extracted the articles.
    pipeline_versions: list[str] = field(default_factory=list)


def size_category(rows: int) -> str:
    """The Hub's size category of the largest table."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")]
    bounds += [(10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B")]
    for bound, category in bounds:
        if rows < bound:
            return category
    return "n>1T" if rows >= 10**12 else "1B<n<10B"


def _front_matter(facts: CardFacts, tables: Sequence[Table]) -> dict[str, Any]:
    configs = []
    for table in tables:
        files = facts.files.get(table.name, {})
        fmt = next((f for f in _CONFIG_FORMATS if f in files), None)
        if fmt is None:
            continue
        config: dict[str, Any] = {"config_name": table.name, "data_files": [{"split": "train", "path": files[fmt]}]}
        if table.name == "claims":
            config["default"] = True
        configs.append(config)
    matter: dict[str, Any] = {
        "pretty_name": "newsfacts",
        "license": _HUB_LICENCES.get(facts.licence, facts.licence.lower()),
        "language": facts.languages or ["en"],
        "size_categories": [size_category(max(facts.counts.values(), default=0))],
        "task_categories": ["text-classification", "token-classification"],
        "tags": ["fact-checking", "claim-detection", "quotation-attribution", "news"],
    }
    if configs:
        matter["configs"] = configs
    return matter


def _fields(table: Table) -> list[str]:
    lines = [f"### `{table.name}`: {table.title}", "", "| field | type | description |", "|---|---|---|"]
    for column in table.columns:
        kind = column.type + (" (required)" if column.required else "")
        values = f" One of: {', '.join(f'`{c}`' for c in column.choices)}." if column.choices else ""
        lines.append(f"| `{column.name}` | {kind} | {column.description}{values} |")
    return [*lines, ""]


def _statuses() -> list[str]:
    lines = ["| status | ClaimReview rating (1-5) | FEVER label |", "|---|---|---|"]
    for status in VerificationStatus:
        rating = CLAIMREVIEW_RATINGS.get(status)
        review = f"{rating.value} ({rating.alternate_name})" if rating else "not published as a ClaimReview"
        lines.append(f"| `{status.value}` | {review} | {FEVER_LABELS[status]} |")
    return lines


def _citation(facts: CardFacts) -> list[str]:
    year = facts.created.astimezone(datetime.UTC).year
    key = f"newsfacts{year}"
    return [
        "```bibtex",
        f"@misc{{{key},",
        "  title = {newsfacts: sentences, quotes, speakers and check-worthy claims of news articles},",
        f"  author = {{{facts.organisation}}},",
        f"  year = {{{year}}},",
        f"  version = {{{facts.version}}},",
        f"  howpublished = {{\\url{{{facts.homepage}}}}},",
        "}",
        "```",
    ]


def render(facts: CardFacts, tables: Sequence[Table]) -> str:
    """The whole card; the same facts give the same text."""
    matter = yaml.safe_dump(_front_matter(facts, tables), sort_keys=False, allow_unicode=True)
    filters = (
        "\n".join(f"- `{name}`: {', '.join(values)}" for name, values in facts.filters.items())
        if facts.filters
        else "None: the whole dataset."
    )
    counts = ["| table | rows | files |", "|---|---:|---|"]
    for table in tables:
        if table.name in facts.counts:
            names = ", ".join(f"`{name}`" for name in facts.files.get(table.name, {}).values())
            counts.append(f"| `{table.name}` | {facts.counts[table.name]:,} | {names} |")
    others = [f"- `{name}`: {what}" for name, what in facts.other_files]
    since: list[str] = []
    if facts.since:
        since = [
            "## Changes since the earlier release",
            "",
            f"`changes.jsonl` lists each id added, changed or removed since release {facts.since.get('version', '')} "
            f"(created {facts.since.get('created', '')}), one object a line: `table`, `id`, `change`.",
            "",
            *(
                f"- `{table}`: {c['added']:,} added, {c['changed']:,} changed, {c['removed']:,} removed"
                for table, c in facts.since.get("counts", {}).items()
            ),
            "",
        ]
    parts = [
        "---",
        matter.rstrip("\n"),
        "---",
        "",
        f"# newsfacts {facts.version}",
        "",
        "News articles split into sentences, the quotes in them with their speakers, the check-worthy claims, and "
        "the verification status editors gave each quote and claim. Every offset (`start`, `end`) is a code point "
        "index into the article's `text`: `article.text[start:end] == text`. Ids are stable across releases.",
        "",
        f"Released by {facts.organisation} ({facts.homepage}) under {facts.licence}. The licence covers the "
        "annotations; each article's text remains under its publisher's terms (see its `credit` and `url`). "
        "Reviewers' accounts are not published.",
        "",
        "## Loading",
        "",
        "```python",
        "import datasets, duckdb, pandas",
        'claims = datasets.load_dataset("path/to/this/release", "claims")["train"]',
        'quotes = pandas.read_parquet("quotes.parquet")',
        "duckdb.sql(\"SELECT status, count(*) FROM 'claims.parquet' GROUP BY status\")",
        "```",
        "",
        "`newsfacts.sqlite` is the same tables in SQLite, with keys, indexes and full-text search "
        "(`SELECT * FROM claims_fts WHERE claims_fts MATCH 'inflation'`): open it with `sqlite3` or "
        "`datasette newsfacts.sqlite`. `manage.py loaddata newsfacts.jsonl` restores the release into an empty "
        "newsfacts database, a line at a time (`newsfacts.json` holds the same objects as one JSON list).",
        "",
        "## Counts",
        "",
        *counts,
        "",
        *(["Other files:", "", *others, ""] if others else []),
        "## Filters used",
        "",
        filters,
        "",
        *since,
        "## Fields",
        "",
        *(line for table in tables for line in _fields(table)),
        "## Verification statuses",
        "",
        "Editors set a status on quotes and claims in the newsfacts admin, with a rationale and evidence URLs; "
        "`unverified` means no editor has reviewed it yet. The ClaimReview (`claimreview.jsonld`) and FEVER "
        "(`fever.jsonl`) files map them as follows:",
        "",
        *_statuses(),
        "",
        "## How it was made",
        "",
        "Articles are ingested as plain text and split into sentences; a rule-based pipeline finds direct, indirect "
        "and mixed quotes with their reporting cue and speaker, and check-worthy claims (figures, comparisons, "
        "causal and predictive statements). Every span is stored with its offsets and validated against the "
        "article text. Editors then confirm speakers and set verification statuses, add what the pipeline missed and "
        "reject false extractions (`rejected_quotes`, `rejected_claims`); each change is kept in the service's "
        "history. A release is read from one consistent snapshot of the database.",
        "",
        "Pipeline versions of the articles: "
        + (", ".join(f"`{v}`" for v in facts.pipeline_versions) if facts.pipeline_versions else "not recorded")
        + ".",
        "",
        "## Citation",
        "",
        *_citation(facts),
        "",
    ]
    return "\n".join(parts)
