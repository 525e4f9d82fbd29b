"""Block values as JSON: the one representation the feed and Wagtail API v2 share.

``represent`` walks a block tree as Wagtail's own ``get_api_representation``
does (a struct is a dict of its children, a list a list, a stream a list of
``{"type", "id", "value"}``) and calls a block's own ``get_api_representation``
wherever its class defines one. It differs from Wagtail only where the feed
adds something: rich text is ``{"html", "text"}`` with public links, a page,
document or image chooser gives a link object, and every page link of a stream
is looked up in one query. ``block_schemas.py`` describes the same shapes.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch

from . import kinds
from .rich_text_links import LinkResolver, html_to_text, rewrite_rich_text
from .web_address import is_web_address

# The context key under which a StreamField's batched link resolver travels
# down to its blocks.
LINKS = "recurrence_content_links"


def link_resolver(context: dict | None) -> LinkResolver:
    """The resolver prepared for the whole stream, or one for a lone block."""
    context = context or {}
    resolver = context.get(LINKS)
    if resolver is None:
        resolver = LinkResolver([], request=context.get("request"))
    return resolver


def represent(block, value, context: dict | None = None) -> Any:
    """The API value of ``value``, a value of ``block``."""
    kind = kinds.kind_of(block)
    if kind == kinds.CUSTOM:
        return block.get_api_representation(value, context)
    handler = _HANDLERS.get(kind)
    if handler is not None:
        return handler(block, value, context)
    if kind in kinds.TEXT_KINDS and value is None:
        return ""
    return block.get_api_representation(value, context)


def stream(stream_block, value, context: dict | None = None) -> list[dict[str, Any]]:
    """``[{"type", "id", "value"}, ...]`` with every page link fetched in one query."""
    context = dict(context or {})
    if LINKS not in context:
        context[LINKS] = LinkResolver.for_stream(
            stream_block,
            value,
            request=context.get("request"),
            locale=context.get("locale"),
        )
    return [
        {
            "type": child.block.name,
            "id": child.id,
            "value": represent(child.block, child.value, context),
        }
        for child in value or []
    ]


def struct(struct_block, value, context: dict | None = None) -> dict[str, Any]:
    """A dict of the children's API values, as Wagtail's StructBlock gives."""
    return {
        name: represent(child, value.get(name), context)
        for name, child in struct_block.child_blocks.items()
    }


def rich_text(value, context: dict | None = None) -> dict[str, str]:
    """``{"html": front-end HTML with public links, "text": plain text}``."""
    source = getattr(value, "source", value) or ""
    html = rewrite_rich_text(source, link_resolver(context))
    return {"html": html, "text": html_to_text(html)}


def page_link(page, context: dict | None = None) -> dict[str, Any] | None:
    """``{"id", "url"}`` of a chosen page: its public URL in the article's
    language when a translation is live, null when the page is not live."""
    if page is None:
        return None
    return {"id": page.pk, "url": link_resolver(context).url(page.pk)}


def document_link(document, context: dict | None = None) -> dict[str, Any] | None:
    """``{"id", "title", "url"}`` of a chosen document."""
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": _absolute(_document_url(document), context),
    }


def _document_url(document) -> str:
    try:
        return document.url
    except NoReverseMatch:
        # The host serves no document URLs (wagtail.documents.urls): the
        # file's own address is the only one there is.
        return document.file.url


def image_link(image, context: dict | None = None) -> dict[str, Any] | None:
    """``{"id", "title", "width", "height", "url"}`` of a chosen image."""
    if image is None:
        return None
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "url": _absolute(image.file.url, context),
    }


def image_with_alt(image, context: dict | None = None) -> dict[str, Any] | None:
    """Wagtail's ImageBlock: the image link with its alt text for this use."""
    link = image_link(image, context)
    if link is None:
        return None
    return link | {
        "alt_text": getattr(image, "contextual_alt_text", "") or "",
        "decorative": bool(getattr(image, "decorative", False)),
    }


def _absolute(url: str, context: dict | None) -> str:
    request = (context or {}).get("request")
    return request.build_absolute_uri(url) if request is not None else url


_HANDLERS = {
    kinds.IMAGE_WITH_ALT: lambda block, value, context: image_with_alt(value, context),
    kinds.RICH_TEXT: lambda block, value, context: rich_text(value, context),
    kinds.PAGE: lambda block, value, context: page_link(value, context),
    kinds.DOCUMENT: lambda block, value, context: document_link(value, context),
    kinds.IMAGE: lambda block, value, context: image_link(value, context),
    kinds.STREAM: stream,
    kinds.LIST: lambda block, value, context: [
        represent(block.child_block, item, context) for item in value or []
    ],
    kinds.STRUCT: struct,
    kinds.URL: lambda block, value, context: uri_or_empty(value),
    # Wagtail stores an unticked optional box as None; the feed says false.
    kinds.BOOLEAN: lambda block, value, context: bool(value),
}


def uri_or_empty(value: str | None) -> str:
    """A stored web address as the feed's ``format: uri`` promises: one
    saved before addresses were checked (or by a host's own URLBlock) that
    is not a URI is sent as no address rather than break a client."""
    return value if value and is_web_address(value) else ""


def definition(block, value, context: dict | None = None) -> dict[str, Any]:
    """A definition's children and the anchor other pages link to."""
    return struct(block, value, context) | {"anchor": value.anchor()}


def related_link(value, context: dict | None = None) -> dict[str, Any]:
    """The link's title and its target: a page's public URL or an external URL."""
    page = value.get("page")
    if page is not None:
        url = link_resolver(context).url(page.pk)
    else:
        url = uri_or_empty(value.get("url")) or None
    return {
        "kind": value.get("kind") or "",
        "title": value.get("title") or "",
        "page_id": page.pk if page is not None else None,
        "url": url,
    }
