"""CDS Hooks is an app a host adds: a site without it has no such URL and
nothing of it in the feed's OpenAPI document."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

WITHOUT_APP = """
import json
import django
django.setup()
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from recurrence_content.api.v1.views import api

try:
    reverse("recurrence_content_cds_hooks:discovery")
    reversed_ = True
except NoReverseMatch:
    reversed_ = False
resolved = []
for path in (
    "/recurrence-content/cds-services",
    "/recurrence-content/cds-services/patient-education",
):
    try:
        resolved.append(resolve(path).func.__module__)
    except Resolver404:
        pass
print(json.dumps({
    "reverse": reversed_,
    "resolved": resolved,
    "paths": sorted(api.get_openapi_schema()["paths"]),
}))
"""


def test_a_site_without_the_app_has_no_cds_services(tmp_path):
    # Apps cannot be removed in-process (every ready() would run again), so
    # a site without it runs in its own interpreter, as a host's would.
    (tmp_path / "no_cds_settings.py").write_text(
        "from tests.settings import *  # noqa\n"
        "INSTALLED_APPS = [a for a in INSTALLED_APPS "
        "if a != 'recurrence_content.cds_hooks']\n"
        "ROOT_URLCONF = 'no_cds_urls'\n"
    )
    (tmp_path / "no_cds_urls.py").write_text(
        "from tests.urls import urlpatterns as every\n"
        "urlpatterns = [p for p in every "
        "if 'cds_hooks' not in str(getattr(p, 'urlconf_name', ''))]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_APP],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "no_cds_settings",
        },
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site = json.loads(result.stdout)

    assert site["reverse"] is False
    assert site["resolved"] == []
    assert not [path for path in site["paths"] if "cds-services" in path]
    assert "/infobutton/" in site["paths"]  # the other channels are still there


def test_with_the_app_the_urls_are_where_the_spec_puts_them():
    # {baseUrl}/cds-services and {baseUrl}/cds-services/{id}, no slash after.
    assert reverse("recurrence_content_cds_hooks:discovery") == (
        "/recurrence-content/cds-services"
    )
    assert reverse("recurrence_content_cds_hooks:patient_education") == (
        "/recurrence-content/cds-services/patient-education"
    )
