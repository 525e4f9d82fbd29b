"""What the response cache may share of an index page: each page of its list.

``listing.page_of`` answers 404 to any ``?page=`` value but a page number in
range, so the cache holds at most one copy per page of the list.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from .models import PatientInfoIndexPageMixin
from .models.listing import PAGE_PARAM
from .response_cache import (
    CACHEABLE,
    PAGE_PARAMS,
    TAGS,
    mark_cacheable,
    serve_from_cache,
)


def is_page_number(value: str) -> bool:
    """A page number written one way ("2", not "02"); out of range is a 404."""
    return value.isdigit() and value == str(int(value)) and int(value) >= 1


def mark_index_pages_cacheable(page, request: HttpRequest, response: HttpResponse):
    """Let an index page's ``?page=N`` be shared like the page itself (a page
    feature, after the response cache's own)."""
    params = getattr(response, CACHEABLE, None)
    if params is not None and isinstance(page, PatientInfoIndexPageMixin):
        tags = getattr(response, TAGS, {})
        mark_cacheable(response, {**params, PAGE_PARAM: is_page_number}, tags)
    return response


def serve_index_pages_from_cache() -> None:
    """Wagtail's page URLs with ``?page=N`` may be answered from the cache."""
    serve_from_cache("wagtail_serve", {**PAGE_PARAMS, PAGE_PARAM: is_page_number})
