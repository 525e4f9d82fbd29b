"""StreamField blocks for patient information, one module per family."""

from .callout import CALLOUT_KINDS, CalloutBlock
from .coping import CopingResourceBlock, CopingResourceListBlock
from .definition import DefinitionBlock
from .factors import FactorBlock, FactorChecklistBlock
from .patterns import PatternBlock, PatternListBlock
from .question import QuestionAnswerBlock
from .related_link import RelatedLinkBlock
from .stream import PatientInfoStreamBlock
from .text import RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock

__all__ = [
    "CALLOUT_KINDS",
    "RICH_TEXT_FEATURES",
    "CalloutBlock",
    "CopingResourceBlock",
    "CopingResourceListBlock",
    "DefinitionBlock",
    "FactorBlock",
    "FactorChecklistBlock",
    "HeadingBlock",
    "ParagraphBlock",
    "PatientInfoStreamBlock",
    "PatternBlock",
    "PatternListBlock",
    "QuestionAnswerBlock",
    "RelatedLinkBlock",
]
