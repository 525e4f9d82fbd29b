"""Each article page carries schema.org JSON-LD, the same object as the feed."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.feed.helpers import detail_url

pytestmark = pytest.mark.django_db


def json_ld_of(client, page) -> dict:
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    [script] = soup.select('article script[type="application/ld+json"]')
    return json.loads(script.string)


def test_json_ld_names_the_page_and_its_language(client, article, article_es):
    english = json_ld_of(client, article)
    spanish = json_ld_of(client, article_es)

    assert english["@context"] == "https://schema.org"
    assert english["@type"] == "MedicalWebPage"
    assert english["inLanguage"] == "en"
    assert spanish["inLanguage"] == "es"
    assert spanish["name"] == "¿El cáncer siempre regresa?"
    # The title is a question, not a condition: no "about" until an editor
    # names the condition.
    assert "about" not in english
    assert english["audience"] == {"@type": "Patient"}
    assert english["publisher"]["name"] == "Test Hospital"
    assert english["datePublished"] == article.first_published_at.isoformat()
    assert english["dateModified"] == article.last_published_at.isoformat()
    assert english["url"].endswith(article.url)
    assert "license" not in english


def test_the_feed_sends_the_same_object(client, article, article_es):
    for page, locale in [(article, "en"), (article_es, "es")]:
        feed = client.get(detail_url(page, locale)).json()
        assert feed["json_ld"] == json_ld_of(client, page)


def test_publisher_and_licence_come_from_settings(client, article, settings):
    settings.RECURRENCE_CONTENT_PUBLISHER_NAME = "Example Health"
    settings.RECURRENCE_CONTENT_LICENSE_TEXT = "© Example Health"

    data = json_ld_of(client, article)

    assert data["publisher"]["name"] == "Example Health"
    assert data["license"] == "© Example Health"


def test_markup_in_text_cannot_close_the_script(client, article):
    article.title = "Cancer </script><script>alert(1)</script>"
    article.save_revision().publish()

    data = json_ld_of(client, article)

    assert data["name"] == "Cancer </script><script>alert(1)</script>"
