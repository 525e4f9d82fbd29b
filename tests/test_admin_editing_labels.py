"""What the editor shows is true: a heading too long is refused with its
count (never cut silently by the browser), and the Clinical codes panel reads
right in French."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from recurrence_content.models import PatientInfoPage
from tests.test_admin import add_url, article_form
from tests.test_web_address import block_errors

pytestmark = pytest.mark.django_db


def test_a_long_heading_is_refused_with_its_length_not_cut(admin_client, host_page):
    form = article_form()
    form["body-0-value-text"] = "A" * 2000
    response = admin_client.post(add_url(host_page), form)

    assert response.status_code == 200
    assert "Ensure this value has at most 255 characters (it has 2000)." in (
        block_errors(response.content)
    )
    assert not PatientInfoPage.objects.exists()


def test_the_heading_field_does_not_cut_pasted_text(admin_client, host_page):
    response = admin_client.get(add_url(host_page))
    soup = BeautifulSoup(response.content, "html.parser")
    definition = soup.select_one("#body")["data-w-block-data-value"]
    # The heading's widget, as Wagtail's JavaScript will render it.
    assert 'maxlength=\\"255\\"' not in definition
    assert "maxlength" not in json.dumps(json.loads(definition))


def test_the_codes_panel_reads_right_in_french(admin_client, admin_user, host_page):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()

    response = admin_client.get(add_url(host_page))
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert "Ajouter un(e) code clinique" in text
    assert "Ajouter un(e) Code" not in text
