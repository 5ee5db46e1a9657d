"""The newsfacts domain app: articles, sentences, speakers, quotes and claims."""

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def repair_search_index(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """Put back search triggers that a migration's table rebuild dropped (SQLite), then reindex those tables."""
    from newsfacts import search

    search.repair(connections[using])


class NewsfactsConfig(AppConfig):
    name = "newsfacts"
    verbose_name = "newsfacts"

    def ready(self) -> None:
        post_migrate.connect(repair_search_index, sender=self)
