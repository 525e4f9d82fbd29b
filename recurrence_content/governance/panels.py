"""A read-only panel on an article's edit view: its reading level and the
blocks hardest to read."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..admin_panels import SavedPagePanel
from . import readability


class ReadingLevelPanel(SavedPagePanel):
    """The reading level stored with the revision being edited (measured
    when the page is first saved)."""

    default_heading = _("Reading level")

    class BoundPanel(SavedPagePanel.BoundPanel):
        template_name = "recurrence_content/admin/reading_level_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            level = readability.reading_level_of(self.instance)
            context["level"] = level
            context["grade_formula"] = readability.formula_label(
                level.get("grade_formula", "")
            )
            context["ease_formula"] = readability.formula_label(
                level.get("ease_formula", "")
            )
            context["target_grade"] = readability.target_grade()
            context["above_target"] = readability.above_target(level)
            children = self.instance._meta.get_field("body").stream_block.child_blocks
            context["hardest_blocks"] = [
                {**block, "label": _block_label(children, block["type"])}
                for block in readability.hardest_blocks(level)
            ]
            return context


def _block_label(children: dict, block_type: str) -> str:
    child = children.get(block_type)
    return str(child.label) if child is not None else block_type
