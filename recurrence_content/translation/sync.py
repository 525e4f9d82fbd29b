"""wagtail-localize's "Sync translated pages", telling the editor which
translations were kept as drafts (see ``holding``) rather than published."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .holding import HELD_ACTION


class SyncKeepingFinishedView(UpdateTranslationsView):
    """wagtail-localize's own view and form, plus a warning per translation
    kept as a draft, naming the strings it lacks."""

    @transaction.atomic
    def form_valid(self, form):
        since = PageLogEntry.objects.aggregate(last=Max("pk"))["last"] or 0
        response = super().form_valid(form)
        # wagtail-localize publishes when the transaction commits; this runs
        # after those publications, still within the request.
        transaction.on_commit(lambda: self.report_held(since))
        return response

    def report_held(self, since: int) -> None:
        held = PageLogEntry.objects.filter(
            pk__gt=since, action=HELD_ACTION
        ).select_related("page__locale")
        for entry in held:
            strings = entry.data.get("untranslated", [])
            messages.warning(
                self.request,
                _(
                    "“%(title)s” (%(language)s) was kept as a draft: readers keep "
                    "the published translation until these strings are "
                    "translated: %(strings)s"
                )
                % {
                    "title": entry.page.title,
                    "language": entry.page.locale.get_display_name(),
                    "strings": "; ".join(f"“{text}”" for text in strings),
                },
            )


def sync_urls() -> list:
    """The sync form's admin URL, the same as wagtail-localize's, listed
    before it (register_admin_urls with a lower order) so this view answers."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            SyncKeepingFinishedView.as_view(),
            name="recurrence_content_sync_translations",
        )
    ]
