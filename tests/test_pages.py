"""Article and index pages, as a patient and a host site see them."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from recurrence_content.models import PatientInfoIndexPage, PatientInfoPage
from tests.factories import make_article
from tests.testapp.models import HostArticlePage, HostPage

pytestmark = pytest.mark.django_db


def get_soup(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.basepage
def test_article_renders_inside_the_hosts_base_template(client, host_page):
    soup = get_soup(client, make_article(host_page))
    assert soup.find(id="host-header") and soup.find(id="host-footer")
    article = soup.select_one("#host-main > article.rc-article")
    assert article["lang"] == "en" and article["dir"] == "ltr"
    assert soup.title.get_text() == "Does cancer always come back? | Test Hospital"
    stylesheet = soup.select_one('head link[href$="recurrence_content.css"]')
    assert stylesheet is not None
    assert soup.select_one('head link[media="print"][href$="print.css"]')


@override_settings(RECURRENCE_CONTENT_BASE_TEMPLATE="other_base.html")
def test_base_template_is_a_setting(client, host_page):
    soup = get_soup(client, make_article(host_page))
    assert soup.select_one("#other-base > article.rc-article") is not None
    assert soup.find(id="host-header") is None


def test_article_has_one_h1_and_headings_in_order(client, host_page):
    soup = get_soup(client, make_article(host_page))
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4"])]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.basepage
def test_article_shows_title_summary_and_every_block(client, host_page):
    soup = get_soup(client, make_article(host_page))
    assert soup.h1.get_text() == "Does cancer always come back?"
    assert soup.select_one(".rc-article__summary").get_text().startswith("Some cancers")
    for selector in [
        "h2.rc-heading",
        ".rc-paragraph",
        "dl.rc-definition",
        ".rc-pattern-list",
        ".rc-factor-checklist",
        ".rc-coping-resource-list",
        ".rc-question-answer",
        "aside.rc-callout",
        ".rc-related-link",
    ]:
        assert soup.select_one(selector) is not None, selector


def test_page_needs_no_javascript(client, host_page):
    soup = get_soup(client, make_article(host_page))
    assert soup.select("article script:not([type='application/ld+json'])") == []


@pytest.mark.basepage
def test_article_can_be_created_under_any_host_page(host_page):
    assert PatientInfoPage.can_create_at(host_page)
    article = make_article(host_page)
    assert article.get_parent().specific == host_page


@override_settings(
    RECURRENCE_CONTENT_PARENT_PAGE_TYPES=["recurrence_content.PatientInfoIndexPage"]
)
def test_parent_page_types_setting_restricts_where_articles_go(host_page):
    index = PatientInfoIndexPage(title="Patient information")
    host_page.add_child(instance=index)
    assert not PatientInfoPage.can_create_at(host_page)
    assert PatientInfoPage.can_create_at(index)
    article = make_article(index)
    assert not article.can_move_to(host_page)


@pytest.mark.basepage
def test_host_can_compose_the_mixin_with_its_own_base_page(client, host_page):
    page = HostArticlePage(
        title="Hospital article",
        summary="A summary.",
        department="Oncology",
        body=[("heading", {"text": "A section", "level": "h2"})],
    )
    host_page.add_child(instance=page)
    page.save_revision().publish()
    soup = get_soup(client, page)
    assert soup.h1.get_text() == "Hospital article"
    assert soup.select_one("h2.rc-heading").get_text() == "A section"


@pytest.mark.basepage
def test_index_lists_live_articles_with_summaries(client, host_page):
    index = PatientInfoIndexPage(title="Patient information", intro="Our leaflets.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    make_article(index, title="Live article", summary="Live summary.")
    make_article(index, title="Draft article", summary="Draft.", publish=False)
    other = HostPage(title="Not an article")
    index.add_child(instance=other)
    other.save_revision().publish()

    soup = get_soup(client, index)
    items = soup.select(".rc-index__item")
    assert [i.find("a").get_text() for i in items] == ["Live article"]
    assert items[0].find(class_="rc-index__item-summary").get_text() == "Live summary."
    assert soup.select_one(".rc-index__intro").get_text() == "Our leaflets."


def test_empty_index_says_so(client, host_page):
    index = PatientInfoIndexPage(title="Patient information")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    soup = get_soup(client, index)
    assert "no articles" in soup.select_one(".rc-index__empty").get_text()


@pytest.mark.basepage
def test_search_finds_articles_by_summary_and_block_text(
    host_page, django_capture_on_commit_callbacks
):
    # Some Wagtail versions index on commit; run those callbacks as a commit would.
    with django_capture_on_commit_callbacks(execute=True):
        make_article(host_page)
        make_article(host_page, title="Another", summary="Nothing here.", body=[])
    by_block = PatientInfoPage.objects.live().search("counsellor")
    assert [p.title for p in by_block] == ["Does cancer always come back?"]
    by_summary = PatientInfoPage.objects.live().search("recur")
    assert "Does cancer always come back?" in [p.title for p in by_summary]


def test_meta_description_is_the_summary_unless_the_editor_wrote_one(client, host_page):
    article = make_article(host_page, summary="Some cancers can come back.")
    soup = get_soup(client, article)
    assert soup.select_one('meta[name="description"]')["content"] == (
        "Some cancers can come back."
    )
    assert soup.select_one('meta[property="og:title"]')["content"] == article.title
    assert soup.select_one('meta[property="og:description"]')["content"] == (
        "Some cancers can come back."
    )
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[property="og:url"]')["content"] == article.full_url

    article.search_description = "Written for search results."
    article.seo_title = "Cancer recurrence"
    article.save_revision().publish()
    soup = get_soup(client, article)
    assert [m["content"] for m in soup.select('meta[name="description"]')] == [
        "Written for search results."
    ]
    assert (
        soup.select_one('meta[property="og:title"]')["content"] == "Cancer recurrence"
    )


def test_index_page_describes_itself_with_its_intro(client, host_page):
    index = PatientInfoIndexPage(title="Patient information", intro="Our leaflets.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    soup = get_soup(client, index)
    assert soup.select_one('meta[name="description"]')["content"] == "Our leaflets."
    assert soup.select_one('meta[property="og:type"]')["content"] == "website"
