"""Full-text search indexes (newsfacts.search): FTS5 tables kept by triggers on SQLite, GIN indexes on PostgreSQL."""

from django.db import migrations

from newsfacts import search


def create_indexes(apps, schema_editor):
    search.install(schema_editor.connection, apps)


def drop_indexes(apps, schema_editor):
    search.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("newsfacts", "0006_editors_add_quotes_and_claims")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
