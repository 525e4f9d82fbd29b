"""Migrations are part of the public API: models and migrations must agree."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations(capsys):
    try:
        call_command(
            "makemigrations", "recurrence_content", "testapp", check=True, dry_run=True
        )
    except SystemExit as exc:  # makemigrations --check exits 1 when changes exist
        pytest.fail(f"Missing migrations:\n{capsys.readouterr().out} ({exc})")
