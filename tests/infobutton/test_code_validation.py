"""Editors tag articles with codes in their own panel; typos are caught."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from recurrence_content.coding.check_digits import loinc_check_digit, verhoeff_valid
from recurrence_content.models import ClinicalCode, PatientInfoPage
from tests.infobutton.conftest import URIS
from tests.test_admin import add_url, article_form

pytestmark = pytest.mark.django_db


def test_check_digits_of_published_codes():
    # Codes as SNOMED International and Regenstrief publish them.
    for sctid in ("22298006", "254837009", "404684003", "138875005", "64572001"):
        assert verhoeff_valid(sctid)
    assert not verhoeff_valid("22298007")
    assert loinc_check_digit("2345") == 7
    assert loinc_check_digit("718") == 7  # 718-7, haemoglobin


def post_codes(admin_client, host_page, codes):
    form = article_form()
    form.update(_codes_form(codes))
    return admin_client.post(add_url(host_page), form)


def _codes_form(codes):
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data(
        {
            "clinical_codes": inline_formset(
                [
                    {"system": URIS[system], "code": code, "display": ""}
                    for system, code in codes
                ]
            )
        }
    )


def test_editor_sees_the_codes_panel(admin_client, host_page):
    response = admin_client.get(add_url(host_page))
    content = response.content.decode()
    assert "Clinical codes" in content
    assert "clinical_codes-TOTAL_FORMS" in content


def test_editor_saves_valid_codes_normalised(admin_client, host_page):
    response = post_codes(
        admin_client,
        host_page,
        [
            ("icd10cm", "z85"),
            ("icd10cm", "c50.911"),
            ("snomed", "254837009"),
            ("loinc", "2345-7"),
            ("rxnorm", "161"),
        ],
    )
    assert response.status_code == 302, response.content[:3000]
    page = PatientInfoPage.objects.get()
    assert list(page.clinical_codes.values_list("code", flat=True)) == [
        "Z85",
        "C50.911",
        "254837009",
        "2345-7",
        "161",
    ]


@pytest.mark.parametrize(
    ("system", "code", "message"),
    [
        ("icd10cm", "Z8", "Not an ICD-10-CM code. Enter a category such as Z85"),
        ("icd10cm", "Z85.12345", "Not an ICD-10-CM code"),
        ("snomed", "22298007", "is not its check digit"),
        ("snomed", "12ab", "Not a SNOMED CT identifier"),
        ("snomed", "754010011", "not a concept"),
        ("loinc", "2345-8", "The check digit of this LOINC code is wrong"),
        ("loinc", "2345", "Not a LOINC code"),
        ("rxnorm", "RX161", "Enter its digits only"),
    ],
)
def test_editor_is_told_what_to_fix(admin_client, host_page, system, code, message):
    response = post_codes(admin_client, host_page, [(system, code)])

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ClinicalCode.objects.exists()


def test_a_duplicate_code_is_refused(admin_client, host_page):
    response = post_codes(
        admin_client, host_page, [("icd10cm", "Z85"), ("icd10cm", "z85")]
    )

    assert response.status_code == 200
    assert "Please correct the duplicate data for page, system and code" in (
        response.content.decode()
    )
    assert not PatientInfoPage.objects.exists()


def test_the_database_refuses_a_duplicate_too(host_page):
    from django.db import IntegrityError, transaction

    from tests.factories import make_article

    page = make_article(host_page, body=[])
    ClinicalCode.objects.create(page=page, system=URIS["icd10cm"], code="Z85")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClinicalCode.objects.create(page=page, system=URIS["icd10cm"], code="Z85")
    assert reverse("recurrence_content_infobutton:infobutton").endswith("/infobutton/")
