"""Create or update the "editors" and "readers" groups, and optionally put users in them.

manage.py setup_roles
manage.py setup_roles --editor alice --editor bob --reader carol
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsfacts.roles import EDITORS, READERS, sync_roles


class Command(BaseCommand):
    help = 'Create or update the "editors" and "readers" groups; --editor/--reader USERNAME adds existing users.'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--editor", action="append", default=[], metavar="USERNAME", help="Make USERNAME an editor."
        )
        parser.add_argument("--reader", action="append", default=[], metavar="USERNAME", help="Make USERNAME a reader.")

    def handle(self, *args: Any, editor: list[str], reader: list[str], **options: Any) -> None:
        User = get_user_model()
        wanted = [(name, EDITORS) for name in editor] + [(name, READERS) for name in reader]
        usernames = {name for name, _ in wanted}
        users = {u.get_username(): u for u in User.objects.filter(**{f"{User.USERNAME_FIELD}__in": usernames})}
        unknown = sorted(usernames - users.keys())
        if unknown:
            raise CommandError(
                f"No such user: {', '.join(unknown)} (create it first with createsuperuser or the admin)"
            )

        groups = sync_roles()
        for name, group in groups.items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
        for username, role in wanted:
            user = users[username]
            # Both roles work in the admin, which only lets staff in; permissions decide what they may change.
            if not user.is_staff:
                user.is_staff = True
                user.save(update_fields=["is_staff"])
            user.groups.add(groups[role])
            self.stdout.write(f"{username} is now in {role}")
