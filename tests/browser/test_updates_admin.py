"""The conflict panel and the "Content updates" report in Chromium: axe finds
no WCAG 2.2 A/AA violations, and the panel's button resolves the conflict
through the real edit form."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from recurrence_content.loading import load_file
from recurrence_content.models import MergeConflict
from tests.merge_helpers import FIRST, conflicting_version, load_and_edit, text_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}


def violations(tab, selector: str) -> list[str]:
    """axe's WCAG 2.2 A/AA violations inside ``selector``."""
    response = Axe().run(tab, context=selector, options=WCAG_22_AA).response
    return [
        f"{v['id']}: {node['target']}"
        for v in response["violations"]
        for node in v["nodes"]
    ]


@pytest.fixture
def conflicted(tmp_path, host_page):
    page = load_and_edit(host_page)
    load_file(conflicting_version(tmp_path))
    return page


def test_conflict_panel_is_accessible_and_resolves(admin_tab, live_server, conflicted):
    edit = live_server.url + reverse("wagtailadmin_pages:edit", args=(conflicted.pk,))
    admin_tab.goto(edit)
    panel = admin_tab.locator(".rc-merge-conflict-panel")
    panel.wait_for()
    assert "Our own wording." in panel.locator(".rc-merge-conflict__ours").inner_text()
    for width in (1280, 320):
        admin_tab.set_viewport_size({"width": width, "height": 900})
        assert violations(admin_tab, ".rc-merge-conflict-panel") == []
    admin_tab.set_viewport_size({"width": 1280, "height": 900})
    panel.get_by_role("button", name="Use the new version").click()
    admin_tab.wait_for_url(edit)
    assert "The new version is in a new draft" in admin_tab.content()
    assert admin_tab.locator(".rc-merge-conflict-panel").count() == 0
    assert MergeConflict.objects.get().resolution == "upstream"
    assert text_of(conflicted, FIRST).source == "<p>Corrected upstream.</p>"


def test_content_updates_report_is_accessible(admin_tab, live_server, conflicted):
    admin_tab.goto(live_server.url + reverse("recurrence_content_updates_report"))
    admin_tab.locator("table.listing").wait_for()
    assert "Does cancer always come back?" in admin_tab.locator("main").inner_text()
    for width in (1280, 320):
        admin_tab.set_viewport_size({"width": width, "height": 900})
        assert violations(admin_tab, "main") == []
