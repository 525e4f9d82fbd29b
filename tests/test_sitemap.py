"""Article and index pages in wagtail.contrib.sitemaps: valid against the
sitemaps.org schema, hreflang alternates as Google's rules ask, and never an
unfinished translation."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree
from wagtail.models import Page

from recurrence_content.models import PatientInfoIndexPage
from tests.factories import make_article
from tests.localize_helpers import translate_strings

SCHEMA = Path(__file__).parent / "data" / "sitemaps" / "sitemap-with-hreflang.xsd"
NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


@pytest.fixture
def index(host_page):
    index = PatientInfoIndexPage(title="Living with cancer", intro="Articles.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def site_pages(index, locales, on_commit):
    """An article complete in English and Spanish and partly translated into
    French, its index complete in all three, and an English-only article."""
    article = make_article(index)
    for locale in ("es", "fr"):
        for page in (index.get_parent(), index):
            translate_strings(page.specific, locales[locale], on_commit)
    translate_strings(article, locales["es"], on_commit)
    translate_strings(article, locales["fr"], on_commit, count=1)
    only_english = make_article(index, title="Living with fatigue")
    french = article.get_translation(locales["fr"])
    assert french.live  # published, partly English: what must stay out
    return {
        "article": article,
        "spanish": article.get_translation(locales["es"]),
        "french": french,
        "index": index,
        "index_es": index.get_translation(locales["es"]),
        "index_fr": index.get_translation(locales["fr"]),
        "only_english": only_english,
    }


def sitemap_entries(client) -> dict[str, dict]:
    """``{loc: {"lastmod": ..., "alternates": {hreflang: href}}}``, once the
    document is valid against the sitemaps.org schema."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(document), schema.error_log
    entries = {}
    for url in document.findall("s:url", NS):
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        links = url.findall("x:link", NS)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        assert len(alternates) == len(links), f"{loc}: a language listed twice"
        entries[loc] = {
            "lastmod": url.findtext("s:lastmod", namespaces=NS),
            "alternates": alternates,
        }
    return entries


def test_sitemap_is_valid_and_its_hreflang_follows_googles_rules(client, site_pages):
    entries = sitemap_entries(client)
    urls = {name: page.full_url for name, page in site_pages.items()}

    # Every complete language version, each once; never the French article,
    # which is still partly English.
    for name in ("article", "spanish", "index", "index_es", "index_fr", "only_english"):
        assert urls[name] in entries, name
    assert urls["french"] not in entries
    assert all(
        urls["french"] not in entry["alternates"].values() for entry in entries.values()
    )

    for loc, entry in entries.items():
        alternates = entry["alternates"]
        if not alternates:
            continue
        languages = {
            code: href for code, href in alternates.items() if code != "x-default"
        }
        # Each entry names itself among its alternates...
        assert loc in languages.values(), loc
        # ...and every alternate has an entry listing the same versions
        # (reciprocal links), with the same x-default.
        for href in languages.values():
            assert entries[href]["alternates"] == alternates, (loc, href)
        # x-default, when used, is one of the versions (the default language's).
        if "x-default" in alternates:
            assert alternates["x-default"] == languages["en"]

    assert entries[urls["article"]]["alternates"] == {
        "en": urls["article"],
        "es": urls["spanish"],
        "x-default": urls["article"],
    }
    assert entries[urls["index_fr"]]["alternates"] == {
        "en": urls["index"],
        "es": urls["index_es"],
        "fr": urls["index_fr"],
        "x-default": urls["index"],
    }
    # One language: nothing to alternate with.
    assert entries[urls["only_english"]]["alternates"] == {}


def test_lastmod_is_each_versions_last_publication(client, site_pages):
    # Each version published on its own day.
    for day, name in enumerate(("article", "spanish", "index_es", "only_english"), 1):
        Page.objects.filter(pk=site_pages[name].pk).update(
            last_published_at=datetime(2025, 3, day, 12, tzinfo=UTC)
        )
    entries = sitemap_entries(client)
    for day, name in enumerate(("article", "spanish", "index_es", "only_english"), 1):
        assert entries[site_pages[name].full_url]["lastmod"] == f"2025-03-0{day}", name
