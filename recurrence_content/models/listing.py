"""One page of an index's articles at a time, loading only what the list shows.

An index of thousands of articles costs the same to render as one of fifty:
a count, one query for the page's rows (generic pages with their summary,
not ``specific()`` objects with their bodies), whatever the listing filters
ask.
"""

from __future__ import annotations

import re

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from wagtail.models import get_page_models
from wagtail.query import PageQuerySet

# The query parameter that picks a page of the list: ?page=2.
PAGE_PARAM = "page"
# What the list shows of an article (its URL comes from url_path).
LISTED_FIELDS = ("title", "url_path", "locale")
# Page numbers as a link writes them; "02" or "+2" would be the same page
# under another URL (another copy in caches and search engines).
PAGE_NUMBER = re.compile(r"[1-9][0-9]*")


def with_summaries(articles: PageQuerySet, article_type: type) -> PageQuerySet:
    """``articles`` as generic pages holding only ``LISTED_FIELDS`` and each
    one's ``summary``, from every concrete page type based on
    ``article_type``, in the same query."""
    summaries = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("summary")[:1])
        for model in get_page_models()
        if issubclass(model, article_type) and not model._meta.abstract
    ]
    if not summaries:
        return articles.none()
    summary = Coalesce(*summaries) if len(summaries) > 1 else summaries[0]
    return articles.only(*LISTED_FIELDS).annotate(summary=summary)


def page_of(request: HttpRequest, items, per_page: int) -> Page:
    """The page of ``items`` that ``?page=`` asks for (the first without it).

    Anything but a page number from 1 to the last is a 404, as Django's
    ListView answers, rather than the nearest page: every page of the list
    has exactly one URL, so neither caches nor crawlers collect copies.
    """
    paginator = Paginator(items, per_page)
    value = request.GET.get(PAGE_PARAM, "1")
    if not PAGE_NUMBER.fullmatch(value):
        raise Http404(f"?{PAGE_PARAM}= takes a page number: 1, 2, 3…")
    try:
        return paginator.page(int(value))
    except InvalidPage as error:
        raise Http404(str(error)) from error


def page_url(base_url: str, number: int) -> str:
    """The URL of page ``number`` of a list at ``base_url`` (the first page
    has the list's own URL)."""
    return base_url if number == 1 else f"{base_url}?{PAGE_PARAM}={number}"
