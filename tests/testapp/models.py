"""A host site's own page types, which the app must never need to know."""

from django.db import models
from wagtail.models import Page

from recurrence_content.models import PatientInfoPageMixin


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
