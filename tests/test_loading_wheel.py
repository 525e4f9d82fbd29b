"""The built wheel, installed outside the checkout, finds and loads its article."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """
SECRET_KEY = "wheel-test-only"
INSTALLED_APPS = [
    "recurrence_content", "wagtail_localize", "wagtail_localize.locales",
    "wagtail", "wagtail.admin", "wagtail.sites", "wagtail.users",
    "wagtail.images", "wagtail.documents", "wagtail.search", "wagtail.snippets",
    "modelcluster", "taggit", "django.contrib.auth",
    "django.contrib.contenttypes", "django.contrib.sessions",
    "django.contrib.messages", "django.contrib.staticfiles",
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "site.sqlite3"}}
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
ROOT_URLCONF = "hostsite_urls"
STATIC_URL = "/static/"
USE_TZ = True
WAGTAILADMIN_BASE_URL = "http://localhost"
SILENCED_SYSTEM_CHECKS = ["admin.W411"]
"""
URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
urlpatterns = [path("", include(wagtail_urls))]
"""


def run(args: list[str], cwd: Path, env: dict | None = None) -> str:
    process = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert process.returncode == 0, process.stderr
    return process.stdout


def test_the_installed_wheel_loads_its_shipped_article(tmp_path):
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path)], ROOT)
    (wheel,) = tmp_path.glob("*.whl")
    site = tmp_path / "site-packages"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        tmp_path,
    )
    host = tmp_path / "host"
    host.mkdir()
    (host / "hostsite_settings.py").write_text(textwrap.dedent(SETTINGS))
    (host / "hostsite_urls.py").write_text(textwrap.dedent(URLS))
    env = {
        **os.environ,
        # The installed copy comes first, ahead of the editable checkout.
        "PYTHONPATH": f"{site}{os.pathsep}{host}",
        "DJANGO_SETTINGS_MODULE": "hostsite_settings",
    }
    where = run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from recurrence_content.loading import shipped_files; "
            "print(shipped_files())",
        ],
        host,
        env,
    )
    assert str(site / "recurrence_content" / "fixtures") in where
    run([sys.executable, "-m", "django", "migrate", "-v", "0"], host, env)
    load = [sys.executable, "-m", "django", "recurrence_content_load"]
    first = run([*load, "--parent", "/", "--publish"], host, env)
    assert first.startswith("created (published): Does cancer always come back?")
    assert run(load, host, env).startswith("unchanged: ")
