"""A keyboard user reaches every link in reading order and sees where focus is."""

import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"


def test_every_link_is_reached_in_order_with_a_visible_focus_style(
    scripted_page, live_server, host_page
):
    page = scripted_page
    article = make_article(
        host_page
    )  # one of every block: resource, phone, related links
    page.goto(live_server.url + article.url)
    expected = page.locator(FOCUSABLE).evaluate_all(
        "els => els.map((el, i) => { el.dataset.order = i; return i; })"
    )
    assert len(expected) >= 4  # skip link, resource link, phone, related link

    reached, styles = [], []
    for _ in expected:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("Number(document.activeElement.dataset.order)"))
        styles.append(
            page.evaluate(
                "(() => { const el = document.activeElement, s = getComputedStyle(el);"
                " return {inArticle: !!el.closest('.rc-article'),"
                " outline: s.outlineStyle, width: parseFloat(s.outlineWidth),"
                " visible: el.getBoundingClientRect().width > 0}; })()"
            )
        )
    assert reached == expected
    assert all(style["visible"] for style in styles)
    # The app's own links get its focus style: a solid outline at least 3px wide.
    in_article = [style for style in styles if style["inArticle"]]
    assert in_article and all(
        style["outline"] == "solid" and style["width"] >= 3 for style in in_article
    ), in_article


def test_the_skip_link_moves_focus_to_the_main_content(
    scripted_page, live_server, host_page
):
    page = scripted_page
    article = make_article(host_page)
    page.goto(live_server.url + article.url)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "host-main"
