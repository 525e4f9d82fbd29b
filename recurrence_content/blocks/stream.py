"""The StreamBlock that article bodies are built from."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..api import representation
from .callout import CalloutBlock
from .coping import CopingResourceListBlock
from .definition import DefinitionBlock
from .factors import FactorChecklistBlock
from .links import RelatedLinkBlock
from .patterns import PatternListBlock
from .question import QuestionAnswerBlock
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

    class Meta:
        label = _("Article body")
