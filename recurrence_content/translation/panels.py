"""A read-only panel on an article's edit view: its translations and how far
each has got."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .status import translation_statuses


class TranslationStatusPanel(Panel):
    """Lists the page's translations with their status and progress."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "recurrence_content/admin/translation_status_panel.html"

        def is_shown(self) -> bool:
            # Nothing to list while the page is being created.
            return bool(self.instance and self.instance.pk)

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
