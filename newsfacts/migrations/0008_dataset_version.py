"""The dataset's version counter and the triggers that bump it on every write (newsfacts.changes)."""

from django.db import migrations

from newsfacts import changes


def create_counter(apps, schema_editor):
    changes.install(schema_editor.connection)


def drop_counter(apps, schema_editor):
    changes.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("newsfacts", "0007_search"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_counter, drop_counter)]
