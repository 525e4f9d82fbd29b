"""A patient reads and prints an article in a real browser, without JavaScript."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_article_reads_without_javascript(browser_page, live_server, host_page):
    article = make_article(host_page)
    browser_page.goto(live_server.url + article.url)
    assert browser_page.locator("h1").inner_text() == "Does cancer always come back?"
    assert browser_page.locator("dl.rc-definition dt").first.is_visible()
    assert browser_page.locator(".rc-checklist__item").count() == 2
    # The stylesheet loaded: definitions carry the accent border.
    border = browser_page.locator("dl.rc-definition").evaluate(
        "el => getComputedStyle(el).borderInlineStartWidth"
    )
    assert border == "4px"


def test_checklist_prints_with_boxes_to_tick(browser_page, live_server, host_page):
    article = make_article(host_page)
    browser_page.goto(live_server.url + article.url)
    browser_page.emulate_media(media="print")
    box = browser_page.locator(".rc-checklist__box").first
    assert box.is_visible()
    assert box.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(0, 0, 0)"
    callout_background = browser_page.locator("aside.rc-callout").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert callout_background == "rgba(0, 0, 0, 0)"  # no ink-heavy fills on paper
    pdf = browser_page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000
