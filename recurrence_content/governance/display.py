"""An article's review as readers get it: on the page, in the feed, in JSON-LD."""

from __future__ import annotations

import datetime
from typing import Any

from django.apps import apps
from django.utils import translation
from wagtail.models import Site

from ..cache_tags import PARTS
from ..models.settings import ReviewSettings, default_never_reviewed_text
from .review import ReviewStatus, review_status


def reviewers(page: Any) -> list[dict[str, str]]:
    """The page's reviewers as plain dicts (name, role, organisation)."""
    return [
        {key: child.value.get(key) or "" for key in ("name", "role", "organisation")}
        for child in getattr(page, "reviewers", None) or []
    ]


def sources(page: Any) -> list[dict[str, Any]]:
    """The page's sources (title, publisher, url, accessed date or None)."""
    return [
        {
            "title": child.value.get("title") or "",
            "publisher": child.value.get("publisher") or "",
            "url": child.value.get("url") or "",
            "accessed": child.value.get("accessed"),
        }
        for child in getattr(page, "sources", None) or []
    ]


def never_reviewed_text(page: Any, site: Site | None = None) -> str:
    """The site's wording for a page never reviewed, in the page's language."""

    language = page.locale.language_code
    with translation.override(language):
        site = site or page.get_site()
        if site is None or not apps.is_installed("wagtail.contrib.settings"):
            return default_never_reviewed_text()

        # One query, and nothing written: a site that never saved the
        # setting has no row, and gets the default wording. Kept in Django's
        # cache until the setting changes (cache_invalidation.py).
        def wording() -> str:
            setting = ReviewSettings.objects.filter(site_id=site.pk).first()
            if setting is None:
                return str(default_never_reviewed_text())
            return str(setting.never_reviewed_text(language))

        return PARTS.remember(f"never-reviewed:{site.pk}:{language}", {}, wording)


def review_context(
    page: Any, site: Site | None = None, today: datetime.date | None = None
) -> dict[str, Any]:
    """What the review template needs."""
    status: ReviewStatus = review_status(page, today)
    return {
        "status": status,
        "reviewers": reviewers(page),
        "sources": sources(page),
        "never_reviewed_text": ""
        if status.is_reviewed
        else never_reviewed_text(page, site),
    }
