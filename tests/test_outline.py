"""Headings never skip a level, wherever an editor puts a block."""

import itertools

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from recurrence_content.blocks import PatientInfoStreamBlock
from tests.factories import BLOCK_VALUES, make_article

STREAM = PatientInfoStreamBlock()
H2 = ("heading", {"text": "A section", "level": "h2"})
H3 = ("heading", {"text": "A subsection", "level": "h3"})
CHECKLIST = ("factor_checklist", BLOCK_VALUES["factor_checklist"])
UNHEADED_CHECKLIST = (
    "factor_checklist",
    {**BLOCK_VALUES["factor_checklist"], "heading": ""},
)
QUESTION = ("question_answer", BLOCK_VALUES["question_answer"])
CALLOUT = ("callout", BLOCK_VALUES["callout"])
PATTERNS = ("pattern_list", BLOCK_VALUES["pattern_list"])
PARAGRAPH = ("paragraph", BLOCK_VALUES["paragraph"])


def page_soup(client, parent, body) -> BeautifulSoup:
    response = client.get(make_article(parent, body=body).url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def heading_levels(soup) -> list[int]:
    return [int(h.name[1]) for h in soup.select("h1, h2, h3, h4, h5, h6")]


def assert_no_skip(levels: list[int]) -> None:
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.mark.django_db
def test_a_headed_checklist_first_is_a_level_2_section_labelled_by_its_heading(
    client, host_page
):
    soup = page_soup(client, host_page, [CHECKLIST, H2, CHECKLIST])
    first, second = soup.select(".rc-factor-checklist")
    assert first.name == "section"
    heading = first.select_one(".rc-factor-checklist__heading")
    assert heading.name == "h2"
    assert first["aria-labelledby"] == heading["id"]
    # Under a section heading the same block's heading is one level down.
    assert second.select_one(".rc-factor-checklist__heading").name == "h3"
    assert heading_levels(soup) == [1, 2, 2, 3]


@pytest.mark.django_db
def test_questions_callout_titles_and_list_headings_sit_under_their_section(
    client, host_page
):
    soup = page_soup(client, host_page, [H2, QUESTION, H3, CALLOUT, PATTERNS])
    assert soup.select_one(".rc-question-answer__question").name == "h3"
    callout = soup.select_one("aside.rc-callout")
    title = callout.select_one(".rc-callout__title")
    assert (title.name, title.get_text()) == ("h4", "When to seek help")
    assert callout["aria-labelledby"] == title["id"]
    assert soup.select_one(".rc-pattern-list__heading").name == "h4"
    assert heading_levels(soup) == [1, 2, 3, 3, 4, 4]


@pytest.mark.django_db
def test_a_list_without_a_heading_is_not_a_section(client, host_page):
    soup = page_soup(client, host_page, [H2, UNHEADED_CHECKLIST])
    checklist = soup.select_one(".rc-factor-checklist")
    assert checklist.name == "div"
    assert soup.select("section") == []


@pytest.mark.django_db
def test_a_subheading_saved_before_the_rule_renders_without_a_skip(client, host_page):
    soup = page_soup(client, host_page, [H3, PARAGRAPH, H3])
    assert heading_levels(soup) == [1, 2, 3]


def test_every_order_of_blocks_keeps_the_outline():
    """All arrangements of four of these blocks: no level is ever skipped."""
    kinds = [H2, H3, CHECKLIST, QUESTION, CALLOUT]
    bodies = list(itertools.product(kinds, repeat=4))
    for body in bodies:
        rendered = STREAM.render(
            STREAM.to_python([{"type": t, "value": v} for t, v in body])
        )
        soup = BeautifulSoup("<h1>Title</h1>" + rendered, "html.parser")
        assert_no_skip(heading_levels(soup))
    assert len(bodies) == 5**4


def stream_errors(body) -> dict:
    value = STREAM.to_python([{"type": t, "value": v} for t, v in body])
    with pytest.raises(ValidationError) as excinfo:
        STREAM.clean(value)
    return {
        index: {name: " ".join(e.messages) for name, e in error.block_errors.items()}
        for index, error in excinfo.value.block_errors.items()
    }


def test_validation_refuses_a_subheading_with_no_heading_above_it():
    errors = stream_errors([PARAGRAPH, H3, H2])
    assert list(errors) == [1]
    assert "needs a section heading above it" in errors[1]["level"]


@pytest.mark.parametrize(
    "body", [[H2, H3], [H2, PARAGRAPH, H3, H3], [QUESTION, H3], [H2, CHECKLIST, H3]]
)
def test_validation_accepts_subheadings_that_follow_a_heading(body):
    value = STREAM.to_python([{"type": t, "value": v} for t, v in body])
    assert len(STREAM.clean(value)) == len(body)


@pytest.mark.django_db
def test_a_hosts_own_template_rendering_the_body_keeps_the_outline(host_page):
    article = make_article(host_page, body=[CHECKLIST, H2, QUESTION])
    soup = BeautifulSoup(str(article.body), "html.parser")
    assert heading_levels(soup) == [2, 2, 3]
    assert soup.select_one("section.rc-factor-checklist")["aria-labelledby"].startswith(
        "rc-"
    )


def contents_links(soup) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in soup.select(".rc-contents a")]


