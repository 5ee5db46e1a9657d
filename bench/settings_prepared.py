"""The project's settings with PostgreSQL prepared statements on: the load test's ``postgresql, prepared`` server.

Django turns psycopg's prepared statements off by default (``prepare_threshold=None``, for connection poolers);
then PostgreSQL plans the list query again on every request.
"""

from newsfacts.settings import *  # noqa: F403
from newsfacts.settings import DATABASES

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
