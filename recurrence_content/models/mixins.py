"""Abstract page mixins, so a host can compose them with its own base page.

A host with its own base page writes, for example::

    class HospitalArticlePage(PatientInfoPageMixin, HospitalBasePage):
        template = "recurrence_content/pages/patient_info_page.html"
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import PatientInfoStreamBlock
from ..blocks.review import reviewers_block, sources_block
from ..coding.forms import ClinicalCodesPanel
from ..conf import get_setting
from ..languages import text_direction
from ..page_model import page_model
from . import features, listing
from .features import FeaturePanel

# The site's base page model (wagtailcore.Page unless WAGTAIL_PAGE_MODEL names
# another): the mixins extend its search fields and panels.
Page = page_model()


class PatientInfoTemplateMixin:
    """What every page of the app does: speak its own language, never pass an
    incomplete translation off as finished, and give templates the host's
    base template and the page's complete translations (hreflang, switcher)."""

    # Migrations name this class among the page types' bases: renaming or
    # moving it breaks every site's migration history.

    def serve(self, request, *args, **kwargs):
        # Translation may send the reader elsewhere (an unfinished translation).
        for redirect in features.registered("redirect"):
            response = redirect(self, request)
            if response is not None:
                return response
        response = self._in_own_language(super().serve, request, *args, **kwargs)
        # E.g. the response cache marks what every anonymous reader may share
        # (previews never pass here).
        for step in features.registered("response"):
            response = step(self, request, response)
        return response

    def serve_preview(self, request, *args, **kwargs):
        return self._in_own_language(super().serve_preview, request, *args, **kwargs)

    def _in_own_language(self, serve, request, *args, **kwargs):
        # The app's labels follow the page's language, not the URL prefix's;
        # a TemplateResponse renders after this returns, so render it here.
        language = self.locale.language_code
        with translation.override(language):
            response = serve(request, *args, **kwargs)
            if callable(getattr(response, "render", None)):
                response.render()
        response["Content-Language"] = language
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recurrence_content_base_template"] = get_setting("BASE_TEMPLATE")
        # Language versions and notices (translation), the review (governance).
        for provide in features.registered("context"):
            context.update(provide(self, request))
        return context

    @property
    def text_direction(self) -> str:
        """``"rtl"`` or ``"ltr"`` for the page's own language."""
        return text_direction(self.locale.language_code)


# Who may record a clinical review (see governance/recording.py).
RECORD_REVIEW_PERMISSION = "recurrence_content.record_review"


class Audience(models.TextChoices):
    """Who an article is written for (schema.org ``audience``)."""

    PATIENTS = "patients", _("Patients")
    CARERS = "carers", _("Carers")
    PROFESSIONALS = "professionals", _("Health professionals")


