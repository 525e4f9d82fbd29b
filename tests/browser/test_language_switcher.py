"""In a real browser: the switcher changes language and Arabic lays out right to left."""

import pytest

from recurrence_content.loading import load_article
from recurrence_content.loading.shipped_translations import apply_shipped_translations
from tests.factories import make_host_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_with_translations(locales, home):
    """The shipped article in English and Spanish, and an Arabic copy, all live."""
    host_page = make_host_page(home)
    english = load_article(parent=host_page, publish=True).page.specific
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    arabic = english.copy_for_translation(locales["ar"], copy_parents=True)
    arabic.title = "هل يعود السرطان دائمًا؟"
    arabic.save_revision().publish()
    return english.url, spanish.page.url, arabic.url


def test_the_switcher_takes_the_reader_to_spanish_and_back(
    live_server, site_with_translations, browser_page
):
    english_url, spanish_url, _arabic_url = site_with_translations
    page = browser_page

    page.goto(live_server.url + english_url)
    assert page.locator("h1").inner_text() == "Does cancer always come back?"
    page.locator("nav.rc-language-switcher").get_by_role("link", name="Español").click()

    page.wait_for_url(live_server.url + spanish_url)
    assert page.locator("h1").inner_text() == "¿El cáncer siempre vuelve?"
    assert page.locator("article").get_attribute("lang") == "es"
    assert (
        page.locator('nav.rc-language-switcher [aria-current="page"]').inner_text()
        == "Español"
    )

    page.locator("nav.rc-language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(live_server.url + english_url)
    assert page.locator("h1").inner_text() == "Does cancer always come back?"


def test_an_arabic_page_lays_out_right_to_left(
    live_server, site_with_translations, browser_page
):
    english_url, _spanish_url, arabic_url = site_with_translations
    page = browser_page

    def definition_borders() -> dict:
        return page.locator("dl.rc-definition").first.evaluate(
            "el => ({left: getComputedStyle(el).borderLeftWidth,"
            " right: getComputedStyle(el).borderRightWidth,"
            " direction: getComputedStyle(el).direction})"
        )

    page.goto(live_server.url + english_url)
    assert definition_borders() == {"left": "4px", "right": "0px", "direction": "ltr"}

    page.goto(live_server.url + arabic_url)
    assert page.locator("article").get_attribute("dir") == "rtl"
    # The definition's accent border moves to the reading-start side: the right.
    assert definition_borders() == {"left": "0px", "right": "4px", "direction": "rtl"}
