"""Applying a translation again when nothing changed writes nothing at all;
a changed file, a changed source or a translator's edit still applies."""

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import StringSegment, Translation, TranslationLog

from recurrence_content.loading import load_article
from recurrence_content.loading.shipped_translations import (
    apply_shipped_translations,
    translations_dir,
)
from recurrence_content.translation.apply import apply_po
from tests.translation_helpers import visible_text

SPANISH_PO = translations_dir() / "does-cancer-always-come-back.es.po"
QUESTION_ID = "3125bb11-d508-4013-8924-d4e06f49f050"  # "Can cancer come back?"


@pytest.fixture
def english(host_page):
    """The shipped article, loaded and published by the app's own loader."""
    return load_article(parent=host_page, publish=True).page.specific


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def history() -> tuple[int, int, int]:
    return (
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        TranslationLog.objects.count(),
    )


def spanish_text(client, page: Page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return visible_text(str(soup.select_one("article")))


@pytest.mark.parametrize("publish", [True, False], ids=["published", "draft"])
def test_loading_again_with_nothing_changed_writes_nothing(host_page, english, publish):
    [first] = apply_shipped_translations(english, ["es"], publish=publish)
    before = history()

    with CaptureQueriesContext(connection) as queries:
        load_article(parent=host_page, publish=publish)
        [again] = apply_shipped_translations(english, ["es"], publish=publish)

    assert writes(queries) == []
    assert history() == before
    assert again.unchanged and not again.created and again.imported == 0
    assert again.page.pk == first.page.pk and again.page.live == publish
    state = "published" if publish else "a draft"
    assert again.summary() == (
        f"es: unchanged “¿El cáncer siempre vuelve?”, {state}; 0 strings imported"
    )


def test_a_draft_run_over_the_live_translation_writes_nothing(english):
    apply_shipped_translations(english, ["es"], publish=True)

    with CaptureQueriesContext(connection) as queries:
        [again] = apply_shipped_translations(english, ["es"])

    assert writes(queries) == []
    assert (
        again.unchanged and again.page.live and not again.page.has_unpublished_changes
    )


def test_publishing_a_translation_saved_as_a_draft_still_publishes(client, english):
    apply_shipped_translations(english, ["es"])

    [again] = apply_shipped_translations(english, ["es"], publish=True)

    assert not again.unchanged and again.published and again.page.live
    assert "¿Puede volver el cáncer?" in spanish_text(client, again.page)


def test_a_changed_file_still_applies(client, english):
    [first] = apply_shipped_translations(english, ["es"], publish=True)
    po = polib.pofile(str(SPANISH_PO))
    po.find("Can cancer come back?").msgstr = "¿El cáncer puede volver?"

    result = apply_po(english, "es", po, publish=True)

    assert not result.unchanged and result.imported == 1
    assert result.page.live_revision_id != first.page.live_revision_id
    text = spanish_text(client, result.page)
    assert "¿El cáncer puede volver?" in text
    assert "¿Puede volver el cáncer?" not in text


def test_a_changed_source_still_applies_as_a_draft(client, english):
    [first] = apply_shipped_translations(english, ["es"], publish=True)
    # An editor rewrites one English question; the shipped file has no
    # translation of the new text.
    block = next(block for block in english.body if block.id == QUESTION_ID)
    block.value["question"] = "Can my cancer come back?"
    english.save_revision().publish()

    [again] = apply_shipped_translations(english, ["es"], publish=True)

    assert not again.unchanged and again.imported == 0
    assert again.untranslated == ["Can my cancer come back?"]
    # The new version would show it in English: it waits as a draft, and
    # readers keep the whole Spanish page.
    assert again.held == ["Can my cancer come back?"] and not again.published
    spanish = Page.objects.get(pk=again.page.pk)
    assert spanish.live_revision_id == first.page.live_revision_id
    assert spanish.has_unpublished_changes
    text = spanish_text(client, spanish)
    assert "¿Puede volver el cáncer?" in text
    assert "Can my cancer come back?" not in text
    draft = visible_text(str(spanish.get_latest_revision_as_object().body))
    assert "Can my cancer come back?" in draft

    # Applied again (the next upgrade, nothing new): nothing is written, and
    # the output says again what the draft waits for.
    before = history()
    with CaptureQueriesContext(connection) as queries:
        [third] = apply_shipped_translations(english, ["es"], publish=True)
    assert writes(queries) == []
    assert history() == before
    assert third.unchanged and third.held == ["Can my cancer come back?"]
    assert not third.published
    assert "kept as a draft, not published" in third.summary()


def test_a_translators_edit_waiting_in_the_editor_is_saved_not_lost(client, english):
    [first] = apply_shipped_translations(english, ["es"], publish=True)
    translation = Translation.objects.get(target_locale=first.page.locale)
    segment = StringSegment.objects.get(
        source=translation.source, string__data="Your overall health"
    )
    # A translator changes one string in wagtail-localize's editor and has not
    # saved the page yet.
    client.force_login(
        get_user_model().objects.create_superuser("translator", "t@example.org", "pw")
    )
    response = client.put(
        reverse(
            "wagtail_localize:edit_string_translation",
            args=[translation.pk, segment.pk],
        ),
        "value=Su+estado+de+salud",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    client.logout()

    [again] = apply_shipped_translations(english, ["es"], publish=True)

    assert not again.unchanged and again.kept == ["Your overall health"]
    text = spanish_text(client, again.page)
    assert "Su estado de salud" in text and "Su salud en general" not in text
