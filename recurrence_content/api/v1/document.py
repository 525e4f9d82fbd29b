"""``FeedAPI``: django-ninja's NinjaAPI, made to keep the feed's contract.

The OpenAPI document follows the settings read per request (so it always
matches what the views accept) and carries what client generators and
linters look for: servers, licence, tags, public security, one ``Locale``
enum, 304s without a body. Error bodies are exactly their declared schemas.
"""

from __future__ import annotations

import posixpath

from django.http import HttpResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from wagtail.coreutils import get_content_languages

from ...conf import get_setting
from ...delivery.http import add_cors_headers
from ...delivery.openapi import openapi_parts
from . import queries

LOCALE_REF = {"$ref": "#/components/schemas/Locale"}
ARTICLES_TAG = {
    "name": "articles",
    "description": "Live, public patient-information articles of this site.",
}
CONTENT_FILES_TAG = {
    "name": "content files",
    "description": "The same articles in the content file format, with their "
    "translations, for another site to load (docs/updates.md).",
}


class FeedAPI(NinjaAPI):
    """NinjaAPI with CORS headers on every response (errors included), error
    bodies as declared, and the OpenAPI document described above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_exception_handler(ValidationError, self._validation_error)
        self.add_exception_handler(HttpError, self._http_error)

    def create_response(self, request, data, *args, **kwargs) -> HttpResponse:
        response = super().create_response(request, data, *args, **kwargs)
        return add_cors_headers(request, response)

    def _validation_error(self, request, exc: ValidationError) -> HttpResponse:
        # Pydantic adds members (ctx, input, url) that ``ErrorDetail`` does not
        # declare; a strict client would refuse them.
        detail = [
            {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
            for error in exc.errors
        ]
        return self.create_response(request, {"detail": detail}, status=422)

    def _http_error(self, request, exc: HttpError) -> HttpResponse:
        body = {"detail": str(exc)}
        if exc.status_code == 404:
            body["available_locales"] = []
        return self.create_response(request, body, status=exc.status_code)

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        # One document for everything the app serves (the feed and the
        # channels registered with it, such as the Infobutton), its paths
        # relative to where the host mounted them, so a client generated from
        # it works on any site.
        parts = openapi_parts()
        root = self.get_root_path(path_params or {})
        base = posixpath.commonpath(
            [root, *(path for part in parts for path in part.paths)]
        )
        base = base.rstrip("/")
        schema = super().get_openapi_schema(
            path_prefix=root[len(base) :], path_params=path_params
        )
        schema["servers"] = [
            {"url": base or "/", "description": "This site's patient information."}
        ]
        schema["tags"] = [ARTICLES_TAG, CONTENT_FILES_TAG]
        for part in parts:
            schema["paths"].update(
                {path[len(base) :]: op for path, op in part.paths.items()}
            )
            schema.setdefault("components", {}).setdefault("schemas", {}).update(
                part.components
            )
            schema["tags"].extend(part.tags)
            if part.security_schemes:
                schema["components"].setdefault("securitySchemes", {}).update(
                    part.security_schemes
                )
        # The feed is public: no authentication, said explicitly (a channel
        # that needs some, such as CDS Hooks, says so on its operations).
        schema["security"] = []
        license_name = get_setting("LICENSE_TEXT")
        if license_name:
            schema["info"]["license"] = {"name": license_name}
            if get_setting("LICENSE_URL"):
                schema["info"]["license"]["url"] = get_setting("LICENSE_URL")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["Locale"] = {
            "title": "Locale",
            "description": "A language this site publishes articles in.",
            "type": "string",
            "enum": list(get_content_languages()),
        }
        limits = {
            "limit": {"maximum": get_setting("FEED_MAX_LIMIT")},
            "modified_since": {"format": "date-time"},
            "code": {"pattern": queries.code_pattern()},
        }
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for parameter in operation.get("parameters", []):
                    if parameter["name"] == "locale":
                        # An absent parameter is "any language": no null needed.
                        parameter["schema"] = LOCALE_REF
                    elif parameter["name"] in limits:
                        _narrow(parameter["schema"], limits[parameter["name"]])
                # django-ninja keys responses by int status until JSON-encoded.
                not_modified = operation.get("responses", {}).get(304)
                if not_modified is not None:
                    not_modified.pop("content", None)
        return schema


def _narrow(schema: dict, constraints: dict) -> None:
    """Add ``constraints`` to a parameter schema, inside ``anyOf`` if optional."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") != "null":
            option.update(constraints)
