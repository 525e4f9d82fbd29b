"""The shape the three list blocks share: optional heading and intro, a list."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import LimitedCharBlock
from .validation import ValidatedStructBlock, empty_list_error


class IntroducedListBlock(ValidatedStructBlock):
    """A list under an optional heading and introduction; the list may not be empty.

    Subclasses declare the list as a child block, name it in ``Meta.list_field``
    and say what to add in ``Meta.empty_message``. The list keeps Wagtail's
    default, one empty item, so an editor who adds the block starts typing at once.
    """

    # Optional: articles usually introduce a list under an existing section
    # heading, and shipped content must never invent one.
    heading = LimitedCharBlock(
        label=_("Heading"),
        required=False,
        max_length=255,
        help_text=_("Optional. Leave empty when the section heading already says it."),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        help_text=_("Optional text that leads into the list."),
    )

    def shows_heading(self, value) -> bool:
        """Its heading, when given, takes its level from the page's outline."""
        return bool(value.get("heading"))

    def validate(self, value):
        name = self.meta.list_field
        if not value.get(name) and not self.saving_a_draft:
            return {name: empty_list_error(self.meta.empty_message)}
        return {}

    class Meta:
        list_field = ""
        empty_message = ""
