"""Recording a review needs a permission and lands in Wagtail's audit log."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import PageLogEntry
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import TranslationSource

from recurrence_content.governance.recording import RECORD_REVIEW_ACTION, record_review
from recurrence_content.models import PatientInfoPage
from tests.governance.conftest import REVIEWERS

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)


def test_the_audit_log_says_who_recorded_which_review(article, reviewer_user):
    record_review(article, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)

    entry = PageLogEntry.objects.get(page=article, action=RECORD_REVIEW_ACTION)
    assert entry.user == reviewer_user
    assert entry.timestamp is not None
    assert entry.data == {
        "last_reviewed": "2026-03-01",
        "next_review_due": "2029-03-01",
        "reviewers": ["Dr Ana Ruiz", "Sam Lee"],
    }
    assert entry.message == (
        "Clinical review recorded: reviewed on 2026-03-01, next review due 2029-03-01"
    )
    article.refresh_from_db()
    assert article.last_reviewed == MARCH
    assert article.live_revision.user == reviewer_user


def test_without_the_permission_nothing_is_recorded(article, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw")
    with pytest.raises(PermissionDenied):
        record_review(article, editor, reviewed_on=MARCH, reviewers=REVIEWERS)
    article.refresh_from_db()
    assert article.last_reviewed is None
    assert not PageLogEntry.objects.filter(action=RECORD_REVIEW_ACTION).exists()


def test_an_editors_draft_is_not_published_by_a_review(article, reviewer_user):
    draft = article.get_latest_revision_as_object()
    draft.title = "An unfinished new title"
    draft.save_revision()

    record_review(article, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)

    article.refresh_from_db()
    assert article.title == "Does cancer always come back?"  # the draft stays a draft
    assert article.last_reviewed == MARCH  # but readers see the review
    latest = article.get_latest_revision_as_object()
    assert (latest.title, latest.last_reviewed) == ("An unfinished new title", MARCH)


def test_review_fields_are_synchronised_not_translated():
    fields = {f.field_name: f for f in get_translatable_fields(PatientInfoPage)}
    for name in (
        "last_reviewed",
        "next_review_due",
        "reviewers",
        "sources",
        "audience",
    ):
        assert not fields[name].is_translated(PatientInfoPage()), name
        assert not fields[name].is_overridable(PatientInfoPage()), name
    assert fields["condition_name"].is_translated(PatientInfoPage())


def test_a_translation_shows_its_sources_review_after_a_sync(
    article, locales, reviewer_user
):
    source, _ = TranslationSource.get_or_create_from_instance(article)
    spanish, _ = source.create_or_update_translation(
        locales["es"], publish=True, copy_parent_pages=True, fallback=True
    )
    assert spanish.last_reviewed is None

    record_review(article, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)
    spanish.refresh_from_db()
    assert spanish.last_reviewed == MARCH  # recorded for every language at once

    # A later sync from the source keeps the same review.
    source.update_from_db()
    spanish, _ = source.create_or_update_translation(
        locales["es"], publish=True, fallback=True
    )
    spanish.refresh_from_db()
    assert spanish.last_reviewed == MARCH
    assert spanish.next_review_due == datetime.date(2029, 3, 1)
    assert [r.value["name"] for r in spanish.reviewers] == ["Dr Ana Ruiz", "Sam Lee"]
