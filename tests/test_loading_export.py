"""recurrence_content_export writes what recurrence_content_load reads, losslessly."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from recurrence_content.loading import dumps, export_page, load_article, load_file
from recurrence_content.models import LoadedContent
from tests.factories import make_article, make_host_page
from tests.loading_helpers import ARTICLE, ARTICLE_PATH

pytestmark = pytest.mark.basepage


def export(*args) -> str:
    out = StringIO()
    call_command("recurrence_content_export", *args, stdout=out)
    return out.getvalue()


def test_export_of_the_loaded_article_is_the_shipped_file(host_page):
    page = load_article(parent=host_page).page
    assert export(str(page.id)) == ARTICLE.read_text(encoding="utf-8")
    assert export(ARTICLE_PATH) == ARTICLE.read_text(encoding="utf-8")


def test_export_load_export_gives_the_same_file(tmp_path, home, host_page):
    # An article written by a hospital editor, with every kind of block.
    original = make_article(host_page, title="Living with lymphoedema")
    first = tmp_path / "first.json"
    call_command("recurrence_content_export", str(original.id), "-o", str(first))

    # Load it into a site that does not have it.
    original.delete()
    assert not LoadedContent.objects.exists()
    other_site_section = make_host_page(home, title="Patient leaflets")
    page = load_file(first, parent=other_site_section).page
    assert page.id != original.id

    second = tmp_path / "second.json"
    call_command("recurrence_content_export", str(page.id), "-o", str(second))
    assert second.read_text() == first.read_text()
    assert '"id": "' in first.read_text()


def test_export_refuses_what_could_not_be_loaded(host_page):
    page = make_article(host_page, title="Linked article")
    page.body[-1].value["page"] = host_page
    page.save_revision()
    with pytest.raises(
        CommandError,
        match=r"cannot export: page \d+: \$\.body\[8\]\.value\.page: a file cannot refer to pages",
    ):
        export(str(page.id))


def test_export_refuses_a_page_that_is_not_an_article(host_page):
    with pytest.raises(
        CommandError, match="is a HostPage, not a patient information page"
    ):
        export("/cancer-care/")


def test_export_function_matches_the_command(host_page):
    page = load_article(parent=host_page).page
    assert dumps(export_page(page)) == export(str(page.id))
