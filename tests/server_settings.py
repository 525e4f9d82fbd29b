"""Settings for a test server in its own process (gunicorn).

The test settings, plus Redis as the cache when REDIS_URL is set and a
Varnish to purge when VARNISH_URL is set: what the production tests start.
"""

import os

from tests.settings import *  # noqa: F403

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", ""),
        }
    }

if os.environ.get("VARNISH_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }

# ETags on pages, from the body: the same on every server, so a client's
# If-None-Match means the same thing whichever server answers.
# The response cache stays first (check W005).
MIDDLEWARE = [
    MIDDLEWARE[0],  # noqa: F405
    "django.middleware.http.ConditionalGetMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
