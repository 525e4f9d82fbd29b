"""Which articles answer, in which language, and what a bad request is told."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from recurrence_content.coding.systems import ICD10CM
from recurrence_content.models import ClinicalCode
from tests.factories import make_article, make_host_page
from tests.infobutton.conftest import infobutton_url, tag
from tests.localize_helpers import translate_strings

pytestmark = pytest.mark.django_db


def titles(client, url: str) -> list[str]:
    response = client.get(url + "&knowledgeResponseType=application/json")
    assert response.status_code == 200
    return [entry["title"]["_value"] for entry in response.json()["feed"]["entry"]]


def entries(client, url: str) -> list[dict]:
    response = client.get(url + "&knowledgeResponseType=application/json")
    return response.json()["feed"]["entry"]


@pytest.mark.basepage
def test_icd10cm_finds_the_category_most_specific_first(client, host_page):
    tag(make_article(host_page, title="History of cancer", body=[]), ("icd10cm", "Z85"))
    tag(
        make_article(host_page, title="After breast cancer", body=[]),
        ("icd10cm", "Z85.3"),
    )
    tag(make_article(host_page, title="Follow-up visits", body=[]), ("icd10cm", "Z08"))

    assert titles(client, infobutton_url("Z85.3")) == [
        "After breast cancer",
        "History of cancer",
    ]
    assert titles(client, infobutton_url("z853")) == [  # as some EHRs send it
        "After breast cancer",
        "History of cancer",
    ]
    assert titles(client, infobutton_url("Z85.4")) == ["History of cancer"]
    assert titles(client, infobutton_url("Z85")) == ["History of cancer"]
    assert titles(client, infobutton_url("Z09")) == []


@pytest.mark.basepage
def test_other_systems_match_exactly(client, host_page):
    tag(
        make_article(host_page, title="Breast cancer", body=[]),
        ("snomed", "254837009"),
        ("loinc", "2345-7"),
        ("rxnorm", "161"),
    )

    assert titles(client, infobutton_url("254837009", "snomed")) == ["Breast cancer"]
    assert titles(client, infobutton_url("2345-7", "loinc")) == ["Breast cancer"]
    assert titles(client, infobutton_url("161", "rxnorm")) == ["Breast cancer"]
    # Same digits, another system: no match.
    assert titles(client, infobutton_url("161", "snomed")) == []


def test_at_most_the_configured_number_of_entries(client, host_page, settings):
    for number in range(4):
        tag(
            make_article(host_page, title=f"Article {number}", body=[]),
            ("icd10cm", "Z08"),
        )

    assert len(titles(client, infobutton_url("Z08"))) == 3  # as MedlinePlus Connect
    settings.RECURRENCE_CONTENT_INFOBUTTON_MAX_RESULTS = 2
    assert len(titles(client, infobutton_url("Z08", displayName="x"))) == 2


def test_a_partial_translation_is_never_given(
    client, host_page, locales, django_capture_on_commit_callbacks
):
    article = tag(make_article(host_page), ("icd10cm", "Z85"))
    translate_strings(
        article, locales["fr"], django_capture_on_commit_callbacks, count=1
    )

    url = infobutton_url("Z85", **{"informationRecipient.languageCode.c": "fr"})
    [entry] = entries(client, url)
    assert entry["lang"] == "en"
    assert entry["title"]["_value"] == "Does cancer always come back?"
    assert entry["link"][0]["href"] == article.get_full_url()


def test_a_complete_translation_answers_for_the_articles_codes(
    client, host_page, locales, django_capture_on_commit_callbacks
):
    article = tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    translate_strings(article, locales["fr"], django_capture_on_commit_callbacks)
    french = article.get_translation(locales["fr"])

    url = infobutton_url("Z85", **{"informationRecipient.languageCode.c": "fr-CA"})
    [entry] = entries(client, url)
    assert entry["lang"] == "fr"
    assert entry["link"][0]["href"] == french.get_full_url()


@pytest.mark.basepage
def test_only_live_public_pages_of_the_requesting_site(client, home, host_page):
    tag(make_article(host_page, title="Public", body=[]), ("icd10cm", "Z08"))
    # A new page saved as a draft in the admin has its codes in the database.
    draft = make_article(host_page, title="Draft", body=[], publish=False)
    ClinicalCode.objects.create(page=draft, system=ICD10CM.uri, code="Z08")
    private = tag(make_article(host_page, title="Private", body=[]), ("icd10cm", "Z08"))
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    other_home = make_host_page(home.get_parent(), title="Other hospital")
    Site.objects.create(hostname="other.test", port=80, root_page=other_home)
    tag(make_article(other_home, title="Elsewhere", body=[]), ("icd10cm", "Z08"))

    assert titles(client, infobutton_url("Z08")) == ["Public"]
    response = client.get(
        infobutton_url("Z08", knowledgeResponseType="application/json"),
        HTTP_HOST="other.test",
    )
    assert [e["title"]["_value"] for e in response.json()["feed"]["entry"]] == [
        "Elsewhere"
    ]


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        (
            "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
            "mainSearchCriteria.v.c",
            "Give the code",
        ),
        ("mainSearchCriteria.v.c=Z85", "mainSearchCriteria.v.cs", "HL7 OID"),
        (
            "mainSearchCriteria.v.c=Z85&mainSearchCriteria.v.cs=ICD-10-CM",
            "mainSearchCriteria.v.cs",
            "not an OID",
        ),
        (
            "mainSearchCriteria.v.c=Z85&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
            "&knowledgeResponseType=text/plain",
            "knowledgeResponseType",
            "text/xml",
        ),
        (
            "mainSearchCriteria.v.c=Z85&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
            "&knowledgeResponseType=application/javascript",
            "callback",
            "JavaScript function name",
        ),
        (
            "mainSearchCriteria.v.c=Z85&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
            "&informationRecipient.languageCode.c=english!",
            "informationRecipient.languageCode.c",
            "language code",
        ),
    ],
)
@pytest.mark.basepage
def test_bad_requests_are_400s_naming_the_parameter(
    client, home, query, parameter, message
):
    response = client.get(f"/recurrence-content/infobutton/?{query}")

    assert response.status_code == 400
    [detail] = response.json()["detail"]
    assert detail["loc"] == ["query", parameter]
    assert message in detail["msg"]


def test_unknown_codes_give_an_empty_feed_and_other_parameters_are_ignored(
    client, host_page
):
    tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))
    for code, system in [
        ("Z99.89", "icd10cm"),
        ("not a code", "icd10cm"),
        ("22298007", "snomed"),
    ]:
        assert titles(client, infobutton_url(code, system)) == []
    guide_parameters = (
        "&age.v.v=45&age.v.u=a&administrativeGenderCode.c=F"
        "&informationRecipient=PAT&performer=PROV&taskContext.c.c=PROBLISTREV"
        "&mainSearchCriteria.v.ot=history"
    )
    assert titles(client, infobutton_url("Z85") + guide_parameters) == [
        "Does cancer always come back?"
    ]


@pytest.mark.basepage
def test_query_count_does_not_grow_with_tagged_articles(client, host_page):
    tag(make_article(host_page, title="First", body=[]), ("icd10cm", "Z08"))
    url = infobutton_url("Z08", knowledgeResponseType="application/json")
    # Another code first: both measured requests then find what a running
    # site has cached (Wagtail's site root paths; content types are cached
    # for every test, tests/conftest.py).
    client.get(infobutton_url("Z09", knowledgeResponseType="application/json"))
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for number in range(5):
        tag(
            make_article(host_page, title=f"More {number}", body=[]), ("icd10cm", "Z08")
        )
    with CaptureQueriesContext(connection) as six:
        response = client.get(url)
    assert len(response.json()["feed"]["entry"]) == 3
    assert len(six) == len(one), [q["sql"] for q in six.captured_queries]


def test_the_feed_claims_no_language_it_is_not_in(client, host_page):
    tag(make_article(host_page, body=[]), ("icd10cm", "Z85"))

    def feed(**language):
        url = infobutton_url("Z85", knowledgeResponseType="application/json")
        params = "".join(
            f"&informationRecipient.languageCode.c={code}" for code in language.values()
        )
        return client.get(url + params).json()["feed"]

    assert feed()["lang"] == "en"  # none asked for: the default language
    german = feed(language="de")  # not a language of this site
    assert german["lang"] == "en"  # the feed's own text: the default language
    assert german["entry"][0]["lang"] == "en"
    assert german["subtitle"]["_value"] == "ICD-10-CM Z85"
