"""What the response cache may share of an index page: each page of its list.

``listing.page_of`` answers 404 to any ``?page=`` value but a page number in
range, so the cache holds at most one copy per page of the list.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from .models import PatientInfoIndexPageMixin
from .models.listing import PAGE_PARAM
from .response_cache import CACHEABLE, mark_cacheable


def mark_index_pages_cacheable(page, request: HttpRequest, response: HttpResponse):
    """Let an index page's ``?page=N`` be shared like the page itself (a page
    feature, after the response cache's own)."""
    params = getattr(response, CACHEABLE, None)
    if params is not None and isinstance(page, PatientInfoIndexPageMixin):
        mark_cacheable(response, params | {PAGE_PARAM})
    return response
