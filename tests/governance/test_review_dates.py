"""Next review defaults to the interval; an editor may set it earlier, not later."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from recurrence_content.governance.review import (
    ReviewState,
    add_interval,
    review_status,
)

pytestmark = pytest.mark.django_db


def test_next_review_defaults_to_three_years(article):
    article.last_reviewed = datetime.date(2026, 3, 1)
    article.full_clean()
    assert article.next_review_due == datetime.date(2029, 3, 1)


@override_settings(RECURRENCE_CONTENT_REVIEW_INTERVAL=12)
def test_the_interval_is_a_setting(article):
    article.last_reviewed = datetime.date(2024, 2, 29)
    article.full_clean()
    assert article.next_review_due == datetime.date(2025, 2, 28)


@override_settings(RECURRENCE_CONTENT_REVIEW_INTERVAL=datetime.timedelta(days=30))
def test_the_interval_may_be_a_timedelta():
    assert add_interval(datetime.date(2026, 1, 1)) == datetime.date(2026, 1, 31)


def test_an_editor_may_set_an_earlier_next_review(article):
    article.last_reviewed = datetime.date(2026, 3, 1)
    article.next_review_due = datetime.date(2027, 3, 1)
    article.full_clean()
    assert article.next_review_due == datetime.date(2027, 3, 1)


@pytest.mark.parametrize(
    ("last", "due", "field", "message"),
    [
        ("2026-03-01", "2029-03-02", "next_review_due", "by 2029-03-01 at the latest"),
        ("2026-03-01", "2026-03-01", "next_review_due", "after the last review"),
        ("2099-01-01", None, "last_reviewed", "cannot be in the future"),
        (None, "2027-01-01", "last_reviewed", "Enter the date of the review"),
    ],
)
def test_impossible_dates_are_refused_with_a_message(
    article, last, due, field, message
):
    article.last_reviewed = last and datetime.date.fromisoformat(last)
    article.next_review_due = due and datetime.date.fromisoformat(due)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert message in " ".join(error.value.message_dict[field])


def test_reviewers_without_a_review_date_are_refused(article):
    article.reviewers = [("reviewer", {"name": "Dr Ana Ruiz"})]
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "last_reviewed" in error.value.message_dict


@pytest.mark.parametrize(
    ("last", "due", "state"),
    [
        (None, None, ReviewState.NEVER_REVIEWED),
        ("2024-01-01", "2026-05-31", ReviewState.OVERDUE),
        ("2024-01-01", "2026-06-01", ReviewState.DUE_SOON),
        ("2024-01-01", "2026-08-30", ReviewState.DUE_SOON),
        ("2024-01-01", "2026-08-31", ReviewState.CURRENT),
    ],
)
def test_review_status(article, last, due, state):
    article.last_reviewed = last and datetime.date.fromisoformat(last)
    article.next_review_due = due and datetime.date.fromisoformat(due)
    today = datetime.date(2026, 6, 1)
    assert review_status(article, today, due_within_days=90).state == state
