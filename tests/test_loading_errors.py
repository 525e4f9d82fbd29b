"""Every bad input is refused with one line saying what to do, and nothing written."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from recurrence_content.models import PatientInfoPage
from tests.factories import make_host_page
from tests.loading_helpers import changed, shipped_data, snapshot, write_article

ROOT = Path(__file__).resolve().parent.parent


def body_edit(index: int, key: str, value):
    def edit(data):
        data["body"][index]["value"][key] = value

    return edit


def answer(html: str):
    # body[2] is the first question and answer; its answer is rich text.
    return body_edit(2, "answer", html)


BAD_FILES = {
    "script element": (
        answer("<p>Hello</p><script>alert(1)</script>"),
        "$.body[2].value.answer: rich text contains markup Wagtail would remove "
        "(the <script> element)",
    ),
    "event handler": (
        answer('<p onclick="steal()">Hello</p>'),
        'onclick="steal()" on <p>',
    ),
    "javascript link": (
        answer('<p><a href="javascript:alert(1)">Hello</a></p>'),
        'href="javascript:alert(1)" on <a>',
    ),
    "element outside the block's features": (
        answer("<h2>Hello</h2>"),
        "the <h2> element",
    ),
    "invalid choice": (
        body_edit(3, "level", "h7"),
        "$.body[3].value.level: Select a valid choice. h7 is not one of the "
        "available choices.",
    ),
    "required field empty": (
        body_edit(2, "question", ""),
        "$.body[2].value.question: This field is required.",
    ),
    "block's own rule broken": (
        body_edit(
            5,
            "also_called",
            [
                {
                    "type": "item",
                    "value": "metastasis",
                    "id": "0e0a1f6b-4a44-4c26-9a55-04b5b4e6c0a1",
                }
            ],
        ),
        "$.body[5].value.also_called: Remove “metastasis” from “Also called”",
    ),
    "unknown block type": (
        lambda d: d["body"][0].update(type="video"),
        "$.body[0].type: unknown block type 'video'; use one of: heading,",
    ),
    "unknown field": (
        body_edit(3, "colour", "red"),
        "$.body[3].value.colour: unknown field; use one of: text, level",
    ),
    "wrong type": (
        body_edit(3, "text", 42),
        "$.body[3].value.text: expected a string, found a number",
    ),
    "missing block id": (
        lambda d: d["body"][0].pop("id"),
        "$.body[0].id: every block and list item needs an id that is a UUID",
    ),
    "missing list item id": (
        lambda d: d["body"][9]["value"]["patterns"][1].pop("id"),
        "$.body[9].value.patterns[1].id: every block and list item needs an id",
    ),
    "repeated id": (
        lambda d: d["body"][1].update(id=d["body"][0]["id"]),
        "$.body[1].id: id ",
    ),
    "page by database id": (
        body_edit(1, "page", 3),
        "$.body[1].value.page: a file cannot refer to pages",
    ),
    "newer format": (
        lambda d: d.update(format_version=3),
        "$.format_version: this version of wagtail-recurrence-content reads "
        "format_version 1 and 2, the file has 3",
    ),
    "review data in a version 1 file": (
        lambda d: d.update(format_version=1),
        "$.condition_name: review data needs format_version 2",
    ),
    "unknown audience": (
        lambda d: d.update(audience="everyone"),
        "$.audience: must be one of: patients, carers, professionals",
    ),
    "bad review date": (
        lambda d: d.update(last_reviewed="1 March 2026"),
        '$.last_reviewed: must be a date such as "2026-03-01", or null',
    ),
    "reviewer without a name": (
        lambda d: d.update(reviewers=[{"role": "Oncologist"}]),
        "$.reviewers[0].name: This field is required.",
    ),
    "unknown source field": (
        lambda d: d.update(sources=[{"title": "PDQ", "doi": "10.1/x"}]),
        "$.sources[0].doi: unknown field",
    ),
    "no translation key": (
        lambda d: d.pop("translation_key"),
        "$.translation_key: must be a UUID string",
    ),
    "empty title": (lambda d: d.update(title=" "), "$.title: is required"),
    "bad slug": (lambda d: d.update(slug="no spaces"), "$.slug: use only letters"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_invalid_file_is_rejected_with_its_json_path(case, tmp_path, busy_db):
    edit, message = BAD_FILES[case]
    path = write_article(tmp_path, changed(shipped_data(), edit))
    with pytest.raises(CommandError) as error:
        call_command(
            "recurrence_content_load", "--file", str(path), "--parent", "/cancer-care/"
        )
    assert str(error.value).startswith(f"{path}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert snapshot() == busy_db


def test_malformed_json(tmp_path, busy_db):
    path = tmp_path / "broken.json"
    path.write_text('{"format_version": 1,, }')
    with pytest.raises(
        CommandError,
        match=r"broken.json: not valid JSON: .* line 1 column 22; fix the syntax",
    ):
        call_command(
            "recurrence_content_load", "--file", str(path), "--parent", "/cancer-care/"
        )
    assert snapshot() == busy_db


def test_missing_file(busy_db):
    with pytest.raises(CommandError, match="nope.json: file not found; check the path"):
        call_command(
            "recurrence_content_load",
            "--file",
            "nope.json",
            "--parent",
            "/cancer-care/",
        )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--parent", "999999"],
            "there is no parent page with ID 999999; check the ID",
        ),
        (
            ["--parent", "/no-such-page/"],
            "there is no parent page at /no-such-page/ on the default site",
        ),
        (["--parent", "cancer-care"], "is neither a page ID nor a URL path"),
        (
            ["--parent", "/cancer-care/", "--locale", "de"],
            "language 'de' is not configured; add it to WAGTAIL_CONTENT_LANGUAGES",
        ),
        (["--parent", "/cancer-care/", "--locale", "es"], "choose a parent in 'es'"),
        (
            ["--parent", "/cancer-care/radiotherapy/"],
            "the slug 'does-cancer-always-come-back' is already used under 'Radiotherapy'",
        ),
    ],
)
def test_bad_target_is_rejected(args, message, busy_db):
    with pytest.raises(CommandError) as error:
        call_command("recurrence_content_load", *args)
    assert message in str(error.value)
    assert snapshot() == busy_db


def test_file_in_an_unconfigured_language(tmp_path, busy_db):
    path = write_article(
        tmp_path, changed(shipped_data(), lambda d: d.update(locale="de"))
    )
    with pytest.raises(CommandError, match="language 'de' is not configured"):
        call_command(
            "recurrence_content_load", "--file", str(path), "--parent", "/cancer-care/"
        )
    assert snapshot() == busy_db


def test_a_failing_second_file_rolls_back_the_first(tmp_path, busy_db):
    second = changed(
        shipped_data(),
        lambda d: d.update(
            translation_key="4f7cf0a5-5b64-4c4e-9bd6-4a0de3c1bb64", slug="radiotherapy"
        ),
    )
    first = write_article(tmp_path, shipped_data(), "1.json")
    with pytest.raises(CommandError, match="the slug 'radiotherapy' is already used"):
        call_command(
            "recurrence_content_load",
            "--file",
            str(first),
            "--file",
            str(write_article(tmp_path, second, "2.json")),
            "--parent",
            "/cancer-care/",
        )
    assert not PatientInfoPage.objects.exists()
    assert snapshot() == busy_db


def test_command_exits_non_zero_with_one_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("[")
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "recurrence_content_load",
            "--file",
            str(path),
            # The test settings keep wagtail-localize's default, which the
            # system checks warn about (W002) before any command runs.
            "--skip-checks",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert process.returncode == 1
    assert process.stdout == ""
    assert process.stderr.strip().count("\n") == 0
    assert "broken.json: not valid JSON" in process.stderr


@pytest.fixture
def busy_db(home, host_page, locales):
    """A site with a page whose slug the article wants, and a Spanish home."""
    radiotherapy = make_host_page(host_page, title="Radiotherapy")
    make_host_page(radiotherapy, title="Taken", slug="does-cancer-always-come-back")
    home.copy_for_translation(locales["es"])
    return snapshot()
