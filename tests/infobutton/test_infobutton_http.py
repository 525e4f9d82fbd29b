"""An EHR's Infobutton requests over real HTTP, in MedlinePlus Connect's shapes."""

import json
from xml.etree import ElementTree

import pytest
import requests

from tests.factories import make_article
from tests.infobutton.conftest import infobutton_url, tag, translate

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.basepage]

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA = "{https://schema.org/}"


@pytest.fixture
def tagged(host_page, locales):
    """The article tagged ICD-10-CM Z85, with a Spanish translation."""
    article = make_article(
        host_page,
        summary="Some cancers can come back or recur after treatment.",
    )
    article = tag(article, ("icd10cm", "Z85"))
    spanish = translate(article, locales["es"], title="¿El cáncer siempre vuelve?")
    return article, spanish


def get(live_server, url: str, **headers) -> requests.Response:
    return requests.get(live_server.url + url, headers=headers, timeout=30)


def test_atom_feed_is_xml_in_the_atom_namespace(live_server, tagged):
    article, _spanish = tagged
    response = get(
        live_server,
        infobutton_url(
            "Z85.3",
            **{
                "mainSearchCriteria.v.dn": "Personal history of malignant neoplasm "
                "of breast",
                "informationRecipient.languageCode.c": "en",
            },
        ),
    )

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == "en"
    categories = {c.get("scheme"): c.get("term") for c in feed.iter(f"{ATOM}category")}
    assert categories == {
        "mainSearchCriteria.v.c": "Z85.3",
        "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
        "mainSearchCriteria.v.dn": "Personal history of malignant neoplasm of breast",
        "informationRecipient": "PAT",
    }
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.get(XML_LANG) == "en"
    assert entry.findtext(f"{ATOM}title") == "Does cancer always come back?"
    assert entry.find(f"{ATOM}link").get("href") == article.get_full_url()
    assert entry.findtext(f"{ATOM}summary") == f"<p>{article.summary}</p>"
    assert entry.find(f"{ATOM}summary").get("type") == "html"
    assert entry.findtext(f"{ATOM}updated") == article.last_published_at.isoformat()
    # The review date is only in the JSON (KnowledgeResponse.xsd has no
    # place for it in an entry).
    assert entry.find(f"{SCHEMA}lastReviewed") is None


def test_json_has_medlineplus_connects_shape(live_server, tagged):
    article, _spanish = tagged
    response = get(
        live_server,
        infobutton_url("Z85.3", knowledgeResponseType="application/json"),
    )

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    [entry] = response.json()["feed"]["entry"]
    assert entry["title"]["_value"] == "Does cancer always come back?"
    assert [link["href"] for link in entry["link"]] == [article.get_full_url()]
    assert entry["summary"] == {"_value": f"<p>{article.summary}</p>", "type": "html"}
    assert entry["lang"] == "en"


def test_jsonp_wraps_the_json_in_the_validated_callback(live_server, tagged):
    ok = get(
        live_server,
        infobutton_url(
            "Z85", knowledgeResponseType="application/javascript", callback="ehr.show"
        ),
    )
    assert ok.status_code == 200
    assert ok.headers["Content-Type"] == "application/javascript; charset=utf-8"
    body = ok.text
    assert body.startswith("/**/ehr.show(") and body.endswith(");")
    data = json.loads(body[len("/**/ehr.show(") : -2])
    assert data["feed"]["entry"][0]["title"]["_value"] == (
        "Does cancer always come back?"
    )

    for callback in ("alert(1)//", "", "a b", "x" * 101, "1abc", "<script>"):
        bad = get(
            live_server,
            infobutton_url(
                "Z85", knowledgeResponseType="application/javascript", callback=callback
            ),
        )
        assert bad.status_code == 400, callback
        assert bad.json()["detail"][0]["loc"] == ["query", "callback"]


def test_spanish_request_gets_the_spanish_translation(live_server, tagged):
    _article, spanish = tagged
    response = get(
        live_server,
        infobutton_url("Z85", **{"informationRecipient.languageCode.c": "es"}),
    )

    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.get(XML_LANG) == "es"
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.get(XML_LANG) == "es"
    assert entry.findtext(f"{ATOM}title") == "¿El cáncer siempre vuelve?"
    assert entry.find(f"{ATOM}link").get("href") == spanish.get_full_url()


def test_a_language_the_article_lacks_falls_back_and_says_so(live_server, tagged):
    response = get(
        live_server,
        infobutton_url(
            "Z85",
            knowledgeResponseType="application/json",
            **{"informationRecipient.languageCode.c": "fr"},
        ),
    )

    feed = response.json()["feed"]
    assert feed["lang"] == "fr"
    [entry] = feed["entry"]
    assert entry["lang"] == "en"  # never passed off as French
    assert entry["title"]["_value"] == "Does cancer always come back?"


def test_etag_gives_304_and_publishing_refreshes(live_server, tagged):
    article, _spanish = tagged
    url = infobutton_url("Z85", knowledgeResponseType="application/json")
    first = get(live_server, url)
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=300"

    assert get(live_server, url, **{"If-None-Match": etag}).status_code == 304

    revision = article.get_latest_revision_as_object()
    revision.title = "Can cancer come back?"
    revision.save_revision().publish()
    changed = get(live_server, url, **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.json()["feed"]["entry"][0]["title"]["_value"] == (
        "Can cancer come back?"
    )
