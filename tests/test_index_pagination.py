"""The index page lists its articles a page at a time, at a constant cost."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from recurrence_content.models import PatientInfoIndexPage
from tests.factories import make_many_articles


@pytest.fixture
def index(host_page):
    index = PatientInfoIndexPage(title="Patient information")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    return index


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response
    return BeautifulSoup(response.content, "html.parser")


def listed(soup) -> list[str]:
    return [a.get_text() for a in soup.select(".rc-index__item-title a")]


@override_settings(RECURRENCE_CONTENT_INDEX_PAGE_SIZE=2)
def test_pages_of_the_list_link_to_each_other_without_javascript(client, index):
    make_many_articles(index, 5)
    url = index.url

    first = soup_of(client.get(url))
    assert listed(first) == ["Article 1", "Article 2"]
    assert first.select_one(".rc-index__item-summary").get_text() == (
        "Summary of Article 1."
    )
    assert first.select_one(".rc-index__page-number").get_text() == "Page 1 of 3"
    assert first.select_one("a[rel=prev]") is None
    assert first.select_one("a[rel=next]")["href"] == f"{url}?page=2"
    assert first.select_one("head link[rel=next]")["href"] == f"{url}?page=2"
    assert first.select_one("head link[rel=prev]") is None

    second = soup_of(client.get(f"{url}?page=2"))
    assert listed(second) == ["Article 3", "Article 4"]
    # The first page has one URL, the list's own.
    assert second.select_one("a[rel=prev]")["href"] == url
    assert second.select_one("head link[rel=prev]")["href"] == url
    assert second.select_one("a[rel=next]")["href"] == f"{url}?page=3"

    last = soup_of(client.get(f"{url}?page=3"))
    assert listed(last) == ["Article 5"]
    assert last.select_one("a[rel=next]") is None
    assert last.select_one("head link[rel=next]") is None


@override_settings(RECURRENCE_CONTENT_INDEX_PAGE_SIZE=2)
def test_a_list_that_fits_one_page_has_no_page_links(client, index):
    make_many_articles(index, 2)
    soup = soup_of(client.get(index.url))
    assert len(listed(soup)) == 2
    assert soup.select(".rc-index__pages, link[rel=next], link[rel=prev]") == []


@override_settings(RECURRENCE_CONTENT_INDEX_PAGE_SIZE=2)
@pytest.mark.parametrize(
    "value", ["0", "4", "99999999999", "-1", "02", "+2", "two", "", "last"]
)
def test_anything_but_a_page_number_in_range_is_not_found(client, index, value):
    # Django's ListView answers 404 too; the nearest page would give every
    # page of the list endless URLs in caches and search engines.
    make_many_articles(index, 5)
    assert client.get(index.url, {"page": value}).status_code == 404


@override_settings(RECURRENCE_CONTENT_INDEX_PAGE_SIZE=2)
def test_each_page_of_the_list_is_served_from_the_response_cache(
    client, index, django_assert_num_queries
):
    make_many_articles(index, 5)
    assert listed(soup_of(client.get(f"{index.url}?page=2"))) == [
        "Article 3",
        "Article 4",
    ]
    with django_assert_num_queries(0):
        cached = client.get(f"{index.url}?page=2")
    assert listed(soup_of(cached)) == ["Article 3", "Article 4"]


@override_settings(
    RECURRENCE_CONTENT_INDEX_PAGE_SIZE=20, RECURRENCE_CONTENT_RESPONSE_CACHE_TIMEOUT=0
)
def test_the_cost_of_a_page_does_not_grow_with_the_list(
    client, index, django_assert_max_num_queries
):
    urls = (index.url, f"{index.url}?page=2")
    make_many_articles(index, 50)
    client.get(index.url)  # Wagtail's site root paths, the index's own status
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert len(listed(soup_of(client.get(url)))) == 20
        counts[url] = len(queries)

    make_many_articles(index, 1950)
    client.get(index.url)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert len(listed(soup_of(client.get(url)))) == 20
    last = soup_of(client.get(f"{index.url}?page=100"))
    assert listed(last)[-1] == "Article 2000"
    assert last.select_one(".rc-index__page-number").get_text() == "Page 100 of 100"
