"""The feed's cache on real Redis, as several servers would share it.

Runs when REDIS_URL is set (CI sets redis://127.0.0.1:6379/0).
"""

import os
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache

from recurrence_content.cache_tags import page_tag, tag_keys
from tests.feed.helpers import detail_url

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not REDIS_URL,
        reason="REDIS_URL is not set: export REDIS_URL=redis://127.0.0.1:6379/0 "
        "to test the feed's cache on Redis",
    ),
]


@pytest.fixture
def redis_feed_cache(settings):
    """A Redis cache under a key prefix of its own, removed afterwards."""
    import redis

    prefix = f"rc-feed-test-{uuid.uuid4().hex}"
    config = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "feed": config,
    }
    settings.RECURRENCE_CONTENT_FEED_CACHE_ALIAS = "feed"
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_ALIAS = "feed"
    yield config
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_responses_are_cached_in_redis_and_purged_on_publish(
    client, article, redis_feed_cache, django_assert_max_num_queries
):
    first = client.get(detail_url(article))
    # Another server: its own connection to the same Redis sees the same state.
    other_server = RedisCache(
        redis_feed_cache["LOCATION"], {"KEY_PREFIX": redis_feed_cache["KEY_PREFIX"]}
    )
    # The article's tag, which every server checks its entries against.
    (tag,) = tag_keys([page_tag(article.translation_key)])
    version = other_server.get(tag)
    assert version is not None

    type(article).objects.filter(pk=article.pk).update(summary="Changed quietly.")
    again = client.get(detail_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304

    article.title = "Can cancer come back?"
    article.save_revision().publish()

    assert other_server.get(tag) != version
    fresh = client.get(detail_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200
    assert fresh.json()["title"] == "Can cancer come back?"
