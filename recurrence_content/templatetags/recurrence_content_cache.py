"""``{% recurrence_content_cached "name" page %}…{% end_recurrence_content_cached %}``:
the enclosed HTML of a live page, rendered once per revision, language, site
address and day, and then read from Django's cache.

For readers the response cache does not serve (signed in, a session cookie, a
language variant it has not seen). Kept under the response cache's version
(``cache_version.RESPONSES``), so any publication, translation, move, privacy
or site change renders it anew; previews and drafts are always rendered.
"""

from django import template
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from ..cache_version import RESPONSES

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, nodelist, name, page):
        self.nodelist = nodelist
        self.name = name
        self.page = page

    def render(self, context) -> str:
        page = self.page.resolve(context)
        request = context.get("request")
        if not _is_live_view(page, request):
            return self.nodelist.render(context)
        key = ":".join(
            str(part)
            for part in (
                "fragment",
                self.name.resolve(context),
                page.pk,
                page.live_revision_id,
                translation.get_language(),
                request.scheme,
                request.get_host(),
                # Review states ("due soon", "overdue") follow the calendar.
                timezone.localdate(),
            )
        )
        return mark_safe(  # noqa: S308 - the template's own rendered output
            RESPONSES.remember(key, lambda: str(self.nodelist.render(context)))
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
