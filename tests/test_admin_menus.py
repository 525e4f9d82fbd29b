"""Each of the app's admin screens is in one menu, under a name an editor
can tell from its neighbours' (wagtail-localize has a "Translations" report)."""

import json
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def submenus(client) -> dict[str, list[str]]:
    """``{submenu label: [item labels]}`` of the admin's sidebar, read from the
    JSON Wagtail renders it from."""
    response = client.get(reverse("wagtailadmin_home"))
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one("#wagtail-sidebar-props").string)
    menus = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem":
                meta, items = node["_args"]
                menus[meta["label"]] = [item["_args"][0]["label"] for item in items]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return menus


def test_every_report_has_a_name_of_its_own(admin_client, home):
    reports = submenus(admin_client)["Reports"]
    assert [name for name, count in Counter(reports).items() if count > 1] == []
    assert "Article translations" in reports
    assert "Translations" in reports  # wagtail-localize's


def test_patient_information_review_is_only_under_reports(admin_client, home):
    menus = submenus(admin_client)
    places = [
        menu for menu, items in menus.items() if "Patient information review" in items
    ]
    assert places == ["Reports"]
    assert "Review wording" in menus["Settings"]


def test_the_report_is_titled_as_its_menu_item(admin_client, home):
    response = admin_client.get(reverse("recurrence_content_translation_report"))
    heading = BeautifulSoup(response.content, "html.parser").select_one("h1")
    assert heading.get_text(strip=True) == "Article translations"
