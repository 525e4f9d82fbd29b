"""Article and index pages in ``wagtail.contrib.sitemaps``: every complete
language version, each with ``xhtml:link`` alternates for all of them, as
Google asks of multilingual sitemaps; no unfinished translation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .alternates import complete_alternates


def sitemap_urls(page: Any, request: HttpRequest | None) -> list[dict]:
    """The sitemap entries for ``page`` and its complete translations, given
    by one of them (the default language's, else the first), so that each
    URL appears once however many of its versions the sitemap walks.

    Wagtail's sitemap walks the site's root page's tree only, which holds one
    language; the others are reached here.
    """
    alternates = complete_alternates(page, request)
    current = next((alt for alt in alternates if alt.is_current), None)
    if current is None:
        return []  # an unfinished translation (or no URL): never advertised
    default = next((alt for alt in alternates if alt.is_default), None)
    owner = default or alternates[0]
    if not owner.is_current:
        return []  # the owner lists this version
    published = {
        code: published_at or revised_at
        for code, published_at, revised_at in page.get_translations(inclusive=True)
        .live()
        .values_list(
            "locale__language_code", "last_published_at", "latest_revision_created_at"
        )
    }
    links = []
    if len(alternates) > 1:
        links = [
            {"lang_code": alt.language_code, "location": alt.url} for alt in alternates
        ]
        if default is not None:
            # Readers of other languages get the default, as the pages' own
            # hreflang links say.
            links.append({"lang_code": "x-default", "location": default.url})
    return [
        {
            "location": alt.url,
            "lastmod": published.get(alt.language_code),
            "alternates": links,
        }
        for alt in alternates
    ]
