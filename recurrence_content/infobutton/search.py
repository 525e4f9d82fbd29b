"""Which articles answer an Infobutton request, and in which language.

Only live, public articles of the requesting site (the feed's rule). An
article answers in the requested language when it has a live, complete
translation in it; otherwise in its source language, and says so: a
language is never claimed for text that is not in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from wagtail.models import AbstractPage

from ..coding.check_digits import icd10cm_ancestors
from ..conf import get_setting
from ..delivery import visibility
from ..models import ClinicalCode
from ..translation.filtering import complete_only
from ..translation.status import Status, translation_statuses
from .params import InfobuttonQuery


@dataclass(frozen=True)
class Entry:
    """One article in the language it is given in."""

    title: str
    url: str
    summary: str
    language: str
    updated: datetime | None
    last_reviewed: date | None
    # Its place in the page tree: its URL shows its ancestors' slugs.
    path: str = ""


def matching_codes(query: InfobuttonQuery) -> list[str]:
    """The codes an article may be tagged with to answer, most specific first.

    ICD-10-CM is a hierarchy: an article tagged ``Z85`` answers for
    ``Z85.3``. Other systems match exactly (SNOMED CT subsumption needs a
    terminology server).
    """
    if query.code is None:
        return []
    if query.system.hierarchical:
        return icd10cm_ancestors(query.code)
    return [query.code]


def find_entries(request, query: InfobuttonQuery) -> list[Entry]:
    """At most RECURRENCE_CONTENT_INFOBUTTON_MAX_RESULTS entries, the most
    specific match first. A fixed number of queries, however many articles
    are tagged (when translation statuses are cached)."""
    codes = matching_codes(query)
    if not codes:
        return []
    articles = visibility.visible_articles(request)
    rank: dict[UUID, int] = {}
    for key, code in ClinicalCode.objects.filter(
        system=query.system.uri,
        code__in=codes,
        page__in=articles.values("pk"),
    ).values_list("page__translation_key", "code"):
        rank[key] = min(rank.get(key, len(codes)), codes.index(code))
    if not rank:
        return []
    ids = complete_only(articles.filter(translation_key__in=rank)).values_list(
        "pk", flat=True
    )
    versions: dict[UUID, list[AbstractPage]] = defaultdict(list)
    for page in visibility.specific_pages(list(ids)):
        versions[page.translation_key].append(page)
    statuses = translation_statuses(
        [page for pages in versions.values() for page in pages]
    )
    default = visibility.default_locale().language_code
    wanted = query.language if query.requested_language else default
    chosen = [_choose(pages, wanted, default, statuses) for pages in versions.values()]
    chosen.sort(key=lambda page: (rank[page.translation_key], page.title.casefold()))
    return [
        _entry(request, page)
        for page in chosen[: get_setting("INFOBUTTON_MAX_RESULTS")]
    ]


def _choose(
    pages: list[AbstractPage], language: str | None, default: str, statuses
) -> AbstractPage:
    """The version in ``language``, else the article as written (its source
    language: the default language first when several versions are originals)."""
    for page in pages:
        if page.locale.language_code == language:
            return page
    return min(
        pages,
        key=lambda page: (
            statuses[page.pk].status != Status.SOURCE,
            page.locale.language_code != default,
            page.locale.language_code,
        ),
    )


def _entry(request, page: AbstractPage) -> Entry:
    return Entry(
        title=page.title,
        url=page.get_full_url(request),
        summary=getattr(page, "summary", "") or "",
        language=page.locale.language_code,
        updated=page.last_published_at,
        last_reviewed=getattr(page, "last_reviewed", None),
        path=page.path,
    )
