"""What a site that follows a central site has loaded from it (docs/updates.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceResponse(models.Model):
    """A response from a central site that a pull has loaded, with its ETag,
    so the next pull asks with If-None-Match and a 304 means nothing to do."""

    # The --source URL it was pulled from.
    source = models.CharField(_("source"), max_length=1000)
    url = models.CharField(_("URL"), max_length=1000, unique=True)
    etag = models.CharField(_("ETag"), max_length=255)
    # The options it was loaded with ("publish", "locale"): a pull with other
    # options loads it again rather than take the 304 as done.
    options = models.CharField(_("options"), max_length=255, blank=True)
    # A list page: the article URLs it listed and the next page's URL, which
    # a 304 does not repeat.
    listed = models.JSONField(_("listed"), null=True, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("response from a central site")
        verbose_name_plural = _("responses from a central site")

    def __str__(self) -> str:
        return self.url
