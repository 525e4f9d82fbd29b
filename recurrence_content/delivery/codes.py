"""An article's codes, read from every page of the article.

Codes belong to the article, not to one language: a translation made before
a code was added, and not synced since, still answers for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from wagtail.models import AbstractPage

from ..models import ClinicalCode


def codes_by_article(pages: Iterable[AbstractPage]) -> dict[UUID, list[dict[str, Any]]]:
    """``{translation_key: [{"system", "code", "display"}]}`` for ``pages``,
    in one query; each code once, in the order editors put them."""
    keys = {page.translation_key for page in pages}
    result: dict[UUID, list[dict[str, Any]]] = {key: [] for key in keys}
    if not keys:
        return result
    seen = set()
    rows = (
        ClinicalCode.objects.filter(page__translation_key__in=keys)
        .order_by("page__translation_key", "page__locale_id", "sort_order", "pk")
        .values_list("page__translation_key", "system", "code", "display")
    )
    for key, system, code, display in rows:
        if (key, system, code) in seen:
            continue
        seen.add((key, system, code))
        result[key].append({"system": system, "code": code, "display": display})
    return result


def article_codes(page: AbstractPage) -> list[dict[str, Any]]:
    """The codes of ``page``'s article (see ``codes_by_article``)."""
    return codes_by_article([page])[page.translation_key]
