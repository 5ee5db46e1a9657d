"""Editors may add the quotes and claims the pipeline missed: bring the role groups up to newsfacts.roles."""

from django.db import migrations

from newsfacts.roles import sync_roles


def update_roles(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("newsfacts", "0005_claim_confidence")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]
