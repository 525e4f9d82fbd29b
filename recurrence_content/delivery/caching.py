"""Built feed responses in Django's cache, emptied when content changes.

Every key carries the feed cache's version (``cache_version.FEED``).
Publishing, unpublishing, moving or deleting a page, or changing a view
restriction, a site or a locale, bumps it, so every server sharing the cache
(e.g. Redis) stops using the old responses at once. Keys are the request's
scheme, host, path and query: a cached response is answered without a query.

The cache is a speed-up, never a single point of failure: when it is down
(see ``tolerant_cache``) responses are built from the database and not stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from ..cache_version import FEED, content_changed
from ..conf import get_setting
from ..tolerant_cache import TolerantCache

PREFIX = "recurrence_content:feed"
VERSION_KEY = FEED.key


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
    # False: answered but not kept, as for an answer that found nothing for
    # a value anyone can make up (it would only push real answers out).
    store: bool = True


def feed_cache() -> TolerantCache:
    """The cache named by RECURRENCE_CONTENT_FEED_CACHE_ALIAS."""
    return FEED.cache()


# Any change readers may see retires the feed's and the pages' cached
# responses alike (a signal receiver; see signals.py).
bump_version = content_changed


def cache_key(request, *parts: Any, query: Any = None) -> str:
    """A key for this request's response: host, path, query and ``parts``.

    ``query``, when given, stands for the query string: the parameters as the
    view read them, so ones it ignores cannot make new keys.
    """
    query = sorted(request.GET.lists()) if query is None else query
    raw = json.dumps(
        [request.scheme, request.get_host(), request.path, query, *parts],
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def cached_response(
    request, key: str | None, build: Callable[[], Built]
) -> CachedResponse:
    """The cached response for ``key``, building and storing it when missing;
    built and not stored when ``key`` is None (a query not worth a place in
    the cache, see ``response_cache.shareable_query``)."""
    cache = feed_cache()
    version = FEED.current(cache) if key is not None else None
    response_key = f"{PREFIX}:{version}:{key}"
    entry = cache.get(response_key) if version is not None else None
    if entry is not None:
        return CachedResponse(*entry)
    built = build()
    body = json.dumps(built.data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    published = built.last_published
    entry = (body, etag, published.timestamp() if published else None, built.language)
    if version is not None and built.store:
        cache.set(response_key, entry, get_setting("FEED_CACHE_TIMEOUT"))
    return CachedResponse(*entry)
