"""``recurrence_content_load --translations``: the article and its translations."""

import shutil
from dataclasses import dataclass
from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from recurrence_content.loading import shipped_translations
from recurrence_content.loading.shipped_translations import translations_dir
from recurrence_content.models import PatientInfoPage
from tests.loading_helpers import snapshot

pytestmark = pytest.mark.django_db


def load(*args: str) -> str:
    out = StringIO()
    call_command("recurrence_content_load", *args, stdout=out)
    return out.getvalue()


def article_in(code: str) -> PatientInfoPage | None:
    return PatientInfoPage.objects.filter(locale__language_code=code).first()


def test_translations_are_applied_as_drafts(host_page):
    output = load("--parent", str(host_page.pk), "--translations", "es")
    english, spanish = article_in("en"), article_in("es")
    assert spanish.translation_key == english.translation_key
    assert spanish.title == "¿El cáncer siempre vuelve?"
    assert not english.live and not spanish.live
    assert "es: created" in output and "saved as a draft" in output


def test_translations_all_with_publish_serves_spanish(client, host_page):
    output = load("--parent", str(host_page.pk), "--translations", "all", "--publish")
    spanish = article_in("es")
    assert spanish.live and "published" in output
    response = client.get(spanish.url)
    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()


def test_rerun_with_translations_keeps_one_page_per_language(host_page):
    load("--parent", str(host_page.pk), "--translations", "es")
    load("--parent", str(host_page.pk), "--translations", "es")
    assert PatientInfoPage.objects.filter(locale__language_code="es").count() == 1
    assert PatientInfoPage.objects.filter(locale__language_code="en").count() == 1


def test_rerun_with_nothing_changed_writes_nothing_and_says_so(host_page):
    args = ("--parent", str(host_page.pk), "--translations", "es", "--publish")
    load(*args)
    with CaptureQueriesContext(connection) as queries:
        output = load(*args)
    assert [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ] == []
    assert "unchanged: Does cancer always come back?" in output
    assert "es: unchanged “¿El cáncer siempre vuelve?”, published" in output


def test_dry_run_plans_translations_and_writes_nothing(host_page):
    load("--parent", str(host_page.pk))
    before = snapshot()
    output = load("--translations", "es", "--dry-run")
    assert "[dry run] would apply es translation" in output
    assert snapshot() == before


@dataclass
class Run:
    """What a shell sees of the command: Django's manage.py prints a
    CommandError to stderr and exits with its ``returncode``."""

    exit_code: int
    stdout: str
    error: str


def run(*args: str) -> Run:
    out = StringIO()
    try:
        call_command("recurrence_content_load", *args, stdout=out)
    except CommandError as error:
        return Run(error.returncode, out.getvalue(), str(error))
    return Run(0, out.getvalue(), "")


@pytest.fixture
def refused_french_file(tmp_path, monkeypatch):
    """A shipped French file with one string wagtail-localize would refuse.

    Shipped beside a copy of the shipped translations, not in the checkout's
    own: tests on other xdist workers list those at the same time.
    """
    shipped = tmp_path / "translations"
    shutil.copytree(translations_dir(), shipped)
    po = polib.pofile(str(shipped / "does-cancer-always-come-back.es.po"))
    po.metadata["Language"] = "fr"
    po.find("Can cancer come back?").msgstr += "<script>alert(1)</script>"
    path = shipped / "does-cancer-always-come-back.fr.po"
    po.save(str(path))
    monkeypatch.setattr(shipped_translations, "translations_dir", lambda: shipped)
    return path


@pytest.mark.parametrize("article", ["on the site", "not on the site yet"])
def test_dry_run_refuses_a_file_as_the_real_run_does(
    host_page, refused_french_file, article
):
    if article == "on the site":
        load("--parent", str(host_page.pk))
    before = snapshot()
    args = ("--parent", str(host_page.pk), "--translations", "fr")

    dry = run(*args, "--dry-run")
    real = run(*args)

    assert dry == real
    assert (dry.exit_code, dry.stdout) == (1, "")
    assert dry.error.startswith(
        f"{refused_french_file} was not applied: wagtail-localize "
        "would refuse 1 of its strings"
    )
    assert "question: <script> tag is not allowed" in dry.error
    assert snapshot() == before


def test_dry_run_of_a_good_file_plans_it(host_page):
    dry = run("--parent", str(host_page.pk), "--translations", "es", "--dry-run")

    assert (dry.exit_code, dry.error) == (0, "")
    assert (
        "[dry run] would apply es translation of “Does cancer always come back?”"
        in (dry.stdout)
    )
    assert article_in("en") is None


def test_dry_run_refuses_an_unshipped_language_as_the_real_run_does(host_page):
    load("--parent", str(host_page.pk))
    args = ("--translations", "de")

    dry, real = run(*args, "--dry-run"), run(*args)

    assert dry == real and dry.exit_code == 1
    assert "No shipped translation of “does-cancer-always-come-back” into de" in (
        dry.error
    )


def test_unshipped_language_is_refused_and_nothing_is_written(host_page):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="No shipped translation .* into de"):
        load("--parent", str(host_page.pk), "--translations", "de")
    assert Page.objects.count() == pages_before
    assert article_in("en") is None
