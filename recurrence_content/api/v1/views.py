"""The feed's endpoints, on django-ninja: list, detail, OpenAPI and docs."""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from django.http import HttpResponse
from ninja import Query, Router
from ninja.errors import HttpError, ValidationError

from ...cache_tags import ancestor_tags, list_tag, page_tag, status_tag
from ...conf import get_setting
from ...delivery import visibility
from ...delivery.caching import Built
from ...delivery.http import JSON, ValidationErrors, add_cors_headers
from ...response_cache import (
    QueryParams,
    is_canonical_int,
    is_served_language,
    serve_from_cache,
)
from ...translation.filtering import complete_only
from ...translation.status import translation_status
from . import content_files, queries
from .document import FeedAPI
from .payloads import article_payload, last_published, summaries
from .responses import cached_json_response
from .schemas import ArticleList, article_schema
from .translation_schemas import ArticleNotFound

ERRORS = {404: ArticleNotFound, 422: ValidationErrors}
INCLUDE_INCOMPLETE = Query(
    False,
    description="Also list and serve translations that are not complete yet, "
    "with `translation_status` and `translation_progress`: for translation "
    "tooling, never for patients.",
)
NOT_MODIFIED = {304: None}
# Upper bound on offset so no database sees an OFFSET it cannot store.
MAX_OFFSET = 1_000_000


def _canonical_bool(value: str) -> bool:
    return value in ("true", "false")


def _canonical_code(value: str) -> bool:
    # Only as the Clinical codes panel stores it: other spellings of the same
    # code, and codes that cannot exist, are answered but not stored.
    try:
        system, code = queries.parse_code(value)
    except ValidationError:
        return False
    return bool(code) and value == f"{system}|{code}"


# The query parameters whose responses are cached, with the values that are
# (the domain of each, written one way). Both caches store nothing else: a
# free-text search (q) or an incremental sync (modified_since) differs with
# every caller, so caching them would only push real pages out.
LIST_PARAMS: QueryParams = {
    "locale": is_served_language,
    "limit": is_canonical_int,
    "offset": is_canonical_int,
    "include_incomplete": _canonical_bool,
    "code": _canonical_code,
}
DETAIL_PARAMS: QueryParams = {
    "locale": is_served_language,
    "include_incomplete": _canonical_bool,
}


serve_from_cache("recurrence_content_api", {**LIST_PARAMS, **DETAIL_PARAMS})


router = Router(tags=["articles"])


@router.get(
    "/articles/",
    response={200: ArticleList, **NOT_MODIFIED, 422: ValidationErrors},
    url_name="article_list",
    operation_id="listArticles",
    by_alias=True,
    summary="List articles",
)
def article_list(
    request,
    locale: str | None = Query(
        None, description="Only articles in this language, e.g. `es`."
    ),
    modified_since: str | None = Query(
        None,
        description="Only articles published after this time: an RFC 3339 "
        "date-time with offset, e.g. `2026-11-01T00:00:00Z`.",
    ),
    q: str | None = Query(
        None,
        max_length=200,
        pattern=r"^[^\x00-\x1f]*$",
        description="Text search in titles and bodies (no control characters).",
    ),
    limit: int = Query(
        20,
        ge=1,
        description="Articles per page; at most RECURRENCE_CONTENT_FEED_MAX_LIMIT "
        "(100 by default).",
    ),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Articles to skip."),
    include_incomplete: bool = INCLUDE_INCOMPLETE,
    code: str | None = Query(
        None,
        max_length=300,
        description="Only articles tagged with this clinical code, as "
        "`system|value`, e.g. `http://hl7.org/fhir/sid/icd-10-cm|Z85` "
        "(exact match; see docs/ehr.md).",
    ),
):
    """Live, public articles of this site, newest publication first."""
    queries.given_once(
        request,
        "locale",
        "modified_since",
        "q",
        "limit",
        "offset",
        "include_incomplete",
        "code",
    )
    max_limit = get_setting("FEED_MAX_LIMIT")
    if limit > max_limit:
        raise queries.param_error(
            "limit", f"At most {max_limit} articles per request; page with offset."
        )
    since = queries.parse_modified_since(modified_since)
    tagged = queries.parse_code(code)

    # Everything that reads the database happens on a cache miss only: a
    # cached list costs no query.
    def build() -> Built:
        language = queries.parse_locale(locale)
        articles = visibility.visible_articles(request)
        if tagged is not None:
            articles = queries.tagged_with(articles, *tagged)
        if language is not None:
            articles = articles.filter(locale_id=language.pk)
        if since is not None:
            articles = articles.filter(last_published_at__gt=since)
        if not include_incomplete:
            articles = complete_only(articles)
        articles = articles.order_by("-last_published_at", "-id")
        if q is not None:
            words = queries.search_words(q)
            # A query with no words (only punctuation) matches nothing.
            articles = (
                articles.search(words, order_by_relevance=False)
                if words
                else articles.none()
            )
        count = articles.count()
        ids = [page.pk for page in articles[offset : offset + limit]]
        pages = visibility.specific_pages(ids)
        data = {
            "count": count,
            "next": _page_url(request, offset + limit, limit)
            if offset + limit < count
            else None,
            "previous": _page_url(request, max(offset - limit, 0), limit)
            if offset > 0
            else None,
            "results": summaries(request, pages, with_status=include_incomplete),
        }
        # Any article of the language (or of any, unfiltered) may join or
        # leave the list; the ancestors' slugs are in its articles' URLs.
        code = language.language_code if language is not None else None
        tags = {list_tag(code): None, **ancestor_tags(pages)}
        if include_incomplete:
            tags.update({status_tag(page.translation_key): None for page in pages})
        return Built(data, last_published(pages), _languages(pages, locale), tags)

    return cached_json_response(request, LIST_PARAMS, build)


