"""A client generated from the live OpenAPI document parses every response
strictly: datamodel-code-generator, Pydantic v2, extra fields forbidden."""

import importlib.util
import sys
import warnings

import pytest
from datamodel_code_generator import DataModelType, InputFileType, generate
from django.test import Client
from pydantic import ValidationError

from recurrence_content.loading import load_article
from tests.feed.conftest import WARNING_SIGN
from tests.feed.helpers import API, detail_url, list_url

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def feed_client(tmp_path_factory, django_db_setup, django_db_blocker):
    """The models a client developer generates from ``openapi.json``."""
    with django_db_blocker.unblock():
        document = Client().get(f"{API}/openapi.json").content.decode()
    path = tmp_path_factory.mktemp("client") / "feed_client.py"
    with warnings.catch_warnings():
        # The generator's own notices about its future defaults.
        warnings.simplefilter("ignore")
        code = generate(
            document,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            extra_fields="forbid",
        )
    path.write_text(code)
    spec = importlib.util.spec_from_file_location("feed_client", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["feed_client"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["feed_client"]


def test_the_generated_client_is_strict(feed_client):
    # What a 422 used to carry (pydantic's ``ctx``) is refused, so the
    # parsing below would notice any member the document does not declare.
    with pytest.raises(ValidationError, match="ctx"):
        feed_client.ErrorDetail.model_validate(
            {"loc": ["query", "limit"], "msg": "m", "type": "t", "ctx": {"ge": 1}}
        )
    # One enum for the languages, under its own name.
    assert [locale.value for locale in feed_client.Locale] == ["en", "es", "fr", "ar"]


def test_the_list_parses(feed_client, client, article, hospital_article):
    data = client.get(list_url()).json()

    parsed = feed_client.ArticleList.model_validate(data)

    assert {item.page_type for item in parsed.results} == {
        "recurrence_content.PatientInfoPage",
        "testapp.HospitalArticlePage",
    }


def test_the_shipped_article_parses(feed_client, client, host_page):
    page = load_article(parent=host_page, publish=True).page

    parsed = feed_client.Article.model_validate(client.get(detail_url(page)).json())

    assert type(parsed.root).__name__ == "PatientInfoPage"
    assert parsed.root.json_ld.inLanguage == "en"
    assert {"definition", "pattern_list", "factor_checklist"} <= {
        block.root.type for block in parsed.root.body
    }


def test_the_hospitals_own_block_parses(feed_client, client, hospital_article):
    data = client.get(detail_url(hospital_article)).json()

    parsed = feed_client.Article.model_validate(data).root

    assert type(parsed) is feed_client.HospitalArticlePage
    warning = parsed.body[1].root
    assert type(warning) is feed_client.WarningSignBlock
    assert warning.value.sign == WARNING_SIGN["sign"]
    assert warning.value.action.text == "Call the oncology ward straight away."


def test_the_404_parses(feed_client, client, article):
    response = client.get(detail_url(article, "fr"))

    assert response.status_code == 404
    parsed = feed_client.ArticleNotFound.model_validate(response.json())
    assert parsed.available_locales == []


@pytest.mark.parametrize(
    "url",
    [
        list_url(limit=0),
        list_url(limit=1000),
        list_url(offset=-1),
        list_url(offset=10**7),
        list_url(locale="xx"),
        list_url(modified_since="yesterday"),
        list_url(modified_since="2026-02-30T00:00:00Z"),
        list_url(q="a" * 201),
        list_url(q="tab\there"),
        list_url(include_incomplete="perhaps"),
        f"{API}/articles/not-a-uuid/",
    ],
)
def test_each_422_parses(feed_client, client, url):
    response = client.get(url)

    assert response.status_code == 422
    parsed = feed_client.ValidationErrors.model_validate(response.json())
    assert parsed.detail[0].msg
