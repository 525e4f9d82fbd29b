"""``knowledgeResponseType=text/html``: what a patient's browser gets when the
EHR opens the infobutton link (as OpenEMR does)."""

import pytest
from bs4 import BeautifulSoup

from recurrence_content.models import PatientInfoIndexPage
from tests.factories import make_article
from tests.infobutton.conftest import infobutton_url, tag, translate

pytestmark = pytest.mark.django_db

HTML = {"knowledgeResponseType": "text/html"}
SPANISH = {"informationRecipient.languageCode.c": "es", **HTML}


@pytest.fixture
def index(home, locales):
    """The site's patient information index, in English and Spanish."""
    index = PatientInfoIndexPage(title="Patient information")
    home.add_child(instance=index)
    index.save_revision().publish()
    spanish = translate(index, locales["es"], title="Información para pacientes")
    return index, spanish


def page(client, url: str) -> tuple:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/html; charset=utf-8"
    return response, BeautifulSoup(response.content, "html.parser")


def test_one_match_redirects_to_the_article_in_the_patients_language(
    client, host_page, locales
):
    article = tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    spanish = translate(article, locales["es"], title="¿El cáncer siempre vuelve?")

    english = client.get(infobutton_url("Z85.3", **HTML))
    assert english.status_code == 302
    assert english["Location"] == article.get_full_url()
    response = client.get(infobutton_url("Z85.3", **SPANISH))
    assert response.status_code == 302
    assert response["Location"] == spanish.get_full_url()
    # A browser that follows it reads the article.
    assert client.get(response["Location"]).status_code == 200


def test_several_matches_are_a_short_list_in_the_sites_design(
    client, host_page, locales
):
    first = tag(
        make_article(host_page, title="After breast cancer", summary="A & B"),
        ("icd10cm", "Z85.3"),
    )
    second = tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    spanish = translate(second, locales["es"], title="¿El cáncer siempre vuelve?")

    response, html = page(client, infobutton_url("Z85.3", **SPANISH))

    assert response["Content-Language"] == "es"
    assert html.html["lang"] == "es"
    assert html.find(id="host-header")  # the host's base template
    assert html.h1.get_text() == "Información para usted"
    items = html.select(".rc-infobutton li")
    assert [(li.a.get_text(), li.a["href"]) for li in items] == [
        ("After breast cancer", first.get_full_url()),  # the most specific first
        ("¿El cáncer siempre vuelve?", spanish.get_full_url()),
    ]
    # The article without a Spanish version says it is in English.
    assert items[0].get("lang") == "en"
    assert items[1].get("lang") is None
    assert (
        items[0].select_one(".rc-index__item-summary").decode_contents()
        == "<p>A &amp; B</p>"
    )


def test_nothing_found_links_to_the_patient_information_index(client, index, host_page):
    english_index, spanish_index = index

    _response, html = page(client, infobutton_url("Z99.89", **HTML))
    assert html.h1.get_text() == "No information found"
    link = html.select_one(".rc-infobutton a")
    assert link["href"] == english_index.url

    _response, html = page(client, infobutton_url("Z99.89", **SPANISH))
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "No encontramos información"
    link = html.select_one(".rc-infobutton a")
    assert link.get_text() == "Vea toda nuestra información para pacientes"
    assert link["href"] == spanish_index.url


def test_nothing_found_without_an_index_has_no_dead_link(client, host_page):
    _response, html = page(client, infobutton_url("Z99.89", **HTML))
    assert html.select(".rc-infobutton a") == []
    assert "We have no article about this yet." in html.get_text()
