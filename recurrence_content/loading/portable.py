"""A content file made for another site: no page IDs of this one.

A page ID names a different page (or none) on another site, so a related
link or a rich-text link to one of this site's pages becomes a link to that
page's public address here; a link to a page with no public address loses
its target (a related link's title then shows as plain text, as in a
shipped file, until the hospital points it at a page of its own).
"""

import html
import re
from collections.abc import Callable
from typing import Any

# Wagtail's stored form of a rich-text link to a page: <a linktype="page" id="3">.
PAGE_LINK = re.compile(r"<a\b(?=[^>]*\blinktype=\"page\")[^>]*>(.*?)</a>", re.DOTALL)
PAGE_ID = re.compile(r"\bid=\"(\d+)\"")


def portable_body(body: list[dict], page_url: Callable[[int], str | None]) -> list:
    """``body`` (raw stream data) with every page reference replaced by
    ``page_url(page_id)``, the page's absolute public URL or None."""
    return [_portable(block, page_url) for block in body]


def _portable(value: Any, page_url: Callable[[int], str | None]) -> Any:
    if isinstance(value, dict):
        if value.get("type") == "related_link" and isinstance(value.get("value"), dict):
            link = value["value"]
            if link.get("page"):
                target = page_url(int(link["page"])) or ""
                value = {**value, "value": {**link, "page": None, "url": target}}
        return {key: _portable(item, page_url) for key, item in value.items()}
    if isinstance(value, list):
        return [_portable(item, page_url) for item in value]
    if isinstance(value, str) and 'linktype="page"' in value:
        return PAGE_LINK.sub(lambda match: _rich_text_link(match, page_url), value)
    return value


def _rich_text_link(match: re.Match, page_url: Callable[[int], str | None]) -> str:
    page_id = PAGE_ID.search(match.group(0)[: match.start(1) - match.start(0)])
    url = page_url(int(page_id.group(1))) if page_id else None
    if not url:
        return match.group(1)
    return f'<a href="{html.escape(url)}">{match.group(1)}</a>'
