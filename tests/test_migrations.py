"""Migrations are part of the public API: models and migrations must agree."""

import pytest
from django.db.migrations.loader import MigrationLoader

from recurrence_content.page_model import page_model

# Also on a custom base page model, where the migrations name it instead of
# wagtailcore.Page. The database: wagtail_localize's first migration reads it
# when imported, which a process that has not set up its test database yet
# (this file alone, or first on a worker) has not done.
pytestmark = [pytest.mark.basepage, pytest.mark.django_db]


def test_page_types_are_migrated_onto_the_sites_base_page():
    """On wagtailcore.Page, the tables are those the first release made (a
    ``page_ptr`` to wagtailcore.Page), so existing sites migrate nothing new;
    on a custom base page model, a pointer to it."""
    base = page_model()._meta
    state = MigrationLoader(None).project_state()
    for app_label, model in [
        ("recurrence_content", "patientinfopage"),
        ("recurrence_content", "patientinfoindexpage"),
        ("testapp", "hospitalarticlepage"),
    ]:
        fields = state.models[app_label, model].fields
        pointer = fields[f"{base.model_name}_ptr"]
        assert pointer.remote_field.model.lower() == base.label_lower
    for app_label, model in [
        ("recurrence_content", "loadedcontent"),
        ("recurrence_content", "clinicalcode"),
    ]:
        page = state.models[app_label, model].fields["page"]
        assert page.remote_field.model.lower() == base.label_lower
