"""`manage.py load_seed`: load the curated seed dataset once; running it again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsfacts.ingestion import IngestError, decode_article, ingest_text
from newsfacts.models import Article

FIXTURES = settings.BASE_DIR / "fixtures"
SEED_FIXTURE = FIXTURES / "seed.json"
SEED_ARTICLE = FIXTURES / "seed-afp-iss-film.txt"
SEED_METADATA = FIXTURES / "seed-afp-iss-film.meta.json"


class Command(BaseCommand):
    help = (
        "Load the curated seed dataset (fixtures/seed.json) into the database unless its articles are already there; "
        "without the fixture, ingest the seed article's raw text."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fixture", type=Path, default=SEED_FIXTURE, help="The curated fixture to load.")

    def handle(self, *args, fixture: Path, **options) -> None:
        if fixture.exists():
            self._load_fixture(fixture)
        else:
            self._ingest_raw()

    def _load_fixture(self, fixture: Path) -> None:
        try:
            objects = json.loads(fixture.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{fixture}: cannot read the fixture ({exc})") from None
        digests = {o["fields"]["sha256"] for o in objects if o.get("model") == "newsfacts.article"}
        present = set(Article.objects.filter(sha256__in=digests).values_list("sha256", flat=True))
        if digests and digests <= present:
            self.stdout.write(f"seed dataset already loaded ({len(digests)} article(s)); nothing to do")
            return
        if present:
            raise CommandError("part of the seed dataset is already in the database: load it into an empty database")
        call_command("loaddata", str(fixture), verbosity=0)
        self.stdout.write(f"loaded the seed dataset from {fixture.name}: {len(objects)} objects")

    def _ingest_raw(self) -> None:
        metadata = json.loads(SEED_METADATA.read_text(encoding="utf-8")) if SEED_METADATA.exists() else {}
        try:
            text = decode_article(SEED_ARTICLE.read_bytes())
            result = ingest_text(text, **metadata)
        except (IngestError, OSError) as exc:
            raise CommandError(f"{SEED_ARTICLE}: {exc}") from None
        self.stdout.write(result.summary())
