"""Publishing purges the article's page, its index page and the feed URLs that
show it from Varnish, in that article's language only
(wagtail.contrib.frontend_cache, HTTP backend), once the app has rendered
the fresh copies into its own cache.

Varnish (Debian's varnishd) runs on a loopback port in front of gunicorn with
a VCL that keeps every 200 for an hour and accepts PURGE from localhost.
"""

import pytest

from recurrence_content.models import PatientInfoIndexPage
from tests.factories import make_article, translate
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


def test_publish_purges_the_index_page_and_feed_lists_that_list_the_article(
    varnish, home
):
    index = PatientInfoIndexPage(title="Patient information", slug="leaflets")
    home.add_child(instance=index)
    index.save_revision().publish()
    article = make_article(index)
    urls = {
        "index": index.url,
        "list": "/recurrence-content/api/v1/articles/",
        "list en": "/recurrence-content/api/v1/articles/?locale=en",
        "feed": detail_url(article, "en"),
    }
    for path in [*urls.values(), *urls.values()]:
        assert through(varnish, path)[0] == 200
    for name, path in urls.items():
        assert through(varnish, path)[1]["X-Cache"] == "HIT", name

    article.title = "Can cancer come back?"
    article.save_revision().publish()

    for name, path in urls.items():
        status, headers, body = through(varnish, path)
        assert (status, headers["X-Cache"]) == (200, "MISS"), name
        assert "Can cancer come back?" in body, name
