"""Built feed and Infobutton responses in Django's cache, each valid while
the tags of what it shows are (``cache_tags``).

A feed detail carries its article's tags, a list its language's list tag, an
Infobutton answer the list tag of every language: publishing, unpublishing,
moving or deleting an article retires those, on every server sharing the
cache (e.g. Redis), and nothing else. Keys are the request's scheme, host,
path and query: a cached response is answered without a query. Responses the
response cache keeps (``response_cache.answers``) are not kept here too.

The cache is a speed-up, never a single point of failure: when it is down
(see ``tolerant_cache``) responses are built from the database and not stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from ..cache_tags import TaggedCache
from ..tolerant_cache import TolerantCache

PREFIX = "recurrence_content:feed"
FEED = TaggedCache("FEED_CACHE_ALIAS", PREFIX, "FEED_CACHE_TIMEOUT")


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
    # The tags of what it shows (cache_tags), for the response cache.
    tags: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Built:
    """What a view builds on a cache miss: the body's data, its newest
    publication, its languages and the tags of what it shows."""

    data: Any
    last_published: datetime | None
    language: str | None
    tags: dict = field(default_factory=dict)


def feed_cache() -> TolerantCache:
    """The cache named by RECURRENCE_CONTENT_FEED_CACHE_ALIAS."""
    return FEED.cache()


def cache_key(request, *parts: Any) -> str:
    """A key for this request's response: host, path, query and ``parts``."""
    query = sorted(request.GET.lists())
    raw = json.dumps(
        [request.scheme, request.get_host(), request.path, query, *parts],
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(raw.encode()).hexdigest()


def cached_response(
    request, key: str | None, build: Callable[[], Built], keep: bool = True
) -> CachedResponse:
    """The cached response for ``key``, building it when missing and keeping
    it unless ``keep`` is False (the response cache keeps it instead) or
    ``key`` is None (a query not worth a place in the cache, see
    ``response_cache.shareable_query``)."""
    keep = keep and key is not None
    found = None
    if keep:
        current, found = FEED.get_many({key: key})
        if key in current:
            return CachedResponse(*current[key])
    built = build()
    body = json.dumps(built.data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    published = built.last_published
    entry = (body, etag, published.timestamp() if published else None, built.language)
    if keep:
        FEED.set_many({key: entry}, {key: built.tags}, found)
    return CachedResponse(*entry, tags=built.tags)
