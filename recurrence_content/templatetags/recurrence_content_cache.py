"""``{% recurrence_content_cached "name" page %}…{% end_recurrence_content_cached %}``:
the enclosed HTML of a live page, rendered once per language, site address and
day until what the page shows changes, and then read from Django's cache.

For readers the response cache does not serve (signed in, a session cookie):
a request it answers keeps the whole page there instead, so an article's body
is not stored twice. Tagged as the page's response is (``cache_tags``): a
publication of the page or a translation, or a change to an ancestor's title
or URL, renders it anew; previews and drafts are always rendered.
"""

from django import template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from ..cache_tags import PARTS, page_tags
from ..response_cache import PAGE_PARAMS, answers

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context) -> str:
        page = self.page.resolve(context)
        request = context.get("request")
        if not _is_live_view(page, request) or answers(request, PAGE_PARAMS):
            return self.nodelist.render(context)
        key = ":".join(
            str(part)
            for part in (
                "fragment",
                self.name.resolve(context),
                page.pk,
                translation.get_language(),
                request.scheme,
                request.get_host(),
                # Review states ("due soon", "overdue") follow the calendar.
                timezone.localdate(),
            )
        )
        return mark_safe(  # noqa: S308 - the template's own rendered output
            PARTS.remember(
                key, page_tags(page), lambda: str(self.nodelist.render(context))
            )
        )


def _is_live_view(page, request) -> bool:
    """Whether ``page`` is rendered as published, for a public request."""
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and getattr(page, "live", False)
        and getattr(page, "live_revision_id", None) is not None
    )


@register.tag("recurrence_content_cached")
def do_cached(parser, token):
    """Cache the enclosed HTML of a live page (see the module's docstring)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(
            f'{bits[0]} takes two arguments: a fragment name ("body") and the page.'
        )
    nodelist = parser.parse(("end_recurrence_content_cached",))
    parser.delete_first_token()
    return CachedNode(
        nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2])
    )
