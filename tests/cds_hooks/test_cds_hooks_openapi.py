"""The CDS Hooks endpoints in the feed's OpenAPI document, and the service
keeping to it under generated input (Schemathesis)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.cds_hooks.conftest import BASE, SNOMED, condition, hook_request
from tests.factories import make_article
from tests.feed.helpers import API
from tests.infobutton.conftest import tag

pytestmark = pytest.mark.django_db

OPENAPI_URL = f"{API}/openapi.json"
SECURITY = [{"CdsHooksJWT": []}]


def test_the_document_describes_both_endpoints_and_their_bearer_jwt(client):
    document = client.get(OPENAPI_URL).json()

    validate(document)
    discovery = document["paths"]["/cds-services"]["get"]
    service = document["paths"]["/cds-services/patient-education"]["post"]
    assert discovery["operationId"] == "discoverCdsServices"
    assert service["operationId"] == "patientEducationCards"
    assert document["components"]["securitySchemes"]["CdsHooksJWT"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    }
    # The feed stays public; only these operations need the EHR's token.
    assert document["security"] == []
    assert discovery["security"] == service["security"] == SECURITY
    assert set(service["responses"]) == {"200", "400", "401", "412"}
    body = service["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/CdsHookRequest"}
    card = document["components"]["schemas"]["CdsCard"]
    assert card["properties"]["summary"]["maxLength"] == 139
    assert "cds-hooks" in [tag["name"] for tag in document["tags"]]


@pytest.fixture
def cds_schema(host_page, ehr):
    """The document over WSGI, with a tagged article."""
    tag(make_article(host_page, body=[]), ("snomed", "254837009"))
    # As Django's test client does, keep the database connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi(OPENAPI_URL, get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_service_keeps_to_its_contract(cds_schema, ehr):
    """No 5xx, and every status, header and body as the document says; each
    call signed by the EHR (Schemathesis also tries it with a bad token)."""
    operations = [
        result.ok()
        for result in cds_schema.get_all_operations()
        if "/cds-services" in result.ok().path
    ]
    assert len(operations) == 2
    statuses = []
    for operation in operations:
        strategies = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        if operation.method == "post":
            # Random bodies rarely hold a FHIR Bundle: also the spec's example.
            strategies.append(
                operation.as_strategy(
                    body=hook_request(condition((SNOMED, "254837009")))
                )
            )

        @given(case=st.one_of(strategies))
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def keeps_to_contract(case):
            # Schemathesis calls over WSGI as http://localhost.
            path = BASE + case.formatted_path
            headers = ehr.headers(path, host="http://localhost")
            # Whether a prefetch is valid FHIR is more than OpenAPI can say
            # (the FHIR R4 schema): a schema-valid body may still be a 400.
            excluded = [positive_data_acceptance] if case.method == "POST" else []
            response = case.call_and_validate(headers=headers, excluded_checks=excluded)
            statuses.append(response.status_code)

        keeps_to_contract()

    assert {200, 400} <= set(statuses)
