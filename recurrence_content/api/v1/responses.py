"""What the feed's endpoints share in answering: the cached JSON response."""

from django.http import HttpResponse

from ...delivery.caching import cache_key, cached_response
from ...delivery.http import json_response
from ...response_cache import QueryParams, answers, mark_cacheable, shareable_query


def cached_json_response(request, params: QueryParams, build) -> HttpResponse:
    """``build()``'s answer as JSON, from the feed's cache when the request's
    query is one worth keeping and the response cache will not keep it
    instead; marked for the response cache with what it shows."""
    key = cache_key(request) if shareable_query(request.GET, params) else None
    cached = cached_response(request, key, build, not answers(request, params))
    return mark_cacheable(json_response(request, cached), params, cached.tags)
