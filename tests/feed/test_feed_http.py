"""HTTP as clients and caches expect it: HEAD, Content-Language, Last-Modified."""

from datetime import timedelta

import pytest
from django.utils.http import http_date

from recurrence_content.page_model import page_model
from tests.conftest import clear_local_caches
from tests.factories import translate
from tests.feed.helpers import detail_url, list_url

pytestmark = pytest.mark.django_db


def published(page) -> str:
    page.refresh_from_db()
    return http_date(page.last_published_at.timestamp())


@pytest.mark.parametrize("url_for", [detail_url, lambda page: list_url(locale="en")])
def test_head_answers_with_the_headers_of_get(client, article, url_for):
    get = client.get(url_for(article))

    head = client.head(url_for(article))

    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Length"] == str(len(get.content))
    for header in ("Content-Type", "ETag", "Last-Modified", "Content-Language"):
        assert head[header] == get[header]
    again = client.head(url_for(article), HTTP_IF_NONE_MATCH=get["ETag"])
    assert again.status_code == 304


def test_head_of_a_missing_article_is_a_404(client, article):
    response = client.head(
        detail_url(article).replace(str(article.translation_key)[:8], "00000000")
    )

    assert response.status_code == 404


def test_the_list_names_the_language_it_was_asked_for(client, article, locales):
    translate(article, locales["es"], title="¿El cáncer siempre regresa?")

    assert client.get(list_url(locale="es"))["Content-Language"] == "es"
    assert client.get(list_url(locale="fr"))["Content-Language"] == "fr"
    # Unfiltered, the list is in the languages of its articles, not in the
    # language LocaleMiddleware happened to activate.
    assert client.get(list_url())["Content-Language"] == "es, en"


def test_last_modified_is_when_the_article_was_published(client, article):
    response = client.get(detail_url(article))

    assert response["Last-Modified"] == published(article)


def test_every_server_sends_the_same_last_modified(client, article):
    first = client.get(detail_url(article))
    # Another server, with a cache of its own that has not seen this article.
    clear_local_caches()

    again = client.get(detail_url(article))

    assert again["Last-Modified"] == first["Last-Modified"] == published(article)


def test_the_lists_last_modified_is_its_newest_article(client, article, locales):
    spanish = translate(article, locales["es"])

    response = client.get(list_url())

    assert response["Last-Modified"] == published(spanish)
    assert "Last-Modified" not in client.get(list_url(locale="fr"))


def test_publishing_a_translation_changes_the_articles_last_modified(
    client, article, locales
):
    # Published an hour ago: HTTP dates count whole seconds.
    an_hour_ago = article.last_published_at - timedelta(hours=1)
    page_model().objects.filter(pk=article.pk).update(last_published_at=an_hour_ago)
    # The English article lists its Spanish alternate, so its body changes.
    first = client.get(detail_url(article))
    assert first["Last-Modified"] == http_date(an_hour_ago.timestamp())
    spanish = translate(article, locales["es"])

    again = client.get(
        detail_url(article), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]
    )

    assert again.status_code == 200
    assert again["Last-Modified"] == published(spanish)
