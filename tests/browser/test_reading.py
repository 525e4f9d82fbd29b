"""A patient reads and prints an article in a real browser, without JavaScript."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_article_reads_without_javascript(browser_page, live_server, host_page):
    article = make_article(host_page)
    browser_page.goto(live_server.url + article.url)
    assert browser_page.locator("h1").inner_text() == "Does cancer always come back?"
    assert browser_page.locator("dl.rc-definition dt").first.is_visible()
    assert browser_page.locator(".rc-factor-checklist__item").count() == 2
    # The stylesheet loaded: definitions carry the accent border.
    border = browser_page.locator("dl.rc-definition").evaluate(
        "el => getComputedStyle(el).borderInlineStartWidth"
    )
    assert border == "4px"


def test_checklist_prints_with_boxes_to_tick(browser_page, live_server, host_page):
    article = make_article(host_page)
    browser_page.goto(live_server.url + article.url)
    browser_page.emulate_media(media="print")
    box = browser_page.locator(".rc-factor-checklist__box").first
    assert box.is_visible()
    assert box.evaluate("el => getComputedStyle(el).borderTopColor") == "rgb(0, 0, 0)"
    callout_background = browser_page.locator("aside.rc-callout").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert callout_background == "rgba(0, 0, 0, 0)"  # no ink-heavy fills on paper
    pdf = browser_page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_a_factors_detail_is_readable_on_a_phone(browser_page, live_server, host_page):
    """At 320 px the detail sits under its factor at full width, not squeezed
    into a column beside it."""
    article = make_article(host_page)
    browser_page.set_viewport_size({"width": 320, "height": 800})
    browser_page.goto(live_server.url + article.url)
    item = browser_page.locator(".rc-factor-checklist__item").nth(1)
    factor = item.locator(".rc-factor-checklist__factor").bounding_box()
    detail = item.locator(".rc-factor-checklist__detail").bounding_box()
    assert detail["y"] >= factor["y"] + factor["height"] - 1  # below, not beside
    assert detail["x"] == factor["x"]
    assert detail["width"] >= 0.8 * item.bounding_box()["width"]


def test_the_article_is_a_centred_column_at_desktop_width(
    browser_page, live_server, host_page
):
    article = make_article(host_page)
    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.goto(live_server.url + article.url)
    box = browser_page.locator("article.rc-article").bounding_box()
    left, right = box["x"], 1280 - box["x"] - box["width"]
    assert box["width"] < 800 and abs(left - right) <= 1
    font = browser_page.locator("article.rc-article").evaluate(
        "el => getComputedStyle(el).fontFamily"
    )
    assert "sans-serif" in font
