"""A new version merged into a page the hospital edited: both sides' edits in
one draft, conflicts recorded, the plan printed before anything is written."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from recurrence_content.loading import Status, load_file
from recurrence_content.loading.updates import (
    MERGE_ACTION,
    RESOLVE_ACTION,
    WITHDRAW_ACTION,
    record_withdrawal,
    resolve,
)
from recurrence_content.models import LoadedContent, MergeConflict
from tests.loading_helpers import (
    changed,
    shipped_data,
    snapshot,
    write_article,
    writes,
)
from tests.merge_helpers import (
    FIRST,
    LINK,
    NEW,
    SECOND,
    conflicting_version,
    load_and_edit,
    set_text,
    text_of,
    upstream_version,
)

pytestmark = pytest.mark.basepage


@pytest.fixture
def edited(host_page):
    return load_and_edit(host_page)


def test_edits_on_both_sides_give_a_draft_holding_both(tmp_path, edited, host_page):
    live_revision = edited.live_revision_id
    result = load_file(upstream_version(tmp_path), publish=True)
    assert result.status is Status.MERGED and not result.published
    edited.refresh_from_db()
    # Readers still see the hospital's live page.
    assert edited.live_revision_id == live_revision
    assert edited.title == "Does cancer always come back?"
    latest = edited.specific.get_latest_revision_as_object()
    assert latest.title == "Will cancer come back?"
    assert text_of(edited, FIRST).source == "<p>Our own wording.</p>"
    assert text_of(edited, SECOND).source == "<p>Corrected upstream.</p>"
    ids = [b.id for b in latest.body]
    assert ids[ids.index(SECOND) + 1] == NEW
    assert text_of(edited, LINK)["page"].id == host_page.id
    assert not MergeConflict.objects.exists()
    (entry,) = PageLogEntry.objects.filter(page=edited, action=MERGE_ACTION)
    assert entry.data["taken"] == 2 and entry.data["added"] == 1
    assert entry.revision_id == edited.latest_revision_id
    assert LoadedContent.objects.get().merged_revision_id == edited.latest_revision_id


def test_the_same_version_again_writes_nothing(tmp_path, edited):
    path = upstream_version(tmp_path)
    load_file(path)
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        assert load_file(path).status is Status.UNCHANGED
    assert writes(queries.captured_queries) == []
    assert snapshot() == before


def test_a_conflict_keeps_ours_and_records_theirs(tmp_path, edited):
    result = load_file(conflicting_version(tmp_path))
    assert result.status is Status.MERGED
    assert "1 conflict" in result.line() and "page editor" in result.line()
    assert text_of(edited, FIRST).source == "<p>Our own wording.</p>"
    conflict = MergeConflict.objects.get()
    assert (conflict.block_id, conflict.block_type) == (FIRST, "paragraph")
    assert conflict.local["value"] == "<p>Our own wording.</p>"
    assert conflict.upstream["value"] == "<p>Corrected upstream.</p>"
    assert conflict.resolved_at is None


def test_using_the_new_version_saves_a_draft_and_logs_it(tmp_path, edited, admin_user):
    load_file(conflicting_version(tmp_path))
    edited.refresh_from_db()
    live = edited.live_revision_id
    revision = resolve(MergeConflict.objects.get(), "upstream", admin_user)
    edited.refresh_from_db()
    assert edited.latest_revision_id == revision.id != live
    assert edited.live_revision_id == live
    assert text_of(edited, FIRST).source == "<p>Corrected upstream.</p>"
    # The rest of the hospital's edits stay.
    assert text_of(edited, LINK)["page"] is not None
    conflict = MergeConflict.objects.get()
    assert conflict.resolution == "upstream" and conflict.resolved_at
    entry = PageLogEntry.objects.get(page=edited, action=RESOLVE_ACTION)
    assert entry.user_id == admin_user.id and entry.data["resolution"] == "upstream"


def test_keeping_ours_changes_nothing_in_the_page(tmp_path, edited, admin_user):
    load_file(conflicting_version(tmp_path))
    edited.refresh_from_db()
    latest = edited.latest_revision_id
    assert resolve(MergeConflict.objects.get(), "local", admin_user) is None
    edited.refresh_from_db()
    assert edited.latest_revision_id == latest
    assert MergeConflict.objects.get().resolution == "local"


def test_a_conflict_stays_open_until_chosen_and_follows_newer_versions(
    tmp_path, edited
):
    load_file(conflicting_version(tmp_path))
    # A newer version changes something else: the conflict is still open.
    newer = changed(
        shipped_data(),
        lambda d: (
            set_text(d, FIRST, "Corrected upstream."),
            set_text(d, SECOND, "Other."),
        ),
    )
    load_file(write_article(tmp_path, newer, name="newer.json"))
    assert MergeConflict.objects.filter(resolved_at=None).count() == 1
    # One that says what we say settles it.
    same = changed(newer, lambda d: set_text(d, FIRST, "Our own wording."))
    load_file(write_article(tmp_path, same, name="same.json"))
    assert MergeConflict.objects.get().resolution == "matched"


def run(*args) -> str:
    out = StringIO()
    call_command("recurrence_content_load", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_plan_naming_each_block(tmp_path, edited):
    path = upstream_version(tmp_path)
    before = snapshot()
    with CaptureQueriesContext(connection) as queries:
        output = run("--file", str(path), "--dry-run")
    assert writes(queries.captured_queries) == []
    assert snapshot() == before
    lines = output.splitlines()
    assert lines[0].startswith("[dry run] would be merged (draft): ")
    assert "    taken: title" in lines
    assert f"    taken: paragraph “Corrected upstream.” ({SECOND[:8]})" in lines
    assert f"    added: paragraph “New upstream.” ({NEW[:8]})" in lines
    assert f"    kept: paragraph “Our own wording.” ({FIRST[:8]})" in lines
    assert f"    kept: related_link “Is cancer hereditary?” ({LINK[:8]})" in lines


def test_format_json_is_a_stable_document(tmp_path, edited):
    output = run(
        "--file", str(conflicting_version(tmp_path)), "--dry-run", "--format", "json"
    )
    document = json.loads(output)
    assert document["format"] == 1 and document["dry_run"] is True
    (article,) = document["articles"]
    assert article["status"] == "merged" and article["page_id"] == edited.id
    conflict = next(c for c in article["changes"] if c["action"] == "conflict")
    assert conflict == {
        "action": "conflict",
        "field": "body",
        "block_id": FIRST,
        "block_type": "paragraph",
        "label": f"paragraph “Our own wording.” ({FIRST[:8]})",
    }
    assert not MergeConflict.objects.exists()


def test_withdrawal_is_noted_once_and_logged(edited):
    assert record_withdrawal(edited, "https://central.example/")
    assert not record_withdrawal(edited, "https://central.example/")
    assert LoadedContent.objects.get().withdrawn_at is not None
    assert PageLogEntry.objects.filter(page=edited, action=WITHDRAW_ACTION).count() == 1


def test_history_shows_merge_and_resolution(tmp_path, edited, admin_client, admin_user):
    load_file(conflicting_version(tmp_path))
    resolve(MergeConflict.objects.get(), "upstream", admin_user)
    response = admin_client.get(f"/admin/pages/{edited.id}/history/")
    html = response.content.decode()
    assert "New version merged into a draft: 1 kept, 1 conflict" in html
    assert "Conflict in paragraph resolved: used the new version" in html


def test_a_page_loaded_before_merges_were_stored_merges_against_its_revision(
    tmp_path, edited
):
    LoadedContent.objects.update(content=None)
    result = load_file(upstream_version(tmp_path))
    assert result.status is Status.MERGED
    assert text_of(edited, FIRST).source == "<p>Our own wording.</p>"
    assert text_of(edited, SECOND).source == "<p>Corrected upstream.</p>"
