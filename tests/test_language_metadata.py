"""Pages carry lang/dir, hreflang alternates and a language switcher."""

import re
from pathlib import Path

from bs4 import BeautifulSoup

import recurrence_content
from recurrence_content.models import PatientInfoIndexPage
from tests.factories import translate

CSS_DIR = Path(recurrence_content.__file__).parent / "static/recurrence_content/css"


def get_soup(client, page) -> BeautifulSoup:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return BeautifulSoup(response.content, "html.parser")


def test_physical_left_right_properties_are_absent_from_the_stylesheets():
    # Physical sides break right-to-left layouts; logical ones flip with dir.
    physical = re.compile(
        r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b"
        r"|(?<![\w-])(?:left|right)\s*:"
        r"|(?<![\w-])(?:float|clear|text-align)\s*:\s*(?:left|right)\b"
        r"|border-(?:top|bottom)-(?:left|right)-radius"
    )
    stylesheets = sorted(CSS_DIR.glob("*.css"))
    assert stylesheets
    for stylesheet in stylesheets:
        found = physical.findall(stylesheet.read_text())
        assert found == [], f"{stylesheet.name} uses physical sides: {found}"


def test_an_arabic_page_is_right_to_left(client, article, locales):
    arabic = translate(article, locales["ar"], title="هل يعود السرطان دائمًا؟")

    soup = get_soup(client, arabic)

    article_element = soup.select_one("article.rc-article")
    assert article_element["lang"] == "ar"
    assert article_element["dir"] == "rtl"
    assert (
        soup.select_one("h1.rc-article__title").get_text() == "هل يعود السرطان دائمًا؟"
    )


def test_an_english_page_is_left_to_right(client, article):
    article_element = get_soup(client, article).select_one("article.rc-article")
    assert (article_element["lang"], article_element["dir"]) == ("en", "ltr")


def test_head_has_absolute_hreflang_links_for_live_translations_only(
    client, article, locales
):
    spanish = translate(article, locales["es"])
    arabic = translate(article, locales["ar"])
    translate(article, locales["fr"], publish=False)

    soup = get_soup(client, spanish)

    links = {
        link["hreflang"]: link["href"]
        for link in soup.head.select('link[rel="alternate"][hreflang]')
    }
    assert links == {
        "en": article.get_full_url(),
        "es": spanish.get_full_url(),
        "ar": arabic.get_full_url(),
        "x-default": article.get_full_url(),
    }
    assert spanish.url.startswith("/es/")
    assert arabic.url.startswith("/ar/")


def test_language_switcher_lists_live_translations_in_their_own_names(
    client, article, locales
):
    spanish = translate(article, locales["es"])
    translate(article, locales["ar"])
    translate(article, locales["fr"], publish=False)

    soup = get_soup(client, article)

    switcher = soup.select_one("article header nav.rc-language-switcher")
    assert switcher is not None
    items = [item.get_text(strip=True) for item in switcher.select("li")]
    assert items == ["English", "Español", "العربيّة"]
    current = switcher.select_one('[aria-current="page"]')
    assert current.get_text() == "English" and current.name == "span"
    spanish_link = switcher.find("a", string="Español")
    assert spanish_link["href"] == spanish.url
    assert spanish_link["lang"] == spanish_link["hreflang"] == "es"

    # Same-site links are relative: the Site hostname may not be the one used.
    # Following the link serves the Spanish page, with the switcher pointing back.
    response = client.get(spanish_link["href"])
    assert response.status_code == 200
    spanish_soup = BeautifulSoup(response.content, "html.parser")
    assert spanish_soup.select_one("article")["lang"] == "es"
    back = spanish_soup.select_one("nav.rc-language-switcher").find(
        "a", string="English"
    )
    assert back["href"] == article.url


def test_a_page_without_translations_has_no_switcher_and_no_alternates(client, article):
    soup = get_soup(client, article)
    assert soup.select("nav.rc-language-switcher") == []
    assert soup.select('link[rel="alternate"]') == []


def test_alternates_cost_a_bounded_number_of_queries(
    client, article, locales, django_assert_max_num_queries
):
    for code in ("es", "fr", "ar"):
        translate(article, locales[code])
    client.get(article.url)  # warm the site-root cache, as on a running site

    # 12, and one for the site's never-reviewed wording.
    with django_assert_max_num_queries(13):
        response = client.get(article.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("nav.rc-language-switcher li")) == 4


def test_a_spanish_page_shows_the_interface_in_spanish(client, article, locales):
    spanish = translate(article, locales["es"])

    soup = get_soup(client, spanish)

    assert soup.select_one(".rc-related-link__lead").get_text() == "Lea también:"
    assert soup.select_one(".rc-callout__title").get_text() == "Cuándo pedir ayuda"
    assert (
        soup.select_one(".rc-definition__also-called")
        .get_text()
        .startswith("También llamado:")
    )
    assert (
        "Teléfono: +1 800 555 0100"
        in soup.select_one(".rc-coping-resource-list__phone").get_text()
    )


def test_an_index_page_has_the_switcher_and_alternates_too(client, host_page, locales):
    index = PatientInfoIndexPage(title="Living with cancer", intro="Articles.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    spanish = translate(index, locales["es"], title="Vivir con cáncer")

    soup = get_soup(client, spanish)

    section = soup.select_one("section.rc-index")
    assert (section["lang"], section["dir"]) == ("es", "ltr")
    assert section.select_one("nav.rc-language-switcher a")["href"] == index.url
    assert soup.select_one('link[hreflang="x-default"]')["href"] == index.get_full_url()
    assert soup.select_one(".rc-index__empty").get_text() == (
        "Todavía no hay artículos en esta sección."
    )