@pytest.mark.django_db
def test_a_long_article_opens_with_on_this_page_links_to_its_sections(
    client, host_page, settings
):
    settings.RECURRENCE_CONTENT_CONTENTS_MIN_SECTIONS = 2
    first = ("heading", {"text": "First section", "level": "h2"})
    second = ("heading", {"text": "Second section", "level": "h2"})
    soup = page_soup(client, host_page, [first, H3, PARAGRAPH, second, QUESTION])
    nav = soup.select_one("nav.rc-contents")
    assert nav["aria-labelledby"] == "rc-contents-title"
    assert nav.select_one("#rc-contents-title").get_text() == "On this page"
    links = contents_links(soup)
    # Only the sections (level 2), each pointing at its heading's id.
    assert [text for text, _ in links] == ["First section", "Second section"]
    for text, href in links:
        assert soup.select_one(href).get_text() == text
    assert_no_skip(heading_levels(soup))


@pytest.mark.django_db
def test_a_short_article_has_no_contents_list(client, host_page, settings):
    settings.RECURRENCE_CONTENT_CONTENTS_MIN_SECTIONS = 3
    soup = page_soup(client, host_page, [H2, PARAGRAPH, H2, PARAGRAPH])
    assert soup.select_one(".rc-contents") is None
    settings.RECURRENCE_CONTENT_CONTENTS_MIN_SECTIONS = None
    soup = page_soup(client, host_page, [H2, H2, H2, H2, H2])
    assert soup.select_one(".rc-contents") is None


@pytest.mark.django_db
def test_the_contents_anchors_are_the_same_in_every_translation(client, host_page):
    """A link to a section (#rc-<block id>) finds it in the Spanish page too."""
    from recurrence_content.loading import load_article
    from recurrence_content.loading.shipped_translations import (
        apply_shipped_translations,
    )

    english = load_article(parent=host_page, publish=True).page.specific
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    pages = [english, spanish.page]
    soups = [BeautifulSoup(client.get(p.url).content, "html.parser") for p in pages]
    english_links, spanish_links = (contents_links(soup) for soup in soups)
    # The shipped article has five sections: over the default threshold of 4.
    assert len(english_links) == 5
    assert [href for _, href in english_links] == [href for _, href in spanish_links]
    assert [text for text, _ in english_links] != [text for text, _ in spanish_links]
    for soup, links in zip(soups, (english_links, spanish_links), strict=True):
        assert [soup.select_one(href).get_text() for _, href in links] == [
            text for text, _ in links
        ]
