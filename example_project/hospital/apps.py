from django.apps import AppConfig


class HospitalConfig(AppConfig):
    """The example hospital's own pages, standing in for a real site."""

    name = "hospital"
    default_auto_field = "django.db.models.BigAutoField"
