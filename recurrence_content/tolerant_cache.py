"""A Django cache whose outages read as misses, never as errors.

The package's caches are a speed-up: when the backend fails (Redis stopped, a
network timeout) every read is a miss and every write is dropped, so callers
answer from the database. The first failure of an outage logs one warning per
process; the first success after it logs that the cache is back.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.cache import BaseCache, caches

logger = logging.getLogger("recurrence_content.cache")

_MISSING = object()
_down: set[str] = set()
_lock = threading.Lock()


class CacheUnavailable(Exception):
    """The cache backend failed; what was asked of it did not happen."""


class TolerantCache:
    """The Django cache ``alias``, with backend failures turned into misses."""

    def __init__(self, alias: str):
        self.alias = alias
        self.cache: BaseCache = caches[alias]

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
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


def _mark_down(alias: str, error: Exception) -> None:
    with _lock:
        first = alias not in _down
        _down.add(alias)
    if first:
        logger.warning(
            "Cache %r is unavailable (%s: %s); answering from the database "
            "until it is back.",
            alias,
            type(error).__name__,
            error,
        )


def _mark_up(alias: str) -> None:
    if alias not in _down:
        return
    with _lock:
        was_down = alias in _down
        _down.discard(alias)
    if was_down:
        logger.info("Cache %r answers again; caching resumed.", alias)
