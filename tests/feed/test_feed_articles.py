"""The list and detail endpoints: content, languages, filters and pagination."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import BLOCK_VALUES, make_article, translate
from tests.feed.helpers import detail_url, list_url, page_link

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]


def test_list_gives_every_language_and_links_to_each_article(client, article_es):
    response = client.get(list_url())

    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    by_locale = {item["locale"]: item for item in data["results"]}
    assert by_locale["es"]["title"] == "¿El cáncer siempre regresa?"
    assert by_locale["en"]["title"] == "Does cancer always come back?"
    assert by_locale["es"]["id"] == by_locale["en"]["id"]
    assert by_locale["es"]["url"].endswith(
        "/es/cancer-care/does-cancer-always-come-back/"
    )
    assert client.get(by_locale["es"]["api_url"]).json()["locale"] == "es"


def test_locale_filter_returns_the_spanish_article(client, article_es):
    data = client.get(list_url(locale="es")).json()

    assert [item["title"] for item in data["results"]] == [
        "¿El cáncer siempre regresa?"
    ]
    assert data["count"] == 1


def test_a_language_without_articles_lists_nothing(client, article):
    assert client.get(list_url(locale="fr")).json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_detail_in_english_and_spanish(client, article, article_es):
    english_response = client.get(detail_url(article))
    spanish_response = client.get(detail_url(article, "es"))
    english, spanish = english_response.json(), spanish_response.json()

    assert english_response["Content-Language"] == "en"
    assert spanish_response["Content-Language"] == "es"

    assert english["locale"] == "en"
    assert english["title"] == "Does cancer always come back?"
    assert spanish["locale"] == "es"
    assert spanish["title"] == "¿El cáncer siempre regresa?"
    assert spanish["alternates"] == [
        {
            "locale": "en",
            "url": english["url"],
            "api_url": "http://testserver" + detail_url(article, "en"),
        }
    ]
    assert [alt["locale"] for alt in english["alternates"]] == ["es"]
    assert english["first_published_at"] and english["last_published_at"]


def test_detail_body_is_typed_blocks(client, article):
    body = client.get(detail_url(article)).json()["body"]

    assert [block["type"] for block in body] == list(BLOCK_VALUES)
    values = {block["type"]: block["value"] for block in body}
    assert values["definition"] == {
        "term": "metastasis",
        "also_called": ["secondary cancer"],
        "definition": BLOCK_VALUES["definition"]["definition"],
        "anchor": "term-metastasis",
    }
    assert values["factor_checklist"]["factors"][1] == {
        "factor": "Side effects you experienced with the original treatment",
        "detail": "Bring a list of the side effects you had.",
    }
    assert values["paragraph"] == {
        "html": BLOCK_VALUES["paragraph"],
        "text": "If a recurrent cancer is suspected, you will likely need "
        "additional diagnostic tests to learn more.",
    }
    assert values["callout"]["kind"] == "seek_help"
    assert values["related_link"]["url"] == "https://example.org/hereditary"


def test_licence_comes_from_settings(client, article, settings):
    settings.RECURRENCE_CONTENT_LICENSE_TEXT = "© Test Hospital. CC BY 4.0."
    settings.RECURRENCE_CONTENT_LICENSE_URL = (
        "https://creativecommons.org/licenses/by/4.0/"
    )

    data = client.get(detail_url(article)).json()

    assert data["license"] == {
        "text": "© Test Hospital. CC BY 4.0.",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["json_ld"]["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_internal_links_resolve_to_the_public_url_in_the_article_language(
    client, host_page, locales
):
    target = make_article(host_page, title="Is cancer hereditary?", body=[])
    target_es = translate(target, locales["es"], title="¿Es hereditario el cáncer?")
    article = make_article(
        host_page,
        body=[
            ("paragraph", f"<p>Read {page_link(target)} first.</p>"),
            (
                "related_link",
                {
                    "kind": "read_also",
                    "title": "Hereditary?",
                    "page": target,
                    "url": "",
                },
            ),
        ],
    )
    article_es = translate(article, locales["es"])

    english = client.get(detail_url(article)).json()["body"]
    spanish = client.get(detail_url(article_es, "es")).json()["body"]

    target_url = "http://localhost" + target.url
    target_es_url = "http://localhost" + target_es.url
    assert english[0]["value"] == {
        "html": f'<p>Read <a href="{target_url}">this page</a> first.</p>',
        "text": f"Read this page ({target_url}) first.",
    }
    assert english[1]["value"]["url"] == target_url
    assert english[1]["value"]["page_id"] == target.pk
    assert f'href="{target_es_url}"' in spanish[0]["value"]["html"]
    assert spanish[1]["value"]["url"] == target_es_url


def test_a_link_to_a_draft_keeps_its_words_but_no_address(client, host_page):
    draft = make_article(host_page, title="Not yet", body=[], publish=False)
    article = make_article(
        host_page, body=[("paragraph", f"<p>See {page_link(draft, 'later')}.</p>")]
    )

    value = client.get(detail_url(article)).json()["body"][0]["value"]

    assert value == {"html": "<p>See <a>later</a>.</p>", "text": "See later."}


def test_lists_and_links_in_plain_text(client, host_page):
    article = make_article(
        host_page,
        body=[
            (
                "paragraph",
                '<p>Ask about:</p><ul><li>tests</li><li><a href="https://example.org/x">'
                "support</a></li></ul><ol><li>first</li><li>second</li></ol>",
            )
        ],
    )

    text = client.get(detail_url(article)).json()["body"][0]["value"]["text"]

    assert text == (
        "Ask about:\n\n- tests\n- support (https://example.org/x)\n\n1. first\n2. second"
    )


def test_modified_since_keeps_later_publications(client, host_page):
    old = make_article(host_page, title="Old news")
    old.last_published_at = timezone.now() - timedelta(days=10)
    old.save(update_fields=["last_published_at"])
    make_article(host_page, title="Fresh")
    since = (timezone.now() - timedelta(days=1)).isoformat()

    data = client.get(list_url(modified_since=since)).json()

    assert [item["title"] for item in data["results"]] == ["Fresh"]


def test_text_search(client, host_page, django_capture_on_commit_callbacks):
    # Wagtail 7 updates the search index in a task run on commit.
    with django_capture_on_commit_callbacks(execute=True):
        make_article(host_page, title="Coping with fatigue", summary="Tiredness.")
        make_article(host_page, title="Does cancer always come back?")

    data = client.get(list_url(q="fatigue")).json()

    assert [item["title"] for item in data["results"]] == ["Coping with fatigue"]


def test_pagination_links_walk_every_article(client, host_page):
    for n in range(5):
        make_article(host_page, title=f"Article {n}", body=[])

    seen, url, pages = [], list_url(limit=2), 0
    while url:
        data = client.get(url).json()
        assert data["count"] == 5
        seen += [item["title"] for item in data["results"]]
        url, pages = data["next"], pages + 1
    assert sorted(seen) == [f"Article {n}" for n in range(5)]
    assert pages == 3
    last = client.get(list_url(limit=2, offset=4)).json()
    assert last["next"] is None
    assert "offset=2" in last["previous"]


@pytest.mark.parametrize("q", ['"fatigue', "fatigue'", "FATIGUE", "(fatigue*"])
def test_search_syntax_in_the_query_is_ignored(
    client, host_page, django_capture_on_commit_callbacks, q
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article(host_page, title="Coping with fatigue", summary="Tiredness.")

    response = client.get(list_url(q=q))

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["results"]] == [
        "Coping with fatigue"
    ]


def test_a_query_of_punctuation_only_finds_nothing(client, article):
    assert client.get(list_url(q="?!")).json()["count"] == 0
