"""A hospital points the shipped article's related links at its own pages."""

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import Page

from recurrence_content.loading import LoadError, Status, load_article
from recurrence_content.loading.fileformat import read_file
from recurrence_content.loading.related_links import related_link_keys
from recurrence_content.loading.shipped import shipped_files
from recurrence_content.loading.shipped_translations import apply_shipped_translations
from tests.factories import make_host_page

pytestmark = pytest.mark.django_db

PALLIATIVE = "https://www.example.org/palliative-care/"


@pytest.fixture
def hereditary_page(host_page):
    return make_host_page(
        host_page, title="Is cancer hereditary?", slug="is-cancer-hereditary"
    )


def related_links(client, page) -> dict[str, str | None]:
    """{title: href or None} as a reader sees them."""
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    links = {}
    for p in soup.select(".rc-related-link"):
        anchor = p.select_one("a")
        title = p.select_one("a, .rc-related-link__title").get_text()
        links[title] = anchor["href"] if anchor else None
    return links


def test_the_shipped_article_names_its_related_links():
    article = read_file(shipped_files()[0])
    assert related_link_keys(article) == [
        "is-cancer-hereditary",
        "learn-more-about-palliative-care",
    ]


def test_links_with_no_target_are_plain_text(client, host_page):
    page = load_article(parent=host_page, publish=True).page
    assert related_links(client, page) == {
        "Is cancer hereditary?": None,
        "Learn more about palliative care.": None,
    }


def test_links_point_at_the_hospitals_page_and_an_address(
    client, host_page, hereditary_page
):
    links = {
        "is-cancer-hereditary": "/cancer-care/is-cancer-hereditary/",
        "learn-more-about-palliative-care": PALLIATIVE,
    }
    page = load_article(parent=host_page, publish=True, links=links).page
    assert related_links(client, page) == {
        "Is cancer hereditary?": hereditary_page.url,
        "Learn more about palliative care.": PALLIATIVE,
    }
    # The same links again: nothing to do, and the page is not taken for edited.
    again = load_article(parent=host_page, publish=True, links=links)
    assert again.status == Status.UNCHANGED


def test_the_spanish_translation_keeps_the_links(
    client, locales, host_page, hereditary_page
):
    links = {"is-cancer-hereditary": str(hereditary_page.id)}
    english = load_article(parent=host_page, publish=True, links=links).page
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    assert related_links(client, spanish.page)["¿El cáncer es hereditario?"] == (
        hereditary_page.url
    )


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (
            {"is-cancer-heriditary": "/cancer-care/"},
            "no related link named 'is-cancer-heriditary'",
        ),
        (
            {"is-cancer-hereditary": "/no-such-page/"},
            "there is no link target at /no-such-page/",
        ),
    ],
)
def test_a_bad_link_is_refused_and_nothing_is_written(host_page, links, message):
    pages = Page.objects.count()
    with pytest.raises(LoadError, match=message):
        load_article(parent=host_page, publish=True, links=links)
    assert Page.objects.count() == pages


def test_the_command_takes_link_options_and_a_mapping_file(
    client, tmp_path, host_page, hereditary_page
):
    mapping = tmp_path / "links.json"
    mapping.write_text(json.dumps({"learn-more-about-palliative-care": PALLIATIVE}))
    call_command(
        "recurrence_content_load",
        "--parent=/cancer-care/",
        "--publish",
        "--link=is-cancer-hereditary=/cancer-care/is-cancer-hereditary/",
        f"--links={mapping}",
        stdout=StringIO(),
    )
    page = Page.objects.get(slug="does-cancer-always-come-back")
    assert related_links(client, page) == {
        "Is cancer hereditary?": hereditary_page.url,
        "Learn more about palliative care.": PALLIATIVE,
    }


@pytest.mark.parametrize(
    "option",
    ["--link=is-cancer-hereditary", "--link==/cancer-care/", "--links=/nope.json"],
)
def test_the_command_explains_a_malformed_option(host_page, option):
    with pytest.raises(CommandError, match="--link"):
        call_command("recurrence_content_load", "--parent=/cancer-care/", option)
    assert not Page.objects.filter(slug="does-cancer-always-come-back").exists()
