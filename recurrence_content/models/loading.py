"""What the loader wrote, so a later run can tell editors' changes from ours."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..page_model import page_model_name


class LoadedContent(models.Model):
    """The shipped version last loaded into a page, and the revision it made.

    ``content`` is that version itself: the base of the three-way merge of
    the next version into a page edited since (loading/merge.py).
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
    content = models.JSONField(_("content"), null=True, blank=True, editable=False)
    # The draft the last merge saved, for the "Content updates" report.
    merged_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the article's source said it was withdrawn; the page is left alone.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
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


class MergeConflict(models.Model):
    """A field or body block that the hospital and a new version changed
    differently: the page keeps ours, and upstream's version waits here
    until an editor chooses (``resolution``)."""

    # ``field`` of a conflict over one translated string (loading/po_merge.py).
    TRANSLATION_FIELD = "translation"

    class Resolution(models.TextChoices):
        UPSTREAM = "upstream", _("Used the new version")
        LOCAL = "local", _("Kept ours")
        MATCHED = "matched", _("Both versions became the same")

    page = models.ForeignKey(
        page_model_name(), on_delete=models.CASCADE, related_name="+"
    )
    # "title", "summary", … or "body" (then ``block_id`` names the block).
    field = models.CharField(_("field"), max_length=64)
    block_id = models.CharField(_("block id"), max_length=64, blank=True)
    block_type = models.CharField(_("block type"), max_length=64, blank=True)
    # The three versions in raw form; None where that version has no such block.
    base = models.JSONField(_("loaded version"), null=True, blank=True)
    local = models.JSONField(_("our version"), null=True, blank=True)
    upstream = models.JSONField(_("new version"), null=True, blank=True)
    created_at = models.DateTimeField(_("found at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.CharField(
        _("resolution"), max_length=16, choices=Resolution.choices, blank=True
    )

    class Meta:
        verbose_name = _("merge conflict")
        verbose_name_plural = _("merge conflicts")
        ordering = ["page", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "field", "block_id"],
                condition=models.Q(resolved_at__isnull=True),
                name="recurrence_content_one_open_conflict",
            )
        ]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.block_id or self.field}"


class LoadedTranslation(models.Model):
    """The strings of the translation file last applied to an article in one
    language: the base for telling which strings a translator and a newer
    file both changed (loading/po_merge.py)."""

    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+"
    )
    # {"<msgctxt>\n<msgid>": "<msgstr>"}
    strings = models.JSONField(_("strings"), default=dict)
    # The --source URL a pull applied it from; blank for a file. A pull tells
    # by it which translations the central site has stopped serving.
    source = models.CharField(_("source"), max_length=1000, blank=True)
    # When that source stopped serving it; the translation is left alone.
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("loaded translation")
        verbose_name_plural = _("loaded translations")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"],
                name="recurrence_content_loaded_translation_key_locale",
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key} ({self.locale_id})"
