"""The definition of a medical term, linkable from other pages."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from pydantic import Field
from wagtail import blocks

from . import representation
from .text import PREVIEW_TEMPLATE, LimitedCharBlock
from .validation import ValidatedStructBlock


class DefinitionValue(blocks.StructValue):
    """Adds the anchor other pages use to link straight to the term."""

    def anchor(self) -> str:
        # allow_unicode keeps Arabic and Chinese terms from slugging to "".
        return "term-" + slugify(self.get("term") or "", allow_unicode=True)


class DefinitionBlock(ValidatedStructBlock):
    """A term, other names for it, and what it means in plain words."""

    term = LimitedCharBlock(
        label=_("Term"),
        max_length=120,
        help_text=_("The word or phrase being explained, e.g. “local recurrence”."),
    )
    also_called = blocks.ListBlock(
        LimitedCharBlock(label=_("Other name"), max_length=120),
        label=_("Also called"),
        default=[],
        help_text=_("Other names patients may hear for the same thing (optional)."),
    )
    definition = blocks.TextBlock(
        label=_("Definition"),
        help_text=_("What the term means, in words a patient can follow."),
    )

    def validate(self, value):
        errors = {}
        term = (value.get("term") or "").strip().casefold()
        others = [name.strip().casefold() for name in value.get("also_called") or []]
        if term and term in others:
            errors["also_called"] = ValidationError(
                _("Remove “%(term)s” from “Also called”: it is already the term.")
                % {"term": value["term"]}
            )
        elif len(set(others)) != len(others):
            errors["also_called"] = ValidationError(
                _("Each other name should appear only once. Remove the repeats.")
            )
        return errors

    def get_api_representation(self, value, context=None):
        """The children's JSON and the anchor other pages link to."""
        return representation.definition(self, value, context)

    def get_api_schema(self, schemas):
        """The generated schema of the children, plus the anchor."""
        anchor = Field(description="Fragment id of the term on the article page.")
        return schemas.struct(self, fields={"anchor": (str, anchor)})

    class Meta:
        icon = "glasses"
        template = "recurrence_content/blocks/definition_block.html"
        label = _("Definition")
        description = _("Explains a medical term; other pages can link to it.")
        preview_value = {
            "term": "metastasis",
            "also_called": ["secondary cancer"],
            "definition": (
                "Cancer that returns in a different part of the body is called "
                "a metastasis or secondary cancer."
            ),
        }
        preview_template = PREVIEW_TEMPLATE
        value_class = DefinitionValue
        group = _("Patient information")
