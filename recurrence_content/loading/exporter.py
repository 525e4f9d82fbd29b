"""Writes an article page in the content file format."""

from typing import Any

from wagtail.models import AbstractPage

from ..models import PatientInfoPageMixin
from .codesdata import CODES_KEY, codes_from_page
from .errors import LoadError
from .fileformat import (
    CONTENT_FIELDS,
    FORMAT_VERSION,
    TEXT_FIELDS,
    body_block,
    normalize_body,
    parse,
)
from .reviewdata import review_from_page


def latest_content(page: AbstractPage) -> PatientInfoPageMixin:
    """The page as an editor last saved it (its latest revision)."""
    page = page.specific
    if not isinstance(page, PatientInfoPageMixin):
        raise LoadError(
            f"page {page.id} ({page.title!r}) is a {page.specific_class.__name__}, "
            "not a patient information page; choose an article page"
        )
    return page.get_latest_revision_as_object()


def page_content(page: AbstractPage) -> dict[str, Any]:
    """The fields loading writes, as they are in the page's latest revision."""
    return content_of(latest_content(page))


def content_of(page: AbstractPage) -> dict[str, Any]:
    """The fields loading writes, as they are in this page object (a revision's)."""
    # getattr's default: a custom base page model may lack seo_title and
    # search_description (the loader refuses to load real values into it).
    content = {name: getattr(page, name, "") or "" for name in CONTENT_FIELDS}
    content["body"] = normalize_body(body_block(), page.body)
    return content


def apply_content(page: PatientInfoPageMixin, content: dict[str, Any]) -> None:
    """Set ``page``'s fields from a content dict (``page_content``'s inverse),
    leaving out fields a custom base page model lacks."""
    for name in CONTENT_FIELDS:
        if name == "body":
            page.body = body_block().to_python(content["body"])
        elif name in content and _has_field(page, name):
            setattr(page, name, content[name])


def _has_field(page: AbstractPage, name: str) -> bool:
    return any(field.name == name for field in page._meta.get_fields())


def export_page(page: AbstractPage) -> dict[str, Any]:
    """The page's latest revision in file form; raises LoadError if it would not load."""
    latest = latest_content(page)
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "translation_key": str(latest.translation_key),
        "locale": latest.locale.language_code,
        **{name: getattr(latest, name, "") or "" for name in TEXT_FIELDS},
        **review_from_page(latest),
        CODES_KEY: codes_from_page(latest),
        "body": normalize_body(body_block(), latest.body),
    }
    try:
        # An export that could not be loaded again is no use to anyone.
        parse(data, source=f"page {latest.id}")
    except LoadError as exc:
        raise LoadError(
            f"cannot export: {exc}; change this in the page editor and export again"
        ) from None
    return data
