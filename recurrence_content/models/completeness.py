"""Whether the live version of each translated page is complete, kept in the
database (``translation/completeness.py`` says why)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..page_model import page_model_name


class LiveTranslationCompleteness(models.Model):
    """Whether readers get ``page``'s live revision ``revision_id`` wholly in
    its own language. A publication makes a new live revision, so a row for
    an older one is simply out of date."""

    page = models.OneToOneField(
        page_model_name(), on_delete=models.CASCADE, related_name="+"
    )
    revision_id = models.PositiveIntegerField(_("live revision"))
    complete = models.BooleanField(_("complete"))

    class Meta:
        verbose_name = _("completeness of a live translation")
        verbose_name_plural = _("completeness of live translations")

    def __str__(self) -> str:
        return f"{self.page_id}@{self.revision_id}: {self.complete}"
