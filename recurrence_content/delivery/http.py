"""HTTP details every channel's responses share: validators, Cache-Control,
CORS, and the body of a request refused for a bad parameter."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from ninja import Schema

from ..conf import get_setting
from .caching import CachedResponse

JSON = "application/json; charset=utf-8"


def json_response(request, cached: CachedResponse) -> HttpResponse:
    """A 200 with ETag, Last-Modified and Cache-Control, or a 304 when the
    client's If-None-Match / If-Modified-Since still matches.

    Content-Language is the body's; set here, LocaleMiddleware keeps it
    rather than naming the active language. A HEAD gets the headers of the
    GET, its Content-Length included, and no body.
    """
    return conditional_response(request, cached, cached.body, JSON)


def conditional_response(
    request, cached: CachedResponse, body: bytes, content_type: str
) -> HttpResponse:
    """``body`` (a form of ``cached``) with ``cached``'s validators and
    Content-Language, as ``json_response`` sends it."""
    response = HttpResponse(body, content_type=content_type)
    if cached.language:
        response["Content-Language"] = cached.language
    response["ETag"] = cached.etag
    if cached.last_modified is not None:
        response["Last-Modified"] = http_date(cached.last_modified)
    response["Cache-Control"] = get_setting("FEED_CACHE_CONTROL")
    response = get_conditional_response(
        request,
        etag=cached.etag,
        last_modified=None
        if cached.last_modified is None
        else int(cached.last_modified),
        response=response,
    )
    if request.method == "HEAD" and response.status_code == 200:
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return add_cors_headers(request, response)


def add_cors_headers(request, response: HttpResponse) -> HttpResponse:
    """Let the origins in RECURRENCE_CONTENT_FEED_CORS_ALLOWED_ORIGINS read it.

    Done here rather than by middleware so a host need not add any, and only
    for the feed's own URLs.
    """
    allowed = get_setting("FEED_CORS_ALLOWED_ORIGINS") or []
    if not allowed:
        return response
    patch_vary_headers(response, ["Origin"])
    origin = request.headers.get("Origin")
    if origin and ("*" in allowed or origin in allowed):
        response["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        if request.method == "OPTIONS":
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = (
                "If-None-Match, If-Modified-Since"
            )
            response["Access-Control-Max-Age"] = "86400"
    return response


class ErrorDetail(Schema):
    """One problem with one parameter."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrors(Schema):
    """Which parameter was wrong, and why."""

    detail: list[ErrorDetail]
