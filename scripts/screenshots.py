"""Screenshots for the README (``make screenshots``), taken with Debian's Chromium.

Builds the example site in a throwaway SQLite database, serves it on a loopback
port and photographs what a hospital gets: the article at desktop and phone
widths, in Spanish, opened in Arabic (right to left), the editor with the
block chooser open, and the clinical review report. Writes ``docs/screenshots/*.png``, reduced to 256 colours
so they stay small in the repository.

Run from ``example_project/`` (the Makefile does).
"""

import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PORT = int(os.environ.get("SCREENSHOTS_PORT", "8765"))
CHROMIUM = os.environ.get("RECURRENCE_CONTENT_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "screenshots-only"  # noqa: S105 (a throwaway database)

DATABASE = Path(tempfile.mkdtemp()) / "screenshots.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ["DEMO_PORT"] = str(PORT)
os.environ.pop("REDIS_URL", None)
os.environ.pop("VARNISH_URL", None)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
# Playwright runs an event loop in this thread beside the ORM calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
sys.path.insert(0, str(ROOT / "example_project"))


def build_content():
    """The demo's pages, plus the article opened in Arabic before any of it is
    translated: the page shows the Arabic interface, right to left, with every
    English passage marked as English (never presented as Arabic)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("setup_demo", stdout=quiet)
    admin = get_user_model().objects.get(username="admin")
    admin.set_password(PASSWORD)
    admin.save()

    from recurrence_content.models import PatientInfoPage

    article = PatientInfoPage.objects.get(locale__language_code="en")
    arabic = Locale.objects.get(language_code="ar")
    # Arabic copies of the home and section pages, as drafts: the tree needs
    # them above the Arabic article; nobody reads them.
    article.get_parent().copy_for_translation(arabic, copy_parents=True)
    source, _ = TranslationSource.update_or_create_from_instance(article)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=arabic
    )
    translation.save_target(publish=True)
    settings.RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS = "mark"
    spanish = article.get_translation(Locale.objects.get(language_code="es"))
    return {
        "article": article.url,
        "spanish": spanish.url,
        "arabic": article.get_translation(arabic).url,
        "edit": f"/admin/pages/{article.pk}/edit/",
    }


def serve() -> None:
    """The example site on a loopback port, in a thread of this process (so the
    "mark" setting above applies to it)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    application = StaticFilesHandler(get_wsgi_application())
    threading.Thread(
        target=run,
        args=("127.0.0.1", PORT, application),
        kwargs={"threading": True},
        daemon=True,
    ).start()


def save(page, name: str, **options) -> None:
    from PIL import Image

    path = OUT / f"{name}.png"
    page.screenshot(path=str(path), **options)
    image = Image.open(path).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True
    )
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")


def photograph(urls: dict[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    base = f"http://127.0.0.1:{PORT}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
        )
        desktop = browser.new_page(viewport={"width": 1280, "height": 900})
        desktop.goto(base + urls["article"])
        save(desktop, "article-desktop")
        desktop.goto(base + urls["spanish"])
        save(desktop, "article-spanish")
        desktop.goto(base + urls["arabic"])
        save(desktop, "article-arabic-rtl")

        phone = browser.new_page(
            viewport={"width": 375, "height": 812}, device_scale_factor=1
        )
        phone.goto(base + urls["article"])
        # The factor checklist, where a phone's narrow column matters most.
        phone.locator(".rc-factor-checklist").first.scroll_into_view_if_needed()
        save(phone, "article-phone")

        editor = browser.new_page(viewport={"width": 1280, "height": 900})
        editor.goto(base + "/admin/login/")
        editor.fill("input[name=username]", "admin")
        editor.fill("input[name=password]", PASSWORD)
        editor.click("button[type=submit]")
        editor.wait_for_url(base + "/admin/")
        editor.goto(base + urls["edit"])
        # Wagtail's "+" between blocks opens the block chooser.
        editor.locator("button[title='Insert a block']").first.click()
        editor.get_by_role("option", name="Factor checklist").first.wait_for()
        save(editor, "editor-block-chooser")
        # The review report: the shipped article, never reviewed, with its two
        # related links that lead nowhere until the hospital links them.
        editor.goto(base + "/admin/reports/patient-information-review/")
        save(editor, "review-report")
        browser.close()


def main() -> None:
    import django

    django.setup()
    urls = build_content()
    serve()
    photograph(urls)


if __name__ == "__main__":
    main()
