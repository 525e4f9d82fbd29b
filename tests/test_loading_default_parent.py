"""With no --parent, the article goes into the site's one patient information
index, or a new "Patient information" index the loader makes and names."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from recurrence_content.models import PatientInfoIndexPage, PatientInfoPage
from tests.factories import make_host_page
from tests.loading_helpers import snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]


def load(*args) -> str:
    out = StringIO()
    call_command("recurrence_content_load", *args, stdout=out)
    return out.getvalue()


def test_a_fresh_site_gets_an_index_and_the_article_is_served(home, client):
    output = load("--publish")

    index = PatientInfoIndexPage.objects.get()
    assert index.title == "Patient information"
    assert index.get_parent().id == home.id
    assert index.live
    article = PatientInfoPage.objects.get()
    assert article.get_parent().id == index.id
    assert "under a new index page 'Patient information' (published)" in output
    assert "no --parent was given" in output
    page = client.get("/patient-information/does-cancer-always-come-back/")
    assert page.status_code == 200
    assert "Does cancer always come back?" in page.content.decode()
    assert client.get("/patient-information/").status_code == 200


def test_the_sites_one_index_is_used(home):
    section = make_host_page(home, title="Cancer care")
    index = section.add_child(
        instance=PatientInfoIndexPage(title="Leaflets", slug="leaflets")
    )
    output = load()
    assert PatientInfoIndexPage.objects.count() == 1
    assert PatientInfoPage.objects.get().get_parent().id == index.id
    assert "new index page" not in output


def test_several_indexes_ask_for_a_parent_and_write_nothing(home):
    for title in ("Leaflets", "Booklets"):
        home.add_child(instance=PatientInfoIndexPage(title=title, slug=title.lower()))
    before = snapshot()
    with pytest.raises(CommandError) as error:
        load()
    assert "several patient information indexes" in str(error.value)
    assert "/leaflets/" in str(error.value) and "/booklets/" in str(error.value)
    assert "give --parent" in str(error.value)
    assert snapshot() == before


def test_a_dry_run_names_the_index_it_would_make_and_writes_nothing(home):
    before = snapshot()
    output = load("--dry-run")
    assert "[dry run] would be created (draft): Does cancer always come back?" in output
    assert (
        "http://localhost/patient-information/does-cancer-always-come-back/" in output
    )
    assert "under a new index page 'Patient information' (a draft)" in output
    assert snapshot() == before


def test_the_starter_sites_address_is_pointed_out(home):
    output = load()
    assert "default site's address is still http://localhost" in output
    assert "Settings > Sites" in output


def test_a_real_address_gets_no_note(home):
    Site.objects.update(hostname="patients.hospital.example", port=443)
    output = load()
    assert "localhost" not in output


def test_the_starter_admin_address_is_pointed_out(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://example.com"
    Site.objects.update(hostname="patients.hospital.example", port=443)
    output = load()
    assert "WAGTAILADMIN_BASE_URL is still http://example.com" in output
    assert "localhost" not in output
