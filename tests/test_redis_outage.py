"""Redis down, with every cache on it as docs/deploy.md configures them: pages
are still served, and the outage costs a few log lines, not one per call.

A real redis-server holds Wagtail's cache, the response cache, the feed's and
the translation statuses; it is stopped (SIGTERM: connections refused) or
frozen (SIGSTOP: connections hang until the socket timeout) while a live
server answers 100 article reads.
"""

import logging
import signal
import time
import urllib.request

import pytest

from tests.servers import RedisServer

pytestmark = pytest.mark.django_db(transaction=True)
READS = 100


@pytest.fixture
def redis_for_everything(settings):
    # A port of this worker's (free_port): with a fixed one, two workers or
    # two suites testing an outage at once shared one server, and stopping or
    # freezing "ours" (which had exited, the port taken) left theirs answering.
    server = RedisServer()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "recurrence_content.tolerant_cache.OutageTolerantRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    yield server
    if server.process is not None:
        server.process.send_signal(signal.SIGCONT)
        server.stop()


def read(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
        response.read()
        return response.status


def log_lines(caplog) -> list[str]:
    """What the site logged, as a log file would show it (tracebacks too)."""
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return [
        line
        for record in caplog.records
        for line in formatter.format(record).splitlines()
    ]


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_article_reads_survive_redis_going_away_with_few_log_lines(
    live_server, article, redis_for_everything, caplog, fault
):
    url = live_server.url + article.url
    assert read(url) == 200  # cached in Redis now
    if fault == "stopped":
        redis_for_everything.stop()
    else:
        redis_for_everything.process.send_signal(signal.SIGSTOP)

    with caplog.at_level(logging.INFO):
        statuses = [read(url) for _ in range(READS)]

    assert statuses == [200] * READS
    lines = log_lines(caplog)
    assert 1 <= len(lines) <= 20, lines
    assert "Traceback" not in "\n".join(lines)
    assert any("is unavailable" in line for line in lines)


def test_the_cache_is_used_again_by_itself_once_redis_is_back(
    live_server, article, redis_for_everything, settings, caplog
):
    settings.RECURRENCE_CONTENT_CACHE_RETRY_INTERVAL = 0.5
    url = live_server.url + article.url
    redis_for_everything.process.send_signal(signal.SIGSTOP)
    with caplog.at_level(logging.INFO):
        assert read(url) == 200
        redis_for_everything.process.send_signal(signal.SIGCONT)
        time.sleep(0.6)
        assert read(url) == 200
    assert any("caching resumed" in line for line in log_lines(caplog))
    import redis

    assert redis.Redis.from_url(redis_for_everything.url).dbsize() > 0
