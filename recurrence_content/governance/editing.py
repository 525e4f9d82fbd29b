"""Recording a review from an article's edit view.

An editor with "Can record a clinical review" fills in the "Clinical review"
panel and chooses "Record clinical review" in the action menu, or changes the
review date and saves: either way the saved draft's review is recorded with
``record_review`` (every translation, the audit log), never left as a silent
field edit.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem

from ..models.mixins import RECORD_REVIEW_PERMISSION, PatientInfoPageMixin
from .recording import record_review

ACTION = "action-record-review"


class RecordReviewMenuItem(ActionMenuItem):
    """ "Record clinical review" in the edit view's action menu."""

    label = _("Record clinical review")
    name = ACTION
    icon_name = "calendar-check"
    order = 45

    def is_shown(self, context) -> bool:
        return (
            context["view"] == "edit"
            and not context["locked_for_user"]
            and isinstance(context["page"].specific, PatientInfoPageMixin)
            and context["request"].user.has_perm(RECORD_REVIEW_PERMISSION)
        )


def record_after_edit(request, page):
    """after_edit_page / after_create_page: record the review just saved when
    the editor asked to, or changed its date."""
    page = page.specific
    if not isinstance(page, PatientInfoPageMixin):
        return None
    if not request.user.has_perm(RECORD_REVIEW_PERMISSION):
        return None
    revisions = list(page.revisions.order_by("-created_at", "-id")[:2])
    saved = revisions[0].as_object()
    before = revisions[1].as_object() if len(revisions) > 1 else None
    asked = ACTION in request.POST
    date_changed = saved.last_reviewed != (before.last_reviewed if before else None)
    if not (asked or date_changed) or saved.last_reviewed is None:
        if asked:
            messages.error(
                request,
                _("Enter the date of the review in the “Clinical review” panel."),
            )
        return None
    # A next-review date the editor left as it was follows the new review.
    kept = before is not None and saved.next_review_due == before.next_review_due
    pages = record_review(
        page,
        request.user,
        reviewed_on=saved.last_reviewed,
        next_review_due=None if kept and date_changed else saved.next_review_due,
        reviewers=[dict(child.value) for child in saved.reviewers],
    )
    messages.success(
        request,
        _("Clinical review of %(date)s recorded on %(count)s page(s).")
        % {"date": saved.last_reviewed.isoformat(), "count": len(pages)},
    )
    if asked:
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
