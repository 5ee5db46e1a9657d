"""Create the "editors" and "readers" groups (defined in newsfacts.roles)."""

from django.db import migrations

from newsfacts.roles import remove_roles, sync_roles


def create_roles(apps, schema_editor):
    sync_roles(apps)


def delete_roles(apps, schema_editor):
    remove_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsfacts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
