"""Loading never invents a review, and never loses one a hospital recorded."""

import datetime
import json

import pytest
from django.core.management import call_command

from recurrence_content.governance.recording import record_review
from recurrence_content.loading import load_article, load_file
from recurrence_content.loading.loader import Status
from tests.factories import make_article, make_host_page
from tests.governance.conftest import REVIEWERS, SOURCE
from tests.loading_helpers import changed, shipped_data, write_article

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)


def test_the_shipped_article_arrives_unreviewed_with_its_audience(host_page):
    page = load_article(parent=host_page, publish=True).page
    assert page.last_reviewed is None
    assert page.next_review_due is None
    assert list(page.reviewers) == []
    assert list(page.sources) == []
    assert page.audience == "patients"
    assert page.condition_name == ""


def test_a_recorded_review_survives_reloading(tmp_path, host_page, reviewer_user):
    page = load_article(parent=host_page, publish=True).page
    record_review(page, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)

    # A newer shipped version of the article (its summary changed).
    newer = changed(shipped_data(), lambda d: d.update(summary=d["summary"] + " More."))
    result = load_file(write_article(tmp_path, newer), publish=True)

    assert result.status is Status.UPDATED
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    for version in (page, latest):
        assert version.last_reviewed == MARCH
        assert version.next_review_due == datetime.date(2029, 3, 1)
        assert [r.value["name"] for r in version.reviewers] == [
            "Dr Ana Ruiz",
            "Sam Lee",
        ]
    assert latest.summary.endswith(" More.")


def test_a_version_1_file_still_loads(tmp_path, host_page):
    old = shipped_data()
    old["format_version"] = 1
    for key in (
        "condition_name",
        "audience",
        "last_reviewed",
        "next_review_due",
        "reviewers",
        "sources",
        "clinical_codes",
    ):
        del old[key]
    page = load_file(write_article(tmp_path, old), parent=host_page).page
    assert page.last_reviewed is None
    assert page.audience == "patients"


def test_a_hospitals_review_data_travels_in_its_export(
    tmp_path, home, host_page, reviewer_user
):
    original = make_article(
        host_page, title="Living with lymphoedema", condition_name="lymphoedema"
    )
    original.sources = [("source", SOURCE)]
    original.save_revision().publish()
    record_review(original, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)
    path = tmp_path / "lymphoedema.json"
    call_command("recurrence_content_export", str(original.id), "-o", str(path))

    data = json.loads(path.read_text())
    assert data["format_version"] == 2
    assert data["last_reviewed"] == "2026-03-01"
    assert data["next_review_due"] == "2029-03-01"
    assert data["reviewers"] == REVIEWERS
    assert data["sources"] == [SOURCE]
    assert data["condition_name"] == "lymphoedema"

    original.delete()
    page = load_file(path, parent=make_host_page(home, title="Leaflets")).page
    assert page.last_reviewed == MARCH
    assert [r.value["name"] for r in page.reviewers] == ["Dr Ana Ruiz", "Sam Lee"]
    assert page.sources[0].value["accessed"] == datetime.date(2026, 1, 15)
