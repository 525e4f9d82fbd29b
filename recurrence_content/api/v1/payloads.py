"""Articles as the JSON the feed sends, checked against the schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import translation
from wagtail.models import AbstractPage, PageQuerySet, Site

from ...blocks.representation import represent
from ...conf import get_setting
from ...delivery.codes import article_codes, codes_by_article
from ...delivery.json_ld import build_json_ld
from ...translation.status import TranslationStatus, translation_statuses
from .review import review_fields
from .schemas import ArticleSummary, article_schemas
from .translation_schemas import TRANSLATION_FIELDS

DETAIL_URL_NAME = "recurrence_content_api:article_detail"


def api_url(request, page: AbstractPage) -> str:
    """The absolute feed URL of one article in its language."""
    path = reverse(DETAIL_URL_NAME, kwargs={"translation_key": page.translation_key})
    return request.build_absolute_uri(f"{path}?locale={page.locale.language_code}")


def summary_payload(
    request, page: AbstractPage, codes: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """An article as listed (``ArticleSummary``); ``codes`` are its clinical
    codes when the caller fetched them for many articles at once."""
    return {
        "id": page.translation_key,
        "page_id": page.pk,
        "page_type": type(page)._meta.label,
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": getattr(page, "summary", "") or "",
        "url": page.get_full_url(request),
        "api_url": api_url(request, page),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "codes": article_codes(page) if codes is None else codes,
    }


def status_fields(status: TranslationStatus) -> dict[str, Any]:
    """``translation_status`` and ``translation_progress`` of one article."""
    return {
        "translation_status": status.status.value,
        "translation_progress": {
            "translated": status.translated,
            "total": status.total,
        },
    }


def source_update(
    request, status: TranslationStatus, others: list[AbstractPage]
) -> dict[str, Any] | None:
    """``source_update`` of a translation made from an earlier source, else None."""
    if not status.source_changed or status.source_updated_at is None:
        return None
    source = next(
        (o for o in others if o.locale.language_code == status.source_language), None
    )
    return {
        "locale": status.source_language,
        "updated_at": status.source_updated_at,
        "translated_at": status.translated_at,
        "url": source.get_full_url(request) if source is not None else None,
    }


def _dump(schema, data: dict[str, Any], with_status: bool) -> dict[str, Any]:
    return schema.model_validate(data).model_dump(
        mode="json",
        by_alias=True,
        exclude=None if with_status else TRANSLATION_FIELDS,
    )


def last_published(pages: list[AbstractPage]) -> datetime | None:
    """The newest publication among ``pages``: a response's Last-Modified."""
    return max(
        (p.last_published_at for p in pages if p.last_published_at), default=None
    )


def article_payload(
    request, page: AbstractPage, articles: PageQuerySet, with_status: bool = False
) -> tuple[dict[str, Any], datetime | None]:
    """One article with alternates, licence, JSON-LD and blocks (``Article``),
    and when it last changed.

    ``page`` is the specific page; ``articles`` the visible articles of the
    site, from which the alternates (complete translations only) come.
    ``with_status`` adds the translation fields. The article changes when it
    or one of its alternates (listed in it) is published.
    """
    others = list(
        articles.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    statuses = translation_statuses([page, *others])
    alternates = [other for other in others if statuses[other.pk].is_complete]
    # Block representations and JSON-LD in the article's own language.
    with translation.override(page.locale.language_code):
        body = represent(
            page.body.stream_block,
            page.body,
            {"request": request, "locale": page.locale},
        )
        data = summary_payload(request, page) | {
            "alternates": [
                {
                    "locale": other.locale.language_code,
                    "url": other.get_full_url(request),
                    "api_url": api_url(request, other),
                }
                for other in alternates
            ],
            "source_update": source_update(request, statuses[page.pk], others),
            "license": {
                "text": get_setting("LICENSE_TEXT") or "",
                "url": get_setting("LICENSE_URL") or "",
            },
            "json_ld": build_json_ld(
                page,
                request,
                [
                    (other.locale.language_code, other.get_full_url(request))
                    for other in alternates
                ],
            ),
            **review_fields(page, Site.find_for_request(request)),
            "body": body,
        }
    if with_status:
        data |= status_fields(statuses[page.pk])
    return (
        _dump(article_schemas()[type(page)], data, with_status),
        last_published([page, *alternates]),
    )


def summaries(
    request, pages: list[AbstractPage], with_status: bool = False
) -> list[dict[str, Any]]:
    """Listed articles, validated against ``ArticleSummary``; ``with_status``
    adds the translation fields."""
    statuses = translation_statuses(pages) if with_status else {}
    codes = codes_by_article(pages)
    return [
        _dump(
            ArticleSummary,
            summary_payload(request, page, codes[page.translation_key])
            | (status_fields(statuses[page.pk]) if with_status else {}),
            with_status,
        )
        for page in pages
    ]
