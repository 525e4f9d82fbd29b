"""A Django cache whose outages read as misses, never as errors.

The package's caches are a speed-up: when the backend fails (Redis stopped, a
network timeout) every read is a miss and every write is dropped, so callers
answer from the database. A failed cache is left alone for
``RECURRENCE_CONTENT_CACHE_RETRY_INTERVAL`` seconds (no connection attempt, no
timeout to wait for), then tried again; each failure logs one warning, so an
outage costs one line per interval and process, and the first success after it
logs that the cache is back. ``OutageTolerantRedisCache`` gives Wagtail's own
cache the same behaviour.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from django.core.cache import BaseCache, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from .conf import get_setting

logger = logging.getLogger("recurrence_content.cache")

_MISSING = object()
# Cache name -> time.monotonic() until which it is not tried.
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class CacheUnavailable(Exception):
    """The cache backend failed; what was asked of it did not happen."""


class TolerantCache:
    """The Django cache ``alias``, with backend failures turned into misses."""

    def __init__(self, alias: str):
        self.alias = alias
        self.cache: BaseCache = caches[alias]

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if is_down(self.alias):
            raise CacheUnavailable(f"cache {self.alias!r} is down; not tried")
        try:
            result = getattr(self.cache, method)(*args, **kwargs)
        except ValueError:
            # incr() of a missing key: the cache answered, so it is up.
            _mark_up(self.alias)
            raise
        # Backends raise their own errors (redis.ConnectionError, OSError,
        # pymemcache errors...): any failure of the cache is an outage here.
        except Exception as error:
            _mark_down(self.alias, error)
            raise CacheUnavailable(str(error)) from error
        _mark_up(self.alias)
        return result

    def get(self, key: str, default: Any = None) -> Any:
        """The value, or ``default`` when missing or the cache is down."""
        try:
            return self._call("get", key, default)
        except CacheUnavailable:
            return default

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        """The values found; nothing when the cache is down."""
        try:
            return self._call("get_many", keys)
        except CacheUnavailable:
            return {}

    def set_many(self, data: dict[str, Any], timeout: Any = _MISSING) -> bool:
        """Store every item of ``data``; False when the cache is down."""
        args = (data,) if timeout is _MISSING else (data, timeout)
        try:
            self._call("set_many", *args)
        except CacheUnavailable:
            return False
        return True

    def set(self, key: str, value: Any, timeout: Any = _MISSING) -> bool:
        """Store ``value``; False when the cache is down."""
        args = (key, value) if timeout is _MISSING else (key, value, timeout)
        try:
            self._call("set", *args)
        except CacheUnavailable:
            return False
        return True

    def add(self, key: str, value: Any, timeout: Any = _MISSING) -> bool:
        """Store ``value`` unless the key exists; False when the cache is down."""
        args = (key, value) if timeout is _MISSING else (key, value, timeout)
        try:
            return bool(self._call("add", *args))
        except CacheUnavailable:
            return False

    def delete_many(self, keys: list[str]) -> bool:
        """Delete ``keys``; False when the cache is down."""
        try:
            self._call("delete_many", keys)
        except CacheUnavailable:
            return False
        return True

    def incr(self, key: str) -> int:
        """Increment ``key``: ValueError when missing, CacheUnavailable when
        the cache is down (the caller decides what a lost increment means)."""
        return self._call("incr", key)


class OutageTolerantRedisCache(RedisCache):
    """Django's Redis cache, for Wagtail's own cache (``CACHES["default"]``):
    a failure is a miss or a dropped write, and the server is left alone for
    ``RECURRENCE_CONTENT_CACHE_RETRY_INTERVAL`` seconds after it (see the
    module's docstring). ``incr()`` and ``clear()`` still raise."""

    def __init__(self, server, params):
        super().__init__(server, params)
        # Host and port only: the name appears in log lines, a URL's password
        # must not.
        self._outage_name = "redis://" + ",".join(
            f"{url.hostname}:{url.port or 6379}" if url.hostname else url.path
            for url in map(urlsplit, self._servers)
        )

    def _tolerant(self, method: str, fallback: Any, *args: Any, **kwargs: Any) -> Any:
        name = self._outage_name
        if is_down(name):
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except Exception as error:  # redis.ConnectionError, TimeoutError, OSError
            _mark_down(name, error)
            return fallback
        _mark_up(name)
        return result

    def get(self, key, default=None, version=None):
        return self._tolerant("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._tolerant("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._tolerant("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tolerant("set", None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("set_many", list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tolerant("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._tolerant("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        self._tolerant("delete_many", None, keys, version=version)


def is_down(name: str) -> bool:
    """Whether the cache ``name`` failed less than the retry interval ago."""
    until = _down_until.get(name)
    return until is not None and time.monotonic() < until


def forget_outages() -> None:
    """Try every cache on its next use (tests start from here)."""
    with _lock:
        _down_until.clear()


def _mark_down(name: str, error: Exception) -> None:
    interval = get_setting("CACHE_RETRY_INTERVAL")
    with _lock:
        _down_until[name] = time.monotonic() + interval
    logger.warning(
        "Cache %r is unavailable (%s: %s); answering from the database, and "
        "trying it again in %s s.",
        name,
        type(error).__name__,
        error,
        interval,
    )


def _mark_up(name: str) -> None:
    if name not in _down_until:
        return
    with _lock:
        was_down = _down_until.pop(name, None) is not None
    if was_down:
        logger.info("Cache %r answers again; caching resumed.", name)
