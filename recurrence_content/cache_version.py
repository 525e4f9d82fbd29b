"""Version numbers that make every entry of one of the package's caches stale
at once, on every server.

Each cached entry's key carries its cache's current version, kept in the same
(shared) cache, so one increment there retires every old entry for all
servers; nothing has to find and delete keys. A version starts at the time in
ms, so one lost from the cache (evicted, Redis restarted) never comes back as a
number that old entries were stored under.

The caches are a speed-up, never a single point of failure: through
``TolerantCache`` an unreachable cache has no version (callers then answer from
the database and store nothing), and a bump that could not reach it is made on
this process's next use of the cache.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .conf import get_setting
from .tolerant_cache import CacheUnavailable, TolerantCache

T = TypeVar("T")
_MISSING = object()


class CacheVersion:
    """The version of the cache named by the setting ``alias_setting``
    (e.g. ``"FEED_CACHE_ALIAS"``), stored under ``key``; what ``remember``
    keeps stays for the seconds the setting ``timeout_setting`` names."""

    def __init__(self, alias_setting: str, key: str, timeout_setting: str = ""):
        self.alias_setting = alias_setting
        self.key = key
        self.timeout_setting = timeout_setting
        self._missed_bump = False

    def cache(self) -> TolerantCache:
        """The cache the setting names (read at call time, like every setting)."""
        return TolerantCache(get_setting(self.alias_setting))

    def current(self, cache: TolerantCache | None = None) -> int | None:
        """The version keys are built with now; None when the cache is down."""
        cache = cache or self.cache()
        if self._missed_bump:
            self.bump()
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, _now_ms(), timeout=None)
            version = cache.get(self.key)
        return None if version is None else int(version)

    def remember(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, kept under ``key`` until the version moves on (or
        the timeout passes); worked out anew, and not kept, when the cache is
        down or the timeout is 0."""
        timeout = get_setting(self.timeout_setting) if self.timeout_setting else 0
        if not timeout:
            return compute()
        cache = self.cache()
        version = self.current(cache)
        if version is None:
            return compute()
        # Hashed: the key may hold a host name or spaces, which memcached
        # refuses.
        digest = hashlib.sha256(key.encode()).hexdigest()
        versioned_key = f"{self.key}:{version}:{digest}"
        value = cache.get(versioned_key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(versioned_key, value, timeout)
        return value

    def bump(self) -> None:
        """Make every entry stored under the current version stale."""
        cache = self.cache()
        try:
            try:
                cache.incr(self.key)
            except ValueError:
                # Not in the cache: a fresh time-based version is newer than any.
                if not cache.set(self.key, _now_ms() + 1, None):
                    raise CacheUnavailable(self.key) from None
        except CacheUnavailable:
            self._missed_bump = True
        else:
            self._missed_bump = False


def _now_ms() -> int:
    return int(time.time() * 1000)


# Built feed and Infobutton responses (delivery/caching.py).
FEED = CacheVersion("FEED_CACHE_ALIAS", "recurrence_content:feed:version")
# Whole page and feed responses (response_cache.py), and what rendering a page
# looks up that only such changes alter (its language versions, the review
# wording).
RESPONSES = CacheVersion(
    "RESPONSE_CACHE_ALIAS", "recurrence_content:pages:version", "RESPONSE_CACHE_TIMEOUT"
)


def content_changed(**kwargs: Any) -> None:
    """What readers may see has changed: retire every cached feed and page
    response (a signal receiver; see cache_invalidation.py)."""
    FEED.bump()
    RESPONSES.bump()
