"""A question a patient asks, with its answer."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import PREVIEW_TEMPLATE, RICH_TEXT_FEATURES, LimitedCharBlock


class QuestionAnswerBlock(blocks.StructBlock):
    """A patient's question in their words, followed by the answer."""

    question = LimitedCharBlock(
        label=_("Question"),
        max_length=255,
        help_text=_("Phrase it the way a patient would ask it."),
    )
    answer = blocks.RichTextBlock(
        label=_("Answer"),
        features=RICH_TEXT_FEATURES,
        help_text=_("A direct answer first, then any detail."),
    )

    def shows_heading(self, value) -> bool:
        """The question is a heading, one level below the section's."""
        return True

    class Meta:
        icon = "help"
        template = "recurrence_content/blocks/question_answer_block.html"
        label = _("Question and answer")
        description = _("A question patients ask, answered in plain words.")
        preview_value = {
            "question": "Can cancer come back?",
            "answer": (
                "<p>Unfortunately, cancer cells are sometimes left behind after "
                "treatment. If this happens, cancer may come back.</p>"
            ),
        }
        preview_template = PREVIEW_TEMPLATE
        group = _("Patient information")
