"""Bad parameters get a 422 that names the parameter and says why; never a 500."""

import pytest

from tests.feed.helpers import API, detail_url, list_url

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


@pytest.mark.parametrize(
    "path, name",
    [
        ("/articles/?q=%0Fbad&q=cancer", "q"),
        ("/articles/?locale=en&locale=es", "locale"),
        ("/articles/?limit=1&limit=2", "limit"),
        ("/content-files/?offset=0&offset=1", "offset"),
        ("/content-files/{key}/?locale=en&locale=es", "locale"),
        (
            "/articles/{key}/?include_incomplete=true&include_incomplete=false",
            "include_incomplete",
        ),
    ],
)
def test_a_parameter_given_twice_is_refused(client, article, path, name):
    # Django keeps the last of several values: the first, which breaks the
    # document here, would otherwise be ignored and the answer given anyway.
    url = API + path.replace("{key}", str(article.translation_key))
    message = error_for(client.get(url), name)
    assert message == f"Give {name} once, not 2 times."
