"""The example site's URLs plus a view that returns bytes from memory.

The ceiling: what gunicorn, Django's middleware and the network cost for the
article's bytes, with no page lookup and no rendering.
"""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path
from example_site.urls import urlpatterns as site_urlpatterns


@cache
def _body() -> bytes:
    return Path(os.environ["BENCH_CEILING_FILE"]).read_bytes()


def ceiling(request):
    return HttpResponse(_body(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/ceiling/", ceiling), *site_urlpatterns]
