"""``recurrence_content_load --translations``: the article and its translations."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

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


def test_unshipped_language_is_refused_and_nothing_is_written(host_page):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="No shipped translation .* into de"):
        load("--parent", str(host_page.pk), "--translations", "de")
    assert Page.objects.count() == pages_before
    assert article_in("en") is None
