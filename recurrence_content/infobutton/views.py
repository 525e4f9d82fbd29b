"""``GET /recurrence-content/infobutton/`` (and ``HEAD``, and a form-encoded
``POST``): an HL7 URL-based Infobutton request, answered as MedlinePlus
Connect answers it."""

from __future__ import annotations

import copy
import json

from django.http import HttpResponse, JsonResponse
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from wagtail.models import Site

from ..cache_tags import ancestor_tags, list_tag
from ..conf import get_setting
from ..delivery import visibility
from ..delivery.caching import Built, cache_key, cached_response
from ..delivery.http import ValidationErrors, add_cors_headers, conditional_response
from ..delivery.json_ld import publisher_name
from ..delivery.openapi import OpenAPIPart
from . import formats, params
from .page import patient_page
from .schemas import InfobuttonFeed
from .search import find_entries

CONTENT_TYPES = {
    params.XML: "text/xml; charset=utf-8",
    params.ATOM: "application/atom+xml; charset=utf-8",
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


def bad_request(name: str, message: str, where: str = "query") -> JsonResponse:
    """A 400 naming the parameter (in the ``query`` or the ``form``), shaped
    like the feed's 422s."""
    return JsonResponse(
        {"detail": [{"loc": [where, name], "msg": message, "type": "value_error"}]},
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
        description="The code system's HL7 OID, plain or as `urn:oid:`. "
        "Articles are tagged in `2.16.840.1.113883.6.90` (ICD-10-CM), "
        "`2.16.840.1.113883.6.96` (SNOMED CT), `2.16.840.1.113883.6.1` "
        "(LOINC) and `2.16.840.1.113883.6.88` (RxNorm); any other OID "
        "(ICD-9-CM, NDC, CPT...) answers with an empty feed.",
    ),
    display_name: str | None = Query(
        None,
        alias=params.DISPLAY_NAME,
        description="The code's name; not used to search, echoed in the "
        "feed's `category` as MedlinePlus Connect echoes it.",
    ),
    language: str | None = Query(
        None,
        alias=params.LANGUAGE,
        description="The patient's language: `es`, `es-MX`, `es_MX` or "
        "ISO 639-2 `spa`; the site's default language when omitted or blank. "
        "Articles without a complete translation in it come in their source "
        "language, marked with theirs.",
    ),
    recipient: str | None = Query(
        None,
        alias=params.RECIPIENT,
        description="Who the information is for (`PAT`, `PROV`...); echoed "
        "in the feed's `category` (`PAT` when omitted). The articles are "
        "patient information whatever it says.",
    ),
    response_type: str | None = Query(
        None,
        alias=params.RESPONSE_TYPE,
        description="`text/xml` (Atom, the default) or `application/atom+xml` "
        "(the same Atom), `application/json`, `application/javascript` (JSONP: "
        "`callback` is then required) or `text/html` (a page for the "
        "patient's browser: the article itself when exactly one matches). "
        "Any case; media type parameters such as `;charset=utf-8` are ignored.",
    ),
    callback: str | None = Query(
        None,
        description="The JSONP function name (letters, digits, `_`, `$`, dots "
        "between names). **Required when `knowledgeResponseType` is "
        "`application/javascript`**, checked whenever sent.",
    ),
):
    """Live, public articles of this site tagged with the code (ICD-10-CM:
    or with a code above it), at most RECURRENCE_CONTENT_INFOBUTTON_MAX_RESULTS.
    An unknown code, or a code system no article is tagged in, gives an
    empty feed. Other Infobutton parameters (age, gender, task context...)
    are accepted and ignored. The same parameters may be sent as a
    form-encoded POST (HL7's URL-based guide, 3.5). Blank parameters count
    as absent; a parameter sent twice with different values is refused
    (400): send one request per code."""
    # The parameters are declared above for the OpenAPI document; they are
    # read from the request itself, every value, to see blanks and repeats.
    form = request.method == "POST"
    try:
        query = params.parse_query(request.POST if form else request.GET)
    except params.BadParameter as error:
        where = "form" if form else "query"
        return add_cors_headers(request, bad_request(error.name, error.message, where))

    def build() -> Built:
        site = Site.find_for_request(request)
        entries = find_entries(request, query)
        language = query.language or visibility.default_locale().language_code
        data = formats.feed_data(
            request, query, entries, publisher_name(site), language
        )
        # Last-Modified: the newest publication among the answers.
        updated = max((e.updated for e in entries if e.updated), default=None)
        # An article of any language may answer for the code (a language
        # without a translation gets the source's). Codes that find nothing
        # are as many as anyone can type: not kept.
        tags = {list_tag(None): None, **ancestor_tags(entries)}
        return Built(data, updated, formats.languages(data), tags, store=bool(entries))

    # Keyed by what the stored feed depends on (the format and callback are
    # applied to it below; a POST's form is not in the URL), so parameters
    # the endpoint ignores (age, gender...) make no new key.
    understood = [*query.cache_parts(), get_setting("INFOBUTTON_MAX_RESULTS")]
    key = cache_key(request, "infobutton", query=understood)
    cached = cached_response(request, key, build)
    if query.response_type == params.HTML:
        return patient_page(request, json.loads(cached.body))
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


