"""What the caches hold on Redis: an article's body once, its entries gone
when it is unpublished; and what they cost: no read for a URL the response
cache never answers.

Runs on the shared Redis (REDIS_URL, as CI sets it), under a key prefix of
its own.
"""

import os
import pickle
import uuid

import pytest
from django.core.cache.backends.locmem import LocMemCache

from recurrence_content import response_cache
from tests.feed.helpers import detail_url, list_url

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings):
    """Every cache of the app on Redis, under a prefix removed afterwards."""
    if not REDIS_URL:
        pytest.skip("REDIS_URL is not set: export REDIS_URL=redis://127.0.0.1:6379/0")
    import redis

    prefix = f"rc-storage-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield lambda: {
        key.decode(): client.get(key) for key in client.scan_iter(f"{prefix}:*")
    }
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def holding(entries: dict[str, bytes], text: str) -> list[str]:
    # What Django pickled into our own test Redis.
    return [key for key, value in entries.items() if text in str(pickle.loads(value))]  # noqa: S301


def test_an_articles_body_is_kept_once_for_anonymous_readers(
    client, article, redis_cache
):
    # A passage of the body, not of the header or of the feed's summary.
    passage = "rc-article__body"
    client.get(article.url)
    client.get(detail_url(article))

    assert len(holding(redis_cache(), passage)) == 1


def test_an_unpublished_articles_entries_are_deleted(client, article, redis_cache):
    before = set(redis_cache())
    for url in (article.url, detail_url(article), detail_url(article, "en")):
        client.get(url)
    kept = set(redis_cache()) - before
    entries = {key for key in kept if ":responses:" in key or ":feed:" in key}
    assert len(entries) >= 4  # the page's and the feed's responses, their varies

    article.unpublish()

    assert entries & set(redis_cache()) == set()


class CountingCache(LocMemCache):
    """Django's local-memory cache, counting the response cache's reads (a
    ``get_many`` is one read)."""

    reads = 0
    _in_many = False

    def get(self, key, *args, **kwargs):
        if not self._in_many and key.startswith("recurrence_content:responses"):
            CountingCache.reads += 1
        return super().get(key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        if any(key.startswith("recurrence_content:responses") for key in keys):
            CountingCache.reads += 1
        self._in_many = True
        try:
            return super().get_many(keys, *args, **kwargs)
        finally:
            self._in_many = False


@pytest.fixture
def counted(settings):
    settings.CACHES = {
        **settings.CACHES,
        "counted": {"BACKEND": "tests.test_cache_storage.CountingCache"},
    }
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_ALIAS = "counted"
    CountingCache.reads = 0
    return CountingCache


def test_a_url_no_cached_view_answers_costs_no_cache_read(client, article, counted):
    for url in (
        "/admin/login/",
        list_url(utm_source="app"),  # a parameter the feed does not understand
        article.url + "?utm_source=leaflet",
    ):
        client.get(url)
    assert counted.reads == 0


def test_a_cached_article_costs_one_cache_read(client, article, counted):
    client.get(article.url)
    counted.reads = 0
    client.get(article.url)
    assert counted.reads == 1
    # A process that has not read the URL yet (another server, a restarted
    # worker) reads its vary entry first.
    response_cache._layouts.clear()
    counted.reads = 0
    client.get(article.url)
    assert counted.reads == 2
    counted.reads = 0
    client.get(article.url)
    assert counted.reads == 1


def test_publications_leave_no_retired_entries_behind(
    client, article, locales, redis_cache, on_commit
):
    """A publication keeps the article's responses (served until the refresh
    overwrites them in place) and deletes what it retired of the rest, such
    as translation statuses of the old revision."""
    from tests.factories import translate  # noqa: PLC0415 - only this test

    translate(article, locales["es"])
    for url in (article.url, detail_url(article)):
        client.get(url, HTTP_HOST="localhost")
    counts = []
    for _ in range(3):
        with on_commit(execute=True):
            article.save_revision().publish()
        entries = redis_cache()
        counts.append(
            [
                len([key for key in entries if kind in key])
                for kind in (":translation-status:", ":parts:", ":responses:")
            ]
        )
    assert counts[0] == counts[1] == counts[2]
