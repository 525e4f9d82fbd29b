"""The concrete page types the app ships.

They subclass the site's base page model: ``wagtailcore.Page``, or on Wagtail 8
the custom one ``WAGTAIL_PAGE_MODEL`` names (README, "Custom base page models").
"""

from django.utils.translation import gettext_lazy as _

from ..page_model import page_model
from .mixins import PatientInfoIndexPageMixin, PatientInfoPageMixin

Page = page_model()


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
