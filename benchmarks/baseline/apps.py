from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """A plain Wagtail page type, only in the benchmark's own settings."""

    name = "benchmarks.baseline"
    label = "baseline"
    default_auto_field = "django.db.models.BigAutoField"
