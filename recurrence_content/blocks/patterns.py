"""A list of the patterns a condition follows (e.g. where cancer recurs)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .lists import IntroducedListBlock
from .text import PREVIEW_TEMPLATE, LimitedCharBlock


class PatternBlock(blocks.StructBlock):
    """One pattern: a short name and what it means."""

    name = LimitedCharBlock(
        label=_("Name"),
        max_length=120,
        help_text=_("A short name, e.g. “Local recurrence”."),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        help_text=_("What this pattern means for the patient."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Pattern")


class PatternListBlock(IntroducedListBlock):
    """Named patterns, each with a description, under an optional heading."""

    patterns = blocks.ListBlock(PatternBlock(), label=_("Patterns"))

    class Meta:
        icon = "list-ul"
        template = "recurrence_content/blocks/pattern_list_block.html"
        label = _("Pattern list")
        description = _("Named patterns, such as where a cancer may recur.")
        preview_value = {
            "heading": "",
            "intro": "Cancer may recur in the following patterns:",
            "patterns": [
                {
                    "name": "Local recurrence",
                    "description": (
                        "In the same part of the body as primary cancer, "
                        "called a local recurrence"
                    ),
                },
                {
                    "name": "Distant recurrence",
                    "description": (
                        "In another part of the body, called a distant recurrence"
                    ),
                },
            ],
        }
        preview_template = PREVIEW_TEMPLATE
        group = _("Patient information")
        list_field = "patterns"
        empty_message = _("Add at least one pattern, with a name and a description.")
