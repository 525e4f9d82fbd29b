"""An article's codes in the feed, its JSON-LD and its content file."""

import pytest

from recurrence_content.loading import LoadError, export_page, load_article, load_file
from recurrence_content.loading.fileformat import parse
from recurrence_content.models import ClinicalCode
from tests.factories import make_article
from tests.feed.helpers import detail_url, list_url
from tests.feed.test_json_ld import json_ld_of
from tests.infobutton.conftest import URIS, tag, translate
from tests.loading_helpers import changed, shipped_data, write_article

pytestmark = pytest.mark.django_db

ICD = URIS["icd10cm"]


@pytest.fixture
def coded(host_page, locales):
    article = tag(
        make_article(host_page, condition_name="Breast cancer", body=[]),
        ("icd10cm", "Z85.3"),
        ("snomed", "254837009"),
    )
    return article, translate(article, locales["es"], title="¿Vuelve?")


def test_the_feed_lists_codes_and_filters_by_them(client, host_page, coded):
    make_article(host_page, title="Untagged", body=[])

    response = client.get(list_url(code=f"{ICD}|z853"))

    assert response.status_code == 200
    results = response.json()["results"]
    assert {item["locale"] for item in results} == {"en", "es"}
    for item in results:  # every language answers for the article's codes
        assert item["codes"] == [
            {"system": ICD, "code": "Z85.3", "display": ""},
            {"system": URIS["snomed"], "code": "254837009", "display": ""},
        ]
    assert client.get(list_url(code=f"{ICD}|Z85")).json()["count"] == 0
    assert client.get(list_url(code=f"{ICD}|nonsense")).json()["count"] == 0
    bad = client.get(list_url(code="Z85.3"))
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "code"]


def test_the_detail_and_json_ld_carry_the_codes(client, coded):
    article, spanish = coded
    detail = client.get(detail_url(article, "es")).json()
    assert [code["code"] for code in detail["codes"]] == ["Z85.3", "254837009"]

    about = json_ld_of(client, spanish)["about"]
    assert about == {
        "@type": "MedicalCondition",
        "name": "Breast cancer",
        "code": [
            {"@type": "MedicalCode", "codeValue": "Z85.3", "codingSystem": "ICD-10-CM"},
            {
                "@type": "MedicalCode",
                "codeValue": "254837009",
                "codingSystem": "SNOMED CT",
            },
        ],
    }


def test_no_condition_no_codes_in_json_ld(client, host_page):
    article = tag(make_article(host_page, body=[]), ("icd10cm", "Z08"))
    assert "about" not in json_ld_of(client, article)


def test_the_shipped_article_carries_no_codes(host_page):
    assert shipped_data()["clinical_codes"] == []
    result = load_article(parent=host_page, publish=True)
    assert not ClinicalCode.objects.filter(page=result.page).exists()


def test_files_carry_codes_both_ways(tmp_path, host_page):
    data = changed(
        shipped_data(),
        lambda d: d.update(
            clinical_codes=[
                {"system": ICD, "code": "z85", "display": "Personal history"},
            ]
        ),
    )
    result = load_file(write_article(tmp_path, data), parent=host_page)

    assert list(result.page.clinical_codes.values_list("code", "display")) == [
        ("Z85", "Personal history")
    ]
    assert export_page(result.page)["clinical_codes"] == [
        {"system": ICD, "code": "Z85", "display": "Personal history"}
    ]


def test_an_update_never_changes_the_codes(tmp_path, host_page):
    page = load_article(parent=host_page, publish=True).page
    tag(page, ("icd10cm", "Z08"))
    data = changed(
        shipped_data(),
        lambda d: d.update(
            title="Changed", clinical_codes=[{"system": ICD, "code": "Z85"}]
        ),
    )
    load_file(write_article(tmp_path, data))
    assert list(page.clinical_codes.values_list("code", flat=True)) == ["Z08"]


@pytest.mark.parametrize(
    ("codes", "version", "message"),
    [
        (
            [{"system": ICD, "code": "Z8"}],
            2,
            "$.clinical_codes[0].code: Not an ICD-10-CM code",
        ),
        (
            [{"system": "ICD10", "code": "Z85"}],
            2,
            "$.clinical_codes[0].system: use one of",
        ),
        (
            [{"system": ICD, "code": "Z85"}, {"system": ICD, "code": "z85"}],
            2,
            "$.clinical_codes[1].code: Z85 is listed twice",
        ),
        ([{"system": ICD, "code": "Z85", "kind": "x"}], 2, "$.clinical_codes[0].kind"),
        ("Z85", 2, "$.clinical_codes: must be a list of objects"),
        ([], 1, "$.clinical_codes: clinical codes need format_version 2"),
    ],
)
def test_bad_codes_in_a_file_are_refused_with_their_path(codes, version, message):
    data = changed(
        shipped_data(), lambda d: d.update(clinical_codes=codes, format_version=version)
    )
    if version == 1:
        for key in (
            "condition_name",
            "audience",
            "last_reviewed",
            "next_review_due",
            "reviewers",
            "sources",
        ):
            data.pop(key)
    with pytest.raises(LoadError) as error:
        parse(data, "article.json")
    assert message in str(error.value)


def test_a_version_1_file_is_still_read():
    data = shipped_data()
    for key in (
        "condition_name",
        "audience",
        "last_reviewed",
        "next_review_due",
        "reviewers",
        "sources",
        "clinical_codes",
    ):
        data.pop(key)
    data["format_version"] = 1
    assert parse(data, "old.json").codes is None
