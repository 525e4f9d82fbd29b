"""A newer translation file merged string by string: a translator's strings
kept, the others updated, a string both changed recorded as a conflict and
listed in the "Content updates" report; readers keep the live translation."""

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from recurrence_content.loading import load_article
from recurrence_content.loading.po_merge import TRANSLATION_FIELD, merge_po
from recurrence_content.loading.shipped_translations import (
    apply_shipped_translations,
    translations_dir,
)
from recurrence_content.loading.updates import resolve
from recurrence_content.models import MergeConflict
from tests.translation_helpers import visible_text

SPANISH_PO = translations_dir() / "does-cancer-always-come-back.es.po"
EDITED = "Your overall health"  # the translator rewords this one
OTHER = "How long it has been since finishing treatment"


@pytest.fixture
def translated(client, host_page):
    """The article in English and Spanish, live; a translator then rewords one
    string in wagtail-localize's editor."""
    english = load_article(parent=host_page, publish=True).page.specific
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    translation = Translation.objects.get(target_locale=spanish.page.locale)
    segment = StringSegment.objects.get(source=translation.source, string__data=EDITED)
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
    assert response.status_code == 200
    return english, spanish.page


def newer_po(tmp_path, changes: dict[str, str]):
    po = polib.pofile(str(SPANISH_PO))
    for entry in po:
        if entry.msgid in changes:
            entry.msgstr = changes[entry.msgid]
    path = tmp_path / "newer.es.po"
    po.save(str(path))
    return path


def spanish_text(client, page) -> str:
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return visible_text(str(soup.select_one("article")))


def test_a_string_both_changed_is_a_conflict_and_the_translators_stays(
    client, tmp_path, translated
):
    english, spanish = translated
    assert OTHER in {e.msgid for e in polib.pofile(str(SPANISH_PO))}
    path = newer_po(tmp_path, {EDITED: "Su salud general", OTHER: "Cuántos años tiene"})
    result = merge_po(english, "es", path, publish=True)
    assert result.conflicts == 1
    assert result.kept == [EDITED]
    assert "1 strings changed by both the translator and the new file" in (
        result.summary()
    )
    conflict = MergeConflict.objects.get(field=TRANSLATION_FIELD)
    assert conflict.page_id == spanish.pk
    assert conflict.local["text"] == "Su estado de salud"
    assert conflict.upstream["text"] == "Su salud general"
    assert conflict.base["text"] == "Su salud en general"
    text = spanish_text(client, result.page)
    assert "Su estado de salud" in text and "Cuántos años tiene" in text

    # wagtail-localize's editor stands in for the Spanish page's edit view, so
    # the conflict is shown on the English page's.
    english_edit = client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,)))
    soup = BeautifulSoup(english_edit.content, "html.parser")
    (section,) = soup.select(".rc-merge-conflict")
    assert section.h3.get_text() == "Spanish translation of “Your overall health”"
    assert "Su estado de salud" in section.select_one(".rc-merge-conflict__ours").text
    assert "Su salud general" in section.select_one(".rc-merge-conflict__theirs").text

    report = client.get(reverse("recurrence_content_updates_report"))
    soup = BeautifulSoup(report.content, "html.parser")
    (row,) = soup.select("table.listing tbody tr")
    assert "¿El cáncer siempre vuelve?" in row.get_text()


def test_only_the_translator_changed_it_is_no_conflict(tmp_path, translated):
    english, _spanish = translated
    path = newer_po(tmp_path, {OTHER: "Cuántos años tiene"})
    result = merge_po(english, "es", path, publish=True)
    assert result.conflicts == 0 and result.kept == [EDITED]
    assert not MergeConflict.objects.exists()


def test_using_the_new_string_saves_a_draft_and_keeps_the_live_page(
    client, tmp_path, translated
):
    english, spanish = translated
    merge_po(english, "es", newer_po(tmp_path, {EDITED: "Su salud general"}))
    spanish.refresh_from_db()
    live = spanish.live_revision_id
    resolve(MergeConflict.objects.get(), "upstream")
    spanish.refresh_from_db()
    assert spanish.live_revision_id == live and spanish.has_unpublished_changes
    latest = spanish.specific.get_latest_revision_as_object()
    factors = [b for b in latest.body if b.block_type == "factor_checklist"][0]
    assert "Su salud general" in [f["factor"] for f in factors.value["factors"]]
    # Readers keep the live translation as it was published.
    assert "Su salud en general" in spanish_text(client, spanish)
