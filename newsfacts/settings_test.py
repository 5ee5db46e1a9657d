"""Settings for the test suite: the project's settings with a fast password hasher and no throttling surprises."""

from newsfacts.settings import *  # noqa: F403
from newsfacts.settings import REST_FRAMEWORK, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/hour"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "releases": STORAGES["releases"],
}
