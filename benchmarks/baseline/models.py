from django.db import models
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page


class RichTextArticlePage(Page):
    """An article as a plain Wagtail site would store it: one rich-text body."""

    summary = models.TextField(blank=True)
    body = RichTextField()

    api_fields = [APIField("summary"), APIField("body")]
    template = "baseline/rich_text_article_page.html"
