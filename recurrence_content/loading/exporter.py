"""Writes an article page in the content file format."""

from collections.abc import Callable
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
from .portable import portable_body
from .reviewdata import review_from_page


def latest_content(page: AbstractPage) -> PatientInfoPageMixin:
    """The page as an editor last saved it (its latest revision)."""
    return live_content(page).get_latest_revision_as_object()


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


def export_page(
    page: AbstractPage,
    *,
    live: bool = False,
    page_url: Callable[[int], str | None] | None = None,
) -> dict[str, Any]:
    """The page's latest revision (``live``: its published version) in file
    form; raises LoadError if it would not load.

    ``page_url`` makes it a file for another site: each link to a page of
    this one becomes ``page_url(page_id)`` (see ``portable.py``).
    """
    latest = live_content(page) if live else latest_content(page)
    data: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "translation_key": str(latest.translation_key),
        "locale": latest.locale.language_code,
        **{name: getattr(latest, name, "") or "" for name in TEXT_FIELDS},
        **review_from_page(latest),
        CODES_KEY: codes_from_page(latest),
        "body": normalize_body(body_block(), latest.body),
    }
    if page_url is not None:
        data["body"] = portable_body(data["body"], page_url)
    try:
        # An export that could not be loaded again is no use to anyone.
        parse(data, source=f"page {latest.id}")
    except LoadError as exc:
        raise LoadError(
            f"cannot export: {exc}; change this in the page editor and export again"
        ) from None
    return data


def live_content(page: AbstractPage) -> PatientInfoPageMixin:
    """The page as the site publishes it: the page row itself, which Wagtail
    changes only on publish (drafts stay in revisions)."""
    page = page.specific
    if not isinstance(page, PatientInfoPageMixin):
        raise LoadError(
            f"page {page.id} ({page.title!r}) is a {page.specific_class.__name__}, "
            "not a patient information page; choose an article page"
        )
    return page
