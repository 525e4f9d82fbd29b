"""SQL queries stay fixed as an article gets more links and the site more articles."""

import pytest

from tests.factories import make_article
from tests.feed.helpers import detail_url, list_url, page_link
from tests.testapp.models import HospitalArticlePage

pytestmark = pytest.mark.django_db

# Measured on SQLite and PostgreSQL with nothing cached (feed responses,
# Wagtail's site root paths) but Django's content types (cached for every
# test, as on a running site: tests/conftest.py): at most 14 queries for a
# detail request (one of them the site's never-reviewed wording, one the
# article's translation status) and 12 for a
# list request (two article page types, and one that finds the translations
# that may be incomplete). Neither bound leaves room for a query per link or
# per article.
DETAIL_QUERIES = 14
LIST_QUERIES = 12


def article_with_links(parent, count: int):
    """An article whose body links to ``count`` pages from rich text and as many
    from related-link blocks."""
    targets = [make_article(parent, title=f"Target {n}", body=[]) for n in range(count)]
    body = [("paragraph", f"<p>See {page_link(target)}.</p>") for target in targets]
    body += [
        ("related_link", {"kind": "plain", "title": t.title, "page": t, "url": ""})
        for t in targets
    ]
    return make_article(parent, title="Linked article", body=body)


@pytest.mark.parametrize("links", [3, 30])
def test_detail_queries_do_not_grow_with_links(
    client, host_page, links, django_assert_max_num_queries
):
    article = article_with_links(host_page, links)

    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(detail_url(article))

    body = response.json()["body"]
    assert len(body) == 2 * links
    assert all('href="http://localhost/' in b["value"]["html"] for b in body[:links])
    assert all(b["value"]["url"].startswith("http://localhost/") for b in body[links:])


@pytest.mark.parametrize("signs", [3, 30])
def test_a_hosts_own_blocks_cost_no_query_per_block(
    client, host_page, signs, django_assert_max_num_queries
):
    targets = [
        make_article(host_page, title=f"Target {n}", body=[]) for n in range(signs)
    ]
    body = [
        ("warning_sign", {"sign": f"Sign {n}", "action": f"<p>{page_link(target)}</p>"})
        for n, target in enumerate(targets)
    ]
    article = make_article(
        host_page, title="Signs", body=body, page_class=HospitalArticlePage
    )

    with django_assert_max_num_queries(DETAIL_QUERIES):
        response = client.get(detail_url(article))

    body = response.json()["body"]
    assert len(body) == signs
    assert all('href="http://localhost/' in b["value"]["action"]["html"] for b in body)


@pytest.mark.parametrize("articles", [3, 30])
def test_list_queries_do_not_grow_with_articles(
    client, host_page, articles, django_assert_max_num_queries
):
    for n in range(articles):
        make_article(host_page, title=f"Article {n}", body=[])
        make_article(
            host_page, title=f"Hospital {n}", body=[], page_class=HospitalArticlePage
        )

    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(list_url(limit=100))

    assert response.json()["count"] == 2 * articles


@pytest.mark.parametrize(
    "url_for",
    [detail_url, lambda page: list_url(), lambda page: list_url(locale="es")],
)
def test_a_cached_response_costs_no_query(
    client, article, url_for, django_assert_num_queries
):
    first = client.get(url_for(article))
    assert first.status_code == 200

    with django_assert_num_queries(0):
        again = client.get(url_for(article))
    assert again.status_code == 200
    assert again.content == first.content
