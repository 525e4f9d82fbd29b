"""The "Changes from a new version" panel on an article's edit view: each open
conflict, ours and the new version side by side, and the two choices."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from ..loading.updates import open_conflicts
from .differences import marked, version_text


def conflict_rows(page) -> list[dict]:
    """What the panel (and the report's CSV) shows for each open conflict."""
    stream_block = page._meta.get_field("body").stream_block
    rows = []
    for conflict in open_conflicts(page):
        if conflict.block_id:
            child = stream_block.child_blocks.get(conflict.block_type)
            what = str(child.label) if child is not None else conflict.block_type
        else:
            field = page._meta.get_field(conflict.field)
            what = str(getattr(field, "verbose_name", conflict.field)).capitalize()
        ours, theirs = marked(
            version_text(conflict.local), version_text(conflict.upstream)
        )
        rows.append(
            {
                "conflict": conflict,
                "what": what,
                "ours": ours,
                "theirs": theirs,
                "ours_removed": conflict.local is None,
                "theirs_removed": conflict.upstream is None,
            }
        )
    return rows


class MergeConflictPanel(Panel):
    """Open conflicts between the hospital's edits and a new version."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Changes from a new version"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "recurrence_content/admin/merge_conflict_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk and self.rows)

        @property
        def rows(self) -> list[dict]:
            if not hasattr(self, "_rows"):
                self._rows = conflict_rows(self.instance)
            return self._rows

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rows"] = self.rows
            context["page"] = self.instance
            return context