# HEAD answers as GET does, without the body (``conditional_response``), and a
# form-encoded POST as GET does; both kept out of django-ninja's document
# (``openapi_part`` describes the POST's form).
api.api_operation(
    ["HEAD", "POST"],
    "/",
    response={200: None, 304: None, 400: ValidationErrors},
    include_in_schema=False,
)(infobutton)


def _form_operation(get: dict) -> dict:
    """The form-encoded POST (HL7's URL-based guide, 3.5): GET's parameters
    as the form's fields, where the callback rule can be written down."""
    fields = {
        p["name"]: {**p["schema"], "description": p["description"]}
        for p in get["parameters"]
    }
    form = {
        "type": "object",
        "properties": fields,
        "required": sorted(p["name"] for p in get["parameters"] if p["required"]),
        # JSONP needs a callback.
        "if": {
            "properties": {
                params.RESPONSE_TYPE: {"pattern": params.JSONP_VALUE.pattern}
            },
            "required": [params.RESPONSE_TYPE],
        },
        "then": {
            "required": [params.CALLBACK],
            # Not blank: a blank value counts as absent.
            "properties": {params.CALLBACK: {"pattern": params.CALLBACK_NAME.pattern}},
        },
    }
    return {
        **copy.deepcopy({k: v for k, v in get.items() if k != "parameters"}),
        "operationId": "findArticlesByCodeInForm",
        "summary": "Articles for a clinical code, asked in a form-encoded POST",
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": form}},
        },
    }


def openapi_part() -> OpenAPIPart:
    """The endpoint's OpenAPI paths, component schemas and tag, for the feed's
    document: one contract for everything the app serves.

    The 200 is also described as Atom XML, JSONP and HTML, the 302 of
    ``text/html``, and the form-encoded POST, which django-ninja cannot
    declare itself.
    """
    schema = api.get_openapi_schema()
    # What parse_query accepts, so a client (and Schemathesis) knows which
    # requests are valid; the view checks them itself, to word its 400s.
    required = {params.CODE, params.CODE_SYSTEM}
    [path] = schema["paths"].values()
    get = path["get"]
    for parameter in get["parameters"]:
        name = parameter["name"]
        parameter["schema"] = {
            "type": "string",
            "not": {"pattern": params.CONTROL_CHARACTER.pattern},
        }
        if name in params.PATTERNS:
            parameter["schema"]["pattern"] = params.PATTERNS[name]
        if name == params.CALLBACK:
            parameter["schema"]["maxLength"] = params.MAX_CALLBACK_LENGTH
        parameter["required"] = name in required
    # django-ninja keys responses by int status until JSON-encoded.
    responses = get["responses"]
    content = responses[200]["content"]
    for kind in (params.XML, params.ATOM, params.JSONP):
        content[CONTENT_TYPES[kind].split(";")[0]] = {"schema": {"type": "string"}}
    content[params.HTML] = {"schema": {"type": "string"}}
    responses[200]["description"] = (
        "The feed: Atom (`text/xml`, `application/atom+xml`), JSON, JSONP, or "
        "for `text/html` a page listing the matches (or saying there are none)."
    )
    responses[302] = {
        "description": "`text/html` and exactly one match: the article's page.",
        "headers": {"Location": {"schema": {"type": "string", "format": "uri"}}},
    }
    responses[400]["description"] = (
        "A parameter to fix, named in `loc`: a missing code or code system, a "
        "code system that is not an OID, an unknown response type or language "
        "code, a bad callback, `application/javascript` without `callback`, "
        "or a parameter sent twice with different values."
    )
    path["post"] = _form_operation(get)
    return OpenAPIPart(
        paths=schema["paths"],
        components=schema.get("components", {}).get("schemas", {}),
        tags=[TAG],
    )
