"""An article's codes, read from every page of the article, and the articles
a clinical code finds (the lookup every EHR channel shares).

Codes belong to the article, not to one language: a translation made before
a code was added, and not synced since, still answers for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from wagtail.models import AbstractPage, PageQuerySet

from ..coding import CodeSystem
from ..coding.check_digits import icd10cm_ancestors
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


def codes_to_match(system: CodeSystem, code: str) -> list[str]:
    """The codes an article may be tagged with to answer for ``code``, most
    specific first; none when ``code`` cannot be a code of ``system``.

    ICD-10-CM is a hierarchy: an article tagged ``Z85`` answers for
    ``Z85.3``. Other systems match exactly (SNOMED CT subsumption needs a
    terminology server).
    """
    try:
        code = system.clean(code)
    except ValidationError:
        return []
    return icd10cm_ancestors(code) if system.hierarchical else [code]


def articles_for_codes(
    articles: PageQuerySet, codings: Iterable[tuple[CodeSystem, str]]
) -> dict[UUID, tuple[int, int]]:
    """``{translation_key: rank}`` of the articles among ``articles`` tagged
    with one of ``codings`` (or a code above it), in one query.

    The rank orders matches: the earliest coding first, then the most
    specific code. A coding that cannot be a code of its system finds nothing.
    """
    wanted: dict[tuple[str, str], tuple[int, int]] = {}
    for position, (system, code) in enumerate(codings):
        for depth, candidate in enumerate(codes_to_match(system, code)):
            wanted.setdefault((system.uri, candidate), (position, depth))
    if not wanted:
        return {}
    rows = (
        ClinicalCode.objects.filter(
            system__in={system for system, _code in wanted},
            code__in={code for _system, code in wanted},
            page__in=articles.values("pk"),
        )
        .values_list("page__translation_key", "system", "code")
        .distinct()
    )
    ranks: dict[UUID, tuple[int, int]] = {}
    for key, system, code in rows:
        rank = wanted.get((system, code))
        if rank is not None and (key not in ranks or rank < ranks[key]):
            ranks[key] = rank
    return ranks
