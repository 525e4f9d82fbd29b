"""Built feed responses in Django's cache, emptied when content changes.

Every key carries a version number kept in the same cache. Publishing,
unpublishing, moving or deleting a page, or changing a view restriction or a
site, bumps the version, so every server sharing the cache (e.g. Redis) stops
using the old responses at once. Keys also carry the site, the host and, for
one article, the page and its live revision.

The cache is a speed-up, never a single point of failure: when it is down
(see ``tolerant_cache``) responses are built from the database and not stored.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from ...conf import get_setting
from ...tolerant_cache import CacheUnavailable, TolerantCache

PREFIX = "recurrence_content:feed"
VERSION_KEY = f"{PREFIX}:version"


@dataclass(frozen=True)
class CachedResponse:
    """A response body with its validators.

    ``last_modified`` is a publication time from the database (a timestamp),
    so every server sends the same; None when the response has no articles.
    ``language`` is the Content-Language of the body.
    """

    body: bytes
    etag: str
    last_modified: float | None
    language: str | None = None


@dataclass(frozen=True)
class Built:
    """What a view builds on a cache miss: the body's data, its newest
    publication and its languages."""

    data: Any
    last_published: datetime | None
    language: str | None


# Set when a bump could not reach the cache (it was down while content
# changed); the next use of the cache in this process bumps then, so a cache
# that comes back with its old keys does not serve them.
_missed_bump = False


def feed_cache() -> TolerantCache:
    """The cache named by RECURRENCE_CONTENT_FEED_CACHE_ALIAS."""
    return TolerantCache(get_setting("FEED_CACHE_ALIAS"))


def current_version(cache: TolerantCache | None = None) -> int | None:
    """The version every key is built with, None when the cache is down.

    It starts at the time in ms so a version lost from the cache never comes
    back as an old number.
    """
    cache = cache or feed_cache()
    if _missed_bump:
        bump_version()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY)
    return None if version is None else int(version)


def bump_version(**kwargs: Any) -> None:
    """Make every cached feed response stale (a signal receiver)."""
    global _missed_bump
    cache = feed_cache()
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            # Not in the cache: a fresh time-based version is newer than any.
            if not cache.set(VERSION_KEY, int(time.time() * 1000) + 1, None):
                raise CacheUnavailable(VERSION_KEY) from None
    except CacheUnavailable:
        _missed_bump = True
    else:
        _missed_bump = False


def cache_key(request, *parts: Any) -> str:
    """A key for this request's response: host, path, query and ``parts``."""
    query = sorted(request.GET.lists())
    raw = json.dumps(
        [request.scheme, request.get_host(), request.path, query, *parts],
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def cached_response(request, key: str, build: Callable[[], Built]) -> CachedResponse:
    """The cached response for ``key``, building and storing it when missing."""
    cache = feed_cache()
    version = current_version(cache)
    response_key = f"{PREFIX}:{version}:{key}"
    entry = cache.get(response_key) if version is not None else None
    if entry is not None:
        return CachedResponse(*entry)
    built = build()
    body = json.dumps(built.data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    published = built.last_published
    entry = (body, etag, published.timestamp() if published else None, built.language)
    if version is not None:
        cache.set(response_key, entry, get_setting("FEED_CACHE_TIMEOUT"))
    return CachedResponse(*entry)
