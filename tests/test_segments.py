"""wagtail-localize sends every piece of prose to translators, and nothing else."""

from wagtail_localize.segments import (
    OverridableSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from tests.factories import BLOCK_VALUES, make_article

# The machine keys of the blocks, and their values in BLOCK_VALUES.
MACHINE_KEYS = {"level": "h2", "kind": "seek_help", "list_style": "numbered"}


def expected_prose(article) -> list[str]:
    """Every sentence a reader sees in the article, in page order."""
    values = BLOCK_VALUES
    return [
        article.title,
        article.slug,
        article.summary,
        values["heading"]["text"],
        # Rich text: the sentence's words (its markup is checked separately).
        "If a recurrent cancer is suspected, you will likely need "
        "additional diagnostic tests to learn more.",
        values["definition"]["term"],
        *values["definition"]["also_called"],
        values["definition"]["definition"],
        values["pattern_list"]["heading"],
        values["pattern_list"]["intro"],
        *[
            text
            for pattern in values["pattern_list"]["patterns"]
            for text in (pattern["name"], pattern["description"])
        ],
        values["factor_checklist"]["heading"],
        values["factor_checklist"]["intro"],
        *[
            text
            for factor in values["factor_checklist"]["factors"]
            for text in (factor["factor"], factor["detail"])
            if text
        ],
        values["coping_resource_list"]["intro"],
        *[
            text
            for resource in values["coping_resource_list"]["resources"]
            for text in (resource["description"], resource["link_text"])
            if text
        ],
        values["question_answer"]["question"],
        "Unfortunately, cancer cells are sometimes left behind after treatment.",
        "Seek professional help when the trouble is long lasting.",
        values["related_link"]["title"],
    ]


def test_every_piece_of_prose_is_one_string_segment(article):
    segments = extract_segments(article)

    strings = [s for s in segments if isinstance(s, StringSegmentValue)]
    assert [s.render_text() for s in strings] == expected_prose(article)
    # Inline markup travels with its sentence, so translators can move it.
    paragraph = next(s for s in strings if "diagnostic" in s.render_text())
    assert paragraph.render_html() == (
        "If a recurrent cancer is suspected, you will likely need "
        "<b>additional diagnostic tests</b> to learn more."
    )


def test_string_segments_are_found_where_the_block_keeps_them(article):
    paths = {
        s.render_text(): s.path
        for s in extract_segments(article)
        if isinstance(s, StringSegmentValue)
    }
    body = {block.block_type: block.id for block in article.body}

    assert paths["Diagnosing recurrent cancer"] == f"body.{body['heading']}.text"
    assert paths["metastasis"] == f"body.{body['definition']}.term"
    assert paths["secondary cancer"].startswith(
        f"body.{body['definition']}.also_called."
    )
    assert paths["Local recurrence"].startswith(
        f"body.{body['pattern_list']}.patterns."
    )
    assert paths["Local recurrence"].endswith(".name")
    assert paths["Find a counsellor"].endswith(".link_text")
    assert paths["Can cancer come back?"] == f"body.{body['question_answer']}.question"
    assert paths["Is cancer hereditary?"] == f"body.{body['related_link']}.title"


def test_machine_keys_are_synchronised_not_translated(article):
    segments = extract_segments(article)

    for segment in segments:
        assert segment.path.rsplit(".", 1)[-1] not in {*MACHINE_KEYS, "phone"}
        if isinstance(segment, StringSegmentValue):
            assert segment.render_text() not in MACHINE_KEYS.values()
            assert "+1 800 555 0100" not in segment.render_text()


def test_urls_are_overridable_and_rich_text_keeps_a_template(article):
    segments = extract_segments(article)
    body = {block.block_type: block.id for block in article.body}

    overridable = {
        s.path: s.data for s in segments if isinstance(s, OverridableSegmentValue)
    }
    resource_id = article.body[5].value["resources"].bound_blocks[0].id
    assert overridable == {
        f"body.{body['related_link']}.url": "https://example.org/hereditary",
        f"body.{body['coping_resource_list']}.resources.{resource_id}.link": (
            "https://example.org/counselling"
        ),
    }
    templates = {s.path for s in segments if isinstance(s, TemplateSegmentValue)}
    assert templates == {
        f"body.{body['paragraph']}",
        f"body.{body['question_answer']}.answer",
        f"body.{body['callout']}.body",
    }


def test_a_related_page_is_an_overridable_segment(article, host_page):
    other = make_article(host_page, title="Is cancer hereditary?", body=[])
    linked = make_article(
        host_page,
        title="Coping with recurrence",
        body=[
            (
                "related_link",
                {"kind": "read_also", "title": "Is cancer hereditary?", "page": other},
            )
        ],
    )

    segments = extract_segments(linked)

    block_id = linked.body[0].id
    assert [
        (s.path, s.data) for s in segments if isinstance(s, OverridableSegmentValue)
    ] == [(f"body.{block_id}.page", other.pk)]
