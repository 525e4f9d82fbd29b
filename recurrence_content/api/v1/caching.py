"""Built feed responses in Django's cache, emptied when content changes.

Every key carries a version number kept in the same cache. Publishing,
unpublishing, moving or deleting a page, or changing a view restriction or a
site, bumps the version, so every server sharing the cache (e.g. Redis) stops
using the old responses at once. Keys also carry the site, the host and, for
one article, the page and its live revision.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import BaseCache, caches
from django.core.serializers.json import DjangoJSONEncoder

from ...conf import get_setting

PREFIX = "recurrence_content:feed"
VERSION_KEY = f"{PREFIX}:version"
# How long the "when did this response last change" record is kept.
LAST_MODIFIED_TIMEOUT = 60 * 60 * 24 * 30


@dataclass(frozen=True)
class CachedResponse:
    """A response body with its validators."""

    body: bytes
    etag: str
    last_modified: float


def feed_cache() -> BaseCache:
    """The cache named by RECURRENCE_CONTENT_FEED_CACHE_ALIAS."""
    return caches[get_setting("FEED_CACHE_ALIAS")]


def current_version(cache: BaseCache | None = None) -> int:
    """The version every key is built with; starts at the time in ms so a
    version lost from the cache never comes back as an old number."""
    cache = cache or feed_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, int(time.time() * 1000), timeout=None)
        version = cache.get(VERSION_KEY)
    return int(version)


def bump_version(**kwargs: Any) -> None:
    """Make every cached feed response stale (a signal receiver)."""
    cache = feed_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        # Not in the cache: a fresh time-based version is newer than any.
        cache.set(VERSION_KEY, int(time.time() * 1000) + 1, timeout=None)


def cache_key(request, *parts: Any) -> str:
    """A key for this request's response: host, path, query and ``parts``."""
    query = sorted(request.GET.lists())
    raw = json.dumps(
        [request.scheme, request.get_host(), request.path, query, *parts],
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def cached_response(request, key: str, build: Callable[[], Any]) -> CachedResponse:
    """The cached response for ``key``, building and storing it when missing.

    ``Last-Modified`` is when the body last changed: rebuilding an unchanged
    body (same ETag) keeps the earlier time, so conditional requests by date
    still get a 304 after the cache was emptied.
    """
    cache = feed_cache()
    response_key = f"{PREFIX}:{current_version(cache)}:{key}"
    entry = cache.get(response_key)
    if entry is not None:
        return CachedResponse(*entry)
    body = json.dumps(build(), cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    history_key = f"{PREFIX}:modified:{key}"
    previous = cache.get(history_key)
    if previous and previous[0] == etag:
        last_modified = previous[1]
    else:
        last_modified = time.time()
        cache.set(history_key, (etag, last_modified), LAST_MODIFIED_TIMEOUT)
    entry = (body, etag, last_modified)
    cache.set(response_key, entry, get_setting("FEED_CACHE_TIMEOUT"))
    return CachedResponse(*entry)
