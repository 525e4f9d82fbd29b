from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("recurrence-content/api/", include("recurrence_content.api.urls")),
    path(
        "recurrence-content/infobutton/", include("recurrence_content.infobutton.urls")
    ),
    # CDS Hooks' base URL is /recurrence-content: /recurrence-content/cds-services.
    path("recurrence-content/", include("recurrence_content.cds_hooks.urls")),
]

urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
