"""The CDS Hooks service as an EHR calls it: discovery, then patient-view
calls built on the specification's own example, checked against the spec's
field rules."""

import json

import pytest
from wagtail.models import PageViewRestriction

from recurrence_content.coding.systems import ICD10CM as ICD10CM_SYSTEM
from recurrence_content.models import ClinicalCode
from tests.cds_hooks import spec_rules
from tests.cds_hooks.conftest import (
    DISCOVERY,
    ICD10CM,
    SNOMED,
    SPEC_EXAMPLE,
    condition,
    hook_request,
)
from tests.factories import make_article
from tests.infobutton.conftest import tag
from tests.localize_helpers import translate_strings

pytestmark = pytest.mark.django_db

BREAST_CANCER = (SNOMED, "254837009")


def cards(ehr, client, body) -> list[dict]:
    spec_rules.assert_follows_spec(spec_rules.REQUEST, body)
    response = ehr.call(client, body)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    spec_rules.assert_follows_spec(spec_rules.RESPONSE, response.json())
    return response.json()["cards"]


def test_discovery_lists_the_patient_view_service(ehr, client):
    response = ehr.discover(client)

    assert response.status_code == 200
    document = response.json()
    spec_rules.assert_follows_spec(spec_rules.DISCOVERY, document)
    [service] = document["services"]
    assert service["hook"] == "patient-view"
    assert service["id"] == "patient-education"
    assert (
        DISCOVERY + "/" + service["id"]
        == "/recurrence-content/cds-services/patient-education"
    )
    assert service["prefetch"] == {
        "patient": "Patient/{{context.patientId}}",
        "conditions": "Condition?patient={{context.patientId}}"
        "&clinical-status=active,recurrence,relapse",
    }


@pytest.mark.basepage
def test_the_specs_example_with_a_matching_condition_gets_a_card(
    ehr, client, host_page
):
    article = tag(make_article(host_page, body=[]), ("snomed", "254837009"))

    [card] = cards(ehr, client, hook_request(condition(BREAST_CANCER)))

    assert card == {
        "summary": "Does cancer always come back?",
        "indicator": "info",
        "source": {"label": "Test Hospital", "url": "http://localhost/"},
        "links": [
            {
                "label": "Does cancer always come back?",
                "url": article.get_full_url(),
                "type": "absolute",
            }
        ],
    }
    assert article.get_full_url().startswith("http://localhost/")


def test_the_specs_example_as_published_has_no_conditions_to_match(ehr, client):
    # The spec's own body prefetches only "patientToGreet": the conditions
    # this service asked for are missing, which the spec answers with 412.
    patient = SPEC_EXAMPLE["prefetch"]["patient"]
    response = ehr.call(
        client, SPEC_EXAMPLE | {"prefetch": {"patientToGreet": patient}}
    )

    assert response.status_code == 412
    assert "prefetch.conditions" in response.json()["detail"]


@pytest.mark.basepage
def test_icd10cm_matches_the_category_and_snomed_exactly(ehr, client, host_page):
    tag(make_article(host_page, title="History of cancer", body=[]), ("icd10cm", "Z85"))
    tag(
        make_article(host_page, title="After breast cancer", body=[]),
        ("icd10cm", "Z85.3"),
    )
    tag(
        make_article(host_page, title="Breast cancer", body=[]), ("snomed", "254837009")
    )

    summaries = [
        card["summary"]
        for card in cards(
            ehr,
            client,
            hook_request(condition((ICD10CM, "Z85.3")), condition(BREAST_CANCER)),
        )
    ]
    # The first condition's articles first, the most specific code first.
    assert summaries == ["After breast cancer", "History of cancer", "Breast cancer"]


def test_at_most_the_configured_number_of_cards(ehr, client, host_page, settings):
    for number in range(4):
        tag(
            make_article(host_page, title=f"Article {number}", body=[]),
            ("icd10cm", "Z08"),
        )
    body = hook_request(condition((ICD10CM, "Z08")))

    assert len(cards(ehr, client, body)) == 3
    settings.RECURRENCE_CONTENT_CDS_HOOKS_MAX_CARDS = 1
    assert len(cards(ehr, client, body)) == 1


@pytest.mark.parametrize(
    "entry",
    [
        condition(BREAST_CANCER, status="resolved"),
        condition(BREAST_CANCER, status="inactive"),
        condition(BREAST_CANCER, verification="entered-in-error"),
        condition(BREAST_CANCER, verification="refuted"),
        condition(BREAST_CANCER, patient="someone-else"),
        condition(("http://loinc.org", "254837009")),
        condition((SNOMED, "22298007")),  # no article has it
        condition((ICD10CM, "not a code")),
    ],
    ids=[
        "resolved",
        "inactive",
        "entered-in-error",
        "refuted",
        "another-patient",
        "another-system",
        "no-article",
        "not-a-code",
    ],
)
def test_no_matching_active_condition_gets_no_cards(ehr, client, host_page, entry):
    tag(make_article(host_page, body=[]), ("snomed", "254837009"))

    assert cards(ehr, client, hook_request(entry)) == []


def test_recurrence_and_relapse_are_active(ehr, client, host_page):
    tag(make_article(host_page, body=[]), ("snomed", "254837009"))

    for status in ("recurrence", "relapse"):
        assert (
            len(
                cards(
                    ehr, client, hook_request(condition(BREAST_CANCER, status=status))
                )
            )
            == 1
        )


