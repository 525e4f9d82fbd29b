"""Articles as content files, for another site to load (``--source``).

The list names each live, public article in its original language and when
it and each of its complete translations was last published, so the list's
ETag changes whenever any article's content file does: a site that follows
this one asks for the list with If-None-Match and, while nothing changed,
gets a 304 and nothing else to fetch.
"""

from __future__ import annotations

from uuid import UUID

from django.urls import reverse
from ninja import Query, Router
from ninja.errors import HttpError

from ...cache_tags import ancestor_tags, list_tag, page_tag, status_tag
from ...delivery import visibility
from ...delivery.caching import Built
from ...delivery.http import ValidationErrors
from ...loading import LoadError, export_page
from ...page_model import page_model
from ...response_cache import (
    QueryParams,
    is_canonical_int,
    is_served_language,
)
from ...translation.filtering import complete_only, originals_only
from ...translation.published import published_po
from . import queries
from .content_file_schemas import ArticleContentFile, ContentFileList
from .payloads import last_published
from .responses import cached_json_response
from .translation_schemas import ArticleNotFound

NOT_MODIFIED = {304: None}
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


# The query parameters whose responses are cached, with the values that are.
LIST_PARAMS: QueryParams = {"limit": is_canonical_int, "offset": is_canonical_int}
DETAIL_PARAMS: QueryParams = {"locale": is_served_language}
DETAIL_URL_NAME = "recurrence_content_api:content_file_detail"

router = Router(tags=["content files"])


@router.get(
    "/content-files/",
    response={200: ContentFileList, **NOT_MODIFIED, 422: ValidationErrors},
    url_name="content_file_list",
    operation_id="listContentFiles",
    summary="List articles as content files",
)
def content_file_list(
    request,
    limit: int = Query(
        MAX_LIMIT, ge=1, le=MAX_LIMIT, description="Articles per page (at most 100)."
    ),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Articles to skip."),
):
    """Live, public articles of this site in their original language, oldest
    first, with when each and its complete translations were last published."""
    queries.given_once(request, "limit", "offset")

    def build() -> Built:
        originals = originals_only(visibility.visible_articles(request)).order_by("pk")
        count = originals.count()
        pages = visibility.specific_pages(
            [page.pk for page in originals[offset : offset + limit]]
        )
        translations = _translations(request, pages)
        data = {
            "count": count,
            "next": _page_url(request, offset + limit, limit)
            if offset + limit < count
            else None,
            "previous": _page_url(request, max(offset - limit, 0), limit)
            if offset > 0
            else None,
            "results": [
                {
                    "id": page.translation_key,
                    "locale": page.locale.language_code,
                    "title": page.title,
                    "last_published_at": page.last_published_at,
                    "translations": [
                        {
                            "locale": other.locale.language_code,
                            "last_published_at": other.last_published_at,
                        }
                        for other in translations[page.pk]
                    ],
                    "content_file_url": _detail_url(request, page),
                }
                for page in pages
            ],
        }
        data = ContentFileList.model_validate(data).model_dump(mode="json")
        everything = [*pages, *(o for others in translations.values() for o in others)]
        # Any article may join or leave the list; a listed one's translation
        # may be published or become complete or incomplete.
        tags = {list_tag(None): None, **ancestor_tags(pages)}
        for page in pages:
            tags[page_tag(page.translation_key)] = None
            tags[status_tag(page.translation_key)] = None
        return Built(data, last_published(everything), None, tags)

    return cached_json_response(request, LIST_PARAMS, build)


@router.get(
    "/content-files/{translation_key}/",
    response={
        200: ArticleContentFile,
        **NOT_MODIFIED,
        404: ArticleNotFound,
        422: ValidationErrors,
    },
    url_name="content_file_detail",
    operation_id="getContentFile",
    summary="One article as a content file, with its translations",
)
def content_file_detail(
    request,
    translation_key: UUID,
    locale: str | None = Query(
        None,
        description="The original's language, e.g. `en`; when omitted, the "
        "article's original (in the site's default language if it has one there).",
    ),
):
    """The article in its original language, in the content file format
    ``recurrence_content_load`` reads, and each complete, published
    translation as a PO file; 404 unless it is live and public here and not
    itself a translation."""
    queries.given_once(request, "locale")

    def build() -> Built:
        language = queries.parse_locale(locale)
        articles = visibility.visible_articles(request)
        originals = originals_only(articles).filter(translation_key=translation_key)
        if language is not None:
            originals = originals.filter(locale_id=language.pk)
        default = visibility.default_locale()
        candidates = sorted(
            originals.select_related("locale"),
            key=lambda page: (page.locale_id != default.pk, page.locale.language_code),
        )
        if not candidates:
            raise HttpError(
                404,
                "No such article here in its original language (a translation "
                "comes inside its original's content file).",
            )
        page = candidates[0].specific
        try:
            content_file = export_page(
                page, live=True, page_url=lambda pk: _page_url_by_id(request, pk)
            )
        except LoadError as error:
            raise HttpError(
                404, f"This article cannot be served as a content file: {error}"
            ) from None
        translations = _translations(request, [page])[page.pk]
        pos = [(other, published_po(page, other)) for other in translations]
        data = {
            "id": page.translation_key,
            "locale": page.locale.language_code,
            "last_published_at": page.last_published_at,
            "content_file": content_file,
            "translations": [
                {
                    "locale": other.locale.language_code,
                    "last_published_at": other.last_published_at,
                    "po": po,
                }
                for other, po in pos
                if po
            ],
        }
        data = ArticleContentFile.model_validate(data).model_dump(mode="json")
        published = last_published([page, *(other for other, po in pos if po)])
        tags = {
            page_tag(translation_key): None,
            status_tag(translation_key): None,
            **ancestor_tags([page, *translations]),
        }
        return Built(data, published, page.locale.language_code, tags)

    return cached_json_response(request, DETAIL_PARAMS, build)


# HEAD answers as GET does, without the body; kept out of the document.
for _path, _view in [
    ("/content-files/", content_file_list),
    ("/content-files/{translation_key}/", content_file_detail),
]:
    router.add_api_operation(
        _path,
        ["HEAD"],
        _view,
        response={200: None, **NOT_MODIFIED, 404: ArticleNotFound},
        include_in_schema=False,
    )


def _translations(request, pages: list) -> dict[int, list]:
    """``{page.pk: [its live, public, complete translations]}``, by language.

    Whether each is complete is kept in the database (``complete_only``), so
    a list of 100 articles is not read string by string when it is rebuilt.
    """
    others = visibility.visible_articles(request).filter(
        translation_key__in=[page.translation_key for page in pages],
        alias_of__isnull=True,
    )
    # A page written in its own language is an original of its own.
    translations = others.exclude(pk__in=originals_only(others).values("pk"))
    found = list(
        complete_only(translations)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return {
        page.pk: [
            other for other in found if other.translation_key == page.translation_key
        ]
        for page in pages
    }


def _detail_url(request, page) -> str:
    path = reverse(DETAIL_URL_NAME, kwargs={"translation_key": page.translation_key})
    return request.build_absolute_uri(f"{path}?locale={page.locale.language_code}")


def _page_url_by_id(request, pk: int) -> str | None:
    page = page_model().objects.live().public().filter(pk=pk).first()
    return page.get_full_url(request) if page is not None else None


def _page_url(request, offset: int, limit: int) -> str:
    path = reverse("recurrence_content_api:content_file_list")
    return request.build_absolute_uri(f"{path}?limit={limit}&offset={offset}")
