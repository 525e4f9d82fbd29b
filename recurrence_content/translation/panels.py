"""A read-only panel on an article's edit view: its translations and how far
each has got."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ..admin_panels import SavedPagePanel
from .status import translation_statuses


class TranslationStatusPanel(SavedPagePanel):
    """Lists the page's translations with their status and progress."""

    default_heading = _("Translations")

    class BoundPanel(SavedPagePanel.BoundPanel):
        template_name = "recurrence_content/admin/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            pages = list(
                self.instance.get_translations(inclusive=False)
                .select_related("locale")
                .order_by("locale__language_code")
            )
            statuses = translation_statuses(pages)
            context["translations"] = [(page, statuses[page.pk]) for page in pages]
            return context
