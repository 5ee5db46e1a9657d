"""`manage.py export_dataset OUTDIR` (or `--publish NAME`): write a dataset release.

A release holds the Django fixture (JSON and JSON lines), the flat tables as JSONL, CSV and Parquet, a ready SQLite
database, ClaimReview, FEVER, a dataset card and the data package; `--since-release` adds the changes since an
earlier release.

Filters are the API's claim and quote filters (``--status false --publisher AFP``): see ``newsfacts.exports.selection``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from django.core.checks.registry import Tags, registry
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsfacts.exports.release import (
    DEFAULT_BASE_URL,
    DEFAULT_LICENCE,
    DEFAULT_ORGANISATION,
    FORMATS,
    ExportError,
    write_release,
)
from newsfacts.exports.selection import FILTERSETS, FilterError, filter_names, option_name


def _formats(value: str) -> list[str]:
    formats = [piece.strip() for piece in value.split(",") if piece.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        # argparse reports it as "argument --format: ..." (a CommandError here would escape as a traceback).
        raise argparse.ArgumentTypeError(
            f"unknown format {unknown[0] if unknown else '(none)'}; use {','.join(FORMATS)}"
        )
    return formats


def _filter_help(name: str) -> str:
    labels = {str(fs.base_filters[name].label) for fs in FILTERSETS.values() if name in fs.base_filters}
    tables = [table for table, fs in FILTERSETS.items() if name in fs.base_filters]
    return f"{'; '.join(sorted(labels))} (filters {' and '.join(tables)}, as the API's ?{name}=)"


class Command(BaseCommand):
    # Every check but the URLs': checking them imports the whole API (~8 MB more for the whole export), which a
    # release needs only after its tables, for the links in ClaimReview (bench/export_speed.py runs these checks).
    requires_system_checks = sorted(registry.tags_available() - {Tags.urls})

    help = (
        "Write a dataset release into OUTDIR (or publish it as NAME in the releases storage the API serves): "
        "newsfacts.json and newsfacts.jsonl (fixtures for loaddata), articles/sentences/speakers/quotes/claims as "
        ".jsonl, .csv and .parquet, newsfacts.sqlite, claimreview.jsonld, fever.jsonl, a dataset card (README.md) "
        "and datapackage.json. Filters select claims and quotes as the API does; the release then holds their "
        "articles, sentences and speakers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outdir", metavar="OUTDIR", nargs="?", help="The release folder to create (new or empty).")
        parser.add_argument(
            "--publish",
            metavar="NAME",
            default="",
            help="Publish the release as NAME in the releases storage (settings.STORAGES['releases']) instead.",
        )
        parser.add_argument(
            "--since-release",
            metavar="PATH",
            default="",
            help="An earlier release (its folder, or the name of a published one): also write changes.jsonl, the "
            "ids added, changed and removed since then.",
        )
        parser.add_argument(
            "--format",
            dest="formats",
            type=_formats,
            default=list(FORMATS),
            help=f"Comma-separated outputs to write (default all): {','.join(FORMATS)}. README.md and "
            "datapackage.json always are.",
        )
        parser.add_argument(
            "--force", "--overwrite", action="store_true", help="Replace OUTDIR when it holds an earlier release."
        )
        parser.add_argument("--release-version", default="", help="Version of the release (default: YYYY.MM.DD).")
        parser.add_argument("--license", default=DEFAULT_LICENCE, help=f"Licence id (default {DEFAULT_LICENCE}).")
        parser.add_argument(
            "--base-url", default=DEFAULT_BASE_URL, help=f"Public URL of this service (default {DEFAULT_BASE_URL})."
        )
        parser.add_argument(
            "--organisation", default=DEFAULT_ORGANISATION, help="Who publishes the reviews (ClaimReview author)."
        )
        filters = parser.add_argument_group("filters (as the API's /claims/ and /quotes/ parameters)")
        for name in filter_names():
            filters.add_argument(
                option_name(name), dest=f"filter:{name}", action="append", metavar="VALUE", help=_filter_help(name)
            )

    def handle(self, *args, outdir: str | None, **options) -> None:
        filters = {key.removeprefix("filter:"): v for key, v in options.items() if key.startswith("filter:") and v}
        if (outdir is None) == (not options["publish"]):
            raise CommandError("give either OUTDIR or --publish NAME")
        try:
            files = write_release(
                Path(outdir) if outdir is not None else None,
                publish=options["publish"],
                since=options["since_release"],
                formats=options["formats"],
                filters=filters,
                overwrite=options["force"],
                version=options["release_version"],
                licence_name=options["license"],
                base_url=options["base_url"],
                organisation=options["organisation"],
                progress=sys.stderr.isatty() and options["verbosity"] > 0,
            )
        except (ExportError, FilterError) as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] > 0:
            for file in files[:-1]:
                rate = file.rows / file.seconds if file.seconds else 0
                self.stdout.write(f"{file.path:<20} {file.rows:>10} rows {file.seconds:8.2f} s {rate:>10.0f} rows/s")
            where = outdir if outdir is not None else f"the releases storage as {options['publish']}"
            self.stdout.write(self.style.SUCCESS(f"Release written to {where}"))
