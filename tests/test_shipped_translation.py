"""The shipped Spanish translation is complete and loads as a wagtail-localize translation."""

import json

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from recurrence_content.loading import load_article, shipped_dir
from recurrence_content.loading.shipped_translations import (
    apply_shipped_translations,
    shipped_languages,
    translations_dir,
)
from recurrence_content.translation.apply import TranslationApplyError
from tests.translation_helpers import visible_text

SLUG = "does-cancer-always-come-back"
SPANISH_PO = translations_dir() / f"{SLUG}.es.po"


@pytest.fixture
def shipped_article(host_page):
    """The shipped article, loaded and published by the app's own loader."""
    return load_article(parent=host_page, publish=True).page.specific


def test_the_spanish_file_is_shipped_with_a_reviewer_note():
    assert shipped_languages(SLUG) == {"es": SPANISH_PO}
    po = polib.pofile(str(SPANISH_PO))
    assert "translators to review" in po.header
    assert "NOT been medically" in po.header
    assert po.metadata["Language"] == "es"
    # Not tied to one site's Translation object, so any site can import it.
    assert "X-WagtailLocalize-TranslationID" not in po.metadata


# Keys in the content file that are not prose: synchronised, never translated.
NOT_PROSE = {
    "type",
    "id",
    "kind",
    "level",
    "list_style",
    "url",
    "link",
    "phone",
    "page",
}


def prose_in_content_file() -> list[str]:
    """Every piece of text a reader sees, straight from the shipped JSON."""
    data = json.loads((shipped_dir() / f"{SLUG}.json").read_text())
    found = [data["title"], data["slug"], data["summary"]]

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in NOT_PROSE:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.lstrip().startswith("<"):
            # Rich text: one segment per block of text, without its <p>.
            html = BeautifulSoup(value, "html.parser")
            found.extend(visible_text(str(tag)) for tag in html.find_all(["p", "li"]))
        elif isinstance(value, str) and value.strip():
            found.append(value)

    walk(data["body"])
    return found


def test_every_sentence_of_the_loaded_article_is_one_segment(shipped_article):
    source, _ = TranslationSource.get_or_create_from_instance(shipped_article)
    segments = [
        visible_text(segment.string.data)
        for segment in source.stringsegment_set.select_related("string").order_by(
            "order"
        )
    ]

    assert len(segments) == 60
    assert sorted(segments) == sorted(prose_in_content_file())


def test_the_spanish_file_covers_every_segment_of_the_loaded_article(shipped_article):
    source, _ = TranslationSource.get_or_create_from_instance(shipped_article)
    segments = [(entry.msgctxt, entry.msgid) for entry in source.export_po()]

    po = polib.pofile(str(SPANISH_PO))
    assert [(entry.msgctxt, entry.msgid) for entry in po] == segments
    assert len(segments) == 60
    assert po.untranslated_entries() == [] and po.fuzzy_entries() == []
    assert po.obsolete_entries() == []
    for entry in po:
        assert entry.msgstr.strip() and entry.msgstr != entry.msgid, entry.msgid


def test_it_applies_cleanly_as_a_draft(shipped_article):
    [result] = apply_shipped_translations(shipped_article, ["es"])

    assert (result.warnings, result.untranslated, result.kept) == ([], [], [])
    assert result.imported == 60 and result.created
    assert not result.page.live
    assert result.page.title == "¿El cáncer siempre vuelve?"
    assert result.page.slug == "el-cancer-siempre-vuelve"


def test_the_published_spanish_page_is_served_in_spanish(client, shipped_article):
    [result] = apply_shipped_translations(shipped_article, "all", publish=True)
    spanish = result.page

    assert spanish.url == "/es/cancer-care/el-cancer-siempre-vuelve/"
    response = client.get(spanish.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    article_element = soup.select_one("article")
    assert (article_element["lang"], article_element["dir"]) == ("es", "ltr")
    assert soup.select_one("h1").get_text() == "¿El cáncer siempre vuelve?"
    text = visible_text(str(article_element))
    for entry in polib.pofile(str(SPANISH_PO)):
        if entry.msgctxt != "slug":
            assert entry.msgid not in text, f"English left: {entry.msgid!r}"
            assert entry.msgstr in text
    # The page links back to English and the English page links here.
    switcher = soup.select_one("nav.rc-language-switcher")
    assert switcher.find("a", string="English")["href"] == shipped_article.url
    english = BeautifulSoup(client.get(shipped_article.url).content, "html.parser")
    assert english.select_one('link[hreflang="es"]')["href"] == spanish.get_full_url()


def test_an_editor_can_open_the_spanish_page_in_the_translation_editor(
    client, shipped_article
):
    [result] = apply_shipped_translations(shipped_article, ["es"])
    client.force_login(
        get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    )

    response = client.get(reverse("wagtailadmin_pages:edit", args=[result.page.pk]))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    assert props["object"]["title"] == "¿El cáncer siempre vuelve?"
    assert Translation.objects.get(
        target_locale__language_code="es"
    ).get_progress() == (
        60,
        60,
    )


def test_applying_twice_changes_nothing_and_stays_a_draft(shipped_article):
    apply_shipped_translations(shipped_article, ["es"])
    [again] = apply_shipped_translations(shipped_article, ["es"])

    assert not again.created and not again.page.live
    assert again.kept == [] and again.untranslated == []
    assert again.imported == 0


def test_a_language_that_is_not_shipped_is_named(shipped_article):
    with pytest.raises(TranslationApplyError, match=r"into fr\. Shipped: es"):
        apply_shipped_translations(shipped_article, ["fr"])


def test_a_shipped_language_the_site_does_not_serve(shipped_article):
    languages = [("en", "English"), ("fr", "French")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        assert apply_shipped_translations(shipped_article, "all") == []
        with pytest.raises(TranslationApplyError, match="WAGTAIL_CONTENT_LANGUAGES"):
            apply_shipped_translations(shipped_article, ["es"])
    assert not Translation.objects.exists()


def test_a_regional_spanish_site_gets_the_spanish_file(shipped_article):
    languages = [("en", "English"), ("es-mx", "Español (México)")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        [result] = apply_shipped_translations(shipped_article, "all")
    assert result.page.locale.language_code == "es-mx"
    assert result.page.title == "¿El cáncer siempre vuelve?"


def test_a_renamed_article_still_finds_its_translation(shipped_article):
    shipped_article.slug = "cancer-recurrence"
    shipped_article.save_revision().publish()

    [result] = apply_shipped_translations(shipped_article, ["es"])

    assert result.page.title == "¿El cáncer siempre vuelve?"
