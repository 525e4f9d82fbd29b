"""The concrete page types the app ships."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .mixins import PatientInfoIndexPageMixin, PatientInfoPageMixin


class PatientInfoPage(PatientInfoPageMixin, Page):
    """A patient-education article. May sit under any page by default."""

    template = "recurrence_content/pages/patient_info_page.html"
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("patient information page")
        verbose_name_plural = _("patient information pages")
        # Checked as RECORD_REVIEW_PERMISSION for every article type: a
        # permission needs a concrete model, the mixin is abstract.
        permissions = [("record_review", _("Can record a clinical review"))]


class PatientInfoIndexPage(PatientInfoIndexPageMixin, Page):
    """A section of patient information that lists its articles."""

    template = "recurrence_content/pages/patient_info_index_page.html"

    class Meta:
        verbose_name = _("patient information index page")
        verbose_name_plural = _("patient information index pages")
