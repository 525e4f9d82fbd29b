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

import time
from typing import Any

from .conf import get_setting
from .tolerant_cache import CacheUnavailable, TolerantCache


class CacheVersion:
    """The version of the cache named by the setting ``alias_setting``
    (e.g. ``"FEED_CACHE_ALIAS"``), stored under ``key``."""

    def __init__(self, alias_setting: str, key: str):
        self.alias_setting = alias_setting
        self.key = key
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


# Built feed and Infobutton responses (api/v1/caching.py).
FEED = CacheVersion("FEED_CACHE_ALIAS", "recurrence_content:feed:version")
# Whole page responses (response_cache.py).
RESPONSES = CacheVersion("RESPONSE_CACHE_ALIAS", "recurrence_content:pages:version")


def content_changed(**kwargs: Any) -> None:
    """What readers may see has changed: retire every cached feed and page
    response (a signal receiver; see api/v1/signals.py)."""
    FEED.bump()
    RESPONSES.bump()
