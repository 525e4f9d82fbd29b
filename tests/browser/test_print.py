"""A patient prints the article to take to an appointment: Chromium prints it to
PDF and the PDF's text is what they would hold."""

import datetime
import io

import pytest
from pypdf import PdfReader

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def printed_pages(page) -> list[str]:
    """The text of each sheet of the PDF Chromium prints, spaces normalised."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


@pytest.fixture
def reviewed_article(host_page):
    return make_article(
        host_page,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2029, 3, 1),
    )


def test_the_printed_article_carries_its_address_date_and_review(
    scripted_page, live_server, reviewed_article
):
    scripted_page.goto(live_server.url + reviewed_article.url)
    text = " ".join(printed_pages(scripted_page))

    assert text.startswith("Does cancer always come back?")
    assert "Page last reviewed: 1 March 2026 · Next review due: 1 March 2029" in text
    assert f"Page address: {reviewed_article.full_url}" in text
    # The date the copy was printed, written by the reader's browser
    # (Chromium formats English dates as "March 1, 2026").
    today = datetime.date.today()
    assert f"Printed on: {today:%B} {today.day}, {today.year}" in text
    # The article alone: not the host's header, footer or skip link.
    for host_text in ("Test Hospital header", "Test Hospital footer", "Skip to main"):
        assert host_text not in text


def test_the_screen_does_not_show_the_print_details(
    scripted_page, live_server, reviewed_article
):
    scripted_page.goto(live_server.url + reviewed_article.url)
    assert not scripted_page.locator(".rc-print-details").is_visible()
    assert scripted_page.locator("#host-header").is_visible()


def test_without_javascript_the_printed_copy_has_its_address_but_no_date(
    browser_page, live_server, reviewed_article
):
    browser_page.goto(live_server.url + reviewed_article.url)
    text = " ".join(printed_pages(browser_page))
    assert f"Page address: {reviewed_article.full_url}" in text
    assert "Printed on" not in text


def test_lists_and_their_items_are_not_split_across_sheets(
    browser_page, live_server, host_page
):
    factors = [
        {"factor": f"Factor number {n}", "detail": "A detail long enough. " * 12}
        for n in range(1, 13)
    ]
    body = [
        ("paragraph", "<p>" + "An introduction that fills the sheet. " * 60 + "</p>"),
        ("factor_checklist", {"heading": "", "intro": "", "factors": factors}),
    ]
    article = make_article(host_page, body=body)
    browser_page.goto(live_server.url + article.url)
    sheets = printed_pages(browser_page)
    assert len(sheets) >= 2
    for factor in factors:
        # Every item's factor and its whole detail sit on one sheet.
        whole = f"{factor['factor']} {factor['detail'].strip()}"
        assert sum(whole in sheet for sheet in sheets) == 1, factor["factor"]


def test_the_index_page_prints_its_list_alone(browser_page, live_server, host_page):
    from recurrence_content.models import PatientInfoIndexPage

    index = PatientInfoIndexPage(title="Patient information", intro="Our leaflets.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    make_article(index)
    browser_page.goto(live_server.url + index.url)
    text = " ".join(printed_pages(browser_page))
    assert "Patient information" in text and "Does cancer always come back?" in text
    assert "Test Hospital header" not in text
