"""A highlighted note: information, a warning, or when to seek help."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import PREVIEW_TEMPLATE, RICH_TEXT_FEATURES, LimitedCharBlock

# Machine keys, synchronised (not translated) across languages; the template
# shows the translated label.
CALLOUT_KINDS = [
    ("information", _("Information")),
    ("seek_help", _("When to seek help")),
    ("warning", _("Important")),
]


class CalloutValue(blocks.StructValue):
    """Adds the translated label of the callout's kind."""

    def kind_label(self) -> str:
        return str(dict(CALLOUT_KINDS).get(self.get("kind"), ""))


class CalloutBlock(blocks.StructBlock):
    """Text set apart from the article so a patient does not miss it."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=CALLOUT_KINDS,
        default="information",
        help_text=_("Sets the callout's colour, icon and the label readers see."),
    )
    title = LimitedCharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Optional. Without it the kind's label is the title."),
    )
    body = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    def shows_heading(self, value) -> bool:
        """The title (or the kind's label) is a heading below the section's."""
        return True

    class Meta:
        icon = "warning"
        template = "recurrence_content/blocks/callout_block.html"
        label = _("Callout")
        description = _("A highlighted note, such as when to seek help.")
        preview_value = {
            "kind": "seek_help",
            "title": "",
            "body": (
                "<p>Seek professional help when the trouble is long lasting and "
                "interferes with your ability to carry out daily activities.</p>"
            ),
        }
        preview_template = PREVIEW_TEMPLATE
        value_class = CalloutValue
        group = _("Patient information")
