import pytest
from django.contrib.auth.models import Permission


@pytest.fixture
def reviewer_user(django_user_model):
    """An editor allowed to record clinical reviews (not a superuser)."""
    user = django_user_model.objects.create_user("clinician", password="pw")
    user.user_permissions.add(
        Permission.objects.get(
            codename="record_review", content_type__app_label="recurrence_content"
        )
    )
    return user


REVIEWERS = [
    {
        "name": "Dr Ana Ruiz",
        "role": "Consultant clinical oncologist",
        "organisation": "Example Hospital",
    },
    {"name": "Sam Lee", "role": "Clinical nurse specialist", "organisation": ""},
]
SOURCE = {
    "title": "Recurrent Cancer: When Cancer Comes Back",
    "publisher": "National Cancer Institute",
    "url": "https://www.cancer.gov/types/recurrent-cancer",
    "accessed": "2026-01-15",
}
