"""The content-file endpoints: articles as the loader reads them, with their
published translations as PO files, for another site to follow."""

import polib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import TranslationSource

from recurrence_content.loading.fileformat import parse
from recurrence_content.loading.with_translations import load_with_translations
from recurrence_content.translation.apply import apply_po
from tests.conftest import clear_local_caches
from tests.factories import make_article
from tests.feed.helpers import API, page_link
from tests.translation_helpers import fill_po

pytestmark = pytest.mark.django_db

LIST = f"{API}/content-files/"


@pytest.fixture
def shipped(host_page):
    """The shipped article and its Spanish translation, both published."""
    report = load_with_translations(
        None, parent=host_page.pk, translations=["es"], publish=True
    )
    return report.articles[0].page, report.translations[0].page


def test_the_list_names_each_original_with_its_translations(client, shipped):
    english, spanish = shipped
    response = client.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None
    [item] = body["results"]
    assert item["id"] == str(english.translation_key)
    assert item["locale"] == "en"
    assert [t["locale"] for t in item["translations"]] == ["es"]
    assert item["content_file_url"].endswith(
        f"/content-files/{english.translation_key}/?locale=en"
    )
    etag = response["ETag"]
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 304

    # Publishing the translation again changes the list, and so its ETag.
    spanish.save_revision().publish()
    assert client.get(LIST, headers={"if-none-match": etag}).status_code == 200


def test_an_article_is_served_as_the_loader_reads_it(client, shipped):
    english, _spanish = shipped
    response = client.get(f"{LIST}{english.translation_key}/")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    body = response.json()
    article = parse(body["content_file"], "served")
    assert article.title == english.title and article.locale == "en"
    [translation] = body["translations"]
    assert translation["locale"] == "es"
    po = polib.pofile(translation["po"])
    assert po.metadata["Language"] == "es"
    assert {"msgctxt": "title", "msgstr": "¿El cáncer siempre vuelve?"} in [
        {"msgctxt": e.msgctxt, "msgstr": e.msgstr} for e in po
    ]
    # The same bytes every time, so the ETag holds.
    again = client.get(f"{LIST}{english.translation_key}/")
    assert again.content == response.content
    headers = {"if-none-match": response["ETag"]}
    assert (
        client.get(f"{LIST}{english.translation_key}/", headers=headers).status_code
        == 304
    )


def test_drafts_and_translations_are_not_served_as_content_files(client, shipped):
    english, spanish = shipped
    english.title = "A draft title"
    english.save_revision()

    body = client.get(f"{LIST}{english.translation_key}/").json()
    assert body["content_file"]["title"] == "Does cancer always come back?"
    # The Spanish page comes inside the English one, never on its own.
    response = client.get(f"{LIST}{english.translation_key}/?locale=es")
    assert response.status_code == 404
    assert "original" in response.json()["detail"]
    english.unpublish()
    assert client.get(f"{LIST}{english.translation_key}/").status_code == 404
    assert client.get(LIST).json()["count"] == 0


def test_links_to_this_sites_pages_become_their_addresses(client, host_page):
    target = make_article(host_page, title="Is cancer hereditary?", slug="hereditary")
    article = make_article(
        host_page,
        slug="linking",
        body=[
            ("paragraph", f"<p>Read {page_link(target)}.</p>"),
            (
                "related_link",
                {"kind": "read_also", "title": "Hereditary", "page": target},
            ),
        ],
    )
    response = client.get(f"{LIST}{article.translation_key}/")
    assert response.status_code == 200, response.json()
    body = response.json()["content_file"]
    paragraph, link = body["body"]
    assert paragraph["value"] == (
        f'<p>Read <a href="{target.get_full_url()}">this page</a>.</p>'
    )
    assert link["value"]["page"] is None
    assert link["value"]["url"] == target.get_full_url()
    parse(body, "served")  # still a file the loader reads


def _translated_article(parent, n: int):
    article = make_article(parent, title=f"Article {n}", slug=f"article-{n}")
    source, _ = TranslationSource.get_or_create_from_instance(article)
    apply_po(article, "es", fill_po(source.export_po()), publish=True)
    return article


def _list_queries(client) -> int:
    clear_local_caches()  # a list rebuilt, as after a publication
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_rebuilding_the_list_costs_the_same_queries_for_more_translations(
    client, host_page, locales
):
    # Whether each translation is complete is read from the database in one
    # query, not worked out string by string for each.
    _translated_article(host_page, 1)
    _list_queries(client)  # the process's own caches (content types) warm
    one = _list_queries(client)
    for n in (2, 3, 4):
        _translated_article(host_page, n)
    assert _list_queries(client) == one
    assert [
        len(item["translations"]) for item in client.get(LIST).json()["results"]
    ] == [1] * 4
