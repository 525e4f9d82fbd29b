"""The test site plus the baseline page type and Wagtail API v2."""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

INSTALLED_APPS = ["benchmarks.baseline", *INSTALLED_APPS]
ROOT_URLCONF = "benchmarks.urls"
