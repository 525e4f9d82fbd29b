"""Template helpers for the app's pages and a host's base template.

``{% load recurrence_content_tags %}`` gives:

- ``{{ page.body|recurrence_content_outline }}``: the body's blocks with the
  level and anchor of each block's heading (see ``blocks/outline.py``);
- ``{{ outline|recurrence_content_contents }}``: the sections an "On this page"
  list links to, or none when the article is shorter than
  ``RECURRENCE_CONTENT_CONTENTS_MIN_SECTIONS``;
- ``{% recurrence_content_html_attrs %}``: ``lang="…" dir="…"`` for the host's
  ``<html>`` element, from the page being shown.
"""

from django import template
from django.utils import translation
from django.utils.html import format_html

from ..blocks.outline import OutlineEntry, outline, sections
from ..conf import get_setting
from ..languages import text_direction

register = template.Library()


@register.filter
def recurrence_content_outline(stream_value) -> list[OutlineEntry]:
    """Each block of a body with its heading level and anchor."""
    return outline(stream_value or [])


@register.filter
def recurrence_content_contents(entries: list[OutlineEntry]) -> list[OutlineEntry]:
    """The sections to list under "On this page": none for a short article."""
    threshold = get_setting("CONTENTS_MIN_SECTIONS")
    found = sections(entries)
    return found if threshold is not None and len(found) >= threshold else []


@register.simple_tag(takes_context=True)
def recurrence_content_html_attrs(context) -> str:
    """``lang`` and ``dir`` of the page being shown, else of the active language."""
    page = context.get("page")
    locale = getattr(page, "locale", None)
    language_code = (
        locale.language_code if locale else translation.get_language() or "en"
    )
    return format_html(
        'lang="{}" dir="{}"', language_code, text_direction(language_code)
    )
