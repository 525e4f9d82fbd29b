"""Article pages and feed responses for anonymous readers come from the
response cache: no query when cached, the change at once when content changes,
and never an editor's page or a page from a cache that is down."""

import logging

import pytest
from django.conf import settings
from django.core.checks import Tags, run_checks
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.rich_text import RichText

from recurrence_content.checks import RESPONSE_CACHE_MIDDLEWARE
from recurrence_content.models import ReviewSettings
from tests.feed.helpers import detail_url, list_url
from tests.servers import free_port

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_read_costs_no_query(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(article.url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Language"] == "en"


def test_validators_and_head_are_answered_from_the_cache(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    with django_assert_num_queries(0):
        unchanged = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
        head = client.head(article.url)
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(first.content))


def test_publishing_a_change_is_served_at_once(client, article, on_commit):
    first = client.get(article.url)
    with on_commit(execute=True):
        article.title = "Cancer returning: what to know"
        article.save_revision().publish()

    after = client.get(article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200
    assert "Cancer returning: what to know" in after.content.decode()


def test_a_change_to_the_review_wording_is_served_at_once(client, article):
    client.get(article.url)
    setting = ReviewSettings.for_site(Site.objects.get(is_default_site=True))
    setting.never_reviewed_wording = [
        ("wording", {"language": "en", "text": "Not yet checked by our doctors."}),
    ]
    setting.save()

    assert "Not yet checked by our doctors." in client.get(article.url).content.decode()


def rendered(client, url: str) -> bool:
    """Whether ``url`` was rendered (it queried) rather than read from the cache."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries) > 0


def test_a_signed_in_editor_neither_gets_nor_leaves_a_cached_page(
    client, article, admin_user
):
    client.force_login(admin_user)
    assert client.get(article.url).status_code == 200
    assert rendered(client, article.url)

    client.logout()  # the editor's pages were not kept for anyone
    assert rendered(client, article.url)
    assert not rendered(client, article.url)
    client.force_login(admin_user)  # nor are readers' pages served to editors
    assert rendered(client, article.url)


def test_pages_of_other_types_and_other_query_strings_are_rendered_each_time(
    client, article, host_page
):
    for url in (host_page.url, article.url + "?utm_source=leaflet"):
        assert client.get(url).status_code == 200
        assert rendered(client, url)


def test_a_response_cache_on_a_redis_that_is_down_renders_every_page(
    client, settings, article, caplog
):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens there.
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.25},
        },
    }
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_ALIAS = "pages"
    with caplog.at_level(logging.WARNING, logger="recurrence_content.cache"):
        responses = [client.get(article.url) for _ in range(3)]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert article.title in responses[-1].content.decode()
    warnings = [r for r in caplog.records if r.name == "recurrence_content.cache"]
    assert len(warnings) == 1
    assert "'pages' is unavailable" in warnings[0].getMessage()


def test_a_timeout_of_zero_turns_the_response_cache_off(client, settings, article):
    settings.RECURRENCE_CONTENT_RESPONSE_CACHE_TIMEOUT = 0
    client.get(article.url)
    assert rendered(client, article.url)


def test_the_response_cache_not_first_in_middleware_is_a_warning(settings):
    others = [m for m in settings.MIDDLEWARE if m != RESPONSE_CACHE_MIDDLEWARE]
    with override_settings(MIDDLEWARE=[*others, RESPONSE_CACHE_MIDDLEWARE]):
        messages = [m for m in run_checks(tags=[Tags.caches]) if m.id]
    assert [m.id for m in messages] == ["recurrence_content.W005"]
    assert RESPONSE_CACHE_MIDDLEWARE in messages[0].hint
    assert [m.id for m in run_checks(tags=[Tags.caches]) if m.id] == []


@pytest.fixture
def feed_cache_off(settings):
    """The feed's own cache off, so what is cached is the middleware's doing."""
    settings.CACHES = {
        **settings.CACHES,
        "off": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.RECURRENCE_CONTENT_FEED_CACHE_ALIAS = "off"


def test_feed_responses_are_cached_with_the_parameters_they_understand(
    client, article, feed_cache_off
):
    detail = detail_url(article, "en")
    for url in (detail, list_url(locale="en", limit=5)):
        assert rendered(client, url)
        assert not rendered(client, url)
    # A parameter the feed ignores would let anyone fill the cache.
    assert rendered(client, detail + "&utm_source=app")
    assert rendered(client, detail + "&utm_source=app")


def test_a_feed_response_from_the_cache_keeps_its_validators(
    client, article, feed_cache_off, django_assert_num_queries
):
    url = detail_url(article, "en")
    first = client.get(url)
    with django_assert_num_queries(0):
        unchanged = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert (unchanged.status_code, since.status_code) == (304, 304)
    assert unchanged["ETag"] == first["ETag"]


def test_a_preview_shows_the_draft_not_the_cached_live_page(client, article):
    # At the site's own address, which the preview request has too.
    client.get(article.url, HTTP_HOST="localhost")  # the live page, cached
    client.cookies[settings.SESSION_COOKIE_NAME] = "reader"
    client.get(article.url, HTTP_HOST="localhost")  # its article part, cached
    article.title = "A draft title"
    article.body = [("paragraph", RichText("<p>A draft paragraph.</p>"))]

    # As Wagtail's preview panel does, through the middleware, at the page's URL.
    preview = article.make_preview_request()

    html = preview.content.decode()
    assert "A draft title" in html
    assert "A draft paragraph." in html


def test_a_reader_with_a_session_gets_the_live_page_from_cached_parts(
    client, article, django_assert_max_num_queries
):
    """The response cache never serves a request with a session cookie; the
    article below its header, its language versions and the review wording
    come from Django's cache, leaving Wagtail's own routing and privacy check
    (9 queries for a plain Wagtail page, see make bench) and the session."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "reader"
    first = client.get(article.url)
    with django_assert_max_num_queries(10):
        again = client.get(article.url)
    assert again.content == first.content
