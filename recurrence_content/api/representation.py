"""Block values as JSON: the one representation the feed and Wagtail API v2 share.

Each block class's ``get_api_representation`` calls a function here, so a host
that serves our pages through Wagtail API v2 (``api_fields``) gets exactly the
JSON the feed sends. ``schemas.py`` describes the same shapes for OpenAPI.
"""

from __future__ import annotations

from typing import Any

from .links import LinkResolver, html_to_text, rewrite_rich_text

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
            "value": child.block.get_api_representation(child.value, context),
        }
        for child in value or []
    ]


def rich_text(value, context: dict | None = None) -> dict[str, str]:
    """``{"html": front-end HTML with public links, "text": plain text}``."""
    source = getattr(value, "source", value) or ""
    html = rewrite_rich_text(source, link_resolver(context))
    return {"html": html, "text": html_to_text(html)}


def _text(value, name: str) -> str:
    return value.get(name) or ""


def heading(value, context=None) -> dict[str, Any]:
    """A heading's text and level (``h2`` or ``h3``)."""
    return {"text": _text(value, "text"), "level": _text(value, "level")}


def definition(value, context=None) -> dict[str, Any]:
    """A term, its other names, its definition and the anchor pages link to."""
    return {
        "term": _text(value, "term"),
        "also_called": [str(name) for name in value.get("also_called") or []],
        "definition": _text(value, "definition"),
        "anchor": value.anchor(),
    }


def pattern_list(value, context=None) -> dict[str, Any]:
    """Named patterns with their descriptions."""
    return {
        "heading": _text(value, "heading"),
        "intro": _text(value, "intro"),
        "patterns": [
            {"name": _text(item, "name"), "description": _text(item, "description")}
            for item in value.get("patterns") or []
        ],
    }


def factor_checklist(value, context=None) -> dict[str, Any]:
    """Factors, each with optional detail."""
    return {
        "heading": _text(value, "heading"),
        "intro": _text(value, "intro"),
        "factors": [
            {"factor": _text(item, "factor"), "detail": _text(item, "detail")}
            for item in value.get("factors") or []
        ],
    }


def coping_resource_list(value, context=None) -> dict[str, Any]:
    """Resources with their optional link and phone number."""
    return {
        "heading": _text(value, "heading"),
        "intro": _text(value, "intro"),
        "list_style": _text(value, "list_style"),
        "resources": [
            {
                "description": _text(item, "description"),
                "link": _text(item, "link"),
                "link_text": _text(item, "link_text"),
                "phone": _text(item, "phone"),
            }
            for item in value.get("resources") or []
        ],
    }


def question_answer(value, context=None) -> dict[str, Any]:
    """The question, and the answer as rich text."""
    return {
        "question": _text(value, "question"),
        "answer": rich_text(value.get("answer"), context),
    }


def callout(value, context=None) -> dict[str, Any]:
    """The callout's kind (a machine key), optional title and rich text."""
    return {
        "kind": _text(value, "kind"),
        "title": _text(value, "title"),
        "body": rich_text(value.get("body"), context),
    }


def related_link(value, context=None) -> dict[str, Any]:
    """The link's title and its target: a page's public URL or an external URL."""
    page = value.get("page")
    if page is not None:
        url = link_resolver(context).url(page.pk)
    else:
        url = value.get("url") or None
    return {
        "kind": _text(value, "kind"),
        "title": _text(value, "title"),
        "page_id": page.pk if page is not None else None,
        "url": url,
    }
