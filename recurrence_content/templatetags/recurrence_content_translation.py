"""``{% recurrence_content_mark_untranslated status %}…{% end… %}``: mark the
untranslated passages of what it encloses (see ``translation.marking``)."""

from django import template

from ..translation.marking import mark_untranslated

register = template.Library()


class MarkUntranslatedNode(template.Node):
    def __init__(self, nodelist, status):
        self.nodelist = nodelist
        self.status = status

    def render(self, context) -> str:
        html = self.nodelist.render(context)
        status = self.status.resolve(context)
        if not status or not status.untranslated:
            return html
        return mark_untranslated(html, status.untranslated, status.source_language)


@register.tag("recurrence_content_mark_untranslated")
def do_mark_untranslated(parser, token):
    """Mark untranslated passages of the enclosed HTML, given a TranslationStatus
    (or nothing, to leave it as it is)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one argument: a translation status (or None)."
        )
    nodelist = parser.parse(("end_recurrence_content_mark_untranslated",))
    parser.delete_first_token()
    return MarkUntranslatedNode(nodelist, parser.compile_filter(bits[1]))
