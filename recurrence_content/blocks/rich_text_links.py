"""Internal links of one page, resolved to public URLs in one batched query.

Rich text stores links to pages as ``<a linktype="page" id="42">`` and a
PageChooserBlock stores a page id. Rendering them one at a time costs a query
per link; ``LinkResolver`` collects every page id of a whole StreamField value
first and looks them all up at once, preferring each target's translation in
the article's language, as Wagtail's own ``Page.localized`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from django.db.models import Q
from django.utils.html import escape
from wagtail.models import AbstractPage, Locale
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from ..page_model import page_model

PAGE_LINK_ID = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')


def page_ids_in_rich_text(html: str) -> set[int]:
    """The ids of the pages a rich text source links to."""
    ids = set()
    for tag in PAGE_LINK_ID.findall(html or ""):
        attrs = extract_attrs(tag)
        if attrs.get("id", "").isdigit():
            ids.add(int(attrs["id"]))
    return ids


class LinkResolver:
    """Public URLs for a set of page ids, fetched together on first use."""

    def __init__(
        self,
        page_ids: Iterable[int],
        request: Any = None,
        locale: Locale | None = None,
    ) -> None:
        self.page_ids = {int(pk) for pk in page_ids}
        self.request = request
        self.locale = locale
        self._urls: dict[int, str | None] | None = None

    @classmethod
    def for_stream(cls, stream_block, value, request=None, locale=None) -> LinkResolver:
        """A resolver for every page a StreamField value links to."""
        ids = set()
        for model, object_id, _path, _content_path in stream_block.extract_references(
            value
        ):
            if issubclass(model, AbstractPage) and str(object_id).isdigit():
                ids.add(int(object_id))
        return cls(ids, request=request, locale=locale)

    def url(self, page_id: int | None) -> str | None:
        """The absolute public URL of a page, or None when it is not live."""
        if page_id is None:
            return None
        if self._urls is None:
            self._urls = self._fetch()
        if int(page_id) not in self._urls:
            # Not collected up front (e.g. a block rendered on its own): look it
            # up with the same rules rather than dropping the link.
            self._urls.update(
                LinkResolver([page_id], self.request, self.locale)._fetch()
            )
        return self._urls.get(int(page_id))

    def _fetch(self) -> dict[int, str | None]:
        if not self.page_ids:
            return {}
        locale = self.locale or Locale.get_active()
        # One query: the linked pages and their live translations in `locale`.
        Page = page_model()
        keys = Page.objects.filter(pk__in=self.page_ids).values("translation_key")
        pages = list(
            Page.objects.live()
            .filter(
                Q(pk__in=self.page_ids)
                | Q(translation_key__in=keys, locale_id=locale.pk)
            )
            .only("id", "url_path", "translation_key", "locale_id", "live")
        )
        by_key = {p.translation_key: p for p in pages if p.locale_id == locale.pk}
        urls: dict[int, str | None] = dict.fromkeys(self.page_ids)
        for page in pages:
            if page.pk in self.page_ids:
                target = by_key.get(page.translation_key, page)
                urls[page.pk] = target.get_full_url(self.request)
        return urls


def rewrite_rich_text(html: str, links: LinkResolver) -> str:
    """Front-end HTML for a rich text source, with page links made public URLs.

    A link to a page that is not live keeps its text but loses its ``href``,
    as Wagtail renders a broken link.
    """

    def replace(match: re.Match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") != "page":
            return match.group(0)
        url = links.url(int(attrs["id"])) if attrs.get("id", "").isdigit() else None
        return f'<a href="{escape(url)}">' if url else "<a>"

    # expand_db_html handles any other link or embed types a host enables.
    return expand_db_html(FIND_A_TAG.sub(replace, html or ""))


BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def html_to_text(html: str) -> str:
    """Plain text for text-only channels (SMS, voice): paragraphs apart, list
    items as ``- item`` or ``1. item``, links as ``words (URL)``."""
    blocks: list[str] = []
    inline: list[str] = []
    for node in BeautifulSoup(html or "", "html.parser").children:
        if isinstance(node, Tag) and (
            node.name in BLOCK_TAGS or node.name in ("ul", "ol")
        ):
            blocks.append(_squash("".join(inline)))
            inline = []
            if node.name in ("ul", "ol"):
                blocks.append(_list_text(node))
            else:
                blocks.append(_squash(_inline_text(node)))
        else:
            inline.append(_inline_text(node))
    blocks.append(_squash("".join(inline)))
    return "\n\n".join(block for block in blocks if block)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _list_text(node: Tag) -> str:
    items = node.find_all("li", recursive=False)
    return "\n".join(
        (f"{n}. " if node.name == "ol" else "- ") + _squash(_inline_text(item))
        for n, item in enumerate(items, start=1)
    )


def _inline_text(node: Tag | NavigableString) -> str:
    if isinstance(node, NavigableString):
        return str(node)
    if node.name == "br":
        return " "
    if node.name in ("ul", "ol"):
        return " " + _list_text(node).replace("\n", " ") + " "
    text = "".join(_inline_text(child) for child in node.children)
    href = node.get("href") if node.name == "a" else None
    if href and href.strip() != text.strip():
        return f"{text} ({href})"
    return text
