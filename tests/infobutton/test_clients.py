"""Real consumers' parsing code, run against the live endpoint.

The JSON lines are what MedlinePlus Connect's JSON clients do
(``feed.entry[].title._value``, ``link[0].href``); the Atom lines read the
feed with a namespace-aware parser, as an EHR's Atom client does. Every Atom
response is also checked, as served, against HL7's KnowledgeResponse.xsd.
"""

import pytest
import requests
from lxml import etree

from tests.infobutton.conftest import infobutton_url, schema_errors

pytestmark = pytest.mark.django_db(transaction=True)

NS = {"atom": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SPANISH = {"informationRecipient.languageCode.c": "es"}


def get(live_server, url: str) -> requests.Response:
    return requests.get(live_server.url + url, timeout=30)


def json_client(live_server, url: str) -> list[tuple[str, str]]:
    """A MedlinePlus Connect JSON client's lines."""
    feed = get(live_server, url).json()["feed"]
    return [
        (entry["title"]["_value"], entry["link"][0]["href"]) for entry in feed["entry"]
    ]


def atom_client(live_server, url: str) -> list[tuple[str, str, str]]:
    """A namespace-aware Atom client's lines (XPath with the Atom prefix)."""
    feed = etree.fromstring(get(live_server, url).content)
    return [
        (
            entry.xpath("string(atom:title)", namespaces=NS),
            entry.xpath("string(atom:link[@rel='alternate']/@href)", namespaces=NS),
            entry.get(XML_LANG),
        )
        for entry in feed.xpath("/atom:feed/atom:entry", namespaces=NS)
    ]


def test_json_client_finds_the_article_in_english_and_spanish(
    live_server, shipped_article
):
    english, spanish = shipped_article
    url = infobutton_url("Z85.3", knowledgeResponseType="application/json")

    assert json_client(live_server, url) == [
        ("Does cancer always come back?", english.get_full_url())
    ]
    assert json_client(
        live_server, url + "&informationRecipient.languageCode.c=es"
    ) == [("¿El cáncer siempre vuelve?", spanish.get_full_url())]


def test_atom_client_finds_the_article_in_english_and_spanish(
    live_server, shipped_article
):
    english, spanish = shipped_article

    assert atom_client(live_server, infobutton_url("Z85.3")) == [
        ("Does cancer always come back?", english.get_full_url(), "en")
    ]
    assert atom_client(live_server, infobutton_url("Z85.3", **SPANISH)) == [
        ("¿El cáncer siempre vuelve?", spanish.get_full_url(), "es")
    ]


def test_atom_is_valid_against_hl7s_knowledge_response_schema(
    live_server, shipped_article, knowledge_response_schema
):
    # fr: the site has it, the article has no French (an English entry);
    # de: the site has not got it.
    for language in ("en", "es", "fr", "de", ""):
        for code in ("Z85.3", "Z99.89"):  # a match, and an empty feed
            response = get(
                live_server,
                infobutton_url(
                    code,
                    **{
                        "informationRecipient.languageCode.c": language,
                        "mainSearchCriteria.v.dn": "History of cancer & <other>",
                    },
                ),
            )
            assert response.status_code == 200
            errors = schema_errors(knowledge_response_schema, response.content)
            assert errors == [], (language, code)


def test_atom_has_what_medlineplus_connect_sends(live_server, shipped_article):
    english, spanish = shipped_article
    response = get(live_server, infobutton_url("Z85", **SPANISH))
    feed = etree.fromstring(response.content)

    assert feed.get(XML_LANG) == "es"
    assert response.headers["Content-Language"] == "es"
    [link] = feed.xpath("atom:entry/atom:link", namespaces=NS)
    assert dict(link.attrib) == {
        "href": spanish.get_full_url(),
        "rel": "alternate",
        "type": "html",
        "hreflang": "es",
        "title": "¿El cáncer siempre vuelve?",
    }
    [summary] = feed.xpath("atom:entry/atom:summary", namespaces=NS)
    assert summary.get("type") == "html"
    assert summary.text == f"<p>{spanish.summary}</p>"


def test_summary_is_html_escaped_from_the_editors_text(live_server, host_page):
    from tests.factories import make_article
    from tests.infobutton.conftest import tag

    tag(
        make_article(host_page, summary="Tests & scans: <2 a year>"),
        ("icd10cm", "Z08"),
    )
    [entry] = get(
        live_server, infobutton_url("Z08", knowledgeResponseType="application/json")
    ).json()["feed"]["entry"]

    assert entry["summary"] == {
        "_value": "<p>Tests &amp; scans: &lt;2 a year&gt;</p>",
        "type": "html",
    }
    assert entry["link"][0]["type"] == "html"


def test_content_language_names_every_language_of_the_body(live_server, host_page):
    from tests.factories import make_article
    from tests.infobutton.conftest import tag

    tag(make_article(host_page), ("icd10cm", "Z08"))
    response = get(
        live_server,
        infobutton_url(
            "Z08",
            knowledgeResponseType="application/json",
            **{"informationRecipient.languageCode.c": "fr"},
        ),
    )

    # The feed is French (the site has French), its one entry English.
    assert response.json()["feed"]["lang"] == "fr"
    assert response.headers["Content-Language"] == "fr, en"
