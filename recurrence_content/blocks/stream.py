"""The StreamBlock that article bodies are built from."""

from django.core.exceptions import ValidationError
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from . import representation
from .callout import CalloutBlock
from .coping import CopingResourceListBlock
from .definition import DefinitionBlock
from .factors import FactorChecklistBlock
from .outline import SECTION_LEVELS, is_section_heading, outline
from .patterns import PatternListBlock
from .question import QuestionAnswerBlock
from .related_link import RelatedLinkBlock
from .text import HeadingBlock, ParagraphBlock


class PatientInfoStreamBlock(blocks.StreamBlock):
    """Every block a patient-information article may use.

    Subclass it to add or remove blocks (see the README), and point your own
    page's ``body`` StreamField at the subclass.
    """

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    definition = DefinitionBlock()
    pattern_list = PatternListBlock()
    factor_checklist = FactorChecklistBlock()
    coping_resource_list = CopingResourceListBlock()
    question_answer = QuestionAnswerBlock()
    callout = CalloutBlock()
    related_link = RelatedLinkBlock()

    def get_api_representation(self, value, context=None):
        """The feed's JSON for the body, so Wagtail API v2 gives the same."""
        return representation.stream(self, value, context)

    def get_api_schema(self, schemas):
        """The generated stream schema: the override above changes no shape."""
        return schemas.stream(self)

    def clean(self, value, *args, **kwargs):
        # Wagtail 7.0 passes ignore_required_constraints when saving a draft.
        cleaned = super().clean(value, *args, **kwargs)
        errors = {
            index: blocks.StructBlockValidationError(
                block_errors={
                    "level": ValidationError(
                        _(
                            "A subheading needs a section heading above it, or the "
                            "page's headings skip a level. Choose “Section heading "
                            "(level 2)” or add a section heading before this one."
                        )
                    )
                }
            )
            for index, entry in enumerate(outline(cleaned))
            if is_section_heading(entry.block)
            and entry.heading_level < SECTION_LEVELS.get(entry.block.value["level"], 2)
        }
        if errors:
            raise StreamBlockValidationError(block_errors=errors)
        return cleaned

    def render_basic(self, value, context=None):
        # As Wagtail's, but each block learns its heading's level and anchor,
        # so {{ page.body }} in a host's own template keeps the outline too.
        return format_html_join(
            "\n",
            '<div class="w-block-{1} block-{1}">{0}</div>',
            [
                (
                    entry.block.render(
                        context={
                            **dict(context or {}),
                            "heading_level": entry.heading_level,
                            "anchor": entry.anchor,
                        }
                    ),
                    entry.block.block_type,
                )
                for entry in outline(value)
            ],
        )

    class Meta:
        label = _("Article body")
