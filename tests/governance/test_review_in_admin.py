"""Editors record a review from the edit view or by approving a "Clinical
review" workflow task; both land in the audit log."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    PageLogEntry,
    Workflow,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import streamfield

from recurrence_content.governance.recording import RECORD_REVIEW_ACTION
from recurrence_content.models import ClinicalReviewTask
from tests.factories import translate
from tests.governance.conftest import REVIEWERS
from tests.test_admin import article_form

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MARCH = datetime.date(2026, 3, 1)


@pytest.fixture
def clinician(reviewer_user, host_page):
    """A clinician who may edit the section and record reviews."""
    group = Group.objects.create(name="Clinicians")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in ("change", "publish"):
        GroupPagePermission.objects.create(
            group=group, page=host_page, permission_type=permission_type
        )
    reviewer_user.groups.add(group)
    return reviewer_user


def edit(client, page, **overrides):
    form = article_form(slug=page.slug, **overrides)
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), form)


def reviewer_form():
    return streamfield([("reviewer", reviewer) for reviewer in REVIEWERS])


def test_record_clinical_review_from_the_edit_view(client, clinician, article):
    client.force_login(clinician)
    page_html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert b'name="action-record-review"' in page_html.content

    response = edit(
        client,
        article,
        last_reviewed=MARCH.isoformat(),
        reviewers=reviewer_form(),
        **{"action-record-review": "record"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.last_reviewed == MARCH  # the live page shows it
    assert article.next_review_due == datetime.date(2029, 3, 1)
    entry = PageLogEntry.objects.get(page=article, action=RECORD_REVIEW_ACTION)
    assert entry.user == clinician
    assert entry.data["reviewers"] == ["Dr Ana Ruiz", "Sam Lee"]


def test_changing_the_review_date_and_publishing_records_it(client, clinician, article):
    client.force_login(clinician)
    edit(
        client,
        article,
        last_reviewed=MARCH.isoformat(),
        reviewers=reviewer_form(),
        **{"action-publish": "publish"},
    )
    article.refresh_from_db()
    assert article.last_reviewed == MARCH
    assert (
        PageLogEntry.objects.filter(
            page=article, action=RECORD_REVIEW_ACTION, user=clinician
        ).count()
        == 1
    )

    # Saving again without touching the review records nothing more.
    edit(
        client,
        article,
        last_reviewed=MARCH.isoformat(),
        next_review_due="2029-03-01",
        reviewers=reviewer_form(),
        summary="A clearer summary.",
    )
    assert PageLogEntry.objects.filter(action=RECORD_REVIEW_ACTION).count() == 1


def test_editors_without_the_permission_get_no_button(
    client, article, host_page, django_user_model
):
    group = Group.objects.create(name="Section editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=host_page, permission_type="change"
    )
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(group)
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert b'name="action-record-review"' not in response.content
    assert b'name="last_reviewed"' not in response.content


@pytest.fixture
def clinical_workflow(clinician):
    task = ClinicalReviewTask.objects.create(name="Clinical review")
    task.groups.set(Group.objects.filter(name="Clinicians"))
    workflow = Workflow.objects.create(name="Patient information")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def test_approving_the_clinical_review_task_records_and_publishes_it(
    client, admin_user, clinician, article, clinical_workflow
):
    draft = article.get_latest_revision_as_object()
    draft.summary = "A clearer summary, for clinicians to check."
    revision = draft.save_revision(user=admin_user)
    workflow_state = clinical_workflow.start(article, admin_user)
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    assert task_state.revision == revision

    client.force_login(clinician)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )

    assert response.status_code in (200, 302)
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    article.refresh_from_db()
    assert article.summary == "A clearer summary, for clinicians to check."
    assert article.last_reviewed == TODAY
    assert article.live_revision.as_object().last_reviewed == TODAY
    entry = PageLogEntry.objects.get(page=article, action=RECORD_REVIEW_ACTION)
    assert entry.user == clinician


def test_the_task_offers_approval_only_to_those_who_may_record(
    clinical_workflow, article, admin_user, django_user_model
):
    task = ClinicalReviewTask.objects.get()
    member = django_user_model.objects.create_user("member", password="pw")
    member.groups.add(Group.objects.get(name="Clinicians"))  # but no permission
    assert task.get_actions(article, member) == []
    clinician = Group.objects.get(name="Clinicians").user_set.get(username="clinician")
    assert [name for name, _, _ in task.get_actions(article, clinician)] == [
        "reject",
        "approve",
        "approve",
    ]


def history_messages(client, page) -> list[str]:
    """The entries of the page's own history view, as an editor reads them."""
    response = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("table tbody tr")]


def test_the_page_history_lists_a_review_recorded_in_the_edit_view(
    client, admin_client, clinician, article, locales
):
    spanish = translate(article, locales["es"])
    client.force_login(clinician)
    edit(
        client,
        article,
        last_reviewed=MARCH.isoformat(),
        reviewers=reviewer_form(),
        **{"action-record-review": "record"},
    )

    # The article's and its translation's own histories (the Spanish tree is
    # not the clinician's to edit, so an administrator reads them).
    for page in (article, spanish):
        entries = history_messages(admin_client, page)
        assert any(
            "Clinical review recorded: reviewed on 2026-03-01, next review due "
            "2029-03-01" in entry
            for entry in entries
        ), (page.locale, entries)


def test_the_page_history_lists_a_review_recorded_by_a_workflow(
    client, admin_user, clinician, article, clinical_workflow, locales
):
    translate(article, locales["fr"])
    draft = article.get_latest_revision_as_object()
    draft.summary = "A clearer summary, for clinicians to check."
    draft.save_revision(user=admin_user)
    workflow_state = clinical_workflow.start(article, admin_user)
    task_state = workflow_state.current_task_state
    client.force_login(clinician)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(article.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )

    entries = history_messages(client, article)
    assert any("Clinical review recorded" in entry for entry in entries), entries