class PatientInfoPageMixin(PatientInfoTemplateMixin, models.Model):
    """One patient-education article: title, plain-text summary, a body and
    its clinical review (dates, reviewers, sources)."""

    summary = models.TextField(
        _("summary"),
        help_text=_(
            "One or two plain sentences under the title that tell patients what "
            "the page covers. Shown in listings and search results."
        ),
    )
    body = StreamField(PatientInfoStreamBlock(), verbose_name=_("body"), blank=True)
    condition_name = models.CharField(
        _("condition"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional. The medical condition the article is about, e.g. “breast "
            "cancer”. Search engines get it as the page's subject; leave it "
            "empty when the article is not about one condition."
        ),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.PATIENTS,
        help_text=_("Who the article is written for."),
    )
    # Review data belongs to the clinical content, not to one language: it is
    # synchronised to translations (override_translatable_fields below).
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "When clinicians last checked this article. Leave empty until a "
            "review has really happened: readers are told it has not."
        ),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_(
            "Left empty, it is set from the review interval. You may set an "
            "earlier date, not a later one."
        ),
    )
    reviewers = StreamField(reviewers_block(), verbose_name=_("reviewers"), blank=True)
    sources = StreamField(sources_block(), verbose_name=_("sources"), blank=True)
    # Measured from the page's own text whenever it or a revision is saved
    # (governance/readability.py), so each revision carries its own figures.
    # Not editable, so wagtail-localize neither translates nor syncs it.
    reading_level = models.JSONField(
        _("reading level"), null=True, blank=True, editable=False
    )

    # A translation shows its source's review, never one of its own: these are
    # copied on every sync and translators cannot override them.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in (
            "audience",
            "last_reviewed",
            "next_review_due",
            "reviewers",
            "sources",
        )
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    review_panel = MultiFieldPanel(
        [
            FieldPanel("audience"),
            FieldPanel("last_reviewed", permission=RECORD_REVIEW_PERMISSION),
            FieldPanel("next_review_due", permission=RECORD_REVIEW_PERMISSION),
            FieldPanel("reviewers", permission=RECORD_REVIEW_PERMISSION),
            FieldPanel("sources"),
        ],
        heading=_("Clinical review"),
        classname="collapsible",
    )
    # Codes (models/codes.py) in a panel of their own: an EHR finds the
    # article by them, in every language.
    codes_panel = ClinicalCodesPanel(
        "clinical_codes",
        heading=_("Clinical codes"),
        label=_("Code"),
        help_text=_(
            "Optional. Diagnoses, tests or medicines this article is for, so a "
            "patient record can offer it (see the EHR guide). Tag only codes "
            "your clinicians have chosen; every language of the article "
            "answers for them."
        ),
        classname="collapsible",
    )
    content_panels = [
        # Open conflicts with a new version first, where an editor sees them.
        FeaturePanel("merge_conflicts"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("condition_name"),
        FieldPanel("body"),
        review_panel,
        codes_panel,
        FeaturePanel("reading_level"),
        FeaturePanel("translation_status"),
    ]
    # Wagtail API v2 gives the body the same block JSON as the feed.
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("condition_name"),
        APIField("audience"),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewers"),
        APIField("sources"),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A save of chosen fields (e.g. a recorded review) leaves the text,
        # and so its reading level, as it was.
        if kwargs.get("update_fields") is None:
            self._before_save()
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        self._before_save()
        return super().save_revision(*args, **kwargs)

    def _before_save(self) -> None:
        # E.g. governance measures the reading level of the text being saved.
        for prepare in features.registered("before_save"):
            prepare(self)

    def clean(self) -> None:
        super().clean()
        errors = {}
        # E.g. governance checks the review dates.
        for validate in features.registered("validate"):
            errors.update(validate(self))
        if errors:
            raise ValidationError(errors)

    def get_json_ld_condition_name(self) -> str:
        """The name schema.org's ``about`` (a MedicalCondition) gets, or "".

        Only the editor's ``condition_name``: a title such as “Does cancer
        always come back?” is not the name of a condition.
        """
        return self.condition_name

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return super().can_create_at(parent) and cls._parent_allowed(parent)

    def can_move_to(self, parent) -> bool:
        return super().can_move_to(parent) and self._parent_allowed(parent)

    @staticmethod
    def _parent_allowed(parent) -> bool:
        # Checked at call time (not via parent_page_types, which Wagtail caches)
        # so RECURRENCE_CONTENT_PARENT_PAGE_TYPES can change per environment.
        allowed = get_setting("PARENT_PAGE_TYPES")
        if allowed is None:
            return True
        label = parent.specific_class._meta.label_lower
        return label in {name.lower() for name in allowed}


class PatientInfoIndexPageMixin(PatientInfoTemplateMixin, models.Model):
    """A section page that lists its live articles with their summaries."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional text shown above the list of articles."),
    )

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_articles(self) -> PageQuerySet:
        """Live, public articles directly below this page, in menu order, as
        generic pages (``.specific()`` them to read their own fields)."""
        return (
            self.get_children()
            .live()
            .public()
            .type(PatientInfoPageMixin)
            .order_by("path")
        )

    def get_listed_articles(self) -> PageQuerySet:
        """The articles the page lists: ``get_articles()`` less what a feature
        keeps from readers (translation: translations still partly in another
        language)."""
        articles = self.get_articles()
        for narrow in features.registered("listing"):
            articles = narrow(articles)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One page of the list (RECURRENCE_CONTENT_INDEX_PAGE_SIZE articles),
        # so the page costs the same however many articles the section has.
        articles = listing.page_of(
            request,
            listing.with_summaries(self.get_listed_articles(), PatientInfoPageMixin),
            get_setting("INDEX_PAGE_SIZE"),
        )
        url = self.get_url(request)
        context["articles"] = articles
        context["previous_articles_url"] = (
            listing.page_url(url, articles.previous_page_number())
            if articles.has_previous()
            else None
        )
        context["next_articles_url"] = (
            listing.page_url(url, articles.next_page_number())
            if articles.has_next()
            else None
        )
        return context
