"""The OpenAPI document is valid, types every block, and the API keeps to it."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode

from recurrence_content.blocks import PatientInfoStreamBlock
from tests.factories import make_article, translate
from tests.feed.helpers import API, page_link
from tests.infobutton.conftest import tag

pytestmark = pytest.mark.django_db

OPENAPI_URL = f"{API}/openapi.json"


def test_the_document_is_valid_openapi(client):
    document = client.get(OPENAPI_URL).json()

    validate(document)
    assert document["info"]["title"] == "Patient information feed"
    # Paths relative to the server (where the host mounted the app), so
    # generated clients work on any site.
    assert document["servers"] == [
        {
            "url": "/recurrence-content",
            "description": "This site's patient information.",
        }
    ]
    assert set(document["paths"]) == {
        "/api/v1/articles/",
        "/api/v1/articles/{translation_key}/",
        "/api/v1/content-files/",
        "/api/v1/content-files/{translation_key}/",
        "/infobutton/",
        "/cds-services",
        "/cds-services/patient-education",
    }


def test_the_document_has_what_client_generators_and_linters_ask_for(client):
    document = client.get(OPENAPI_URL).json()
    paths = document["paths"]
    list_op = paths["/api/v1/articles/"]["get"]
    detail_op = paths["/api/v1/articles/{translation_key}/"]["get"]

    assert [list_op["operationId"], detail_op["operationId"]] == [
        "listArticles",
        "getArticle",
    ]
    # One named language enum, referenced wherever a locale is asked for.
    assert document["components"]["schemas"]["Locale"]["enum"] == [
        "en",
        "es",
        "fr",
        "ar",
    ]
    for operation in (list_op, detail_op):
        [locale] = [p for p in operation["parameters"] if p["name"] == "locale"]
        assert locale["schema"] == {"$ref": "#/components/schemas/Locale"}
        assert operation["responses"]["304"] == {"description": "Not Modified"}
        assert operation["tags"] == ["articles"]
    assert [tag["name"] for tag in document["tags"]] == [
        "articles",
        "content files",
        "infobutton",
        "cds-hooks",
    ]
    files_op = paths["/api/v1/content-files/"]["get"]
    file_op = paths["/api/v1/content-files/{translation_key}/"]["get"]
    assert [files_op["operationId"], file_op["operationId"]] == [
        "listContentFiles",
        "getContentFile",
    ]
    for operation in (files_op, file_op):
        assert operation["responses"]["304"] == {"description": "Not Modified"}
        assert operation["tags"] == ["content files"]
    assert paths["/infobutton/"]["get"]["operationId"] == "findArticlesByCode"
    assert document["security"] == []
    assert "Type0" not in str(document)
    # HEAD is served (tests/feed/test_feed_http.py) but not listed: it would
    # repeat each GET's operation id. The Infobutton also takes HL7's
    # form-encoded POST; CDS Hooks services are POSTed, their discovery is a GET.
    methods = {name: set(path) for name, path in paths.items()}
    assert {name: m for name, m in methods.items() if "cds-services" not in name} == {
        "/api/v1/articles/": {"get"},
        "/api/v1/articles/{translation_key}/": {"get"},
        "/api/v1/content-files/": {"get"},
        "/api/v1/content-files/{translation_key}/": {"get"},
        "/infobutton/": {"get", "post"},
    }
    assert all(
        m == ({"post"} if "/cds-services/" in name else {"get"})
        for name, m in methods.items()
        if "cds-services" in name
    )
    assert paths["/infobutton/"]["post"]["operationId"] == "findArticlesByCodeInForm"


def test_the_licence_is_the_hospitals_when_it_has_set_one(client, settings):
    assert "license" not in client.get(OPENAPI_URL).json()["info"]

    settings.RECURRENCE_CONTENT_LICENSE_TEXT = "CC BY-NC 4.0"
    settings.RECURRENCE_CONTENT_LICENSE_URL = (
        "https://creativecommons.org/licenses/by-nc/4.0/"
    )

    assert client.get(OPENAPI_URL).json()["info"]["license"] == {
        "name": "CC BY-NC 4.0",
        "url": "https://creativecommons.org/licenses/by-nc/4.0/",
    }


def test_the_infobutton_endpoint_is_described(client):
    document = client.get(OPENAPI_URL).json()
    operation = document["paths"]["/infobutton/"]["get"]

    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == {
        "mainSearchCriteria.v.c",
        "mainSearchCriteria.v.cs",
        "mainSearchCriteria.v.dn",
        "informationRecipient.languageCode.c",
        "informationRecipient",
        "knowledgeResponseType",
        "callback",
    }
    assert set(operation["responses"]["200"]["content"]) == {
        "application/json",
        "text/xml",
        "application/atom+xml",
        "application/javascript",
        "text/html",
    }
    assert set(operation["responses"]) == {"200", "302", "304", "400"}
    # The callback rule, where OpenAPI can state it: the POST's form.
    form = document["paths"]["/infobutton/"]["post"]["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]["schema"]
    assert form["then"]["required"] == ["callback"]
    assert set(form["properties"]) == names
    entry = document["components"]["schemas"]["InfobuttonEntry"]["properties"]
    assert {"title", "link", "summary", "lang"} <= set(entry)


def test_every_article_type_has_its_own_typed_body(client):
    components = client.get(OPENAPI_URL).json()["components"]["schemas"]

    article = components["Article"]
    assert article["discriminator"]["propertyName"] == "page_type"
    assert set(article["discriminator"]["mapping"]) == {
        "recurrence_content.PatientInfoPage",
        "testapp.HostArticlePage",
        "testapp.HospitalArticlePage",
    }
    ours = components["PatientInfoPage"]["properties"]["body"]["items"]
    assert set(ours["discriminator"]["mapping"]) == set(
        PatientInfoStreamBlock.base_blocks
    )
    hospital = components["HospitalArticlePage"]["properties"]["body"]["items"]
    assert hospital["discriminator"]["mapping"]["warning_sign"] == (
        "#/components/schemas/WarningSignBlock"
    )
    assert components["WarningSignValue"]["required"] == ["sign", "action"]
    assert components["DefinitionValue"]["required"] == [
        "term",
        "also_called",
        "definition",
        "anchor",
    ]
    assert set(components["FactorChecklistValue"]["properties"]) == {
        "heading",
        "intro",
        "factors",
    }
    assert components["FactorChecklistBlock"]["properties"]["type"]["const"] == (
        "factor_checklist"
    )


def test_limit_and_locale_constraints_follow_the_settings(client, settings):
    settings.RECURRENCE_CONTENT_FEED_MAX_LIMIT = 7
    document = client.get(OPENAPI_URL).json()

    parameters = {
        p["name"]: p["schema"]
        for p in document["paths"]["/api/v1/articles/"]["get"]["parameters"]
    }
    assert parameters["limit"]["maximum"] == 7


def test_interactive_docs_page(client):
    response = client.get(f"{API}/docs/")

    assert response.status_code == 200
    assert OPENAPI_URL in response.content.decode()


@pytest.fixture
def feed_with_content(host_page, locales):
    """Articles in two languages, linking to each other, for Schemathesis to find."""
    other = make_article(host_page, title="Is cancer hereditary?", body=[])
    article = make_article(
        host_page, body=[("paragraph", f"<p>{page_link(other)}</p>")]
    )
    translate(article, locales["es"])
    make_article(host_page, title="Every block")
    tag(article, ("icd10cm", "Z85"))
    return article


@pytest.fixture
def api_schema(feed_with_content):
    """The feed's OpenAPI document, loaded from the app itself over WSGI.

    As Django's test client does, keep the database connection open between
    requests: closing it would end the test's transaction on PostgreSQL.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi(OPENAPI_URL, get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


