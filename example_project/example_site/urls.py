from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # recurrence_content: the content feed (docs/feed.md), before Wagtail's
    # catch-all page URLs.
    path("recurrence-content/api/", include("recurrence_content.api.urls")),
    path(
        "recurrence-content/infobutton/", include("recurrence_content.infobutton.urls")
    ),
    # CDS Hooks (docs/ehr.md): the base URL is /recurrence-content, so the
    # discovery endpoint is /recurrence-content/cds-services.
    path("recurrence-content/", include("recurrence_content.cds_hooks.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages are served per language: /cancer-care/… in English, /es/cancer-care/… in Spanish.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
