from .mixins import (
    PatientInfoIndexPageMixin,
    PatientInfoPageMixin,
    PatientInfoTemplateMixin,
)
from .pages import PatientInfoIndexPage, PatientInfoPage

__all__ = [
    "PatientInfoIndexPage",
    "PatientInfoIndexPageMixin",
    "PatientInfoPage",
    "PatientInfoPageMixin",
    "PatientInfoTemplateMixin",
]
