"""The "Patient information review" report lists the right articles for each
problem, filters, exports CSV and XLSX, respects page permissions, and its
dashboard panel counts the same findings."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from recurrence_content.governance.recording import record_review
from recurrence_content.governance.report import URL_NAME
from recurrence_content.loading import load_article
from tests.factories import make_article, make_host_page
from tests.governance.conftest import REVIEWERS

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]

TODAY = timezone.localdate()
URL = "/admin/reports/patient-information-review/"


@pytest.fixture
def articles(host_page, reviewer_user):
    """The shipped article (never reviewed, grade above 8, two links with no
    target), one reviewed long ago, one due soon and one up to date."""
    shipped = load_article(parent=host_page, publish=True).page.specific
    easy = [("paragraph", "<p>Cancer can come back. Ask your care team.</p>")]
    overdue = make_article(
        host_page, title="Overdue", body=easy, condition_name="breast cancer"
    )
    due_soon = make_article(host_page, title="Due soon", body=easy)
    current = make_article(host_page, title="Current", body=easy)
    last_month = TODAY - datetime.timedelta(days=30)
    for page, due in (
        (overdue, TODAY + datetime.timedelta(days=1)),
        (due_soon, TODAY + datetime.timedelta(days=20)),
        (current, None),
    ):
        record_review(
            page,
            reviewer_user,
            reviewed_on=last_month,
            next_review_due=due,
            reviewers=REVIEWERS,
        )
    # The next review fell due yesterday: a date no review recorded today
    # could set, so the row is changed as the calendar would have.
    type(overdue).objects.filter(pk=overdue.pk).update(
        next_review_due=TODAY - datetime.timedelta(days=1)
    )
    return {
        "shipped": shipped,
        "overdue": overdue,
        "due_soon": due_soon,
        "current": current,
    }


def report_rows(client, **params) -> dict[str, dict[str, str]]:
    response = client.get(reverse(URL_NAME), params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    rows = {}
    for row in soup.select("table tbody tr"):
        texts = [td.get_text(" ", strip=True) for td in row.select("td")]
        cells = dict(zip(headings, texts, strict=True))
        rows[cells["Article"]] = cells
    return rows


def test_the_report_is_where_the_issue_says():
    assert reverse(URL_NAME) == URL


def test_the_report_shows_status_grade_and_what_needs_attention(admin_client, articles):
    rows = report_rows(admin_client)

    shipped = rows["Does cancer always come back?"]
    assert shipped["Review"] == "Never reviewed"
    assert shipped["Reading grade"] == str(articles["shipped"].reading_level["grade"])
    assert set(shipped["Needs attention"].split("; ")) == {
        "Above the target grade",
        "Never reviewed",
        "Related link leads nowhere",
    }
    assert rows["Overdue"]["Review"] == "Overdue"
    assert rows["Due soon"]["Review"] == "Due soon"
    assert rows["Current"]["Review"] == "Reviewed"
    assert rows["Current"]["Needs attention"] == ""


@pytest.mark.parametrize(
    ("problem", "titles"),
    [
        ("overdue", {"Overdue"}),
        ("due_soon", {"Due soon"}),
        ("never_reviewed", {"Does cancer always come back?"}),
        ("above_target_grade", {"Does cancer always come back?"}),
        ("unlinked_link", {"Does cancer always come back?"}),
    ],
)
def test_each_problem_lists_the_right_articles(admin_client, articles, problem, titles):
    assert set(report_rows(admin_client, problem=problem)) == titles


def test_the_report_filters_by_language_and_condition(admin_client, articles, locales):
    assert set(report_rows(admin_client, condition="breast cancer")) == {"Overdue"}
    assert report_rows(admin_client, locale=locales["es"].pk) == {}
    assert len(report_rows(admin_client, locale=locales["en"].pk)) == 4


def test_the_report_exports_csv_and_xlsx(admin_client, articles):
    response = admin_client.get(reverse(URL_NAME), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["Article"]: row for row in csv.DictReader(io.StringIO(content))}
    shipped = rows["Does cancer always come back?"]
    assert shipped["Review"] == "Never reviewed"
    assert shipped["Grade formula"] == "flesch_kincaid_grade"
    assert shipped["Related links that lead nowhere"] == (
        "Is cancer hereditary?; Learn more about palliative care."
    )
    assert (
        rows["Overdue"]["Next review due"]
        == (TODAY - datetime.timedelta(days=1)).isoformat()
    )

    response = admin_client.get(reverse(URL_NAME), {"export": "xlsx"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    titles = {
        row[header.index("Article")] for row in sheet.iter_rows(2, values_only=True)
    }
    assert titles == {"Does cancer always come back?", "Overdue", "Due soon", "Current"}


def test_the_report_respects_page_permissions(
    client, home, articles, django_user_model
):
    """An editor of another section sees none of these articles."""
    other = make_host_page(home, title="Maternity")
    make_article(other, title="Before your baby arrives")
    editors = Group.objects.create(name="Maternity editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors, page=other, permission_type="change"
    )
    editor = django_user_model.objects.create_user("midwife", password="pw")
    editor.groups.add(editors)
    client.force_login(editor)

    assert set(report_rows(client)) == {"Before your baby arrives"}


def test_users_who_edit_no_pages_cannot_open_it(client, articles, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse(URL_NAME)).status_code == 302


def test_the_dashboard_panel_counts_what_needs_attention(admin_client, articles):
    response = admin_client.get(reverse("wagtailadmin_home"))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-review-dashboard"
    )
    counts = {
        row.select("td")[0].get_text(strip=True): int(row.select("td")[1].get_text())
        for row in panel.select("tbody tr")
    }
    assert counts == {
        "Review overdue": 1,
        "Review due soon": 1,
        "Never reviewed": 1,
        "Above the target grade": 1,
        "Related link leads nowhere": 1,
    }
    link = panel.select_one("a[href$='?problem=never_reviewed']")
    assert link.get_text(strip=True) == "Never reviewed"


def test_the_reports_queries_do_not_grow_with_articles(admin_client, host_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(reverse(URL_NAME)).status_code == 200
        return len(context.captured_queries)

    make_article(host_page, title="One")
    make_article(host_page, title="Two")
    queries()  # caches filled once per process (site root paths, content types)
    two = queries()
    for title in ("Three", "Four", "Five", "Six"):
        make_article(host_page, title=title)
    assert queries() == two <= 15  # 13 on Wagtail 8.0 and SQLite


def test_next_review_due_reads_as_a_date_and_overdue_only_when_past(
    admin_client, articles
):
    response = admin_client.get(reverse(URL_NAME))
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    column = headings.index("Next review due")
    cells = {
        row.select("td")[0].get_text(" ", strip=True): row.select("td")[column]
        for row in soup.select("table tbody tr")
    }

    for title in ("Current", "Due soon", "Overdue"):
        page = articles[title.lower().replace(" ", "_")]
        page.refresh_from_db()
        due = page.next_review_due
        time = cells[title].select_one("time")
        assert time["datetime"] == due.isoformat()
        assert str(due.year) in time.get_text()
    # Wagtail's DateColumn said "Just now" for any date still to come.
    assert "Just now" not in cells["Current"].get_text()
    assert "Overdue" not in cells["Current"].get_text()
    assert "Overdue" not in cells["Due soon"].get_text()
    assert "Overdue" in cells["Overdue"].get_text()
    assert cells["Does cancer always come back?"].get_text(strip=True) == ""
