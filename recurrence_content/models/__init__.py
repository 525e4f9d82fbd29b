from .loading import LoadedContent
from .mixins import (
    PatientInfoIndexPageMixin,
    PatientInfoPageMixin,
    PatientInfoTemplateMixin,
)
from .pages import PatientInfoIndexPage, PatientInfoPage

__all__ = [
    "LoadedContent",
    "PatientInfoIndexPage",
    "PatientInfoIndexPageMixin",
    "PatientInfoPage",
    "PatientInfoPageMixin",
    "PatientInfoTemplateMixin",
]
