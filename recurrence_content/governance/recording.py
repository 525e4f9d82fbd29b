"""Recording a clinical review: a permissioned act that lands in the audit log."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import AbstractPage

from ..models.mixins import RECORD_REVIEW_PERMISSION, PatientInfoPageMixin

# The audit-log action (registered in wagtail_hooks.py).
RECORD_REVIEW_ACTION = "recurrence_content.record_review"

# Sent after the commit for a page whose live row got a review without a
# publication (an editor's draft was pending), with ``instance``: readers see
# a change that sent no ``page_published``, so caches and purges listen here.
review_recorded = Signal()


@transaction.atomic
def record_review(
    page: AbstractPage,
    user: Any,
    *,
    reviewed_on: datetime.date | None = None,
    next_review_due: datetime.date | None = None,
    reviewers: list[dict[str, str]] | None = None,
) -> list[AbstractPage]:
    """Record that ``page`` was clinically reviewed on ``reviewed_on`` (today).

    The review is saved as a new revision of the article and of each of its
    translations (a translation shows its source's review). Where the live
    version was the latest, the revision is published so readers see the
    review at once; an editor's pending draft is never published: the live
    row gets the review fields alone. ``next_review_due`` left out means the
    review interval; ``reviewers`` left out keeps the current ones. Aliases
    mirror their original and are left to it. Each page
    gets a ``recurrence_content.record_review`` entry in Wagtail's audit log.
    Returns the pages changed; raises PermissionDenied or ValidationError.
    """
    if user is None or not user.has_perm(RECORD_REVIEW_PERMISSION):
        raise PermissionDenied("recording a review needs the record_review permission")
    page = page.specific
    if not isinstance(page, PatientInfoPageMixin):
        raise ValueError(f"page {page.pk} is not a patient information page")
    reviewed_on = reviewed_on or timezone.localdate()
    translations = page.get_translations().filter(alias_of__isnull=True)
    pages = [page, *(p.specific for p in translations)]
    for target in pages:
        _record(target, user, reviewed_on, next_review_due, reviewers)
    return pages


def _record(page, user, reviewed_on, next_review_due, reviewers) -> None:
    latest = page.get_latest_revision_as_object()
    latest.last_reviewed = reviewed_on
    latest.next_review_due = next_review_due  # None: clean() applies the interval
    if reviewers is not None:
        latest.reviewers = [("reviewer", reviewer) for reviewer in reviewers]
    latest.full_clean()
    fields = {
        "last_reviewed": latest.last_reviewed,
        "next_review_due": latest.next_review_due,
        "reviewers": latest.reviewers,
    }
    had_draft = page.has_unpublished_changes
    revision = latest.save_revision(user=user, log_action=False, clean=False)
    if page.live and not had_draft:
        # The live content plus the review, nothing else: recording a review
        # needs record_review, not the right to publish.
        revision.publish(user=user, log_action=False, skip_permission_checks=True)
    else:
        # Put the review on the page row without publishing a pending draft,
        # so the live page (and a draft page's listings) show it now. Readers
        # see a change: the date the feed (modified_since, last_published_at)
        # and JSON-LD (dateModified) give for it moves, as a publication would.
        for name, value in fields.items():
            setattr(page, name, value)
        update = list(fields)
        if page.live:
            page.last_published_at = timezone.now()
            update.append("last_published_at")
        page.save(update_fields=update, clean=False)
        transaction.on_commit(
            lambda: review_recorded.send(sender=type(page), instance=page)
        )
    log(
        instance=page,
        action=RECORD_REVIEW_ACTION,
        user=user,
        revision=revision,
        data={
            "last_reviewed": latest.last_reviewed.isoformat(),
            "next_review_due": latest.next_review_due.isoformat(),
            "reviewers": [child.value["name"] for child in latest.reviewers],
        },
    )
