"""wagtail-localize's "Sync translated pages", telling the editor which
translations were kept as drafts (see ``holding``) rather than published."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import path
from django.utils.translation import gettext as _
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .holding import publish_unless_less_complete


class SyncKeepingFinishedView(UpdateTranslationsView):
    """wagtail-localize's own view and form; with "Publish immediately", a
    translation that would lose translated strings is kept as a draft, and
    a warning names them."""

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        # wagtail-localize syncs the source (and machine-translates, saves
        # its components) without publishing; the translations are published
        # here, each unless that would take strings away from readers.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if publish:
            for translation in self.object.translations.filter(
                enabled=True
            ).select_related("source", "target_locale"):
                self.publish(translation)
        return response

    def publish(self, translation) -> None:
        try:
            missing = publish_unless_less_complete(translation, self.request.user)
        except ValidationError:
            return  # as wagtail-localize's own sync: left for the editor
        if missing:
            messages.warning(
                self.request,
                _(
                    "“%(title)s” (%(language)s) was kept as a draft: readers keep "
                    "the published translation until these strings are "
                    "translated: %(strings)s"
                )
                % {
                    "title": translation.get_target_instance().title,
                    "language": translation.target_locale.get_display_name(),
                    "strings": "; ".join(f"“{text}”" for text in missing),
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
