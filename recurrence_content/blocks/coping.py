"""Resources that help a patient cope: numbered or bulleted, with contacts."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .lists import IntroducedListBlock
from .text import PREVIEW_TEMPLATE
from .validation import ValidatedStructBlock
from .web_address import WebAddressBlock

PHONE_PATTERN = r"^\+?[0-9][0-9 ()./-]{2,30}$"


class CopingResourceValue(blocks.StructValue):
    """Adds the ``tel:`` form of the phone number for the template."""

    def phone_href(self) -> str:
        phone = self.get("phone") or ""
        digits = "".join(ch for ch in phone if ch.isdigit())
        return f"tel:{'+' if phone.startswith('+') else ''}{digits}"


class CopingResourceBlock(ValidatedStructBlock):
    """One resource: what it is, and optionally where to find it."""

    description = blocks.TextBlock(
        label=_("Description"),
        help_text=_("What this resource is and how it helps."),
    )
    link = WebAddressBlock(
        label=_("Link"),
        required=False,
        help_text=_("Optional web address where the patient can find it."),
    )
    link_text = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=120,
        help_text=_("Words for the link, e.g. “Find a support group”."),
    )
    # A RegexBlock, not a CharBlock: a phone number is copied to translations,
    # not sent to translators as prose.
    phone = blocks.RegexBlock(
        regex=PHONE_PATTERN,
        label=_("Phone number"),
        required=False,
        error_messages={
            "invalid": _(
                "Enter a phone number using digits, spaces, brackets or dashes, "
                "optionally starting with +, e.g. +1 800 555 0100."
            )
        },
    )

    def validate(self, value):
        missing_link = value.get("link_text") and not value.get("link")
        if missing_link and not self.saving_a_draft:
            return {
                "link": ValidationError(
                    _("Add the web address for “%(text)s”, or remove the link text.")
                    % {"text": value["link_text"]}
                )
            }
        return {}

    class Meta:
        icon = "group"
        label = _("Resource")
        value_class = CopingResourceValue


class CopingResourceListBlock(IntroducedListBlock):
    """A numbered or bulleted list of coping resources."""

    list_style = blocks.ChoiceBlock(
        label=_("List style"),
        choices=[("numbered", _("Numbered")), ("bulleted", _("Bulleted"))],
        default="numbered",
    )
    resources = blocks.ListBlock(CopingResourceBlock(), label=_("Resources"))

    class Meta:
        icon = "group"
        template = "recurrence_content/blocks/coping_resource_list_block.html"
        label = _("Coping resource list")
        description = _("Sources of support, with optional links and phone numbers.")
        preview_value = {
            "heading": "",
            "intro": "Counseling may help you in several ways, including:",
            "list_style": "numbered",
            "resources": [
                {
                    "description": "Learning ways to cope with painful feelings",
                    "link": "",
                    "link_text": "",
                    "phone": "",
                },
                {
                    "description": "Exploring the meaning of your cancer experience",
                    "link": "",
                    "link_text": "",
                    "phone": "",
                },
            ],
        }
        preview_template = PREVIEW_TEMPLATE
        group = _("Patient information")
        list_field = "resources"
        empty_message = _("Add at least one resource, with a description.")
