"""A hospital's own article type, with a block of its own, in the feed."""

import pytest

from recurrence_content.api.v1.schemas import article_schema
from tests.factories import BLOCK_VALUES, make_article
from tests.feed.helpers import detail_url, list_url
from tests.testapp.models import HostArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.basepage]


def test_the_list_has_every_article_type_with_its_page_type(
    client, article, hospital_article
):
    results = client.get(list_url()).json()["results"]

    assert {item["title"]: item["page_type"] for item in results} == {
        "Does cancer always come back?": "recurrence_content.PatientInfoPage",
        "After chemotherapy": "testapp.HospitalArticlePage",
    }


def test_the_detail_carries_the_hosts_own_block_typed(
    client, article, hospital_article
):
    response = client.get(detail_url(hospital_article))

    assert response.status_code == 200
    data = response.json()
    assert data["page_type"] == "testapp.HospitalArticlePage"
    assert [block["type"] for block in data["body"]] == [
        "heading",
        "warning_sign",
        "warning_sign",
    ]
    assert data["body"][1]["value"] == {
        "sign": "A fever above 38 °C",
        "action": {
            "html": "<p>Call the <b>oncology ward</b> straight away.</p>",
            "text": "Call the oncology ward straight away.",
        },
    }
    link = data["body"][2]["value"]["action"]["html"]
    assert f'href="{article.get_full_url()}"' in link
    parsed = article_schema().model_validate(data).root
    assert type(parsed).__name__ == "HospitalArticlePage"
    assert parsed.body[1].value.sign == "A fever above 38 °C"


def test_an_article_type_on_a_hosts_base_page_is_served(client, host_page):
    page = make_article(host_page, title="Host based", page_class=HostArticlePage)

    data = client.get(detail_url(page)).json()

    assert data["page_type"] == "testapp.HostArticlePage"
    assert [block["type"] for block in data["body"]] == list(BLOCK_VALUES)
