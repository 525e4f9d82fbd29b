"""One web address type for the loader, the editor's form and the feed: a
link that is not a URI (``https://example.org/"x``) is refused with a
message an editor can act on, and the feed never sends one."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.test.utils.form_data import streamfield

from recurrence_content.blocks.web_address import web_address
from recurrence_content.models import PatientInfoPage
from tests.factories import BLOCK_VALUES, make_article
from tests.feed.helpers import detail_url
from tests.loading_helpers import changed, shipped_data, snapshot, write_article
from tests.test_admin import add_url, article_form

pytestmark = pytest.mark.django_db

NOT_A_URI = 'https://example.org/"x'
REFUSAL = 'A web address cannot contain “"”. Remove them'


@pytest.mark.parametrize(
    ("address", "characters"),
    [
        (NOT_A_URI, '“"”'),
        ("https://example.org/<script>", "“<”, “>”"),
        ("https://example.org/a b", "“ ”"),
        ("https://example.org/{x}|y", "“{”, “|”, “}”"),
        ("https://example.org/100%", "“%”"),
    ],
)
def test_characters_a_uri_cannot_hold_are_named(address, characters):
    with pytest.raises(Exception, match=f"cannot contain {characters}\\."):
        web_address(address)


def test_addresses_as_browsers_show_them_are_stored_as_uris():
    assert web_address("https://es.wikipedia.org/wiki/Cáncer") == (
        "https://es.wikipedia.org/wiki/C%C3%A1ncer"
    )
    kept = "https://example.org/a%20b?q=1&r=(2)#top"
    assert web_address(kept) == kept


def test_the_loader_refuses_it_with_the_json_path(tmp_path, host_page):
    before = snapshot()

    def edit(data):
        data["body"][26]["value"]["resources"][0]["value"].update(
            link=NOT_A_URI, link_text="A counsellor"
        )

    path = write_article(tmp_path, changed(shipped_data(), edit))
    with pytest.raises(CommandError) as error:
        call_command(
            "recurrence_content_load", "--file", str(path), "--parent", "/cancer-care/"
        )
    assert "$.body[26].value.resources[0].value.link: " + REFUSAL in str(error.value)
    assert snapshot() == before


def test_the_loader_refuses_it_as_a_related_link_target(tmp_path, host_page):
    before = snapshot()
    with pytest.raises(CommandError, match="link target .*cannot contain"):
        call_command(
            "recurrence_content_load",
            "--parent",
            "/cancer-care/",
            "--link",
            f"is-cancer-hereditary={NOT_A_URI}",
        )
    assert snapshot() == before


def block_errors(html: bytes) -> list[str]:
    """The messages Wagtail's StreamField JavaScript shows beside the fields
    (it renders them from ``[value, errors]`` JSON in a data attribute)."""
    soup = BeautifulSoup(html, "html.parser")
    messages = []

    def walk(value):
        if isinstance(value, str):
            messages.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for tag in soup.select("[data-w-block-arguments-value]"):
        _value, errors = json.loads(tag["data-w-block-arguments-value"])
        walk(errors)
    return messages


def test_the_editor_sees_the_message_on_the_field(admin_client, host_page):
    source = {"title": "PDQ", "publisher": "", "url": NOT_A_URI, "accessed": ""}
    form = article_form(sources=streamfield([("source", source)]))
    response = admin_client.post(add_url(host_page), form)
    assert response.status_code == 200
    assert any(REFUSAL in message for message in block_errors(response.content))
    assert not PatientInfoPage.objects.exists()


def test_the_feed_never_sends_a_stored_address_that_is_not_a_uri(client, host_page):
    # Saved before addresses were checked: the block's own clean never ran.
    coping = {**BLOCK_VALUES["coping_resource_list"]}
    coping["resources"] = [{**coping["resources"][0], "link": NOT_A_URI}]
    related = {**BLOCK_VALUES["related_link"], "url": NOT_A_URI}
    article = make_article(
        host_page, body=[("coping_resource_list", coping), ("related_link", related)]
    )

    body = client.get(detail_url(article, "en")).json()["body"]
    resource = body[0]["value"]["resources"][0]
    assert resource["link"] == ""
    assert body[1]["value"]["url"] is None
