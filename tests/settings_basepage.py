"""The test site with a custom base page model (Wagtail 8's WAGTAIL_PAGE_MODEL).

Wagtail's own test app ``wagtail.test.basepage`` supplies the model and its
migrations. Only a site that starts on a custom base page can use one, so the
test database is built with it from the first migration.
"""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.test.basepage"]  # noqa: F405
WAGTAIL_PAGE_MODEL = "basepage.BasePage"
