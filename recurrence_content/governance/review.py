"""Review dates: when the next review falls due and how a page stands."""

from __future__ import annotations

import calendar
import datetime
import enum
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ..conf import get_setting


def add_interval(start: datetime.date, interval: Any = None) -> datetime.date:
    """``start`` plus RECURRENCE_CONTENT_REVIEW_INTERVAL.

    The interval is whole months (an int, 36 by default) or a ``timedelta``.
    Months keep the day of the month, so a review on 1 March is due on
    1 March; 29 February falls back to the 28th.
    """
    interval = get_setting("REVIEW_INTERVAL") if interval is None else interval
    if isinstance(interval, datetime.timedelta):
        return start + interval
    months = start.month - 1 + int(interval)
    year, month = start.year + months // 12, months % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return datetime.date(year, month, day)


class ReviewState(enum.StrEnum):
    """Where a page stands in its review cycle."""

    NEVER_REVIEWED = "never_reviewed"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CURRENT = "current"


@dataclass(frozen=True)
class ReviewStatus:
    """A page's review dates and what they mean today."""

    state: ReviewState
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None

    @property
    def is_overdue(self) -> bool:
        return self.state == ReviewState.OVERDUE

    @property
    def is_reviewed(self) -> bool:
        return self.state != ReviewState.NEVER_REVIEWED


def review_status(
    page: Any, today: datetime.date | None = None, due_within_days: int | None = None
) -> ReviewStatus:
    """The review state of ``page`` on ``today`` (default: the local date).

    A page is due soon when its next review falls within ``due_within_days``
    (default RECURRENCE_CONTENT_REVIEW_DUE_SOON_DAYS).
    """
    today = today or timezone.localdate()
    if due_within_days is None:
        due_within_days = get_setting("REVIEW_DUE_SOON_DAYS")
    last = getattr(page, "last_reviewed", None)
    due = getattr(page, "next_review_due", None)
    if last is None:
        state = ReviewState.NEVER_REVIEWED
    elif due is not None and due < today:
        state = ReviewState.OVERDUE
    elif due is not None and due <= today + datetime.timedelta(days=due_within_days):
        state = ReviewState.DUE_SOON
    else:
        state = ReviewState.CURRENT
    return ReviewStatus(state, last, due)
