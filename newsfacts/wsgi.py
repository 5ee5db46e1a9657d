"""WSGI entry point: `gunicorn newsfacts.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")

application = get_wsgi_application()
