"""The anonymous rate holds across workers: with REDIS_URL every gunicorn worker counts in the same Redis.

The gunicorn test needs a Redis server: `.ci/run` starts one and names it in NEWSFACTS_TEST_REDIS_URL; without it the
test skips and says so. The settings tests need no server.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator

import pytest

from tests.hardening.conftest import http, manage, production_env, serving

TEST_REDIS_URL = os.environ.get("NEWSFACTS_TEST_REDIS_URL", "")
RATE = 4


def _cache_backend(**env: str) -> str:
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = manage("shell", "-c", code, env=production_env(**env))
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().strip().splitlines()[-1]


def test_redis_url_puts_the_cache_and_so_the_throttle_in_redis():
    assert _cache_backend(REDIS_URL="redis://127.0.0.1:6379/0") == "django.core.cache.backends.redis.RedisCache"


def test_without_redis_url_each_process_keeps_its_local_cache():
    assert _cache_backend() == "django.core.cache.backends.locmem.LocMemCache"


def test_num_proxies_is_read_from_the_environment_and_trusts_none_by_default():
    code = "from django.conf import settings; print(settings.REST_FRAMEWORK['NUM_PROXIES'])"
    default = manage("shell", "-c", code, env=production_env())
    two = manage("shell", "-c", code, env=production_env(NUM_PROXIES="2"))

    assert default.stdout.decode().split()[-1] == "0"
    assert two.stdout.decode().split()[-1] == "2"


@pytest.fixture
def two_workers_sharing_redis(sqlite_env, tmp_path) -> Iterator[str]:
    if not TEST_REDIS_URL:
        pytest.skip("no Redis server: set NEWSFACTS_TEST_REDIS_URL (.ci/run starts one)")
    env = {
        **sqlite_env,
        "REDIS_URL": TEST_REDIS_URL,
        "API_ANON_THROTTLE_RATE": f"{RATE}/hour",
        "NUM_PROXIES": "1",
        "SECURE_SSL_REDIRECT": "0",
    }
    with serving(env, tmp_path / "gunicorn.log", workers=2) as base:
        yield base


def test_two_workers_sharing_redis_allow_the_rate_once_not_twice(two_workers_sharing_redis):
    # A client address of this run only (the proxy in front is trusted to set it), so runs sharing a Redis never
    # share a count.
    client = f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
    url = two_workers_sharing_redis + "/api/v1/speakers/"
    statuses = []
    for _ in range(3 * RATE):
        # A new connection each time, so both workers answer some of them.
        status, _, body = http("GET", url, headers={"X-Forwarded-For": client, "Connection": "close"})
        statuses.append(status)
        if status == 429:
            assert "detail" in json.loads(body)

    assert statuses == [200] * RATE + [429] * (2 * RATE)
