"""Conditional GET, Cache-Control, the response cache and its purge, and CORS."""

import pytest

from recurrence_content.cache_tags import EVERYTHING, invalidate
from tests.factories import make_article
from tests.feed.helpers import detail_url, list_url

pytestmark = pytest.mark.django_db


def republish(page, **changes):
    """Publish a new revision of ``page`` with ``changes``, as an editor would."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.mark.parametrize("url_for", [detail_url, lambda page: list_url()])
def test_validators_and_cache_control_on_every_response(client, article, url_for):
    response = client.get(url_for(article))

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=300"


def test_cache_control_comes_from_the_setting(client, article, settings):
    settings.RECURRENCE_CONTENT_FEED_CACHE_CONTROL = "public, max-age=60, s-maxage=600"

    assert client.get(detail_url(article))["Cache-Control"] == (
        "public, max-age=60, s-maxage=600"
    )


@pytest.mark.parametrize("url_for", [detail_url, lambda page: list_url(locale="en")])
def test_if_none_match_gives_304(client, article, url_for):
    first = client.get(url_for(article))

    again = client.get(url_for(article), HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=300"


def test_if_modified_since_gives_304(client, article):
    first = client.get(detail_url(article))

    again = client.get(
        detail_url(article), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    assert again.status_code == 304


def test_publishing_changes_the_etag_and_the_content(client, article):
    first = client.get(detail_url(article))
    listed = client.get(list_url())

    republish(article, title="Can cancer come back?")

    again = client.get(detail_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert again.json()["title"] == "Can cancer come back?"
    relisted = client.get(list_url(), HTTP_IF_NONE_MATCH=listed["ETag"])
    assert relisted.status_code == 200
    assert relisted.json()["results"][0]["title"] == "Can cancer come back?"


def test_publishing_a_translation_updates_the_other_languages_alternates(
    client, article, locales
):
    from tests.factories import translate

    first = client.get(detail_url(article))
    assert first.json()["alternates"] == []

    translate(article, locales["es"])

    again = client.get(detail_url(article), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert [alt["locale"] for alt in again.json()["alternates"]] == ["es"]


def test_responses_come_from_the_cache_until_a_publish(client, article):
    first = client.get(detail_url(article)).json()
    # A change that bypasses Wagtail's publishing sends no signal: the cached
    # response is still served, which shows it is cached.
    type(article).objects.filter(pk=article.pk).update(summary="Changed quietly.")
    assert client.get(detail_url(article)).json() == first

    # Publishing another article retires the lists, not this article.
    make_article(article.get_parent(), title="Another article")
    assert client.get(detail_url(article)).json() == first

    republish(article, summary="Changed by an editor.")
    assert client.get(detail_url(article)).json()["summary"] == "Changed by an editor."


def test_last_modified_survives_a_rebuild_of_an_unchanged_response(client, article):
    first = client.get(detail_url(article))

    invalidate({EVERYTHING})
    again = client.get(detail_url(article))

    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]


def test_no_cors_headers_by_default(client, article):
    response = client.get(detail_url(article), HTTP_ORIGIN="https://app.example.org")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_for_allowed_origins_only(client, article, settings):
    settings.RECURRENCE_CONTENT_FEED_CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    allowed = client.get(detail_url(article), HTTP_ORIGIN="https://app.example.org")
    other = client.get(detail_url(article), HTTP_ORIGIN="https://evil.example")
    error = client.get(list_url(limit=0), HTTP_ORIGIN="https://app.example.org")

    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    assert "Origin" in allowed["Vary"]
    assert "Access-Control-Allow-Origin" not in other
    assert error.status_code == 422
    assert error["Access-Control-Allow-Origin"] == "https://app.example.org"


def test_cors_preflight_allows_conditional_requests(client, article, settings):
    settings.RECURRENCE_CONTENT_FEED_CORS_ALLOWED_ORIGINS = ["*"]

    response = client.options(
        detail_url(article),
        HTTP_ORIGIN="https://kiosk.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
