"""The example hospital's own page types: the "existing site" the app joins."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The hospital's home page."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]


class StandardPage(Page):
    """A plain page, such as the hospital's "Cancer care" section."""

    intro = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
