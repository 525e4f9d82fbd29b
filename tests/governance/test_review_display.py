"""Readers see who reviewed an article and when, or that nobody has yet."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from recurrence_content.governance.recording import record_review
from recurrence_content.models import ReviewSettings
from tests.feed.helpers import detail_url
from tests.governance.conftest import REVIEWERS, SOURCE
from tests.translation_helpers import visible_text

pytestmark = pytest.mark.django_db


def review_footer(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".rc-review")


def add_source(page):
    page.sources = [("source", SOURCE)]
    page.save_revision().publish()
    page.refresh_from_db()


def test_a_page_never_reviewed_says_so_and_shows_no_dates(client, article):
    footer = review_footer(client, article)
    assert visible_text(str(footer)) == (
        "This page has not yet been reviewed by our clinical team."
    )
    assert footer.select("time") == []


def test_the_wording_is_a_site_setting_per_language(client, article, locales):
    setting = ReviewSettings.for_site(Site.objects.get(is_default_site=True))
    setting.never_reviewed_wording = [
        ("wording", {"language": "en", "text": "Not yet checked by our doctors."}),
    ]
    setting.save()

    footer = review_footer(client, article)
    assert visible_text(str(footer)) == "Not yet checked by our doctors."


def test_a_reviewed_page_shows_dates_reviewers_and_sources(
    client, article, reviewer_user
):
    add_source(article)
    record_review(
        article,
        reviewer_user,
        reviewed_on=datetime.date(2026, 3, 1),
        reviewers=REVIEWERS,
    )

    footer = review_footer(client, article)
    text = visible_text(str(footer))
    assert "Page last reviewed: 1 March 2026 · Next review due: 1 March 2029" in text
    assert [
        visible_text(str(li)) for li in footer.select(".rc-review__reviewers li")
    ] == [
        "Dr Ana Ruiz, Consultant clinical oncologist, Example Hospital",
        "Sam Lee, Clinical nurse specialist",
    ]
    source = footer.select_one(".rc-review__sources li")
    assert " ".join(source.get_text().split()) == (
        "Recurrent Cancer: When Cancer Comes Back. National Cancer Institute. "
        "Accessed 15 January 2026."
    )
    assert source.a["href"] == SOURCE["url"]
    assert "not yet been reviewed" not in text
    assert footer.select_one(".rc-review__overdue") is None


def test_an_overdue_page_says_it_is_due_for_review(client, article, reviewer_user):
    record_review(
        article,
        reviewer_user,
        reviewed_on=datetime.date(2020, 1, 10),
        reviewers=REVIEWERS[:1],
    )
    footer = review_footer(client, article)
    assert footer.select_one(".rc-review__overdue").get_text(strip=True) == (
        "This page is due for review. Some of its information may be out of "
        "date: check with your care team."
    )
    assert "Next review due: 10 January 2023" in visible_text(str(footer))


def test_the_review_prints_with_the_article(client, article):
    # print.css hides only the language switcher and .rc-no-print.
    footer = review_footer(client, article)
    assert "rc-no-print" not in footer.get("class", [])
    assert footer.find_parent("article") is not None


def test_the_feed_carries_the_review(client, article, reviewer_user):
    never = client.get(detail_url(article)).json()
    assert never["review"] == {
        "status": "never_reviewed",
        "last_reviewed": None,
        "next_review_due": None,
        "reviewers": [],
        "never_reviewed_text": "This page has not yet been reviewed by our "
        "clinical team.",
    }
    assert never["sources"] == []
    assert never["audience"] == "patients"
    assert never["condition_name"] == ""

    add_source(article)
    record_review(
        article,
        reviewer_user,
        reviewed_on=datetime.date(2026, 3, 1),
        reviewers=REVIEWERS,
    )
    data = client.get(detail_url(article)).json()
    assert data["review"]["status"] == "current"
    assert data["review"]["last_reviewed"] == "2026-03-01"
    assert data["review"]["next_review_due"] == "2029-03-01"
    assert data["review"]["reviewers"] == REVIEWERS
    assert data["review"]["never_reviewed_text"] == ""
    assert data["sources"] == [SOURCE]


def test_a_spanish_page_gets_spanish_wording(client, article, locales):
    from tests.factories import translate as translate_page

    spanish = translate_page(article, locales["es"])
    footer = review_footer(client, spanish)
    assert visible_text(str(footer)) == (
        "Nuestro equipo clínico aún no ha revisado esta página."
    )
