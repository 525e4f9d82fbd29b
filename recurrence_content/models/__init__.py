from .codes import ClinicalCode
from .completeness import LiveTranslationCompleteness
from .loading import LoadedContent, LoadedTranslation, MergeConflict
from .mixins import (
    PatientInfoIndexPageMixin,
    PatientInfoPageMixin,
    PatientInfoTemplateMixin,
)
from .pages import PatientInfoIndexPage, PatientInfoPage
from .settings import ReviewSettings
from .syndication import SourceResponse
from .tasks import ClinicalReviewTask

__all__ = [
    "ClinicalCode",
    "ClinicalReviewTask",
    "LiveTranslationCompleteness",
    "LoadedContent",
    "LoadedTranslation",
    "MergeConflict",
    "PatientInfoIndexPage",
    "PatientInfoIndexPageMixin",
    "PatientInfoPage",
    "PatientInfoPageMixin",
    "PatientInfoTemplateMixin",
    "ReviewSettings",
    "SourceResponse",
]
