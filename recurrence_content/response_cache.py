"""Whole responses of the app's pages and feed for anonymous readers,
answered before Wagtail or the feed's router sees the request.

A patient's request for a cached article, or an app's for a cached feed
response, costs a few cache reads and no SQL query. ``ResponseCacheMiddleware``
goes first in MIDDLEWARE (check W005), so it stores each response with every
header and cookie the other middleware added.

What is stored: a 200 answer to a GET that the app's page or feed view marked
shareable (``mark_cacheable``, naming the query parameters it understands and
the values each may take), for a request without a session cookie or an
Authorization header, whose query string has only those parameters, once each,
with values in their domain (``shareable_query``), that sets no cookie and
used no CSRF token, and is not marked private, no-store or no-cache.
Everything else passes through untouched, so editors, previews, logged-in
readers, private pages and made-up query strings, names or values (which would
fill the cache with copies) never are.

Keys carry the cache's version (``cache_version.RESPONSES``), which any
publication, unpublication, move or deletion of a page, and any change to a
site, a view restriction, a locale, wagtail-localize's records or the review
settings, moves on: every server sharing the cache (e.g. Redis) stops using the
old responses at once. Responses honour their ``Vary`` headers as Django's own
cache middleware does. A down cache means every response is built as if there
were no cache (``tolerant_cache``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    has_vary_header,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe
from wagtail.coreutils import get_content_languages

from .cache_version import RESPONSES
from .conf import get_setting
from .tolerant_cache import TolerantCache
from .translation.serving import UNAVAILABLE_PARAM

PREFIX = "recurrence_content:responses"
# Set on a response by the view that produced it: the query parameters with
# which it may be shared.
CACHEABLE = "recurrence_content_cacheable"
# Cache-Control directives that forbid sharing a response.
NOT_SHARED = {"private", "no-store", "no-cache"}

# A query parameter's name and whether a value is one worth sharing: in the
# parameter's domain and written the one way the app writes it.
QueryParams = Mapping[str, Callable[[str], bool]]


def is_served_language(value: str) -> bool:
    """A language code of the site (WAGTAIL_CONTENT_LANGUAGES)."""
    return value in dict(get_content_languages())


def shareable_query(query, query_params: QueryParams) -> bool:
    """Whether a request with ``query`` (its ``request.GET``) may share a
    response: only names in ``query_params``, each once, each value accepted
    by its check, so made-up names or values cannot fill a cache."""
    return all(
        name in query_params and len(values) == 1 and query_params[name](values[0])
        for name, values in query.lists()
    )


def mark_cacheable(response: HttpResponse, query_params: QueryParams) -> HttpResponse:
    """Let ``ResponseCacheMiddleware`` share ``response`` among anonymous
    readers when the request's query is one ``shareable_query`` accepts (it
    still checks the request and the response's headers)."""
    setattr(response, CACHEABLE, query_params)
    return response


PAGE_PARAMS: QueryParams = {UNAVAILABLE_PARAM: is_served_language}


def mark_page_cacheable(page, request: HttpRequest, response: HttpResponse):
    """A served page of the app is the same for every anonymous reader of its
    URL until content changes (a page feature: previews never pass here)."""
    return mark_cacheable(response, PAGE_PARAMS)


class ResponseCacheMiddleware:
    """Answer anonymous readers from the response cache; store what the
    app's pages and feed give them (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = get_setting("RESPONSE_CACHE_TIMEOUT")
        if not timeout or not _shared_request(request):
            return self.get_response(request)
        cache = RESPONSES.cache()
        version = RESPONSES.current(cache)
        if version is None:  # the cache is down: render
            return self.get_response(request)
        store = _Store(cache, version, request)
        cached = store.get()
        if cached is not None:
            return _answer(request, cached)
        response = self.get_response(request)
        if request.method == "GET" and _shareable(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            store.put(response, timeout)
            return _answer(request, response)
        return response


def _shared_request(request: HttpRequest) -> bool:
    """Whether ``request`` is one every anonymous reader makes alike."""
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_dummy", False):
        return False  # Wagtail's preview, through the middleware, at the page's URL
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # an editor or a signed-in reader: their own page
    return "Authorization" not in request.headers


def _shareable(request: HttpRequest, response: HttpResponse) -> bool:
    params = getattr(response, CACHEABLE, None)
    # Only parameters and values the view understands: any other query string
    # would let anyone fill the cache with copies of one response.
    if params is None or not shareable_query(request.GET, params):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a token tied to one reader's cookie
    directives = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & NOT_SHARED and not has_vary_header(response, "*")


def _answer(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """``response``, or a 304 when the reader's copy is current; no body for
    a HEAD."""
    response = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    if request.method == "HEAD" and response.status_code == 200:
        response.content = b""
    return response


class _Store:
    """One request's entries: the list of headers its URL's responses vary
    on, and the response for this request's values of them."""

    def __init__(self, cache: TolerantCache, version: int, request: HttpRequest):
        self.cache = cache
        self.request = request
        self.prefix = f"{PREFIX}:{version}"
        self.url = _digest(request.build_absolute_uri())

    def get(self) -> HttpResponse | None:
        varies = self.cache.get(f"{self.prefix}:vary:{self.url}")
        if varies is None:
            return None
        entry = self.cache.get(self._response_key(varies))
        if entry is None:
            return None
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response

    def put(self, response: HttpResponse, timeout: int) -> None:
        varies = sorted(
            {
                header.strip().lower()
                for header in cc_delim_re.split(response.get("Vary", ""))
                if header.strip()
            }
        )
        self.cache.set(f"{self.prefix}:vary:{self.url}", varies, timeout)
        entry = (response.content, list(response.items()))
        self.cache.set(self._response_key(varies), entry, timeout)

    def _response_key(self, varies: list[str]) -> str:
        values = [self.request.headers.get(header, "") for header in varies]
        return f"{self.prefix}:page:{self.url}:{_digest(repr(values))}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
