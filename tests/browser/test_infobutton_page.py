"""The Infobutton's page for a patient's browser, in Chromium: axe finds no
WCAG 2.2 A/AA violations in the list of matches or the "nothing found"
page, in English and Spanish."""

import pytest

from recurrence_content.models import PatientInfoIndexPage
from tests.browser.test_accessibility import assert_clean
from tests.factories import make_article
from tests.infobutton.conftest import infobutton_url, tag, translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_list_and_nothing_found_pages(
    scripted_page, live_server, home, host_page, locales
):
    index = PatientInfoIndexPage(title="Patient information")
    home.add_child(instance=index)
    index.save_revision().publish()
    translate(index, locales["es"], title="Información para pacientes")
    tag(
        make_article(host_page, title="After breast cancer", body=[]),
        ("icd10cm", "Z85.3"),
    )
    article = tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    translate(article, locales["es"], title="¿El cáncer siempre vuelve?")

    for language in ("en", "es"):
        for code in ("Z85.3", "Z99.89"):  # two matches, none
            url = infobutton_url(
                code,
                knowledgeResponseType="text/html",
                **{"informationRecipient.languageCode.c": language},
            )
            assert_clean(scripted_page, live_server.url + url)
    # What the patient sees when nothing matches: a way on.
    scripted_page.get_by_role(
        "link", name="Vea toda nuestra información para pacientes"
    ).click()
    assert scripted_page.locator("h1").inner_text() == "Información para pacientes"
