"""Clinical codes on articles, so an EHR can find an article by diagnosis."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from ..coding import SYSTEMS, system_for_uri
from ..page_model import page_model_name


class ClinicalCode(Orderable):
    """A code (ICD-10-CM, SNOMED CT, LOINC or RxNorm) an article answers for.

    Codes belong to the article, not to one language: wagtail-localize copies
    them to every translation, and the Infobutton endpoint reads them from
    every page of the article.
    """

    # To the base page model, because the article page types are abstract
    # mixins; only their panels offer the relation.
    page = ParentalKey(
        page_model_name(), on_delete=models.CASCADE, related_name="clinical_codes"
    )
    system = models.CharField(
        _("code system"),
        max_length=100,
        choices=[(system.uri, system.name) for system in SYSTEMS],
    )
    code = models.CharField(
        _("code"),
        max_length=20,
        help_text=_(
            "As the code system writes it: Z85 or C50.911 (ICD-10-CM), "
            "254837009 (SNOMED CT), 2345-7 (LOINC), 161 (RxNorm)."
        ),
    )
    display = models.CharField(
        _("display name"),
        max_length=255,
        blank=True,
        help_text=_("Optional. The code system's own name for the code."),
    )

    panels = [FieldPanel("system"), FieldPanel("code"), FieldPanel("display")]

    class Meta(Orderable.Meta):
        verbose_name = _("clinical code")
        verbose_name_plural = _("clinical codes")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "system", "code"],
                name="recurrence_content_clinicalcode_unique",
                violation_error_message=_(
                    "This article already has this code; remove the duplicate."
                ),
            )
        ]
        indexes = [models.Index(fields=["system", "code"])]

    def __str__(self) -> str:
        system = system_for_uri(self.system)
        return f"{system.name if system else self.system} {self.code}"

    def clean(self) -> None:
        super().clean()
        system = system_for_uri(self.system)
        if system is None or not self.code:
            return  # the field's own validation reports these
        try:
            self.code = system.clean(self.code)
        except ValidationError as error:
            raise ValidationError({"code": error}) from None
