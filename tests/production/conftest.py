"""Real servers in their own processes: gunicorn on the test's PostgreSQL
database, a redis-server, and Varnish, each on a loopback port.

A server in another process only sees committed data, so these tests use
transactional databases; and only PostgreSQL can be shared between processes
(the SQLite test database lives in memory), so they are PostgreSQL-only.
"""

import urllib.error
import urllib.request
import uuid

import pytest
from django.db import connection

from tests.servers import Gunicorn, database_url


@pytest.fixture
def shared_cache(settings, redis_server):
    """This process and the servers share one Redis as Django's cache."""
    prefix = f"rc-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": prefix,
        }
    }
    return {"REDIS_URL": redis_server.url, "CACHE_KEY_PREFIX": prefix}


@pytest.fixture
def start_gunicorn(shared_cache):
    """Start gunicorn servers on this test's database and shared cache."""
    started = []

    def start(**env) -> Gunicorn:
        server = Gunicorn(
            {
                "DATABASE_URL": database_url(connection.settings_dict),
                **shared_cache,
                **env,
            }
        )
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def get(url: str, host: str = "localhost", **headers) -> tuple[int, dict, str]:
    """GET ``url`` with a Host header; (status, headers, body) even for 4xx."""
    request = urllib.request.Request(url, headers={"Host": host, **headers})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()
