"""Only live, public articles of the requesting site are in the feed."""

import pytest
from wagtail.models import PageViewRestriction, Site

from recurrence_content.page_model import page_model
from tests.factories import make_article, make_host_page
from tests.feed.helpers import detail_url, list_url

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]


def listed_titles(client, **extra) -> list[str]:
    response = client.get(list_url(), **extra)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def test_a_draft_is_neither_listed_nor_found(client, host_page):
    make_article(host_page, title="Published")
    draft = make_article(host_page, title="Draft", publish=False)

    assert listed_titles(client) == ["Published"]
    response = client.get(detail_url(draft))
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No such article in this language.",
        "available_locales": [],
    }


def test_an_unpublished_article_disappears(client, article):
    assert client.get(detail_url(article)).status_code == 200

    article.unpublish()

    assert client.get(detail_url(article)).status_code == 404
    assert listed_titles(client) == []


def test_a_deleted_article_disappears_though_its_responses_were_cached(client, article):
    """Deleting sends no publish signal; the feed hears of it all the same."""
    assert listed_titles(client) == [article.title]
    assert client.get(detail_url(article)).status_code == 200

    article.delete()

    assert client.get(detail_url(article)).status_code == 404
    assert listed_titles(client) == []


def test_a_view_restriction_on_an_ancestor_hides_the_article(
    client, article, host_page
):
    assert listed_titles(client) == [article.title]

    PageViewRestriction.objects.create(
        page=host_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    assert listed_titles(client) == []
    assert client.get(detail_url(article)).status_code == 404


def test_another_sites_article_is_invisible(client, article):
    other_home = make_host_page(
        page_model().get_first_root_node(), title="Other hospital"
    )
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    other = make_article(make_host_page(other_home), title="Other site's article")

    assert listed_titles(client) == [article.title]
    assert client.get(detail_url(other)).status_code == 404
    assert listed_titles(client, HTTP_HOST="other.example") == [other.title]
    assert client.get(detail_url(article), HTTP_HOST="other.example").status_code == 404


def test_an_unknown_article_is_a_404_like_a_hidden_one(client, article):
    response = client.get(f"{list_url()}00000000-0000-4000-8000-000000000000/")

    assert response.status_code == 404
    assert response.json() == {
        "detail": "No such article in this language.",
        "available_locales": [],
    }


def test_a_missing_translation_is_a_404(client, article):
    assert client.get(detail_url(article, "es")).status_code == 404
