"""Bad parameters get a 422 that names the parameter and says why; never a 500."""

import pytest

from tests.feed.helpers import detail_url, list_url

pytestmark = pytest.mark.django_db


def error_for(response, name: str) -> str:
    assert response.status_code == 422, response.content
    errors = response.json()["detail"]
    assert [error["loc"] for error in errors] == [["query", name]]
    return errors[0]["msg"]


def test_unknown_locale(client, article):
    message = error_for(client.get(list_url(locale="xx")), "locale")
    assert message == "Unknown locale 'xx'. Use one of: en, es, fr, ar."
    error_for(client.get(detail_url(article, "klingon")), "locale")


def test_bad_modified_since(client, article):
    message = error_for(
        client.get(list_url(modified_since="last tuesday")), "modified_since"
    )
    assert message == (
        "Give an RFC 3339 date and time with its offset, e.g. 2026-11-01T00:00:00Z."
    )
    error_for(client.get(list_url(modified_since="0.75")), "modified_since")
    message = error_for(
        client.get(list_url(modified_since="2026-13-01T00:00:00Z")), "modified_since"
    )
    assert message.startswith("Not a real date and time")


def test_limit_over_the_maximum(client, article, settings):
    message = error_for(client.get(list_url(limit=101)), "limit")
    assert message == "At most 100 articles per request; page with offset."

    settings.RECURRENCE_CONTENT_FEED_MAX_LIMIT = 5
    error_for(client.get(list_url(limit=6)), "limit")
    assert client.get(list_url(limit=5)).status_code == 200


@pytest.mark.parametrize(
    ("name", "value"), [("limit", 0), ("limit", "ten"), ("offset", -1)]
)
def test_out_of_range_numbers(client, article, name, value):
    error_for(client.get(list_url(**{name: value})), name)


def test_control_characters_in_search(client, article):
    error_for(client.get(list_url(q="cancer\x00")), "q")


def test_a_translation_key_that_is_not_a_uuid(client, article):
    response = client.get(f"{list_url()}not-a-uuid/")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "translation_key"]
