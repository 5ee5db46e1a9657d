"""Settings for newsfacts, read from the environment with safe defaults for local use.

Every knob is an environment variable read through the small typed helpers below (after healthchecks'
``hc/settings.py``). Locally nothing needs setting: DEBUG is on and the database is ``db.sqlite3``. With
``DEBUG=0`` a ``SECRET_KEY`` is required and the production security settings switch on.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from newsfacts.values import parse_bool

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    parsed = parse_bool(value)
    if parsed is None:
        raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")
    return parsed


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off")
    SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "newsfacts",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "newsfacts.urls"
WSGI_APPLICATION = "newsfacts.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL picks the database: sqlite:///path or postgres://user:pass@host:port/name.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Persistent connections were 31% faster than reconnecting per request (bench/README.md).
        conn_max_age=envint("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while an editor writes; the busy timeout waits for a lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and envbool("DB_SERVER_SIDE_BINDING", True):
    # Prepared statements: PostgreSQL plans the five-join list query once per connection instead of on every request
    # (planning was 1.2 ms against 0.35 ms of execution; +19% to +176% requests/s, bench/README.md). Turn it off
    # (DB_SERVER_SIDE_BINDING=0) behind PgBouncer in transaction mode, whose connections cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Where published dataset releases live on disk with the default `releases` storage below.
RELEASES_DIR = Path(os.environ.get("RELEASES_DIR", BASE_DIR / "releases"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
    # Published dataset releases (`manage.py export_dataset --publish NAME`), one folder each; point it at shared
    # storage (django-storages' S3 backend, see README) when several servers serve the API.
    "releases": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": RELEASES_DIR}},
}

# Writes without If-Match are refused (428) instead of accepted, so no client can skip the lost-update check.
NEWSFACTS_API_REQUIRE_IF_MATCH = envbool("NEWSFACTS_API_REQUIRE_IF_MATCH", False)

# The largest article text `ingest` accepts, in bytes.
NEWSFACTS_MAX_ARTICLE_BYTES = envint("NEWSFACTS_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)
# The longest an API search (?q=) may run before it is stopped with 503; 0 for no limit.
NEWSFACTS_SEARCH_TIMEOUT_MS = envint("NEWSFACTS_SEARCH_TIMEOUT_MS", 3000)
# Cache-Control max-age (seconds) of API reads; 0 sends none. Every read carries an ETag either way.
NEWSFACTS_API_CACHE_MAX_AGE = envint("NEWSFACTS_API_CACHE_MAX_AGE", 0)
# A cache alias (CACHES) that keeps rendered list pages until the next write; empty for none.
NEWSFACTS_API_PAGE_CACHE = os.environ.get("NEWSFACTS_API_PAGE_CACHE", "")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ModelPermissionsOrReadOnly"],
    # Strict django-filter (400 on a bad value or an unknown parameter) and ?ordering= over ordering_fields.
    "DEFAULT_FILTER_BACKENDS": ["api.filters.FilterBackend", "api.filters.OrderingFilter"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonThrottle", "api.throttling.StreamedListThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_ANON_THROTTLE_RATE", "1000/hour"),
        # A whole list streamed as CSV or NDJSON is the heaviest request: its own, lower anonymous rate.
        "anon_stream": os.environ.get("API_ANON_STREAM_THROTTLE_RATE", "60/hour"),
    },
    # Clients are told apart by REMOTE_ADDR; X-Forwarded-For is believed only through this many proxies of ours.
    "NUM_PROXIES": envint("NUM_PROXIES", 0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # Errors in JSON, also for an oversized body; an unknown ?format= is a 400 naming it.
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "api.errors.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.errors.ContentNegotiation",
}

SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
MONOSPACE_FONTS = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'
SPECTACULAR_SETTINGS = {
    "TITLE": "newsfacts API",
    "DESCRIPTION": "Sentences, quotes, speakers and check-worthy claims extracted from news articles, "
    "with the verification status editors set.\n\n"
    "**Reading** is open to anyone (anonymous clients are throttled). Lists are cursor-paginated: follow `next` "
    "and `previous`; `page_size` is 1 to 1000; `count=true` adds the number of matching rows. Filters and "
    "`ordering` are strict: an unknown parameter or a bad value gives 400 naming it.\n\n"
    "**Writing** (review a quote or claim, correct its attribution or offsets, create and merge speakers) needs a "
    "user with the model's change permission: log in for the browser (session), or send "
    "`Authorization: Token <key>` from a script; an administrator creates the key with "
    "`manage.py drf_create_token USERNAME`. Writes are PATCH. Send `If-Match` with the ETag of the object as you "
    "read it: a write to an object changed since gives 412 (without If-Match the write is accepted, unless "
    "NEWSFACTS_API_REQUIRE_IF_MATCH is on: then 428). Every write is recorded in the history with its user and "
    "an optional `reason`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The docs load nothing from other hosts (api/templates/api/redoc.html): Redoc reads in the system's fonts.
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": SYSTEM_FONTS,
                "headings": {"fontFamily": SYSTEM_FONTS},
                "code": {"fontFamily": MONOSPACE_FONTS},
            }
        }
    },
    "COMPONENT_SPLIT_REQUEST": True,
}

# The cache, and so the API's throttle counts. Without REDIS_URL each process counts on its own (development); with
# it every worker and server shares one count, e.g. REDIS_URL=redis://127.0.0.1:6379/0.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Production security: on whenever DEBUG is off (`manage.py check --deploy` is clean).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
