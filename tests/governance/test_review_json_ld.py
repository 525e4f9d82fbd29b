"""JSON-LD says who reviewed the article, what it cites and who it is for,
in schema.org's own terms, and names a condition only when an editor did."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from recurrence_content.governance.recording import record_review
from tests.feed.helpers import detail_url
from tests.governance.conftest import REVIEWERS, SOURCE
from tests.governance.schema_org import problems

pytestmark = pytest.mark.django_db


def json_ld(client, page) -> dict:
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return json.loads(soup.select_one('script[type="application/ld+json"]').string)


def test_an_unreviewed_page_claims_no_review(client, article):
    data = json_ld(client, article)
    assert "lastReviewed" not in data
    assert "reviewedBy" not in data
    assert "citation" not in data
    assert "about" not in data
    assert data["audience"] == {"@type": "Patient"}
    assert problems(data) == []


def test_a_reviewed_page_names_its_reviewers_and_sources(
    client, article, reviewer_user
):
    article.condition_name = "Recurrent cancer"
    article.audience = "carers"
    article.sources = [("source", SOURCE)]
    article.save_revision().publish()
    record_review(
        article,
        reviewer_user,
        reviewed_on=datetime.date(2026, 3, 1),
        reviewers=REVIEWERS,
    )

    data = json_ld(client, article)
    assert data["lastReviewed"] == "2026-03-01"
    assert data["reviewedBy"] == [
        {
            "@type": "Person",
            "name": "Dr Ana Ruiz",
            "jobTitle": "Consultant clinical oncologist",
            "affiliation": {"@type": "Organization", "name": "Example Hospital"},
        },
        {"@type": "Person", "name": "Sam Lee", "jobTitle": "Clinical nurse specialist"},
    ]
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "name": SOURCE["title"],
            "publisher": {"@type": "Organization", "name": SOURCE["publisher"]},
            "url": SOURCE["url"],
        }
    ]
    assert data["about"] == {"@type": "MedicalCondition", "name": "Recurrent cancer"}
    assert data["audience"] == {
        "@type": "MedicalAudience",
        "audienceType": "Caregivers",
    }
    assert problems(data) == []
    # The feed sends the same object.
    assert client.get(detail_url(article)).json()["json_ld"] == data


def test_the_checker_notices_a_made_up_property():
    assert problems({"@type": "MedicalWebPage", "reviewer": "x"}) == [
        "$.reviewer: not a schema.org property"
    ]
    assert problems({"@type": "Person", "lastReviewed": "2026-01-01"}) == [
        "$.lastReviewed: not a property of Person"
    ]
