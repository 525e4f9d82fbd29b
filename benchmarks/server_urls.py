"""The example site's URLs plus a view that returns bytes from memory.

The ceiling: what gunicorn, Django's middleware and the network cost for the
article's bytes, with no page lookup and no rendering. And a count of the
requests the response cache did not answer (``count_renders``, after it in
MIDDLEWARE), for the working day's hit ratio.
"""

import os
from functools import cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.http import HttpResponse
from django.urls import path
from example_site.urls import urlpatterns as site_urlpatterns


@cache
def _body() -> bytes:
    return Path(os.environ["BENCH_CEILING_FILE"]).read_bytes()


def ceiling(request):
    return HttpResponse(_body(), content_type="text/html; charset=utf-8")


RENDERS = "bench:renders"


def count_renders(get_response):
    """Middleware: count the requests that get past the response cache."""

    def middleware(request):
        if not request.path.startswith("/bench/"):
            django_cache.add(RENDERS, 0, timeout=None)
            django_cache.incr(RENDERS)
        return get_response(request)

    return middleware


def renders(request):
    counts = (django_cache.get(RENDERS, 0), django_cache.get("bench:publishes", 0))
    return HttpResponse(f"{counts[0]} {counts[1]}", content_type="text/plain")


urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/renders/", renders),
    *site_urlpatterns,
]
