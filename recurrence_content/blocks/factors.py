"""A printable checklist of the factors a patient and doctor weigh together."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .lists import IntroducedListBlock
from .text import PREVIEW_TEMPLATE, LimitedCharBlock


class FactorBlock(blocks.StructBlock):
    """One factor, with optional detail."""

    factor = LimitedCharBlock(
        label=_("Factor"),
        max_length=255,
        help_text=_("One thing to consider, e.g. “Your overall health”."),
    )
    detail = blocks.TextBlock(
        label=_("Detail"),
        required=False,
        help_text=_("Optional explanation or a question to ask."),
    )

    class Meta:
        icon = "check"
        label = _("Factor")


class FactorChecklistBlock(IntroducedListBlock):
    """Factors shown as a checklist a patient can print for an appointment."""

    factors = blocks.ListBlock(FactorBlock(), label=_("Factors"))

    class Meta:
        icon = "clipboard-list"
        template = "recurrence_content/blocks/factor_checklist_block.html"
        label = _("Factor checklist")
        description = _("Things to weigh, printable as a checklist for an appointment.")
        preview_value = {
            "heading": "",
            "intro": "Your doctor will consider the following factors:",
            "factors": [
                {"factor": "Your overall health", "detail": ""},
                {
                    "factor": "How long it has been since finishing treatment",
                    "detail": "",
                },
            ],
        }
        preview_template = PREVIEW_TEMPLATE
        group = _("Patient information")
        list_field = "factors"
        empty_message = _("Add at least one factor to the checklist.")
