"""What an editor sees in Wagtail's admin, in a real browser."""

import pytest
from django.urls import reverse

from recurrence_content.models import PatientInfoPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_block_preview_looks_like_the_published_page(admin_tab, live_server):
    """The block chooser's preview uses the site's stylesheet: the published
    sans-serif font and the checklist's boxes, not the browser's serif default."""
    block = PatientInfoPage.body.field.stream_block.child_blocks["factor_checklist"]
    url = reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
    admin_tab.goto(live_server.url + url)
    item = admin_tab.locator(".rc-factor-checklist__item").first
    assert item.inner_text().startswith("Your overall health")
    assert "sans-serif" in item.evaluate("el => getComputedStyle(el).fontFamily")
    box = admin_tab.locator(".rc-factor-checklist__box").first
    assert box.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


def test_a_new_checklist_starts_with_one_empty_factor(
    admin_tab, live_server, host_page
):
    add = reverse(
        "wagtailadmin_pages:add",
        args=("recurrence_content", "patientinfopage", host_page.pk),
    )
    admin_tab.goto(live_server.url + add)
    admin_tab.locator("button[title='Insert a block']").first.click()
    admin_tab.get_by_role("option", name="Factor checklist").first.click()
    factors = admin_tab.locator("input[name$='-value-factors-0-value-factor']")
    factors.first.wait_for()
    assert factors.count() == 1
    assert factors.first.input_value() == ""
    assert (
        admin_tab.locator("input[name$='-value-factors-1-value-factor']").count() == 0
    )
