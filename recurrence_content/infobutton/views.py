"""``GET /recurrence-content/infobutton/``: an HL7 URL-based Infobutton
request, answered as MedlinePlus Connect answers it."""

from __future__ import annotations

import json

from django.http import HttpResponse, JsonResponse
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from wagtail.models import Site

from ..coding import SYSTEMS
from ..conf import get_setting
from ..delivery import visibility
from ..delivery.caching import Built, cache_key, cached_response
from ..delivery.http import ValidationErrors, add_cors_headers, conditional_response
from ..delivery.json_ld import publisher_name
from ..delivery.openapi import OpenAPIPart
from . import formats, params
from .schemas import InfobuttonFeed
from .search import find_entries

CONTENT_TYPES = {
    params.XML: "text/xml; charset=utf-8",
    params.JSON: "application/json; charset=utf-8",
    params.JSONP: "application/javascript; charset=utf-8",
}

TAG = {
    "name": "infobutton",
    "description": "Articles for a clinical code, as an EHR asks for them "
    "(HL7 Infobutton, URL-based).",
}

api = NinjaAPI(
    title="Infobutton",
    version="1",
    urls_namespace="recurrence_content_infobutton",
    openapi_url=None,
    docs_url=None,
)


def bad_request(name: str, message: str) -> JsonResponse:
    """A 400 naming the parameter, shaped like the feed's 422s."""
    return JsonResponse(
        {"detail": [{"loc": ["query", name], "msg": message, "type": "value_error"}]},
        status=400,
    )


@api.exception_handler(ValidationError)
def invalid_parameter(request, error: ValidationError) -> HttpResponse:
    # An EHR expects 400 for a bad request, not django-ninja's 422.
    first = error.errors[0]
    return bad_request(str(first["loc"][-1]), first["msg"])


@api.get(
    "/",
    response={200: InfobuttonFeed, 304: None, 400: ValidationErrors},
    url_name="infobutton",
    operation_id="findArticlesByCode",
    summary="Articles for a clinical code (HL7 Infobutton, URL-based)",
    tags=["infobutton"],
    # The JSON form's keys (``_value``, ``lastReviewed``) are aliases.
    by_alias=True,
)
def infobutton(
    request,
    code: str | None = Query(
        None,
        alias=params.CODE,
        description="The code, e.g. `Z85.3` (ICD-10-CM, with or without the dot).",
    ),
    code_system: str | None = Query(
        None,
        alias=params.CODE_SYSTEM,
        description="The code system's HL7 OID: `2.16.840.1.113883.6.90` "
        "(ICD-10-CM), `2.16.840.1.113883.6.96` (SNOMED CT), "
        "`2.16.840.1.113883.6.1` (LOINC), `2.16.840.1.113883.6.88` (RxNorm).",
    ),
    display_name: str | None = Query(
        None,
        alias=params.DISPLAY_NAME,
        description="The code's name; accepted and not used (its language "
        "is unknown, so it is not echoed).",
    ),
    language: str | None = Query(
        None,
        alias=params.LANGUAGE,
        description="The patient's language, e.g. `es`; the site's default "
        "language when omitted. Articles without a complete translation in "
        "it come in their source language, marked with theirs.",
    ),
    response_type: str | None = Query(
        None,
        alias=params.RESPONSE_TYPE,
        description="`text/xml` (Atom, the default), `application/json` or "
        "`application/javascript` (JSONP, with `callback`).",
    ),
    callback: str | None = Query(
        None, description="The JSONP function name (letters, digits, `_`, `$`)."
    ),
):
    """Live, public articles of this site tagged with the code (ICD-10-CM:
    or with a code above it), at most RECURRENCE_CONTENT_INFOBUTTON_MAX_RESULTS.
    An unknown code gives an empty feed. Other Infobutton parameters (age,
    gender, task context...) are accepted and ignored."""
    try:
        query = params.parse_query(
            code, code_system, display_name, language, response_type, callback
        )
    except params.BadParameter as error:
        return add_cors_headers(request, bad_request(error.name, error.message))

    def build() -> Built:
        site = Site.find_for_request(request)
        entries = find_entries(request, query)
        language = (
            query.language
            if query.requested_language
            else visibility.default_locale().language_code
        )
        data = formats.feed_data(
            request, query, entries, publisher_name(site), language or ""
        )
        # Last-Modified: the newest publication among the answers.
        updated = max((e.updated for e in entries if e.updated), default=None)
        # Codes that find nothing are as many as anyone can type: not kept.
        return Built(data, updated, None, store=bool(entries))

    # Keyed by what the stored JSON depends on: the format and callback are
    # applied to it below, and the other Infobutton parameters (age, gender,
    # a display name...) are ignored, so none of them makes a new key.
    understood = [
        query.system.uri,
        query.requested_code,
        query.requested_language,
        get_setting("INFOBUTTON_MAX_RESULTS"),
    ]
    key = cache_key(request, "infobutton", query=understood)
    cached = cached_response(request, key, build)
    if query.response_type == params.JSON:
        body = cached.body
    else:
        data = json.loads(cached.body)
        body = (
            formats.to_jsonp(data, query.callback)
            if query.response_type == params.JSONP
            else formats.to_atom(data)
        )
    return conditional_response(
        request, cached, body, CONTENT_TYPES[query.response_type]
    )


def openapi_part() -> OpenAPIPart:
    """The endpoint's OpenAPI paths, component schemas and tag, for the feed's
    document: one contract for everything the app serves.

    The 200 is also described as Atom XML and JSONP, which django-ninja
    cannot declare itself.
    """
    schema = api.get_openapi_schema()
    # What parse_query accepts, so a client (and Schemathesis) knows which
    # requests are valid; the view checks them itself, to word its 400s.
    constraints = {
        params.CODE: ({"minLength": 1, "pattern": r"\S"}, True),
        params.CODE_SYSTEM: ({"enum": [system.oid for system in SYSTEMS]}, True),
        params.LANGUAGE: ({"pattern": params.LANGUAGE_TAG.pattern}, False),
        params.RESPONSE_TYPE: ({"enum": list(params.RESPONSE_TYPES)}, False),
        params.CALLBACK: (
            {
                "pattern": params.CALLBACK_NAME.pattern,
                "maxLength": params.MAX_CALLBACK_LENGTH,
            },
            False,
        ),
    }
    for path in schema["paths"].values():
        for parameter in path["get"]["parameters"]:
            if parameter["name"] in constraints:
                extra, required = constraints[parameter["name"]]
                parameter["schema"] = {"type": "string", **extra}
                parameter["required"] = required
        # django-ninja keys responses by int status until JSON-encoded.
        content = path["get"]["responses"][200]["content"]
        for kind in (params.XML, params.JSONP):
            content[CONTENT_TYPES[kind].split(";")[0]] = {"schema": {"type": "string"}}
    return OpenAPIPart(
        paths=schema["paths"],
        components=schema.get("components", {}).get("schemas", {}),
        tags=[TAG],
    )
