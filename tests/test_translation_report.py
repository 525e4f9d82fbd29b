"""Editors see where translation stands: the Article translations report (filter,
CSV, XLSX) and the panel on an article's edit view."""

import csv
import io
from urllib.parse import urlencode

import openpyxl
import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from recurrence_content.translation.apply import apply_po
from recurrence_content.translation.report import URL_NAME
from tests.localize_helpers import submit_translation, translate_strings
from tests.translation_helpers import fill_po


def export(page, locale) -> polib.POFile:
    """The page's strings as wagtail-localize exports them, to fill in."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    return translation.export_po()


FORM_ENCODED = "application/x-www-form-urlencoded"
User = get_user_model()


@pytest.fixture
def translated(admin_client, article, locales, on_commit):
    """French just started in the admin; Spanish 3 strings in."""
    submit_translation(admin_client, article, locales["fr"], on_commit)
    translate_strings(article, locales["es"], on_commit, count=3)
    return StringSegment.objects.filter(
        source__object_id=article.translation_key
    ).count()


def report_rows(admin_client, **params) -> dict[str, list[str]]:
    response = admin_client.get(reverse(URL_NAME), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    rows = {}
    for row in soup.select("table tbody tr"):
        texts = [td.get_text(" ", strip=True) for td in row.select("td")]
        cells = dict(zip(headings, texts, strict=True))
        rows[cells["Language"]] = cells
    return rows


def test_the_report_lists_each_translation_with_its_status(
    admin_client, article, translated
):
    rows = report_rows(admin_client)

    assert set(rows) == {"French", "Spanish"}
    assert rows["French"]["Readers get"] == "Not started"
    assert rows["French"]["Progress"] == f"0 of {translated}"
    assert (
        rows["French"]["Newest version"]
        == f"Untranslated: {translated} of {translated}"
    )
    assert rows["Spanish"]["Readers get"] == "Partial"
    assert rows["Spanish"]["Progress"] == f"3 of {translated}"
    assert rows["Spanish"]["Newest version"] == (
        f"Untranslated: {translated - 3} of {translated}"
    )
    assert rows["Spanish"]["Article"] == article.title


def test_the_report_filters_by_language(admin_client, translated, locales):
    assert set(report_rows(admin_client, locale=locales["es"].pk)) == {"Spanish"}


def test_the_report_exports_csv_and_xlsx(admin_client, article, translated):
    response = admin_client.get(reverse(URL_NAME), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    spanish = next(row for row in rows if row["Language"] == "Spanish")
    assert spanish["Article"] == article.title
    assert (
        spanish["Readers get"],
        spanish["Strings translated"],
        spanish["Strings"],
    ) == (
        "Partial",
        "3",
        str(translated),
    )

    response = admin_client.get(reverse(URL_NAME), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = list(sheet.active.values)
    assert values[0][:4] == ("Article", "Translation", "Language", "Readers get")
    assert {row[2]: row[3] for row in values[1:]} == {
        "French": "Not started",
        "Spanish": "Partial",
    }


def translator_edits_title(admin_client, page, locale, value: str) -> None:
    """A translator changes the title in wagtail-localize's editor and publishes."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    segment = StringSegment.objects.get(
        source=translation.source, context__path="title"
    )
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    response = admin_client.put(
        url, urlencode({"value": value}), content_type=FORM_ENCODED
    )
    assert response.status_code in (200, 201), response.content[:300]
    target = page.get_translation(locale)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code == 302


