"""Content files over a size limit are refused with one line naming the limit
and its setting, the file unread past the limit, and nothing written."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError

from recurrence_content.loading import read_file
from recurrence_content.loading.limits import content_limits
from tests.factories import make_host_page
from tests.loading_helpers import (
    ARTICLE,
    changed,
    shipped_data,
    snapshot,
    write_article,
)

pytestmark = pytest.mark.django_db
SETTING = "RECURRENCE_CONTENT_CONTENT_LIMITS"


@pytest.fixture
def site(home, host_page):
    make_host_page(host_page, title="Radiotherapy")
    return snapshot()


def refusal(path) -> str:
    with pytest.raises(CommandError) as error:
        call_command(
            "recurrence_content_load", "--file", str(path), "--parent", "/cancer-care/"
        )
    message = str(error.value)
    assert "\n" not in message
    return message


def test_the_shipped_article_is_far_below_every_default_limit():
    limits = content_limits()
    data = shipped_data()
    assert ARTICLE.stat().st_size * 50 < limits.file_bytes
    assert len(data["body"]) * 10 < limits.blocks
    article = read_file(ARTICLE)
    assert article.title == data["title"]


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        (
            {"blocks": 10},
            "$.body: 28 blocks, over the limit of 10 "
            f"({SETTING}['blocks']); shorten the content or raise the limit",
        ),
        (
            {"list_items": 2},
            "$.body[9].value.patterns: 3 items, over the limit of 2 "
            f"({SETTING}['list_items'])",
        ),
        (
            {"field_characters": 200},
            f"characters, over the limit of 200 ({SETTING}['field_characters'])",
        ),
        ({"file_bytes": 1000}, f"bytes, over the limit of 1,000 ({SETTING}"),
    ],
)
def test_each_limit_is_refused_naming_its_setting(
    settings, tmp_path, site, limits, expected
):
    settings.RECURRENCE_CONTENT_CONTENT_LIMITS = limits
    path = write_article(tmp_path, shipped_data())
    message = refusal(path)
    assert message.startswith(f"{path}: ")
    assert expected in message
    assert snapshot() == site


def test_a_huge_file_is_refused_without_reading_it(tmp_path, site):
    path = tmp_path / "huge.json"
    with path.open("wb") as file:
        file.truncate(4_000_000_000)  # sparse: costs no disk

    message = refusal(path)
    assert "4,000,000,000 bytes, over the limit of 2,000,000" in message
    assert snapshot() == site


def test_a_long_field_at_the_default_limit_is_refused(tmp_path, site):
    long = changed(shipped_data(), lambda d: d.update(summary="word " * 20_000))
    message = refusal(write_article(tmp_path, long))
    assert "$.summary: 100,000 characters, over the limit of 50,000" in message
    assert snapshot() == site


def test_one_file_over_a_limit_leaves_the_others_unloaded(settings, tmp_path, site):
    settings.RECURRENCE_CONTENT_CONTENT_LIMITS = {"list_items": 100}
    good = write_article(tmp_path, shipped_data(), name="good.json")
    many = changed(
        shipped_data(),
        lambda d: d["body"][9]["value"]["patterns"].extend(
            {
                **d["body"][9]["value"]["patterns"][0],
                "id": f"{i:08d}-0000-4000-8000-{i:012d}",
            }
            for i in range(200)
        ),
    )
    bad = write_article(tmp_path, many, name="bad.json")
    with pytest.raises(CommandError, match="203 items, over the limit of 100"):
        call_command(
            "recurrence_content_load",
            "--file",
            str(good),
            "--file",
            str(bad),
            "--parent",
            "/cancer-care/",
        )
    assert snapshot() == site


def test_an_unknown_limit_name_is_refused(settings):
    settings.RECURRENCE_CONTENT_CONTENT_LIMITS = {"file_size": 10}
    with pytest.raises(ImproperlyConfigured, match="unknown limit 'file_size'; use"):
        content_limits()
