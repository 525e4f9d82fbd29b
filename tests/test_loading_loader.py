"""The loader creates the article once and never touches anyone else's pages."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision

from recurrence_content.loading import Status, load_article, load_file
from recurrence_content.loading.targets import starter_address_warning
from recurrence_content.models import LoadedContent, PatientInfoPage
from recurrence_content.page_model import page_model
from tests.factories import make_article, make_host_page
from tests.loading_helpers import (
    ARTICLE_PATH,
    changed,
    shipped_data,
    snapshot,
    write_article,
    writes,
)

pytestmark = pytest.mark.basepage


@pytest.fixture
def busy_site(home, host_page):
    """A hospital site that already has pages, drafts and published articles."""
    other = make_host_page(home, title="Visiting hours")
    make_host_page(host_page, title="Radiotherapy")
    make_article(host_page, title="Chemotherapy side effects")
    draft = make_article(other, title="A draft article", publish=False)
    draft.title = "A draft article, edited"
    draft.save_revision()
    return host_page


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("recurrence_content_load", *args, stdout=out)
    return out.getvalue()


def test_load_creates_a_draft_under_the_parent(host_page):
    result = load_article(parent=host_page)
    page = result.page
    assert result.status is Status.CREATED
    assert page.get_parent().id == host_page.id
    assert page.url == ARTICLE_PATH
    assert not page.live
    assert page.revisions.count() == 1
    assert str(page.translation_key) == shipped_data()["translation_key"]
    ids = [block.id for block in page.specific.body]
    assert ids == [block["id"] for block in shipped_data()["body"]]
    assert LoadedContent.objects.get().revision_id == page.latest_revision_id


def test_publish_makes_it_public(client, host_page):
    page = load_article(parent=host_page, publish=True).page
    assert page.live and page.live_revision_id == page.latest_revision_id
    soup = BeautifulSoup(client.get(ARTICLE_PATH).content, "html.parser")
    assert soup.h1.get_text() == "Does cancer always come back?"


def test_loading_into_a_busy_site_changes_none_of_its_pages(busy_site):
    before = snapshot()
    page = load_article(parent="/cancer-care/", publish=True).page
    after = snapshot()
    del after["pages"][page.id]
    assert after["pages"] == before["pages"]
    new_revisions = set(after["revisions"]) - set(before["revisions"])
    assert {object_id for _id, object_id in new_revisions} == {str(page.id)}
    assert page_model().find_problems() == ([], [], [], [], [])


def test_parent_by_id_and_by_url_path(host_page):
    result = load_article(parent=str(host_page.id), dry_run=True)
    assert result.url.endswith(ARTICLE_PATH)
    assert load_article(parent="/cancer-care/").page.get_parent().id == host_page.id


def test_rerun_writes_nothing(host_page):
    load_article(parent=host_page, publish=True)
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        result = load_article(parent=host_page, publish=True)
    assert result.status is Status.UNCHANGED
    assert writes(queries.captured_queries) == []
    assert snapshot() == before


def test_rerun_finds_the_article_after_an_editor_moved_it(home, host_page):
    page = load_article(parent=host_page).page
    elsewhere = make_host_page(home, title="Patient leaflets")
    page.move(elsewhere, pos="last-child")
    result = load_article(parent=host_page)
    assert result.status is Status.UNCHANGED
    assert PatientInfoPage.objects.count() == 1


def test_newer_version_of_an_untouched_page_is_published_only_when_asked(
    tmp_path, host_page
):
    page = load_article(parent=host_page, publish=True).page
    newer = changed(shipped_data(), lambda d: d.update(title="Will cancer come back?"))
    result = load_file(write_article(tmp_path, newer), parent=host_page)
    page.refresh_from_db()
    assert result.status is Status.UPDATED and not result.published
    assert page.title == "Does cancer always come back?"
    assert page.get_latest_revision_as_object().title == "Will cancer come back?"

    newest = changed(newer, lambda d: d.update(summary="New summary."))
    result = load_file(write_article(tmp_path, newest), publish=True)
    page.refresh_from_db()
    assert result.status is Status.UPDATED and result.published
    assert (page.title, page.summary) == ("Will cancer come back?", "New summary.")
    assert page.revisions.count() == 3


def test_newer_shipped_version_keeps_a_draft_a_draft(tmp_path, host_page):
    page = load_article(parent=host_page).page
    newer = changed(shipped_data(), lambda d: d.update(summary="New summary."))
    result = load_file(write_article(tmp_path, newer))
    page.refresh_from_db()
    assert result.status is Status.UPDATED and not result.published
    assert not page.live
    assert page.get_latest_revision_as_object().summary == "New summary."


def test_a_new_version_is_merged_into_an_edited_page_as_a_draft(tmp_path, host_page):
    page = load_article(parent=host_page, publish=True).page.specific
    page.summary = "Our oncologists' own summary."
    page.save_revision(log_action=True).publish()
    page.refresh_from_db()
    published_at = page.last_published_at
    editor_revision = page.latest_revision_id

    newer = changed(shipped_data(), lambda d: d.update(title="Will cancer come back?"))
    path = write_article(tmp_path, newer)
    result = load_file(path, publish=True)
    page.refresh_from_db()
    assert result.status is Status.MERGED and not result.published
    assert "1 taken, 1 kept" in result.line()
    # The editor's version stays live; the merge waits as the latest draft.
    assert page.live_revision_id == editor_revision
    assert page.last_published_at == published_at
    assert page.summary == "Our oncologists' own summary."
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Will cancer come back?"
    assert latest.summary == "Our oncologists' own summary."
    assert Revision.objects.filter(object_id=str(page.id)).count() == 3
    # Running the same version again writes nothing.
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        assert load_file(path, publish=True).status is Status.UNCHANGED
    assert writes(queries.captured_queries) == []
    assert snapshot() == before


def test_a_page_with_the_key_that_we_did_not_load_is_left_alone(host_page):
    data = shipped_data()
    make_article(
        host_page,
        title="The hospital's own version",
        slug="own-version",
        translation_key=uuid.UUID(data["translation_key"]),
    )
    assert load_article(parent=host_page).status is Status.LEFT_ALONE


def test_dry_run_writes_nothing(busy_site):
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        output = run("--parent", "/cancer-care/", "--dry-run", "--publish")
    assert output.startswith("[dry run] would be created (published): ")
    assert writes(queries.captured_queries) == []
    assert snapshot() == before


def test_command_prints_one_line_with_urls(host_page):
    output = run("--parent", "/cancer-care/")
    page = PatientInfoPage.objects.get()
    article_line, *rest = output.splitlines()
    assert article_line.startswith("created (draft): Does cancer always come back?")
    assert f"http://localhost{ARTICLE_PATH}" in article_line
    assert f"edit: http://testserver/admin/pages/{page.id}/edit/" in article_line
    # The test site still has wagtail start's address: one line says so.
    assert rest == [starter_address_warning()]
    assert run("--parent", "/cancer-care/").startswith("unchanged: ")


def test_command_is_quiet_with_verbosity_0(host_page):
    assert run("--parent", "/cancer-care/", "-v", "0") == ""
    assert PatientInfoPage.objects.count() == 1


def test_history_shows_the_page_created_then_published(host_page):
    from wagtail.models import PageLogEntry

    page = load_article(parent=host_page, publish=True).page
    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["wagtail.create", "wagtail.publish"]


def test_an_alias_with_the_key_is_left_alone(tmp_path, home, locales, host_page):
    page = load_article(parent=host_page, publish=True).page
    spanish_home = home.copy_for_translation(locales["es"])
    spanish_section = host_page.copy_for_translation(locales["es"])
    alias = page.create_alias(
        parent=spanish_section, update_locale=locales["es"], reset_translation_key=False
    )
    assert spanish_home and alias.alias_of_id == page.id
    result = load_article(locale="es")
    assert result.status is Status.LEFT_ALONE
    assert f"alias of page {page.id}" in result.line()


def test_query_counts(host_page, django_assert_max_num_queries):
    # Measured: about 97 to create and publish (mostly Wagtail's own
    # publishing), 5 to find there is nothing to do.
    with django_assert_max_num_queries(120):
        load_article(parent=host_page, publish=True)
    with django_assert_max_num_queries(8):
        load_article(parent=host_page, publish=True)


def test_an_editors_unpublished_draft_counts_as_an_edit(tmp_path, host_page):
    page = load_article(parent=host_page, publish=True).page.specific
    page.summary = "A draft our oncologists are still reviewing."
    page.save_revision(log_action=True)  # a draft, not published

    newer = changed(shipped_data(), lambda d: d.update(title="Will cancer come back?"))
    result = load_file(write_article(tmp_path, newer), publish=True)
    assert result.status is Status.MERGED and not result.published
    page.refresh_from_db()
    assert page.title == "Does cancer always come back?"
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Will cancer come back?"
    assert latest.summary == "A draft our oncologists are still reviewing."
