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

Each stored response carries the tags of what it shows (``cache_tags``): an
article page those of the article in every language and of its ancestors, a
feed answer those of its articles or its list. A change retires only the
responses that show it, on every server sharing the cache (e.g. Redis), and
the next render overwrites them in place; after an article's publication the
app renders it anew itself (``refresh``), and until then readers get the
version they had (``cache_tags.is_refreshing``). A request for a URL no view of the
app answers (the admin, documents, a query string no view understands) costs
no cache read. Responses honour their ``Vary`` headers as Django's own cache
middleware does. A down cache means every response is built as if there were
no cache (``tolerant_cache``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    has_vary_header,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe
from wagtail.coreutils import get_content_languages

from . import cache_tags
from .conf import get_setting
from .tolerant_cache import TolerantCache
from .translation.serving import UNAVAILABLE_PARAM

PREFIX = cache_tags.RESPONSES_PREFIX
# Set on a response by the view that produced it: the query parameters with
# which it may be shared, and the tags of what it shows.
CACHEABLE = "recurrence_content_cacheable"
TAGS = "recurrence_content_tags"
# Set by a view whose content does not change with some of the headers its
# response varies on: one copy serves every value of them.
SAME_FOR = "recurrence_content_same_for"
# Set on the requests ``refresh`` makes: they render, never take what the
# cache holds while it is being refreshed.
REFRESHING = "recurrence_content_refreshing"
# Cache-Control directives that forbid sharing a response.
NOT_SHARED = {"private", "no-store", "no-cache"}
# A query parameter's name and whether a value is one worth sharing: in the
# parameter's domain and written the one way the app writes it.
QueryParams = Mapping[str, Callable[[str], bool]]
# What a stored response shows (``cache_tags``): {tag: version or None}.
Tags = dict[str, str | None]


def is_served_language(value: str) -> bool:
    """A language code of the site (WAGTAIL_CONTENT_LANGUAGES)."""
    return value in dict(get_content_languages())


def is_canonical_int(value: str) -> bool:
    """A whole number written one way ("20", not "020" or "+20"): one cache
    entry per number."""
    return value.isdigit() and value == str(int(value))


def shareable_query(query, query_params: QueryParams) -> bool:
    """Whether a request with ``query`` (its ``request.GET``) may share a
    response: only names in ``query_params``, each once, each value accepted
    by its check, so made-up names or values cannot fill a cache."""
    return all(
        name in query_params and len(values) == 1 and query_params[name](values[0])
        for name, values in query.lists()
    )


PAGE_PARAMS: QueryParams = {UNAVAILABLE_PARAM: is_served_language}
# The views whose responses may be kept, by URL name or namespace, with the
# query parameters they understand: any other URL costs no cache read.
_SERVED: dict[str, QueryParams] = {"wagtail_serve": PAGE_PARAMS}


def serve_from_cache(name: str, query_params: QueryParams) -> None:
    """Let the views of URL name or namespace ``name`` be answered from the
    response cache (an optional app registers its own)."""
    _SERVED[name] = query_params


def mark_cacheable(
    response: HttpResponse,
    query_params: QueryParams,
    tags: Tags | Callable[[], Tags] | None = None,
) -> HttpResponse:
    """Let ``ResponseCacheMiddleware`` share ``response`` among anonymous
    readers when the request's query is one ``shareable_query`` accepts (it
    still checks the request and the response's headers), until one of
    ``tags`` (``cache_tags``) moves. ``tags`` may be a function: it is then
    called only when the response is stored, so a reader the cache never
    serves pays no query for them."""
    setattr(response, CACHEABLE, query_params)
    setattr(response, TAGS, tags if callable(tags) else (lambda: tags or {}))
    return response


def response_tags(response: HttpResponse) -> Tags:
    """The tags ``mark_cacheable`` gave ``response`` (worked out now)."""
    return {cache_tags.EVERYTHING: None, **getattr(response, TAGS)()}


def mark_page_cacheable(page, request: HttpRequest, response: HttpResponse):
    """A served page of the app is the same for every anonymous reader of its
    URL until what it shows changes (a page feature: previews never pass here)."""
    # LocaleMiddleware varies an unprefixed URL on Accept-Language, but a
    # page renders in its own language whatever the reader's browser asks.
    setattr(response, SAME_FOR, {"accept-language"})
    return mark_cacheable(response, PAGE_PARAMS, lambda: cache_tags.page_tags(page))


def answers(request: HttpRequest, query_params: QueryParams) -> bool:
    """Whether the response cache keeps the answer to ``request`` when its
    view marks it cacheable with ``query_params``: the view's own cache then
    need not keep a second copy."""
    return (
        bool(get_setting("RESPONSE_CACHE_TIMEOUT"))
        and _shared_request(request)
        and shareable_query(request.GET, query_params)
    )


def holds(request: HttpRequest) -> bool:
    """Whether the response cache holds a response (current or retired) for
    ``request``'s URL: one cache read."""
    cache = cache_tags.tagged_cache(get_setting("RESPONSE_CACHE_ALIAS"))
    return cache.get(_Store(cache, request).vary_key) is not None


class ResponseCacheMiddleware:
    """Answer anonymous readers from the response cache; store what the
    app's pages and feed give them (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timeout = get_setting("RESPONSE_CACHE_TIMEOUT")
        if not timeout or not _shared_request(request) or not _served(request):
            return self.get_response(request)
        cache = cache_tags.tagged_cache(get_setting("RESPONSE_CACHE_ALIAS"))
        store = _Store(cache, request)
        cached = store.get()
        if cached is not None:
            return _answer(request, cached)
        response = self.get_response(request)
        if request.method == "GET" and _shareable(request, response):
            if not response.has_header("ETag"):
                set_response_etag(response)
            store.put(response, response_tags(response), timeout)
            return _answer(request, response)
        return response


def _served(request: HttpRequest) -> bool:
    """Whether a view the response cache may keep answers ``request``'s URL
    with its query string (no cache read for the others)."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        # Language prefixes resolve by the active language: the page may
        # still be Wagtail's.
        return True
    params = _SERVED.get(match.url_name, _SERVED.get(match.namespace))
    return params is not None and shareable_query(request.GET, params)


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


# What this process last read of each URL's vary entry (the headers its
# responses vary on and their tags), by URL digest: with it, a request reads
# the vary entry and the response in one round trip (and checks the first).
_layouts: dict[str, tuple[list[str], list[str]]] = {}
MAX_LAYOUTS = 10_000


class _Store:
    """One request's entries: the headers its URL's responses vary on with
    the tags they carry, and the response for this request's values of them."""

    def __init__(self, cache: TolerantCache, request: HttpRequest):
        self.cache = cache
        self.request = request
        url = _digest(request.build_absolute_uri())
        self.vary_key = f"{PREFIX}:vary:{url}"
        self.url = url
        self.found: dict[str, Any] = {}

    def get(self) -> HttpResponse | None:
        """The stored response, when every tag it was stored under is current
        or being refreshed (but not for the refresh itself): one cache read
        when this process has read the URL's vary entry before, else two."""
        layout = _layouts.get(self.url)
        if layout is not None:
            self.found = self._read(layout, self.vary_key)
            if self.found.get(self.vary_key) != layout:
                layout = None  # changed (or gone) since: read it again
        if layout is None:
            layout = self.cache.get(self.vary_key)
            if layout is None:
                return None
            self._remember(layout)
            self.found = self._read(layout)
        key = self._response_key(layout[0])
        entry = self.found.get(key)
        if entry is None:
            return None
        if not cache_tags.is_current(entry[0], self.found) and (
            getattr(self.request, REFRESHING, False)
            or not cache_tags.is_refreshing(entry[0], self.found)
        ):
            return None
        _versions, content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response

    def _read(self, layout: tuple, *more: str) -> dict[str, Any]:
        varies, tags = layout
        keys = [self._response_key(varies), *cache_tags.tag_keys(tags)]
        return self.cache.get_many([*keys, *cache_tags.refreshing_keys(tags), *more])

    def _remember(self, layout: tuple) -> None:
        if len(_layouts) >= MAX_LAYOUTS:
            _layouts.clear()
        _layouts[self.url] = layout

    def put(self, response: HttpResponse, tags: dict, timeout: int) -> None:
        """Keep ``response`` under the versions its tags had before it was
        built (where read), so a change during the build retires it."""
        before = {
            tag: self.found[key]
            for tag, key in zip(tags, cache_tags.tag_keys(tags), strict=True)
            if key in self.found
        }
        stored = cache_tags.snapshot(self.cache, tags, before)
        if stored is None:
            return
        varies = sorted(
            {
                header.strip().lower()
                for header in cc_delim_re.split(response.get("Vary", ""))
                if header.strip()
            }
            - getattr(response, SAME_FOR, set())
        )
        key = self._response_key(varies)
        layout = (varies, sorted(tags))
        self.cache.set(self.vary_key, layout, timeout)
        self._remember(layout)
        self.cache.set(key, (stored, response.content, list(response.items())), timeout)
        cache_tags.index_entry(self.cache, self.vary_key, stored)
        cache_tags.index_entry(self.cache, key, stored)

    def _response_key(self, varies: list[str]) -> str:
        values = [self.request.headers.get(header, "") for header in varies]
        return f"{PREFIX}:page:{self.url}:{_digest(repr(values))}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
