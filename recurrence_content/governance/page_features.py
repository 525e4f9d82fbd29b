"""What clinical governance adds to the page types (see models/features.py):
the reading level measured on save and shown in a panel, the review dates
checked in ``clean()``, and the review in the article's template context."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..models import PatientInfoPageMixin
from ..models.features import register, register_panel
from .display import review_context
from .panels import ReadingLevelPanel
from .readability import measure_page
from .recording import record_review
from .review import add_interval


def measure_reading_level(page: Any) -> None:
    """Store the reading level of the text about to be saved."""
    if isinstance(page, PatientInfoPageMixin):
        page.reading_level = measure_page(page)


def review_date_errors(page: Any) -> dict[str, str]:
    """Errors an editor can act on for review dates that cannot be true.

    Fills in the next review date from the interval when it is empty.
    """
    if not isinstance(page, PatientInfoPageMixin):
        return {}
    if page.last_reviewed and page.last_reviewed > timezone.localdate():
        return {
            "last_reviewed": _(
                "A review cannot be in the future; enter the date it happened."
            )
        }
    if page.last_reviewed:
        latest_due = add_interval(page.last_reviewed)
        if page.next_review_due is None:
            page.next_review_due = latest_due
        elif page.next_review_due > latest_due:
            return {
                "next_review_due": _(
                    "The next review is due by %(date)s at the latest; choose "
                    "that date or an earlier one."
                )
                % {"date": latest_due.isoformat()}
            }
        elif page.next_review_due <= page.last_reviewed:
            return {"next_review_due": _("Choose a date after the last review.")}
        return {}
    if page.next_review_due or len(page.reviewers):
        return {
            "last_reviewed": _(
                "Enter the date of the review, or remove the reviewers and the "
                "next review date: a page without a review date says it has "
                "not been reviewed."
            )
        }
    return {}


def review_in_context(page: Any, request: HttpRequest | None) -> dict[str, Any]:
    """The article's review for its template, as ``recurrence_content_review``."""
    if not isinstance(page, PatientInfoPageMixin):
        return {}
    site = Site.find_for_request(request) if request is not None else None
    return {"recurrence_content_review": review_context(page, site)}


def register_page_features() -> None:
    """Called from the app's ``ready()``."""
    register("before_save", "reading_level", measure_reading_level)
    register("validate", "review_dates", review_date_errors)
    register("context", "review", review_in_context)
    register("review_approved", "record_review", record_review)
    register_panel("reading_level", ReadingLevelPanel)
