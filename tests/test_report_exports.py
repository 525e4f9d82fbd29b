"""Both admin reports' CSV exports, read as a spreadsheet reads them: a title
or condition that starts like a formula is text, never a formula, and still
reads as what the editor typed (OWASP, "CSV Injection")."""

import csv
import io

import pytest
from django.urls import reverse

from recurrence_content.governance.report import URL_NAME as REVIEW_REPORT
from recurrence_content.translation.report import URL_NAME as TRANSLATION_REPORT
from tests.factories import make_article

pytestmark = pytest.mark.django_db

# What OWASP lists as the start of a formula, each as an editor might type it.
HOSTILE = {
    "=": '=HYPERLINK("http://evil.example/","click")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_rows(client, url_name) -> list[dict[str, str]]:
    response = client.get(reverse(url_name), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content, newline="")))


def as_typed(cell: str) -> str:
    """What a spreadsheet shows for a cell it treats as text: the leading
    apostrophe only says "text"."""
    return cell.removeprefix("'")


@pytest.mark.parametrize("trigger", HOSTILE)
def test_the_review_report_csv_has_no_formulas(admin_client, host_page, trigger):
    hostile = HOSTILE[trigger]
    make_article(host_page, title=hostile, condition_name=hostile)

    (row,) = csv_rows(admin_client, REVIEW_REPORT)

    for heading in ("Article", "Condition"):
        assert not row[heading].startswith(FORMULA_STARTS), (heading, row[heading])
        assert as_typed(row[heading]) == hostile
    # Numbers and ordinary text are written as they are.
    assert row["Review"] == "Never reviewed"
    assert float(row["Reading grade"]) >= 0


@pytest.mark.parametrize("trigger", HOSTILE)
def test_the_translation_report_csv_has_no_formulas(
    admin_client, host_page, locales, trigger
):
    hostile = HOSTILE[trigger]
    article = make_article(host_page, title=hostile)
    article.copy_for_translation(locales["fr"], copy_parents=True, alias=True)

    (row,) = csv_rows(admin_client, TRANSLATION_REPORT)

    for heading in ("Article", "Translation"):
        assert not row[heading].startswith(FORMULA_STARTS), (heading, row[heading])
        assert as_typed(row[heading]) == hostile
    assert row["Language"] == "French"
