"""The one web address type the blocks, the loader and the feed share, so
every stored link is a URI (RFC 3986), as the feed's ``format: uri`` promises.

Django's URLValidator lets through characters a URI may not hold (``"``,
``<``, ``{``...), which browsers and feed clients then read differently.
Letters outside ASCII (``…/wiki/Cáncer``) are kept, written percent-encoded
as browsers send them; anything else is refused with a message an editor can
act on.
"""

from __future__ import annotations

import re
import string

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# RFC 3986's unreserved and reserved characters, and "%" of a %XX escape.
URI_CHARACTERS = frozenset(
    string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%"
)
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def web_address(value: str) -> str:
    """``value`` as a URI, or a ValidationError naming what to remove."""
    wrong = sorted(
        {char for char in value if char.isascii() and char not in URI_CHARACTERS}
    )
    if BAD_ESCAPE.search(value):
        wrong.append("%")
    if wrong:
        shown = ", ".join("“ ”" if char == " " else f"“{char}”" for char in wrong)
        raise ValidationError(
            _(
                "A web address cannot contain %(characters)s. Remove them, or "
                "copy the address again from the browser's address bar."
            ),
            code="invalid",
            params={"characters": shown},
        )
    uri = iri_to_uri(value)
    URLValidator()(uri)
    return uri


def is_web_address(value: str) -> bool:
    """Whether ``value`` is already a URI ``web_address`` would store."""
    try:
        return web_address(value) == value
    except ValidationError:
        return False


class WebAddressBlock(blocks.URLBlock):
    """A URLBlock that stores only URIs (see ``web_address``)."""

    def clean(self, value):
        value = super().clean(value)
        return web_address(value) if value else value

    class Meta:
        icon = "link"
