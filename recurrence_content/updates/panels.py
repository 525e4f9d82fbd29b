"""The "Changes from a new version" panel on an article's edit view: each open
conflict, ours and the new version side by side, and the two choices."""

from __future__ import annotations

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from ..loading.updates import open_conflicts
from ..models import MergeConflict
from .differences import marked, version_text


def conflict_rows(page) -> list[dict]:
    """What the panel shows for each open conflict of the page, and of its
    translations' strings (wagtail-localize's translation editor takes the
    place of a translated page's edit view, so they are shown here)."""
    stream_block = page._meta.get_field("body").stream_block
    rows = []
    for conflict in open_conflicts(page) + _translation_conflicts(page):
        if conflict.field == MergeConflict.TRANSLATION_FIELD:
            what = _("%(language)s translation of “%(source)s”") % {
                "language": conflict.page.locale.get_display_name(),
                "source": Truncator(conflict.upstream["source"]).chars(60),
            }
            ours, theirs = marked(conflict.local["text"], conflict.upstream["text"])
            rows.append(_row(conflict, what, ours, theirs))
            continue
        if conflict.block_id:
            child = stream_block.child_blocks.get(conflict.block_type)
            what = str(child.label) if child is not None else conflict.block_type
        else:
            field = page._meta.get_field(conflict.field)
            what = str(getattr(field, "verbose_name", conflict.field)).capitalize()
        ours, theirs = marked(
            version_text(conflict.local), version_text(conflict.upstream)
        )
        rows.append(_row(conflict, what, ours, theirs))
    return rows


def _translation_conflicts(page) -> list[MergeConflict]:
    return list(
        MergeConflict.objects.filter(
            field=MergeConflict.TRANSLATION_FIELD,
            resolved_at__isnull=True,
            page__translation_key=page.translation_key,
        )
        .exclude(page_id=page.pk)
        .select_related("page__locale")
    )


def _row(conflict, what, ours, theirs) -> dict:
    return {
        "conflict": conflict,
        "what": what,
        "ours": ours,
        "theirs": theirs,
        "ours_removed": conflict.local is None,
        "theirs_removed": conflict.upstream is None,
    }


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
