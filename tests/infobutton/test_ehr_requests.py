"""Requests as EHR URL templates really send them, each answered as
MedlinePlus Connect answers it: never a 400 for a form an EHR uses."""

import pytest
import requests

from tests.factories import make_article
from tests.infobutton.conftest import INFOBUTTON, infobutton_url, tag, translate

ICD10CM = "2.16.840.1.113883.6.90"
ENGLISH = "Does cancer always come back?"
SPANISH = "¿El cáncer siempre vuelve?"


@pytest.fixture
def tagged(host_page, locales):
    article = tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    translate(article, locales["es"], title=SPANISH)
    return article


def json_titles(client, query: str) -> list[str]:
    response = client.get(f"{INFOBUTTON}?{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return [entry["title"]["_value"] for entry in response.json()["feed"]["entry"]]


JSON = "knowledgeResponseType=application/json"
CODE = f"mainSearchCriteria.v.c=Z85.3&mainSearchCriteria.v.cs={ICD10CM}"


@pytest.mark.django_db
def test_blank_parameters_count_as_absent(client, tagged):
    # As a URL template sends the fields the EHR had no value for.
    blank = (
        "&informationRecipient.languageCode.c=&mainSearchCriteria.v.dn="
        "&informationRecipient=&callback="
    )
    response = client.get(f"{INFOBUTTON}?{CODE}{blank}&knowledgeResponseType=")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"  # the default
    assert json_titles(client, f"{CODE}{blank}&{JSON}") == [ENGLISH]
    assert json_titles(
        client, f"{CODE}&{JSON}&informationRecipient.languageCode.c=%20"
    ) == [ENGLISH]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sent", "content_type"),
    [
        ("application/json;charset=utf-8", "application/json; charset=utf-8"),
        ("application/json; charset=UTF-8", "application/json; charset=utf-8"),
        ("TEXT/XML", "text/xml; charset=utf-8"),
        ("Text/Xml;charset=utf-8", "text/xml; charset=utf-8"),
        ("application/atom+xml", "application/atom+xml; charset=utf-8"),
        (" application/json ", "application/json; charset=utf-8"),
    ],
)
def test_response_types_in_any_case_with_parameters(client, tagged, sent, content_type):
    response = client.get(infobutton_url("Z85.3", knowledgeResponseType=sent))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert ENGLISH in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "system",
    [
        f"urn:oid:{ICD10CM}",
        f"URN:OID:{ICD10CM}",
        f"{ICD10CM} ",
        f" urn:oid:{ICD10CM}",
    ],
)
def test_code_systems_as_urn_oid_and_with_spaces(client, tagged, system):
    assert json_titles(
        client, f"mainSearchCriteria.v.c=Z85.3&{JSON}&mainSearchCriteria.v.cs={system}"
    ) == [ENGLISH]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("es", SPANISH),
        ("es_MX", SPANISH),
        ("es-MX", SPANISH),
        ("ES", SPANISH),
        ("spa", SPANISH),
        ("eng", ENGLISH),
        ("en_US", ENGLISH),
    ],
)
def test_languages_with_regions_and_in_iso_639_2(client, tagged, language, title):
    query = f"{CODE}&{JSON}&informationRecipient.languageCode.c={language}"
    assert json_titles(client, query) == [title]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("oid", "code", "name"),
    [
        ("2.16.840.1.113883.6.103", "V10.3", "ICD-9-CM"),
        ("2.16.840.1.113883.6.69", "0069-3060-86", "NDC"),
        ("2.16.840.1.113883.6.12", "77067", "CPT"),
        ("1.2.3.4.5", "X1", "1.2.3.4.5"),
    ],
)
def test_other_code_systems_answer_an_empty_feed(client, tagged, oid, code, name):
    response = client.get(
        infobutton_url(code, oid, knowledgeResponseType="application/json")
    )

    assert response.status_code == 200
    feed = response.json()["feed"]
    assert feed["entry"] == []
    assert feed["subtitle"]["_value"] == f"{name} {code}"
    assert {"scheme": "mainSearchCriteria.v.cs", "term": oid} in feed["category"]


@pytest.mark.django_db
def test_a_repeated_criterion_is_refused_saying_why(client, tagged):
    response = client.get(f"{INFOBUTTON}?{CODE}&mainSearchCriteria.v.c=Z08&{JSON}")

    assert response.status_code == 400
    [detail] = response.json()["detail"]
    assert detail["loc"] == ["query", "mainSearchCriteria.v.c"]
    assert "sent 2 times with different values ('Z85.3', 'Z08')" in detail["msg"]
    assert "send one request per code" in detail["msg"]
    # The same value twice (a template with the field in twice) is one value.
    assert json_titles(client, f"{CODE}&mainSearchCriteria.v.c=Z85.3&{JSON}") == [
        ENGLISH
    ]


@pytest.mark.django_db(transaction=True)
def test_head_and_a_form_encoded_post_answer_as_get(live_server, tagged):
    url = live_server.url + INFOBUTTON
    form = {
        "mainSearchCriteria.v.cs": ICD10CM,
        "mainSearchCriteria.v.c": "Z85.3",
        "informationRecipient.languageCode.c": "es",
        "knowledgeResponseType": "application/json",
    }
    get = requests.get(url, params=form, timeout=30)
    head = requests.head(url, params=form, timeout=30)
    # No CSRF token: an EHR's form post is not a browser session's.
    post = requests.post(url, data=form, timeout=30)

    assert get.status_code == head.status_code == post.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Length"] == str(len(get.content))
    assert head.headers["ETag"] == get.headers["ETag"]
    [entry] = post.json()["feed"]["entry"]
    assert entry["title"]["_value"] == SPANISH
    assert post.json()["feed"]["entry"] == get.json()["feed"]["entry"]
    # Another form is another answer, not the cached one (the form is not
    # in the URL).
    english = requests.post(
        url, data={**form, "informationRecipient.languageCode.c": "en"}, timeout=30
    )
    assert english.json()["feed"]["entry"][0]["title"]["_value"] == ENGLISH
    refused = requests.post(
        url, data={**form, "mainSearchCriteria.v.c": ""}, timeout=30
    )
    assert refused.status_code == 400
    assert refused.json()["detail"][0]["loc"] == ["form", "mainSearchCriteria.v.c"]


@pytest.mark.parametrize("name", ["mainSearchCriteria.v.c", "mainSearchCriteria.v.dn"])
def test_control_characters_are_a_400_naming_the_parameter(client, name):
    """PostgreSQL cannot hold NUL: such a value is refused, never a 500."""
    params = {
        "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
        "mainSearchCriteria.v.c": "Z85.3",
        name: "Z85\x003",
    }
    for response in (
        client.get("/recurrence-content/infobutton/", params),
        client.post("/recurrence-content/infobutton/", params),
    ):
        assert response.status_code == 400
        assert name in response.content.decode()
