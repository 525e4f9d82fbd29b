"""``recurrence_content_check`` exits non-zero on exactly what passes the
thresholds given, says why, and keeps its JSON shape."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from recurrence_content.governance.recording import record_review
from recurrence_content.loading import load_article
from tests.factories import make_article
from tests.governance.conftest import REVIEWERS

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]

TODAY = timezone.localdate()


def check(*args) -> tuple[int, str]:
    """Run the command as a deploy script would: its exit status and output."""
    from io import StringIO

    out = StringIO()
    try:
        call_command("recurrence_content_check", *args, stdout=out)
    except SystemExit as exc:
        return exc.code, out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def shipped(host_page):
    return load_article(parent=host_page, publish=True).page.specific


@pytest.fixture
def easy(host_page):
    """An article well below grade 8 with no related links."""
    return make_article(
        host_page,
        title="Cancer can come back",
        body=[("paragraph", "<p>Cancer can come back. Ask your care team.</p>")],
    )


def review(page, user, days_ago: int, next_due: datetime.date | None = None):
    record_review(
        page,
        user,
        reviewed_on=TODAY - datetime.timedelta(days=days_ago),
        next_review_due=next_due,
        reviewers=REVIEWERS,
    )


def test_max_grade_8_fails_on_the_shipped_article_and_says_why(shipped):
    status, out = check("--max-grade", "8")

    assert status == 1
    grade = shipped.reading_level["grade"]
    assert f"Does cancer always come back? [en] (page {shipped.pk}" in out
    assert f"reading level: grade {grade:g} is above 8 (flesch_kincaid_grade" in out
    assert "hardest block: #" in out
    assert out.rstrip().endswith("1 problem(s) in 1 article(s).")


def test_a_threshold_above_the_grade_passes(shipped):
    status, out = check("--max-grade", "12")
    assert status == 0
    assert "No problems found." in out


def test_unreviewed_fails_until_a_review_is_recorded(shipped, reviewer_user):
    assert check("--unreviewed")[0] == 1
    review(shipped, reviewer_user, days_ago=10)
    assert check("--unreviewed") == (
        0,
        f"Checked 1 article(s) on {TODAY.isoformat()} for: articles never "
        "reviewed.\nNo problems found.\n",
    )


def test_overdue_and_due_within_follow_the_dates(easy, reviewer_user):
    # Reviewed 40 days ago, next review due in 20 days.
    review(easy, reviewer_user, 40, next_due=TODAY + datetime.timedelta(days=20))
    assert check("--overdue")[0] == 0
    assert check("--due-within", "10")[0] == 0
    status, out = check("--due-within", "30")
    assert status == 1
    assert "review due within 30 days: on" in out


def test_an_overdue_review_fails_overdue_and_due_within(easy, reviewer_user):
    review(easy, reviewer_user, 40)
    easy.refresh_from_db()
    # The next review fell due yesterday (set as a clinician would have,
    # 40 days ago); recorded reviews cannot be dated like that, so the row is
    # changed directly.
    type(easy).objects.filter(pk=easy.pk).update(
        next_review_due=TODAY - datetime.timedelta(days=1)
    )
    status, out = check("--overdue")
    assert status == 1
    assert "review overdue: the next review was due on" in out
    assert check("--due-within", "0")[0] == 1
    assert check("--unreviewed")[0] == 0


def test_unlinked_related_links_are_named(shipped):
    status, out = check("--unlinked")
    assert status == 1
    assert "related link “Is cancer hereditary?” leads nowhere" in out


def test_with_no_thresholds_every_check_runs(shipped, easy):
    status, out = check()
    assert status == 1
    assert "never reviewed" in out and "reading level: grade" in out


def test_the_json_shape_is_stable(shipped, easy):
    status, out = check("--format", "json", "--max-grade", "8", "--unreviewed")
    data = json.loads(out)

    assert status == 1
    assert list(data) == [
        "format",
        "checked_on",
        "thresholds",
        "articles_checked",
        "problems",
        "articles",
    ]
    assert data["format"] == 1
    assert data["thresholds"] == {
        "max_grade": 8.0,
        "overdue": False,
        "due_within_days": None,
        "unreviewed": True,
        "unlinked": False,
    }
    assert (data["articles_checked"], data["problems"]) == (2, 3)
    article = data["articles"][0]
    assert list(article) == [
        "id",
        "title",
        "language",
        "url",
        "live",
        "condition_name",
        "review",
        "reading_level",
        "unlinked_links",
        "findings",
    ]
    assert article["id"] == shipped.pk
    assert article["review"] == {
        "status": "never_reviewed",
        "last_reviewed": None,
        "next_review_due": None,
    }
    assert article["reading_level"]["grade"] == shipped.reading_level["grade"]
    assert [f["kind"] for f in article["findings"]] == [
        "never_reviewed",
        "above_target_grade",
    ]
    assert [f["kind"] for f in data["articles"][1]["findings"]] == ["never_reviewed"]


def test_bad_arguments_say_what_to_do(shipped):
    with pytest.raises(CommandError, match="no such locale; this site has: "):
        call_command("recurrence_content_check", "--locale", "xx")
    with pytest.raises(CommandError, match="0 or more"):
        call_command("recurrence_content_check", "--due-within", "-1")
