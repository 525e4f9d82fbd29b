"""A host using Wagtail API v2 gets the same block JSON as the feed, and no
translation that is not complete."""

import pytest

from tests.factories import every_block_body, make_article
from tests.feed.helpers import detail_url, page_link
from tests.localize_helpers import submit_translation, translate_strings

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.feed.urls_v2")]


def test_v2_body_and_summary_match_the_feed(client, host_page, article):
    linking = make_article(
        host_page,
        title="Linking article",
        body=[
            ("paragraph", f"<p>Read {page_link(article)}.</p>"),
            *every_block_body(),
        ],
    )

    v2 = client.get(f"/api/v2/pages/{linking.pk}/", HTTP_ACCEPT="application/json")
    feed = client.get(detail_url(linking))

    assert v2.status_code == 200
    assert v2.json()["summary"] == feed.json()["summary"]
    assert v2.json()["body"] == feed.json()["body"]
    assert (
        f'href="http://localhost{article.url}"' in v2.json()["body"][0]["value"]["html"]
    )


def test_v2_listing_can_ask_for_the_fields(client, article):
    response = client.get(
        "/api/v2/pages/?type=recurrence_content.PatientInfoPage&fields=summary,body",
        HTTP_ACCEPT="application/json",
    )

    [item] = response.json()["items"]
    assert item["summary"] == article.summary
    assert [block["type"] for block in item["body"]][:3] == [
        "heading",
        "paragraph",
        "definition",
    ]


def test_v2_leaves_out_translations_that_are_not_complete(
    admin_client, client, article, locales, django_capture_on_commit_callbacks
):
    on_commit = django_capture_on_commit_callbacks
    translate_strings(article.get_parent().specific, locales["es"], on_commit)
    translate_strings(article, locales["es"], on_commit)
    spanish = article.get_translation(locales["es"])
    # Just created by "Translate this page": live, and still all English.
    french = submit_translation(admin_client, article, locales["fr"], on_commit)
    assert french.live

    response = client.get(
        "/api/v2/pages/?type=recurrence_content.PatientInfoPage",
        HTTP_ACCEPT="application/json",
    )
    assert sorted(item["id"] for item in response.json()["items"]) == sorted(
        [article.pk, spanish.pk]
    )
    assert client.get(f"/api/v2/pages/{french.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{spanish.pk}/").status_code == 200
    # Nor the French section wagtail-localize made as an alias of the English.
    listed = client.get("/api/v2/pages/?locale=fr").json()["items"]
    assert listed == []
