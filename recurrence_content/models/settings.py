"""Per-site wording for review status, edited under Settings in the admin.

Needs ``wagtail.contrib.settings`` in INSTALLED_APPS to be edited (a system
check says so); without it every page uses the default wording.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks.text import LimitedCharBlock


def content_languages() -> list[tuple[str, str]]:
    """The site's content languages, read when the form is built."""
    return list(
        getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None)
        or getattr(settings, "LANGUAGES", [])
    )


class WordingBlock(blocks.StructBlock):
    """One language's wording."""

    language = blocks.ChoiceBlock(label=_("Language"), choices=content_languages)
    text = LimitedCharBlock(label=_("Text"), max_length=500)

    class Meta:
        icon = "openquote"
        label = _("Wording")


@register_setting(icon="calendar-check")
class ReviewSettings(BaseSiteSetting):
    """What an article says when the hospital has never reviewed it.

    One wording per language, so a Spanish page never shows English text;
    a language without its own wording gets the app's translated default.
    """

    never_reviewed_wording = StreamField(
        [("wording", WordingBlock())],
        blank=True,
        verbose_name=_("wording for pages never reviewed"),
        help_text=_(
            "Shown instead of review dates on articles your clinicians have "
            "not reviewed yet, one wording per language. Languages without "
            "one get: “This page has not yet been reviewed by our clinical "
            "team.”"
        ),
    )

    class Meta:
        # Its menu item is under Settings; "Patient information review" is the
        # report's name, under Reports.
        verbose_name = _("review wording")

    def never_reviewed_text(self, language_code: str) -> str:
        """The wording for ``language_code``, else the translated default."""
        for child in self.never_reviewed_wording:
            if child.value["language"] == language_code:
                return child.value["text"]
        return default_never_reviewed_text()


def default_never_reviewed_text() -> str:
    """The app's own wording, in the active language."""
    return gettext("This page has not yet been reviewed by our clinical team.")
