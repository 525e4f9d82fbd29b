"""The system checks name the exact setting a host has to change."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.checks import Tags, run_checks
from django.test import override_settings

from recurrence_content.checks import LOCALE_MIDDLEWARE

ROOT = Path(__file__).resolve().parent.parent


# The tests keep wagtail-localize's default, to test what it does to pages,
# so this warning is always there; the tests of other checks leave it out.
LIVE_STATUS_WARNING = "recurrence_content.W002"


def our_messages(live_status_warning: bool = False) -> dict[str, object]:
    return {
        message.id: message
        for message in run_checks(tags=[Tags.translation])
        if message.id
        and message.id.startswith("recurrence_content.")
        and (live_status_warning or message.id != LIVE_STATUS_WARNING)
    }


def test_the_test_settings_pass_every_check_but_the_live_status_warning():
    assert list(our_messages(live_status_warning=True)) == [LIVE_STATUS_WARNING]


def test_publishing_translations_at_once_is_a_warning_that_says_what_happens():
    warning = our_messages(live_status_warning=True)[LIVE_STATUS_WARNING]
    assert not warning.is_serious()
    assert "before any of it is translated" in warning.msg
    assert "RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS" in warning.hint
    assert "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False" in warning.hint
    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False):
        assert our_messages(live_status_warning=True) == {}


@override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False)
def test_an_unknown_incomplete_translations_mode_is_an_error():
    with override_settings(RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS="hide"):
        messages = our_messages()
    assert list(messages) == ["recurrence_content.E003"]
    assert '"redirect" or "mark"' in messages["recurrence_content.E003"].hint


@pytest.mark.parametrize("value", [False, None, "yes"])
def test_i18n_disabled_is_an_error_naming_the_setting(value):
    with override_settings(WAGTAIL_I18N_ENABLED=value):
        messages = our_messages()
    assert list(messages) == ["recurrence_content.E001"]
    assert messages["recurrence_content.E001"].is_serious()
    assert "WAGTAIL_I18N_ENABLED = True" in messages["recurrence_content.E001"].hint


def test_missing_wagtail_localize_is_an_error_naming_installed_apps(tmp_path):
    # Removing an app from INSTALLED_APPS in-process reloads every app's ready(),
    # which some installed apps do not allow; a host would see this from
    # `manage.py check` anyway, so run exactly that.
    (tmp_path / "no_localize_settings.py").write_text(
        "from tests.settings import *  # noqa\n"
        "INSTALLED_APPS = [a for a in INSTALLED_APPS "
        "if not a.startswith('wagtail_localize')]\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--settings=no_localize_settings"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "recurrence_content.E002" in result.stderr
    assert 'Add "wagtail_localize" and "wagtail_localize.locales" to' in result.stderr
    assert "INSTALLED_APPS" in result.stderr


def test_missing_locale_middleware_is_a_warning_naming_the_middleware():
    middleware = [m for m in settings.MIDDLEWARE if m != LOCALE_MIDDLEWARE]
    with override_settings(MIDDLEWARE=middleware):
        messages = our_messages()
    assert list(messages) == ["recurrence_content.W001"]
    assert not messages["recurrence_content.W001"].is_serious()
    assert LOCALE_MIDDLEWARE in messages["recurrence_content.W001"].hint
    assert "MIDDLEWARE" in messages["recurrence_content.W001"].hint


def test_missing_site_settings_app_is_a_warning_naming_it(tmp_path):
    # As above: removing an app in-process is not allowed, so run `check`.
    (tmp_path / "no_settings_app.py").write_text(
        "from tests.settings import *  # noqa\n"
        "INSTALLED_APPS = [a for a in INSTALLED_APPS "
        "if a != 'wagtail.contrib.settings']\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--settings=no_settings_app"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"},
        check=False,
    )
    output = result.stdout + result.stderr
    assert "recurrence_content.W003" in output, output
    assert 'Add "wagtail.contrib.settings" to INSTALLED_APPS.' in output
