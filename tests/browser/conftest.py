"""A real headless Chromium, driven by Playwright, for what a reader sees.

Chromium is found at $RECURRENCE_CONTENT_CHROMIUM or /usr/bin/chromium. When it
is missing the tests skip with the reason, unless $REQUIRE_BROWSER is set (CI
sets it), in which case they fail.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

# Playwright runs its own event loop; Django's async-safety guard would object
# to the ORM calls the tests and the live server make beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("RECURRENCE_CONTENT_CHROMIUM", "/usr/bin/chromium"))
# Flags for a closed network: without them Chromium keeps trying to reach
# Google's services and floods the log with refused connections.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}: install it (apt-get install "
            "chromium) or set RECURRENCE_CONTENT_CHROMIUM to its path"
        )
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    """A fresh tab with JavaScript off: our pages must not need it."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def scripted_page(browser):
    """A tab with JavaScript on, for tools that run as scripts in the page (axe)
    and for reading what the browser computed."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def admin_tab(scripted_page, live_server, admin_user):
    """A tab logged in to the admin (pytest-django's admin user)."""
    scripted_page.goto(live_server.url + reverse("wagtailadmin_login"))
    scripted_page.fill("input[name=username]", admin_user.username)
    scripted_page.fill("input[name=password]", "password")
    scripted_page.click("button[type=submit]")
    scripted_page.wait_for_url(live_server.url + reverse("wagtailadmin_home"))
    return scripted_page
