"""The feed's cache is a speed-up, never a single point of failure.

Each test starts its own redis-server on a loopback port and stops (or
freezes) it while the feed is being read: the feed answers from the database,
logs one warning per retry interval, and caches again when Redis is back.
"""

import json
import logging
import signal
import threading
import time
import urllib.error
import urllib.request

import pytest
import redis

from tests.feed.helpers import detail_url, list_url
from tests.servers import RedisServer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def feed_on_redis(settings, redis_server):
    """The feed's cache and the response cache on ``redis_server``; Wagtail's
    own cache stays in memory."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "feed": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
            # A frozen server must not hold a request for long.
            "OPTIONS": {"socket_timeout": 0.25, "socket_connect_timeout": 0.25},
        },
    }
    settings.RECURRENCE_CONTENT_FEED_CACHE_ALIAS = "feed"
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_ALIAS = "feed"
    return redis_server


def cached_keys(server: RedisServer) -> int:
    return redis.Redis.from_url(server.url).dbsize()


def fetch(url: str) -> tuple[int, dict | None]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, None


def warnings_from_cache(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "recurrence_content.cache"
        and record.levelno == logging.WARNING
    ]


def test_redis_stopped_and_restarted_while_requests_run(
    live_server, article, feed_on_redis, caplog, settings
):
    settings.RECURRENCE_CONTENT_CACHE_RETRY_INTERVAL = 0.5
    urls = [live_server.url + list_url(), live_server.url + detail_url(article)]
    assert [fetch(url)[0] for url in urls] == [200, 200]
    assert cached_keys(feed_on_redis) > 0

    seen: list[tuple[str, int, dict | None]] = []
    phase = "up"
    done = threading.Event()

    def read_feed_until_done():
        while not done.is_set():
            for url in urls:
                status, body = fetch(url)
                seen.append((phase, status, body))

    reader = threading.Thread(target=read_feed_until_done)
    with caplog.at_level(logging.INFO, logger="recurrence_content.cache"):
        reader.start()
        time.sleep(0.3)
        feed_on_redis.stop()
        phase = "down"
        time.sleep(1.5)
        feed_on_redis.start()  # a fresh, empty Redis on the same port
        phase = "back"
        time.sleep(1.0)  # longer than the retry interval
        done.set()
        reader.join(timeout=30)

    assert not reader.is_alive()
    statuses = {status for _, status, _ in seen}
    assert statuses == {200}, seen
    down = [body for when, _, body in seen if when == "down"]
    assert len(down) >= 4, "too few requests during the outage to test anything"
    titles = {body["title"] for body in down if "title" in body}
    assert titles == {article.title}
    assert {body["count"] for body in down if "count" in body} == {1}
    # One warning per retry interval (0.5 s of a 1.5 s outage), not one per
    # request.
    assert 1 <= len(warnings_from_cache(caplog)) <= 4 < len(down)
    assert "answering from the database" in warnings_from_cache(caplog)[0]
    assert any("caching resumed" in r.getMessage() for r in caplog.records)
    # Cached again: the restarted Redis holds the feed's responses.
    assert [fetch(url)[0] for url in urls] == [200, 200]
    assert cached_keys(feed_on_redis) > 0


def test_a_publish_while_redis_is_frozen_is_not_hidden_when_it_thaws(
    client, article, feed_on_redis, caplog
):
    """Redis that comes back with its old keys (paused, not restarted) must
    not serve the list from before a publish it missed."""
    first = client.get(list_url())
    assert first.json()["results"][0]["title"] == article.title

    feed_on_redis.process.send_signal(signal.SIGSTOP)
    try:
        article.title = "Can cancer come back?"
        article.save_revision().publish()  # the version bump cannot reach Redis
        during = client.get(list_url())
    finally:
        feed_on_redis.process.send_signal(signal.SIGCONT)

    assert during.status_code == 200
    assert during.json()["results"][0]["title"] == "Can cancer come back?"
    after = client.get(list_url())
    assert after.status_code == 200
    assert after.json()["results"][0]["title"] == "Can cancer come back?"
    assert len(warnings_from_cache(caplog)) == 1
