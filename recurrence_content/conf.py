"""Package settings, all prefixed ``RECURRENCE_CONTENT_``.

Settings are read at call time (never at import time) so that a host's
``override_settings`` and per-environment settings always take effect.
"""

from typing import Any

from django.conf import settings

PREFIX = "RECURRENCE_CONTENT_"

DEFAULTS: dict[str, Any] = {
    # Template the article pages extend; it must define the blocks named in
    # the README ("title", "extra_css", "content").
    "BASE_TEMPLATE": "base.html",
    # Page types (as "app_label.ModelName") a PatientInfoPage may be created
    # under. None means under any page.
    "PARENT_PAGE_TYPES": None,
}


def get_setting(name: str) -> Any:
    """Return ``RECURRENCE_CONTENT_<name>`` from settings, or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"Unknown recurrence_content setting: {name}")
    return getattr(settings, PREFIX + name, DEFAULTS[name])
