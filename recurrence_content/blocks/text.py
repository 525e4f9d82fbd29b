"""Headings and rich-text paragraphs: the plain prose of an article."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Kept small on purpose: patient information needs emphasis, links and lists,
# and every extra feature is markup a translator has to carry over.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

PREVIEW_TEMPLATE = "recurrence_content/blocks/preview.html"


class LimitedCharBlock(blocks.CharBlock):
    """A CharBlock whose ``max_length`` is checked on saving, with Django's
    message giving the count ("at most 255 characters (it has 2000)"),
    rather than by the browser, which cuts pasted text at the limit without
    a word."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.widget.attrs.pop("maxlength", None)


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages keep their own ``h1`` for the title."""

    text = LimitedCharBlock(
        label=_("Heading"),
        max_length=255,
        help_text=_("A short heading that says what the section is about."),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Section heading (level 2)")),
            ("h3", _("Subheading (level 3)")),
        ],
        default="h2",
        help_text=_("Use a subheading only inside a section that has a heading."),
    )

    # The outline (blocks/outline.py) nests other blocks' headings under it.
    is_section_heading = True

    def shows_heading(self, value) -> bool:
        return True

    class Meta:
        icon = "title"
        template = "recurrence_content/blocks/heading_block.html"
        label = _("Heading")
        description = _("A section heading or subheading.")
        preview_value = {"text": "Diagnosing recurrent cancer", "level": "h2"}
        preview_template = PREVIEW_TEMPLATE
        group = _("Text")


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text with a restricted, patient-friendly feature set."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "recurrence_content/blocks/paragraph_block.html"
        label = _("Paragraph")
        description = _("Body text with bold, italic, links and lists.")
        preview_value = (
            "<p>After treatment for primary cancer, you will receive a "
            "follow-up care plan.</p>"
        )
        preview_template = PREVIEW_TEMPLATE
        group = _("Text")
