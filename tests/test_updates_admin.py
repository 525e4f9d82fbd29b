"""Editors see conflicts with a new version in the edit view, resolve them
through the admin, and find pages to look at in the "Content updates" report."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from recurrence_content.loading import load_file
from recurrence_content.loading.updates import record_withdrawal
from recurrence_content.models import MergeConflict
from tests.merge_helpers import (
    FIRST,
    conflicting_version,
    load_and_edit,
    text_of,
    upstream_version,
)

REPORT = "recurrence_content_updates_report"


@pytest.fixture
def conflicted(tmp_path, host_page):
    page = load_and_edit(host_page)
    load_file(conflicting_version(tmp_path))
    return page


def edit_view(client, page) -> BeautifulSoup:
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_edit_view_shows_each_conflict_side_by_side(admin_client, conflicted):
    soup = edit_view(admin_client, conflicted)
    (section,) = soup.select(f".rc-merge-conflict[data-conflict='{FIRST}']")
    assert section.h3.get_text() == "Paragraph"
    ours = section.select_one(".rc-merge-conflict__ours p")
    theirs = section.select_one(".rc-merge-conflict__theirs p")
    assert ours.get_text() == "Our own wording."
    assert theirs.get_text() == "Corrected upstream."
    assert [d.get_text() for d in ours.select("del")] == ["Our own wording."]
    assert [i.get_text() for i in theirs.select("ins")] == ["Corrected upstream."]
    buttons = {b.get_text(): b for b in section.select("button")}
    assert set(buttons) == {"Use the new version", "Keep ours"}
    assert buttons["Keep ours"]["formaction"] == reverse(
        "recurrence_content_resolve_conflict", args=(MergeConflict.objects.get().pk,)
    )


def test_no_panel_without_conflicts(admin_client, tmp_path, host_page):
    page = load_and_edit(host_page)
    load_file(upstream_version(tmp_path))
    assert edit_view(admin_client, page).select(".rc-merge-conflict-panel") == []


def resolve_url() -> str:
    conflict = MergeConflict.objects.get()
    return reverse("recurrence_content_resolve_conflict", args=(conflict.pk,))


def test_use_the_new_version_saves_a_draft(admin_client, conflicted):
    live = conflicted.live_revision_id
    response = admin_client.post(
        resolve_url(), {"rc_resolution": "upstream"}, follow=True
    )
    assert "The new version is in a new draft" in response.content.decode()
    conflicted.refresh_from_db()
    assert conflicted.live_revision_id == live and conflicted.has_unpublished_changes
    assert text_of(conflicted, FIRST).source == "<p>Corrected upstream.</p>"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".rc-merge-conflict") == []


def test_keep_ours_leaves_the_page_alone(admin_client, conflicted):
    latest = conflicted.latest_revision_id
    response = admin_client.post(resolve_url(), {"rc_resolution": "local"})
    assert response.status_code == 302
    conflicted.refresh_from_db()
    assert conflicted.latest_revision_id == latest
    assert MergeConflict.objects.get().resolution == "local"


def test_a_resolved_conflict_or_a_bad_choice_changes_nothing(admin_client, conflicted):
    url = resolve_url()
    response = admin_client.post(url, {"rc_resolution": "matched"}, follow=True)
    assert "Choose “Use the new version” or “Keep ours”." in response.content.decode()
    assert MergeConflict.objects.get().resolved_at is None
    admin_client.post(url, {"rc_resolution": "local"})
    assert admin_client.post(url, {"rc_resolution": "upstream"}).status_code == 404
    assert admin_client.get(url).status_code == 405


def test_a_user_who_may_not_edit_the_page_is_refused(
    client, conflicted, django_user_model
):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(resolve_url(), {"rc_resolution": "upstream"})
    # Wagtail's admin answers PermissionDenied by sending the user home.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert MergeConflict.objects.get().resolved_at is None


def test_the_report_lists_drafts_conflicts_and_withdrawals(
    admin_client, conflicted, tmp_path
):
    # A newer version merged in: a draft waiting, the conflict still open.
    assert load_file(upstream_version(tmp_path)).page.id == conflicted.id
    record_withdrawal(conflicted, "https://central.example/")
    response = admin_client.get(reverse(REPORT))
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("table.listing tbody tr")
    assert len(rows) == 1
    cells = [cell.get_text(" ", strip=True) for cell in rows[0].select("td")]
    assert cells[0].startswith("Does cancer always come back?")
    assert cells[1] == "English"
    assert cells[3] == "1"

    export = admin_client.get(reverse(REPORT) + "?export=csv")
    text = b"".join(export.streaming_content).decode()
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == [
        "Article",
        "Language",
        "Merged draft waiting",
        "Open conflicts",
        "Withdrawn at source",
    ]
    assert table[1][:4] == ["Does cancer always come back?", "English", "True", "1"]
    assert table[1][4]
    xlsx = admin_client.get(reverse(REPORT) + "?export=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_report_is_in_the_reports_menu(admin_client, conflicted):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse(REPORT) in response.content.decode()
