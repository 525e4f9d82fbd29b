"""Each block renders the HTML a patient needs and rejects bad values clearly."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from recurrence_content.blocks import PatientInfoStreamBlock
from tests.factories import BLOCK_VALUES

STREAM = PatientInfoStreamBlock()


def render(name: str, raw: dict | str | None = None) -> BeautifulSoup:
    block = STREAM.child_blocks[name]
    value = block.to_python(BLOCK_VALUES[name] if raw is None else raw)
    return BeautifulSoup(block.render(value), "html.parser")


def errors_of(name: str, raw) -> dict:
    """The editor-facing messages a bad value produces, by child name."""
    block = STREAM.child_blocks[name]
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python(raw))
    error = excinfo.value
    messages = {}
    for child, child_error in getattr(error, "block_errors", {}).items():
        nested = getattr(child_error, "non_block_errors", None)
        texts = [e.message for e in nested.as_data()] if nested else []
        texts += child_error.messages if not texts else []
        messages[child] = " ".join(str(t) for t in texts)
    return messages


def test_heading_renders_chosen_level():
    soup = render("heading", {"text": "Coping with recurrent cancer", "level": "h3"})
    assert soup.find("h3").get_text() == "Coping with recurrent cancer"
    assert soup.find("h2") is None


def test_paragraph_keeps_allowed_markup():
    soup = render("paragraph")
    assert soup.find("b").get_text() == "additional diagnostic tests"


def test_definition_renders_a_linkable_definition_list():
    soup = render("definition")
    dl = soup.find("dl", class_="rc-definition")
    term = dl.find("dt")
    assert term.get("id") == "term-metastasis"
    assert term.find("dfn").get_text() == "metastasis"
    assert "Also called: secondary cancer" in dl.get_text(" ", strip=True)
    assert (
        dl.find("dd", class_="rc-definition__definition")
        .get_text()
        .startswith("Cancer that returns in a different part")
    )


def test_definition_anchor_keeps_non_latin_terms():
    soup = render("definition", {**BLOCK_VALUES["definition"], "term": "نقيلة"})
    assert soup.find("dt")["id"] == "term-نقيلة"


def test_definition_rejects_also_called_repeating_the_term():
    value = {**BLOCK_VALUES["definition"], "also_called": ["Metastasis"]}
    assert "already the term" in errors_of("definition", value)["also_called"]


def test_pattern_list_renders_each_pattern_with_its_name():
    soup = render("pattern_list")
    items = soup.select("ul.rc-pattern-list__list > li")
    assert [li.find("strong").get_text() for li in items] == [
        "Local recurrence",
        "Regional recurrence",
        "Distant recurrence",
    ]
    # Alone (as in an admin preview) the heading is level 2; on a page its
    # level follows the outline (tests/test_outline.py).
    heading = soup.find(class_="rc-pattern-list__heading")
    assert (heading.name, heading.get_text()) == ("h2", "Patterns of recurrence")
    assert "following patterns" in soup.find("p").get_text()


def test_pattern_list_rejects_an_empty_list():
    value = {**BLOCK_VALUES["pattern_list"], "patterns": []}
    assert "Add at least one pattern" in errors_of("pattern_list", value)["patterns"]


def test_pattern_without_description_is_rejected():
    value = {
        **BLOCK_VALUES["pattern_list"],
        "patterns": [{"name": "Local recurrence", "description": ""}],
    }
    assert "patterns" in errors_of("pattern_list", value)


def test_factor_checklist_renders_a_printable_checklist():
    soup = render("factor_checklist")
    items = soup.select("ul.rc-factor-checklist__list > li.rc-factor-checklist__item")
    assert len(items) == 2
    assert all(li.find(class_="rc-factor-checklist__box") for li in items)
    assert items[1].find(class_="rc-factor-checklist__detail").get_text() == (
        "Bring a list of the side effects you had."
    )
    assert (
        "print this checklist"
        in soup.find(class_="rc-factor-checklist__hint").get_text()
    )


def test_factor_checklist_rejects_an_empty_list():
    value = {**BLOCK_VALUES["factor_checklist"], "factors": []}
    assert "Add at least one factor" in errors_of("factor_checklist", value)["factors"]


def test_factor_with_no_text_is_rejected():
    value = {
        **BLOCK_VALUES["factor_checklist"],
        "factors": [{"factor": "", "detail": "Some detail"}],
    }
    assert "factors" in errors_of("factor_checklist", value)


def test_coping_list_renders_numbered_with_link_and_phone():
    soup = render("coping_resource_list")
    ol = soup.find("ol", class_="rc-coping-resource-list__list")
    assert ol is not None and soup.find("ul") is None
    first = ol.find("li")
    assert first.find("a", class_="rc-coping-resource-list__link")["href"] == (
        "https://example.org/counselling"
    )
    assert (
        first.find("a", class_="rc-coping-resource-list__phone")["href"]
        == "tel:+18005550100"
    )


def test_coping_list_can_be_bulleted():
    value = {**BLOCK_VALUES["coping_resource_list"], "list_style": "bulleted"}
    soup = render("coping_resource_list", value)
    assert soup.find("ul", class_="rc-coping-resource-list__list") is not None
    assert soup.find("ol") is None


def test_coping_list_rejects_an_empty_list():
    value = {**BLOCK_VALUES["coping_resource_list"], "resources": []}
    assert (
        "Add at least one resource"
        in (errors_of("coping_resource_list", value)["resources"])
    )


def test_coping_resource_rejects_link_text_without_a_link_and_a_bad_phone():
    block = STREAM.child_blocks["coping_resource_list"].child_blocks["resources"]
    resource = block.child_block
    with pytest.raises(ValidationError) as excinfo:
        resource.clean(
            resource.to_python(
                {"description": "Support groups", "link": "", "link_text": "Find one"}
            )
        )
    assert "Add the web address" in excinfo.value.block_errors["link"].messages[0]
    with pytest.raises(ValidationError) as excinfo:
        resource.clean(
            resource.to_python({"description": "Helpline", "phone": "call us"})
        )
    assert "Enter a phone number" in excinfo.value.block_errors["phone"].messages[0]


def test_question_answer_renders_question_then_answer():
    soup = render("question_answer")
    assert (
        soup.find(class_="rc-question-answer__question").get_text()
        == "Can cancer come back?"
    )
    assert "left behind" in soup.find(class_="rc-question-answer__answer").get_text()


def test_callout_shows_translated_kind_label_when_it_has_no_title():
    soup = render("callout")
    aside = soup.find("aside", class_="rc-callout--seek_help")
    assert aside["aria-label"] == "When to seek help"
    assert aside.find(class_="rc-callout__title").get_text() == "When to seek help"


def test_callout_rejects_an_unknown_kind():
    value = {**BLOCK_VALUES["callout"], "kind": "shouting"}
    assert "kind" in errors_of("callout", value)


def test_related_link_read_also_with_url():
    soup = render("related_link")
    assert soup.find(class_="rc-related-link__lead").get_text() == "Read also:"
    assert soup.find("a")["href"] == "https://example.org/hereditary"


def test_related_link_without_target_shows_plain_title():
    soup = render("related_link", {**BLOCK_VALUES["related_link"], "url": ""})
    assert soup.find("a") is None
    assert soup.find(class_="rc-related-link__title").get_text() == (
        "Is cancer hereditary?"
    )


@pytest.mark.django_db
def test_related_link_rejects_both_page_and_url(home):
    value = {**BLOCK_VALUES["related_link"], "page": home.pk}
    assert "not both" in errors_of("related_link", value)["url"]


@pytest.mark.django_db
def test_related_link_to_a_page_uses_its_url(home, host_page):
    value = {**BLOCK_VALUES["related_link"], "url": "", "page": host_page.pk}
    soup = render("related_link", value)
    assert soup.find("a")["href"] == host_page.url


def test_every_stream_child_has_label_icon_group_template_and_preview():
    for name, block in STREAM.child_blocks.items():
        meta = block.meta
        assert meta.icon and meta.icon != "placeholder", name
        assert meta.template == f"recurrence_content/blocks/{name}_block.html", name
        assert meta.group, name
        assert meta.description, name
        assert block.get_preview_value() not in (None, "", {}), name


@pytest.mark.parametrize(
    "name", ["factor_checklist", "pattern_list", "coping_resource_list"]
)
def test_a_new_list_block_starts_with_one_empty_item_that_must_be_filled(name):
    """An editor adding a list starts typing its first item at once; left empty,
    the item is refused rather than published blank."""
    block = STREAM.child_blocks[name]
    new = block.get_default()
    [item] = new[block.meta.list_field]
    assert not any(str(text).strip() for text in item.values() if text)
    raw = block.get_prep_value(new)
    assert block.meta.list_field in errors_of(name, raw)


@pytest.mark.skipif(
    not hasattr(STREAM, "clean_deferred"), reason="Wagtail 7.0 has no draft deferral"
)
@pytest.mark.django_db
def test_work_in_progress_waits_for_publishing_but_real_mistakes_do_not(home):
    """Saving a draft (Wagtail's autosave) defers "still to fill in" rules, as
    Wagtail defers required fields; a contradiction is refused at once."""
    resource = {**BLOCK_VALUES["coping_resource_list"]["resources"][0], "link": ""}
    half_written = [
        (
            "coping_resource_list",
            {**BLOCK_VALUES["coping_resource_list"], "resources": [resource]},
        ),
        ("pattern_list", {**BLOCK_VALUES["pattern_list"], "patterns": []}),
    ]
    value = STREAM.to_python([{"type": t, "value": v} for t, v in half_written])
    STREAM.clean_deferred(value)  # a draft: saved
    with pytest.raises(ValidationError):
        STREAM.clean(value)  # publishing: refused
    contradictory = {**BLOCK_VALUES["related_link"], "page": home.pk}
    value = STREAM.to_python([{"type": "related_link", "value": contradictory}])
    with pytest.raises(ValidationError):
        STREAM.clean_deferred(value)
