"""``{% recurrence_content_json_ld page %}``: the page's schema.org data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..delivery.json_ld import build_json_ld

register = template.Library()

# As Django's json_script: keep the JSON from closing the <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def recurrence_content_json_ld(context, page) -> SafeString:
    """A ``<script type="application/ld+json">`` with the page's MedicalWebPage."""
    data = build_json_ld(page, context.get("request"))
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_SCRIPT_ESCAPES)),  # noqa: S308
    )
