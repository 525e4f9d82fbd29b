"""Publishing purges the article's page and feed URLs from Varnish, in that
article's language only (wagtail.contrib.frontend_cache, HTTP backend).

Varnish (Debian's varnishd) runs on a loopback port in front of gunicorn with
a VCL that keeps every 200 for an hour and accepts PURGE from localhost.
"""

import pytest

from tests.factories import translate
from tests.feed.helpers import detail_url
from tests.production.conftest import get
from tests.servers import Varnish

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def varnish(settings, start_gunicorn):
    app = start_gunicorn()
    cache = Varnish(app.port)
    cache.start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cache.url,
        }
    }
    yield cache
    cache.stop()


def through(varnish, path):
    return get(varnish.url + path)


def test_publish_purges_the_articles_page_and_feed_in_its_language_only(
    varnish, article, locales
):
    spanish = translate(article, locales["es"], title="¿El cáncer siempre regresa?")
    urls = {
        "page": article.url,
        "feed": detail_url(article, "en"),
        "feed default": detail_url(article),
        "list": "/recurrence-content/api/v1/articles/",
        "page es": spanish.url,
        "feed es": detail_url(article, "es"),
    }
    for path in urls.values():
        assert through(varnish, path)[0] == 200
    for name, path in urls.items():
        status, headers, _ = through(varnish, path)
        assert (status, headers["X-Cache"]) == (200, "HIT"), name

    article.title = "Can cancer come back?"
    article.save_revision().publish()

    for name in ("page", "feed", "feed default", "list"):
        status, headers, body = through(varnish, urls[name])
        assert (status, headers["X-Cache"]) == (200, "MISS"), name
        assert "Can cancer come back?" in body, name
    # The Spanish page and feed were not purged: still served from Varnish.
    for name in ("page es", "feed es"):
        status, headers, body = through(varnish, urls[name])
        assert (status, headers["X-Cache"]) == (200, "HIT"), name
        assert "¿El cáncer siempre regresa?" in body


def test_unpublish_purges_the_page_and_feed(varnish, article):
    page_url, feed_url = article.url, detail_url(article, "en")
    for path in (page_url, feed_url, page_url, feed_url):
        assert through(varnish, path)[0] == 200
    assert through(varnish, page_url)[1]["X-Cache"] == "HIT"

    article.unpublish()

    assert through(varnish, page_url)[0] == 404
    assert through(varnish, feed_url)[0] == 404
