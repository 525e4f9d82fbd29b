"""``GET {base}/cds-services`` (discovery) and ``POST
{base}/cds-services/patient-education`` (the ``patient-view`` hook), as
CDS Hooks 2.0 defines them."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ..delivery.openapi import OpenAPIPart
from .auth import CdsHooksJWT
from .cards import find_cards
from .prefetch import PREFETCH, BadPrefetch, MissingPrefetch, read_prefetch
from .schemas import CdsCards, CdsDiscovery, CdsHookRequest, CdsProblem

SERVICE_ID = "patient-education"
HOOK = "patient-view"

TAG = {
    "name": "cds-hooks",
    "description": "Cards for an EHR's patient-view hook (CDS Hooks 2.0), "
    "linking to this site's articles for the patient's active conditions.",
}

api = NinjaAPI(
    title="CDS Hooks",
    version="2.0",
    urls_namespace="recurrence_content_cds_hooks",
    openapi_url=None,
    docs_url=None,
    auth=CdsHooksJWT(),
)


def problem(status: int, message: str) -> JsonResponse:
    """An error as ``{"detail": "<what to fix>"}``."""
    return JsonResponse({"detail": message}, status=status)


@api.exception_handler(ValidationError)
def invalid_request(request, error: ValidationError) -> HttpResponse:
    # A malformed request is a 400 naming the field, not django-ninja's 422.
    first = error.errors[0]
    # The location inside the body: ("body", "call", "context", "patientId").
    where = ".".join(str(part) for part in first["loc"][2:]) or "body"
    return problem(400, f"{where}: {first['msg']}")


@api.exception_handler(AuthenticationError)
def unauthenticated(request, error: AuthenticationError) -> HttpResponse:
    response = problem(401, str(error))
    response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
    return response


@api.exception_handler(HttpError)
def http_error(request, error: HttpError) -> HttpResponse:
    # django-ninja's own 400s (a body that is not JSON) in the same shape.
    return problem(error.status_code, str(error))


@api.get(
    "/cds-services",
    response={200: CdsDiscovery, 401: CdsProblem},
    url_name="discovery",
    operation_id="discoverCdsServices",
    summary="The CDS Services of this site (CDS Hooks discovery)",
    tags=["cds-hooks"],
)
def discovery(request):
    """One service: `patient-education`, for the `patient-view` hook."""
    return {
        "services": [
            {
                "hook": HOOK,
                "title": "Patient education",
                "description": "Links to this hospital's patient-information "
                "articles for the patient's active conditions (ICD-10-CM and "
                "SNOMED CT), in the patient's preferred language when the "
                "article is translated into it.",
                "id": SERVICE_ID,
                "prefetch": PREFETCH,
            }
        ]
    }


@api.post(
    f"/cds-services/{SERVICE_ID}",
    response={200: CdsCards, 400: CdsProblem, 401: CdsProblem, 412: CdsProblem},
    url_name="patient_education",
    operation_id="patientEducationCards",
    summary="Cards for a patient-view hook (CDS Hooks)",
    tags=["cds-hooks"],
)
def patient_education(request, call: CdsHookRequest):
    """A card per matching live, public article (at most
    RECURRENCE_CONTENT_CDS_HOOKS_MAX_CARDS); `{"cards": []}` when none
    matches. 412 when the conditions were not prefetched."""
    try:
        view = read_prefetch(call.context.patientId, call.prefetch)
    except BadPrefetch as error:
        raise HttpError(400, str(error)) from None
    except MissingPrefetch as error:
        raise HttpError(412, str(error)) from None
    return {"cards": find_cards(request, view)}


def openapi_part() -> OpenAPIPart:
    """The service's OpenAPI paths, schemas and bearer security, for the
    feed's document: one contract for everything the app serves."""
    schema = api.get_openapi_schema()
    components = schema.get("components", {})
    return OpenAPIPart(
        paths=schema["paths"],
        components=components.get("schemas", {}),
        tags=[TAG],
        security_schemes=components.get("securitySchemes", {}),
    )
