"""One place for block validation, so every block reports errors the same way.

Each block lists its problems in ``validate()``; ``ValidatedStructBlock``
turns them into the ``StructBlockValidationError`` Wagtail shows beside the
field an editor has to fix.
"""

from typing import Any

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError


class ValidatedStructBlock(blocks.StructBlock):
    """A StructBlock whose cross-field rules live in one ``validate`` method."""

    def validate(self, value: blocks.StructValue) -> dict[str, ValidationError]:
        """Return ``{child_name: error}`` for every rule the value breaks."""
        return {}

    @property
    def saving_a_draft(self) -> bool:
        """Whether Wagtail is saving a draft (an editor's "Save draft" or Wagtail
        8's autosave), when it defers required fields (Wagtail 7.4+).

        Rules that only say "something is still to fill in" wait for publishing
        too, so a half-written block never makes the autosave fail.
        """
        return getattr(self, "is_deferred_validation", False)

    def clean(self, value: Any) -> blocks.StructValue:
        cleaned = super().clean(value)
        errors = self.validate(cleaned)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return cleaned


def empty_list_error(message: str) -> ListBlockValidationError:
    """An error shown above an empty list, telling the editor what to add."""
    return ListBlockValidationError(non_block_errors=[ValidationError(message)])
