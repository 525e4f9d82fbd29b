"""The site's base page model: ``wagtailcore.Page``, or the custom one a
Wagtail 8 site names in ``WAGTAIL_PAGE_MODEL`` (README, "Custom base page
models"). Code that queries, tests or relates to every page goes through here,
never through ``wagtail.models.Page``, which such a site has swapped out.

On Wagtail 7, which has no ``WAGTAIL_PAGE_MODEL``, both answer
``wagtailcore.Page``.
"""

from importlib import import_module

import swapper
from django.apps import apps
from django.db import models

# Wagtail 8 names the setting WAGTAIL_PAGE_MODEL (swapper would otherwise read
# WAGTAILCORE_PAGE_MODEL); said here too, as Wagtail's guide for reusable apps
# asks, in case this module is imported before wagtail.models.
swapper.set_app_prefix("wagtailcore", "wagtail")


def page_model_name() -> str:
    """``"app_label.ModelName"`` of the base page model, for foreign keys and
    migrations."""
    return swapper.get_model_name("wagtailcore", "Page")


def has_custom_base_page() -> bool:
    """Whether ``WAGTAIL_PAGE_MODEL`` names a model other than wagtailcore.Page."""
    return bool(swapper.is_swapped("wagtailcore", "Page"))


def page_model() -> type[models.Model]:
    """The base page model, whose queries see every page of the site.

    Also usable while models load (our page types subclass it): the host's
    base page app may come after ours in ``INSTALLED_APPS``, so its models are
    imported here first.
    """
    if not apps.ready:
        app_label = swapper.split(page_model_name())[0]
        import_module(f"{apps.get_app_config(app_label).name}.models")
    return swapper.load_model("wagtailcore", "Page", require_ready=False)
