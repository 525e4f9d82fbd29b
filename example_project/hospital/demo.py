"""Builds the example hospital's page tree for ``make demo``, idempotently."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site

from recurrence_content.coding.systems import ICD10CM
from recurrence_content.loading import LoadResult, load_article
from recurrence_content.loading.shipped_translations import apply_shipped_translations
from recurrence_content.models import ClinicalCode, PatientInfoIndexPage
from recurrence_content.translation.apply import ApplyResult

from .models import HomePage

ADMIN_USERNAME = "admin"
# `make serve` (and the tests that run it) serve on another address.
DEMO_HOST = os.environ.get("DEMO_HOST", "127.0.0.1")
DEMO_PORT = int(os.environ.get("DEMO_PORT", "8000"))
BASE_URL = f"http://{DEMO_HOST}:{DEMO_PORT}"


@transaction.atomic
def build_site() -> PatientInfoIndexPage:
    """Make sure the site has a hospital home page and a "Cancer care" section."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    site = Site.objects.get(is_default_site=True)
    # Canonical URLs, hreflang links and the feed's absolute URLs use the Site's
    # address, so make it the one `make demo` serves on.
    site.hostname, site.port = DEMO_HOST, DEMO_PORT
    site.save()
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        root = Page.get_first_root_node()
        home = HomePage(
            title="Example Hospital",
            slug="example-hospital",
            intro="Welcome to the Example Hospital.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site.root_page = home
        site.save()
    remove_wagtail_welcome_page()
    cancer_care = home.get_children().filter(slug="cancer-care").specific().first()
    if cancer_care is None:
        # The section is the app's own index page, which lists its articles.
        cancer_care = PatientInfoIndexPage(
            title="Cancer care",
            slug="cancer-care",
            intro="Information for patients.",
        )
        home.add_child(instance=cancer_care)
        cancer_care.save_revision().publish()
    return cancer_care


def remove_wagtail_welcome_page() -> None:
    """Delete the "Welcome to your new Wagtail site!" page Wagtail's migrations
    create, once no site serves it: a reader must not land on it."""
    welcome = Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).exclude(sites_rooted_here__isnull=False)
    for page in welcome:
        if page.get_children_count() == 0:
            page.delete()


def reset_admin_password() -> tuple[str, str]:
    """Create (or reset) the demo admin account with a new random password."""
    password = secrets.token_urlsafe(12)
    user, _created = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
    )
    user.set_password(password)
    user.save()
    return ADMIN_USERNAME, password


def load_shipped_article(cancer_care: PatientInfoIndexPage) -> LoadResult:
    """Load the shipped article under "Cancer care" and publish it.

    Safe to repeat: an article already loaded is left as it is.
    """
    return load_article(parent=cancer_care, publish=True)


def load_shipped_translations(article: Page) -> list[ApplyResult]:
    """Publish the shipped translations (Spanish) of the article.

    Safe to repeat: strings an editor changed in wagtail-localize are kept.
    """
    return apply_shipped_translations(article, "all", publish=True)


# EXAMPLES ONLY, to show the Infobutton endpoint: the shipped article carries
# no codes, because which codes an article answers for is a clinical decision
# for each hospital. ICD-10-CM's own titles for the two categories.
EXAMPLE_CODES = [
    (ICD10CM.uri, "Z85", "Personal history of malignant neoplasm"),
    (
        ICD10CM.uri,
        "Z08",
        "Encounter for follow-up examination after completed treatment for "
        "malignant neoplasm",
    ),
]


@transaction.atomic
def tag_with_example_codes(article: Page) -> bool:
    """Tag the demo's article with EXAMPLE_CODES and publish, once.

    Left alone when it has codes already or unpublished changes: an editor's
    codes and drafts are never overwritten or published by the demo.
    """
    article = article.specific
    if article.clinical_codes.exists() or article.has_unpublished_changes:
        return False
    latest = article.get_latest_revision_as_object()
    latest.clinical_codes = [
        ClinicalCode(system=system, code=code, display=display)
        for system, code, display in EXAMPLE_CODES
    ]
    latest.save_revision().publish()
    return True
