"""What the loader wrote, so a later run can tell editors' changes from ours."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..page_model import page_model_name


class LoadedContent(models.Model):
    """The shipped version last loaded into a page, and the revision it made.

    A page whose latest revision no longer holds this content has been edited
    by someone, and the loader leaves it alone.
    """

    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        page_model_name(), on_delete=models.CASCADE, related_name="+"
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded content")
        verbose_name_plural = _("loaded content")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"],
                name="recurrence_content_loaded_key_locale",
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key} ({self.locale_id})"
