"""What an editor sees in Wagtail's admin, in a real browser."""

import pytest
from django.urls import reverse

from recurrence_content.models import PatientInfoPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(scripted_page, live_server, admin_user):
    """A tab logged in to the admin (pytest-django's admin user)."""
    scripted_page.goto(live_server.url + reverse("wagtailadmin_login"))
    scripted_page.fill("input[name=username]", admin_user.username)
    scripted_page.fill("input[name=password]", "password")
    scripted_page.click("button[type=submit]")
    scripted_page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    return scripted_page


def test_a_block_preview_looks_like_the_published_page(editor, live_server):
    """The block chooser's preview uses the site's stylesheet: the published
    sans-serif font and the checklist's boxes, not the browser's serif default."""
    block = PatientInfoPage.body.field.stream_block.child_blocks["factor_checklist"]
    url = reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
    editor.goto(live_server.url + url)
    item = editor.locator(".rc-factor-checklist__item").first
    assert item.inner_text().startswith("Your overall health")
    assert "sans-serif" in item.evaluate("el => getComputedStyle(el).fontFamily")
    box = editor.locator(".rc-factor-checklist__box").first
    assert box.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"


def test_a_new_checklist_starts_with_one_empty_factor(editor, live_server, host_page):
    add = reverse(
        "wagtailadmin_pages:add",
        args=("recurrence_content", "patientinfopage", host_page.pk),
    )
    editor.goto(live_server.url + add)
    editor.locator("button[title='Insert a block']").first.click()
    editor.get_by_role("option", name="Factor checklist").first.click()
    factors = editor.locator("input[name$='-value-factors-0-value-factor']")
    factors.first.wait_for()
    assert factors.count() == 1
    assert factors.first.input_value() == ""
    assert editor.locator("input[name$='-value-factors-1-value-factor']").count() == 0