MAX_EXAMPLES = 100


def sent_as_generated(case) -> bool:
    """Whether each query value reaches the app as it was generated.

    An object generated for a query parameter is sent as Python's text of it
    (werkzeug's test client), a valid string the app rightly accepts, while
    schemathesis judges the request by the object it generated.
    """
    return not any(
        isinstance(item, dict | list)
        for value in (case.query or {}).values()
        for item in (value if isinstance(value, list) else [value])
    )


def test_the_api_keeps_to_its_contract(api_schema, feed_with_content):
    """Property-based, per operation, with valid and invalid input: no 5xx, and
    every status code, header and body the app sends matches the document."""
    # CDS Hooks needs the EHR's signed JWT: tests/cds_hooks checks its contract.
    operations = [
        result.ok()
        for result in api_schema.get_all_operations()
        if "/cds-services" not in result.ok().path
    ]
    assert len(operations) == 6
    statuses = []

    for operation in operations:
        strategies = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        if "{translation_key}" in operation.path:
            # Random UUIDs only ever find nothing: also ask for a real article.
            key = str(feed_with_content.translation_key)
            strategies.append(
                operation.as_strategy(path_parameters={"translation_key": key})
            )
        if operation.path.endswith("/infobutton/"):
            # Random codes only ever find nothing: also ask for a tagged one.
            tagged = {
                "mainSearchCriteria.v.c": "Z85.3",
                "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
                "knowledgeResponseType": "application/json",
            }
            if operation.method.upper() == "GET":
                # JSONP needs a callback, which OpenAPI cannot make
                # conditional for query parameters (the POST's form schema
                # says it, with if/then): valid GETs always carry one.
                strategies[0] = operation.as_strategy(
                    GenerationMode.POSITIVE, query={"callback": "handle"}
                )
                strategies.append(operation.as_strategy(query=tagged))
            else:
                strategies.append(operation.as_strategy(body=tagged))

        @given(case=st.one_of(strategies))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def keeps_to_contract(case):
            assume(sent_as_generated(case))
            statuses.append(case.call_and_validate().status_code)

        keeps_to_contract()

    # The run reached real articles and rejected bad input, not only 404s.
    assert {200, 400, 404, 422} <= set(statuses)


def test_openapi_types_the_translation_fields(client):
    schema = client.get(f"{API}/openapi.json").json()
    components = schema["components"]["schemas"]
    summary = components["ArticleSummary"]["properties"]
    status = summary["translation_status"]["anyOf"][0]
    assert set(status["enum"]) == {
        "source",
        "complete",
        "outdated",
        "partial",
        "not_started",
    }
    assert "translation_status" not in components["ArticleSummary"].get("required", [])
    progress = components["TranslationProgress"]
    assert progress["properties"]["translated"]["type"] == "integer"
    not_found = components["ArticleNotFound"]["properties"]
    assert not_found["available_locales"]["items"]["type"] == "string"
    parameters = {
        parameter["name"]: parameter
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
    }
    assert parameters["include_incomplete"]["schema"]["type"] == "boolean"


def test_openapi_types_the_source_update(client):
    schema = client.get(f"{API}/openapi.json").json()
    components = schema["components"]["schemas"]
    update = components["SourceUpdate"]
    assert set(update["required"]) == {"locale", "updated_at", "translated_at", "url"}
    assert update["properties"]["updated_at"]["format"] == "date-time"
    article = components["PatientInfoPage"]["properties"]["source_update"]
    assert {"$ref": "#/components/schemas/SourceUpdate"} in article["anyOf"]
    assert {"type": "null"} in article["anyOf"]
    translated_from = components["TranslatedWork"]["properties"]["dateModified"]
    assert translated_from["anyOf"][0]["format"] == "date-time"