@router.get(
    "/articles/{translation_key}/",
    response={200: article_schema(), **NOT_MODIFIED, **ERRORS},
    url_name="article_detail",
    operation_id="getArticle",
    by_alias=True,
    summary="One article in one language",
)
def article_detail(
    request,
    translation_key: UUID,
    locale: str | None = Query(
        None,
        description="The article's language, e.g. `es`; the site's default "
        "language when omitted.",
    ),
    include_incomplete: bool = INCLUDE_INCOMPLETE,
):
    """An article with its blocks; 404 unless it is live and public here."""
    queries.given_once(request, "locale", "include_incomplete")

    # The key is the request alone (host, path, query), valid while the
    # article (in any language) and its ancestors are unchanged: a cached
    # article costs no query. Refusals are built anew each time.
    def build() -> Built:
        language = queries.parse_locale(locale) or visibility.default_locale()
        articles = visibility.visible_articles(request)
        page = visibility.find_article(articles, translation_key, language)
        if page is None:
            raise HttpError(404, "No such article in this language.")
        if not include_incomplete and not translation_status(page).is_complete:
            raise NotServed(_untranslated(request, articles, translation_key, language))
        specific = page.specific
        specific.locale = page.locale
        data, published = article_payload(
            request, specific, articles, with_status=include_incomplete
        )
        tags = {page_tag(translation_key): None, **ancestor_tags([page])}
        if include_incomplete:
            tags[status_tag(translation_key)] = None
        return Built(data, published, page.locale.language_code, tags)

    try:
        return cached_json_response(request, DETAIL_PARAMS, build)
    except NotServed as refusal:
        return refusal.response


class NotServed(Exception):
    """A detail request answered with ``response`` instead of the article."""

    def __init__(self, response: HttpResponse):
        super().__init__(response.status_code)
        self.response = response


def _untranslated(request, articles, translation_key: UUID, language) -> HttpResponse:
    """The 404 for a translation that is not complete, naming the languages
    the article is available in."""
    available = visibility.complete_locales(articles, translation_key)
    body = ArticleNotFound(
        detail=(
            f"This article is not translated into {language.language_code} "
            "yet, so it is not served in that language. Available in: "
            f"{', '.join(available) or 'none'}."
        ),
        available_locales=available,
    )
    # Built here rather than returned as (404, body), which django-ninja
    # deprecates.
    return api.create_response(request, body.model_dump(), status=404)


# HEAD answers as GET does, without the body (``json_response``); kept out of
# the document, where it would repeat each GET's operation id.
for _path, _view in [
    ("/articles/", article_list),
    ("/articles/{translation_key}/", article_detail),
]:
    router.add_api_operation(
        _path,
        ["HEAD"],
        _view,
        response={200: None, **NOT_MODIFIED, **ERRORS},
        include_in_schema=False,
    )


@router.api_operation(["OPTIONS"], "/articles/", include_in_schema=False)
def article_list_preflight(request):
    """Answer a browser's CORS preflight (If-None-Match is not a simple header)."""
    return add_cors_headers(request, HttpResponse(status=204, content_type=JSON))


@router.api_operation(
    ["OPTIONS"], "/articles/{translation_key}/", include_in_schema=False
)
def article_detail_preflight(request, translation_key: str):
    """Answer a browser's CORS preflight for one article."""
    return add_cors_headers(request, HttpResponse(status=204, content_type=JSON))


def _languages(pages: list, locale: str | None) -> str | None:
    """The list's Content-Language: the requested locale, else the languages
    its articles are in (LocaleMiddleware would otherwise name only the
    active one); None for an empty unfiltered list."""
    if locale is not None:
        return locale
    codes = dict.fromkeys(page.locale.language_code for page in pages)
    return ", ".join(codes) or None


def _page_url(request, offset: int, limit: int) -> str:
    params = request.GET.copy()
    params["offset"] = str(offset)
    params["limit"] = str(limit)
    return request.build_absolute_uri(
        f"{request.path}?{urlencode(sorted(params.items()))}"
    )


api = FeedAPI(
    title="Patient information feed",
    version="1",
    description=(
        "Patient-education articles as typed, structured JSON for apps, "
        "portals, kiosks and chat services. See docs/feed.md."
    ),
    urls_namespace="recurrence_content_api",
    docs_url="/docs/",
)
api.add_router("/", router)
api.add_router("/", content_files.router)
