"""Run with ``make bench``. Prints ratios, never pass/fail.

Each measurement is compared with a baseline measured in the same process on
the same data, so the ratio says what the package costs on top of Wagtail,
whatever the machine.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.pop("DATABASE_URL", None)  # in-memory SQLite: measure the code, not a server

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def best_of(func: Callable[[], object], repeat: int = 7, number: int = 20) -> float:
    """Median seconds per call over ``repeat`` rounds of ``number`` calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def main() -> None:
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    from django.core.cache import cache
    from wagtail.models import Locale, Site

    from tests.factories import every_block_body, make_article, make_host_page

    Locale.objects.get_or_create(language_code="en")
    home = Site.objects.get(is_default_site=True).root_page
    host = make_host_page(home)
    client = Client()

    print("benchmark                                   baseline ms   ours ms   ratio")
    for copies in (1, 10):
        article = make_article(
            host, title=f"Article x{copies}", body=every_block_body() * copies
        )
        # Baseline: the host's own page, rendered through the same base template.
        baseline = best_of(lambda: client.get(host.url))
        ours = best_of(lambda article=article: client.get(article.url))
        report(f"render article, {9 * copies} blocks vs host page", baseline, ours)

        # The feed against the same article's HTML page: cold (cache emptied
        # before each call) and warm (served from Django's cache).
        feed_url = (
            f"/recurrence-content/api/v1/articles/{article.translation_key}/?locale=en"
        )
        page_time = ours

        def cold(url=feed_url):
            cache.clear()
            return client.get(url)

        report(
            f"feed detail cold, {9 * copies} blocks vs page", page_time, best_of(cold)
        )
        client.get(feed_url)
        warm = best_of(lambda url=feed_url: client.get(url))
        report(f"feed detail cached, {9 * copies} blocks vs page", page_time, warm)


def report(name: str, baseline: float, ours: float) -> None:
    print(
        f"{name:<44}{baseline * 1000:>10.2f}{ours * 1000:>10.2f}{ours / baseline:>8.2f}"
    )


if __name__ == "__main__":
    main()
