from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """A stand-in for a hospital's own site in the tests."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"