def test_the_report_shows_what_readers_get_and_what_the_newest_version_lacks(
    admin_client, client, article, locales, on_commit
):
    translate_strings(article, locales["es"], on_commit)
    with on_commit(execute=True):
        translator_edits_title(
            admin_client, article, locales["es"], "¿El cáncer siempre vuelve?"
        )
    spanish = article.get_translation(locales["es"]).specific
    assert spanish.title == "¿El cáncer siempre vuelve?"
    row = report_rows(admin_client)["Spanish"]
    assert (row["Readers get"], row["Newest version"]) == ("Complete", "Complete")

    # The English editor changes one sentence: the Spanish page is wholly
    # Spanish still (of the earlier English), so it stays public.
    article.summary = "Some cancers can come back after treatment."
    with on_commit(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    row = report_rows(admin_client)["Spanish"]
    assert (row["Readers get"], row["Outdated"]) == ("Outdated", "Yes")
    assert row["Source updated"] != ""
    assert client.get(spanish.url).status_code == 200

    # "Sync translated pages" in the admin, publishing: the changed sentence
    # needs translating, so the new version waits as a draft; readers keep
    # the whole Spanish page, and the translator's title is still there.
    source = TranslationSource.objects.get(object_id=article.translation_key)
    with on_commit(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    total = StringSegment.objects.filter(source=source).count()
    row = report_rows(admin_client)["Spanish"]
    assert (row["Readers get"], row["Progress"], row["Newest version"]) == (
        "Outdated",
        f"{total} of {total}",
        f"Untranslated: 1 of {total}",
    )
    edit = StringTranslation.objects.get(
        locale=locales["es"], context__path="title", context__object=source.object
    )
    assert (edit.data, edit.last_translated_by) == (
        "¿El cáncer siempre vuelve?",
        User.objects.get(username="admin"),
    )
    spanish.refresh_from_db()
    assert spanish.title == "¿El cáncer siempre vuelve?"
    assert spanish.has_unpublished_changes
    assert client.get(spanish.url).status_code == 200

    # The panel on the English page's edit view says the same.
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-translation-status-panel"
    )
    cells = [
        td.get_text(" ", strip=True)
        for td in panel.select_one("tr[data-language=es]").select("td")
    ]
    assert cells[:3] == ["Spanish", "Outdated", f"{total} of {total}"]
    assert cells[3] != ""  # the date the English was updated
    assert cells[4] == (
        f"Untranslated: 1 of {total} Some cancers can come back after treatment."
    )


def test_a_translation_readers_cannot_reach_is_never_called_published(
    admin_client, article, locales
):
    # Translated in full, never published.
    apply_po(article, "es", fill_po(export(article, locales["es"])))
    spanish = article.get_translation(locales["es"])
    assert not spanish.live

    row = report_rows(admin_client)["Spanish"]
    assert (row["Readers get"], row["Progress"], row["Newest version"]) == (
        "Not published",
        "",
        "Complete",
    )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-translation-status-panel"
    )
    cells = [
        td.get_text(" ", strip=True)
        for td in panel.select_one("tr[data-language=es]").select("td")
    ]
    assert cells == ["Spanish", "Not published", "", "", "Complete"]
    assert "Published" not in panel.get_text()


def test_outdated_reads_no_without_a_warning_icon(admin_client, translated):
    response = admin_client.get(reverse(URL_NAME))
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    column = headings.index("Outdated")
    cells = [row.select("td")[column] for row in soup.select("table tbody tr")]
    assert [cell.get_text(strip=True) for cell in cells] == ["No", "No"]
    # Wagtail's BooleanColumn drew a red cross here, which reads as a problem.
    assert [cell.select("svg") for cell in cells] == [[], []]


def test_the_report_is_in_the_reports_menu(admin_client, home):
    # home: the admin's dashboard needs a page tree, which a transactional
    # test run before this one in the same process may have flushed.
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(URL_NAME) in response.content.decode()


def test_the_edit_view_lists_translations_and_their_status(
    admin_client, article, translated
):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one(".rc-translation-status-panel")
    cells = {
        row["data-language"]: [td.get_text(strip=True) for td in row.select("td")]
        for row in panel.select("tr[data-language]")
    }
    assert cells["es"][:3] == ["Spanish", "Partial", f"3 of {translated}"]
    assert cells["es"][4].startswith(f"Untranslated: {translated - 3} of {translated}")
    assert cells["fr"][:3] == ["French", "Not started", f"0 of {translated}"]
