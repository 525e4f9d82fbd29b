"""A link to related reading: another page on the site or elsewhere."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks

from . import representation
from .text import PREVIEW_TEMPLATE
from .validation import ValidatedStructBlock
from .web_address import WebAddressBlock


class RelatedLinkValue(blocks.StructValue):
    """Resolves the link target, preferring the page in the reader's language."""

    def href(self) -> str:
        page = self.get("page")
        if page is not None:
            # A related page points at its translation when one is live.
            localized = page.localized
            return localized.url or ""
        return self.get("url") or ""


class RelatedLinkBlock(ValidatedStructBlock):
    """A titled link to a page or URL, such as “Read also: …”."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("plain", _("Link only")),
            ("read_also", _("“Read also” link")),
        ],
        default="plain",
        help_text=_("“Read also” links show a “Read also:” label before the title."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=255,
        help_text=_("The words readers see, e.g. “Is cancer hereditary?”."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page"),
        required=False,
        help_text=_("A page on this site. Choose a page or enter a URL, not both."),
    )
    url = WebAddressBlock(
        label=_("URL"),
        required=False,
        help_text=_(
            "A web address elsewhere. Without a page or URL the title shows as "
            "plain text until you add one."
        ),
    )

    def validate(self, value):
        if value.get("page") and value.get("url"):
            return {
                "url": ValidationError(
                    _("Choose a page or enter a URL, not both. Clear one of them.")
                )
            }
        return {}

    def get_api_representation(self, value, context=None):
        """The title and the resolved target, instead of a bare page id."""
        return representation.related_link(value, context)

    def get_api_schema(self, schemas):
        """The generated schema, with ``page`` replaced by what the JSON sends."""
        page_id = Field(description="The linked page on this site, if any.")
        url = Field(
            description="Public URL of the linked page (its translation in the "
            "article's language when live) or the external URL; null when neither."
        )
        return schemas.struct(
            self,
            fields={
                "page": None,
                "page_id": (int | None, page_id),
                "url": (str | None, url),
            },
        )

    class Meta:
        icon = "link"
        template = "recurrence_content/blocks/related_link_block.html"
        label = _("Related link")
        description = _("A link to further reading, such as “Read also: …”.")
        preview_value = {
            "kind": "read_also",
            "title": "Is cancer hereditary?",
            "page": None,
            "url": "",
        }
        preview_template = PREVIEW_TEMPLATE
        value_class = RelatedLinkValue
        group = _("Links")
