"""A review recorded while an editor's draft waits is a change readers and
feed consumers see: the feed's modified date and JSON-LD dateModified move,
and responses cached before it give way."""

import datetime

import pytest
from django.utils import timezone

from recurrence_content.governance.recording import record_review
from tests.feed.helpers import detail_url, list_url
from tests.governance.conftest import REVIEWERS
from tests.governance.test_review_json_ld import json_ld

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2026, 3, 1)


@pytest.fixture
def drafted(article):
    draft = article.get_latest_revision_as_object()
    draft.title = "An unfinished new title"
    draft.save_revision()
    return article


def test_the_feed_and_json_ld_date_the_review(
    client, drafted, reviewer_user, on_commit
):
    before = json_ld(client, drafted)  # and cached
    cached_detail = client.get(detail_url(drafted, "en")).json()
    assert cached_detail["review"]["last_reviewed"] is None
    since = timezone.now().isoformat().replace("+00:00", "Z")

    with on_commit(execute=True):
        record_review(drafted, reviewer_user, reviewed_on=MARCH, reviewers=REVIEWERS)

    listed = client.get(list_url(modified_since=since)).json()
    assert [item["title"] for item in listed["results"]] == [
        "Does cancer always come back?"
    ]
    after = json_ld(client, drafted)
    assert after["dateModified"] > before["dateModified"]
    assert after["lastReviewed"] == "2026-03-01"
    detail = client.get(detail_url(drafted, "en")).json()
    assert detail["review"]["last_reviewed"] == "2026-03-01"
    assert detail["last_published_at"] > cached_detail["last_published_at"]
    # The draft is still a draft.
    assert detail["title"] == "Does cancer always come back?"
