"""A host site's own page types, which the app must never need to know."""

from django.db import models
from wagtail import blocks
from wagtail.fields import StreamField

from recurrence_content.blocks import PatientInfoStreamBlock
from recurrence_content.models import PatientInfoPageMixin
from recurrence_content.page_model import page_model

# wagtailcore.Page, or the custom base page of tests/settings_basepage.py: a
# host writes its own BasePage here instead.
Page = page_model()


class HostPage(Page):
    """A hospital's ordinary page, e.g. "Cancer care"."""

    intro = models.TextField(blank=True)
    template = "testapp/host_page.html"


class HostBasePage(Page):
    """A hospital's own abstract-ish base page with a field of its own."""

    department = models.CharField(max_length=100, blank=True)


class HostArticlePage(PatientInfoPageMixin, HostBasePage):
    """An article composed from the mixin and the host's own base page."""

    template = "recurrence_content/pages/patient_info_page.html"


class WarningSignBlock(blocks.StructBlock):
    """A sign to watch for after treatment, and what to do when it appears."""

    sign = blocks.CharBlock(label="Sign", max_length=255)
    action = blocks.RichTextBlock(label="What to do", features=["bold", "link"])

    class Meta:
        icon = "warning"
        label = "Warning sign"


class HospitalArticleBody(PatientInfoStreamBlock):
    """The app's blocks plus the hospital's own, as the README shows."""

    warning_sign = WarningSignBlock(group="Hospital")


class HospitalArticlePage(PatientInfoPageMixin, Page):
    """A host's article type with a block of its own in the body."""

    body = StreamField(HospitalArticleBody(), blank=True)
    template = "recurrence_content/pages/patient_info_page.html"
