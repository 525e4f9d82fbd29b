"""Abstract page mixins, so a host can compose them with its own base page.

A host with its own base page writes, for example::

    class HospitalArticlePage(PatientInfoPageMixin, HospitalBasePage):
        template = "recurrence_content/pages/patient_info_page.html"
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import PatientInfoStreamBlock
from ..conf import get_setting
from ..translation import serving
from ..translation.alternates import language_alternates
from ..translation.marking import text_direction as _text_direction
from ..translation.status import translation_statuses


class PatientInfoTemplateMixin:
    """What every page of the app does: speak its own language, never pass an
    incomplete translation off as finished, and give templates the host's
    base template and the page's complete translations (hreflang, switcher)."""

    # Migrations name this class among the page types' bases: renaming or
    # moving it breaks every site's migration history.

    def serve(self, request, *args, **kwargs):
        redirect = serving.public_redirect(self, request)
        if redirect is not None:
            return redirect
        return self._in_own_language(super().serve, request, *args, **kwargs)

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
        context["recurrence_content_translations"] = language_alternates(self, request)
        untranslated = serving.untranslated_to_mark(self, request)
        context["recurrence_content_untranslated"] = untranslated
        context["recurrence_content_notice"] = (
            serving.untranslated_notice(untranslated)
            if untranslated
            else serving.unavailable_notice(self, request)
        )
        return context

    @property
    def text_direction(self) -> str:
        """``"rtl"`` or ``"ltr"`` for the page's own language."""
        return _text_direction(self.locale.language_code)


class PatientInfoPageMixin(PatientInfoTemplateMixin, models.Model):
    """One patient-education article: title, plain-text summary and a body."""

    summary = models.TextField(
        _("summary"),
        help_text=_(
            "One or two plain sentences under the title that tell patients what "
            "the page covers. Shown in listings and search results."
        ),
    )
    body = StreamField(PatientInfoStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    # Wagtail API v2 gives the body the same block JSON as the feed.
    api_fields = [APIField("summary"), APIField("body")]

    class Meta:
        abstract = True

    def get_json_ld_condition_name(self) -> str:
        """The name schema.org's ``about`` (a MedicalCondition) gets: the title.

        Override it on a page type that records the condition itself.
        """
        return self.title

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

    def get_articles(self):
        """Live, public articles directly below this page, in menu order."""
        return (
            self.get_children()
            .live()
            .public()
            .type(PatientInfoPageMixin)
            .specific()
            .order_by("path")
        )

    def get_listed_articles(self) -> list:
        """The articles the page lists: ``get_articles()`` less translations
        still partly in another language."""
        articles = list(self.get_articles())
        statuses = translation_statuses(articles)
        return [page for page in articles if statuses[page.pk].is_complete]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.get_listed_articles()
        return context