def test_no_data_for_the_conditions_gets_no_cards(ehr, client, host_page):
    tag(make_article(host_page, body=[]), ("snomed", "254837009"))
    body = hook_request()
    body["prefetch"]["conditions"] = None  # the spec's "no data" value

    assert cards(ehr, client, body) == []


def test_the_link_is_in_the_patients_language_when_complete(
    ehr, client, host_page, locales, on_commit
):
    article = tag(make_article(host_page, body=[]), ("snomed", "254837009"))
    translate_strings(article, locales["es"], on_commit)
    spanish = article.get_translation(locales["es"])

    [card] = cards(
        ehr, client, hook_request(condition(BREAST_CANCER), language="es-MX")
    )

    assert card["links"][0]["url"] == spanish.get_full_url()
    assert "/es/" in card["links"][0]["url"]
    assert card["summary"] == spanish.title


def test_a_partial_translation_is_never_linked(
    ehr, client, host_page, locales, on_commit
):
    article = tag(make_article(host_page), ("snomed", "254837009"))
    translate_strings(article, locales["fr"], on_commit, count=1)

    [card] = cards(ehr, client, hook_request(condition(BREAST_CANCER), language="fr"))

    # The site's default language instead: never a page half in English.
    assert card["links"][0]["url"] == article.get_full_url()
    assert card["summary"] == "Does cancer always come back?"


def test_a_language_the_site_lacks_gets_the_default(ehr, client, host_page):
    article = tag(make_article(host_page, body=[]), ("snomed", "254837009"))

    [card] = cards(ehr, client, hook_request(condition(BREAST_CANCER), language="de"))

    assert card["links"][0]["url"] == article.get_full_url()


@pytest.mark.basepage
def test_only_live_public_pages(ehr, client, host_page):
    draft = make_article(host_page, title="Draft", body=[], publish=False)
    ClinicalCode.objects.create(page=draft, system=ICD10CM_SYSTEM.uri, code="Z08")
    private = tag(make_article(host_page, title="Private", body=[]), ("icd10cm", "Z08"))
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    tag(make_article(host_page, title="Public", body=[]), ("icd10cm", "Z08"))

    [card] = cards(ehr, client, hook_request(condition((ICD10CM, "Z08"))))

    assert card["summary"] == "Public"


def test_a_long_title_is_cut_below_140_characters(ehr, client, host_page):
    title = "Living well after treatment " * 8
    tag(make_article(host_page, title=title.strip(), body=[]), ("icd10cm", "Z08"))

    [card] = cards(ehr, client, hook_request(condition((ICD10CM, "Z08"))))

    assert len(card["summary"]) == 139
    assert card["summary"].endswith("…")
    assert card["links"][0]["label"] == title.strip()


def test_query_count_does_not_grow_with_matching_articles(
    ehr, client, host_page, django_assert_max_num_queries
):
    for number in range(3):
        tag(
            make_article(host_page, title=f"Article {number}", body=[]),
            ("icd10cm", "Z08"),
        )
    body = hook_request(condition((ICD10CM, "Z08")), condition(BREAST_CANCER))

    with django_assert_max_num_queries(16):
        assert len(cards(ehr, client, body)) == 3


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("{not json", 400, "Cannot parse request body"),
        ("[]", 400, "hook: Field required"),
        ({"hook": "patient-view", "context": {"patientId": "1"}}, 400, "hookInstance"),
        (
            {"hook": "patient-view", "hookInstance": "x", "context": {"userId": "a"}},
            400,
            "context.patientId",
        ),
        (hook_request() | {"hook": "order-sign"}, 400, "'patient-view'"),
        (
            hook_request() | {"prefetch": {"conditions": {"resourceType": "Patient"}}},
            400,
            "not a valid FHIR R4 Bundle",
        ),
        (
            hook_request() | {"prefetch": {"conditions": ["Condition/1"]}},
            400,
            "prefetch.conditions must be a FHIR R4 Bundle",
        ),
        (
            hook_request()
            | {
                "prefetch": {
                    "conditions": {
                        "resourceType": "Bundle",
                        "type": "searchset",
                        "entry": [{"resource": {"resourceType": "Condition"}}],
                    }
                }
            },
            400,
            "subject",
        ),
        (
            hook_request()
            | {
                "prefetch": {
                    "patient": {"resourceType": "Patient", "id": "other"},
                    "conditions": None,
                }
            },
            400,
            "not the patient in context",
        ),
        (hook_request() | {"prefetch": {}}, 412, "prefetch.conditions"),
    ],
    ids=[
        "not-json",
        "not-an-object-body",
        "no-hook-instance",
        "no-patient",
        "another-hook",
        "not-a-bundle",
        "not-an-object",
        "invalid-condition",
        "another-patient",
        "no-prefetch",
    ],
)
def test_malformed_requests_say_why(ehr, client, body, status, message):
    response = ehr.call(client, body)

    assert response.status_code == status, response.content
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    assert message in detail


def test_the_response_is_json_the_ehr_can_read(ehr, client, host_page):
    tag(make_article(host_page, title="Café & <crème>", body=[]), ("icd10cm", "Z08"))

    response = ehr.call(client, hook_request(condition((ICD10CM, "Z08"))))

    assert json.loads(response.content)["cards"][0]["summary"] == "Café & <crème>"
