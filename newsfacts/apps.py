"""The newsfacts domain app: articles, sentences, speakers, quotes and claims."""

from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def repair_triggers(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    """Put back triggers that a migration's table rebuild dropped (SQLite): the search index's, then reindex those
    tables, and the dataset version's."""
    from newsfacts import changes, search

    search.repair(connections[using])
    changes.repair(connections[using])


class NewsfactsConfig(AppConfig):
    name = "newsfacts"
    verbose_name = "newsfacts"

    def ready(self) -> None:
        post_migrate.connect(repair_triggers, sender=self)
