"""The cards a ``patient-view`` request gets: one per article matching the
patient's active conditions, linking to it in the patient's language.

Only live, public articles of the requesting site, and only complete
translations (delivery's rules, shared with every channel). An article comes
in the patient's language when it has a complete translation in it, else in
the site's default language, else as written.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import AbstractPage, Site

from ..conf import get_setting
from ..delivery import visibility
from ..delivery.codes import articles_for_codes
from ..delivery.json_ld import publisher_name
from ..translation.filtering import complete_only
from ..translation.status import Status, translation_statuses
from .prefetch import PatientView

# The spec's limit: a "<140-character summary".
MAX_SUMMARY = 139


def site_language(tag: str) -> str | None:
    """The site's content language for a BCP 47 tag (``es-MX`` → ``es``),
    or None when the site has none such."""
    if not tag:
        return None
    try:
        return get_supported_content_language_variant(tag.replace("_", "-"))
    except (LookupError, ValidationError):
        return None


def find_cards(request, view: PatientView) -> list[dict[str, Any]]:
    """At most RECURRENCE_CONTENT_CDS_HOOKS_MAX_CARDS cards, the article for
    the first-listed condition and most specific code first."""
    articles = visibility.visible_articles(request)
    ranks = articles_for_codes(articles, view.codings)
    if not ranks:
        return []
    ids = complete_only(articles.filter(translation_key__in=ranks)).values_list(
        "pk", flat=True
    )
    versions: dict[UUID, list[AbstractPage]] = defaultdict(list)
    for page in visibility.specific_pages(list(ids)):
        versions[page.translation_key].append(page)
    statuses = translation_statuses([p for pages in versions.values() for p in pages])
    default = visibility.default_locale().language_code
    wanted = site_language(view.language) or default
    chosen = [_choose(pages, wanted, default, statuses) for pages in versions.values()]
    chosen.sort(key=lambda page: (ranks[page.translation_key], page.title.casefold()))
    source = _source(request)
    return [
        _card(request, page, source)
        for page in chosen[: get_setting("CDS_HOOKS_MAX_CARDS")]
    ]


def _choose(
    pages: list[AbstractPage], language: str, default: str, statuses
) -> AbstractPage:
    by_language = {page.locale.language_code: page for page in pages}
    for candidate in (language, default):
        if candidate in by_language:
            return by_language[candidate]
    return min(
        pages,
        key=lambda page: (
            statuses[page.pk].status != Status.SOURCE,
            page.locale.language_code,
        ),
    )


def _source(request) -> dict[str, str]:
    """The hospital, named as its pages name it, with its home page."""
    site = Site.find_for_request(request)
    # The spec requires a label: the host name when the site has no name.
    source = {"label": publisher_name(site) or request.get_host()}
    if site is not None:
        source["url"] = site.root_url + "/"
    return source


def _card(request, page: AbstractPage, source: dict[str, str]) -> dict[str, Any]:
    title = page.title
    summary = title if len(title) <= MAX_SUMMARY else title[: MAX_SUMMARY - 1] + "…"
    return {
        "summary": summary,
        "indicator": "info",
        "source": source,
        "links": [
            {"label": title, "url": page.get_full_url(request), "type": "absolute"}
        ],
    }
