"""axe-core finds no WCAG 2.2 A/AA violations, and the outline is sound, in a real
browser at desktop and phone widths; every link is reachable by keyboard with a
visible focus style."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from recurrence_content.loading import load_article
from recurrence_content.loading.shipped_translations import apply_shipped_translations
from recurrence_content.models import PatientInfoIndexPage
from tests.factories import BLOCK_VALUES, make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [1280, 320]
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    # Best-practice rules about the outline, on top of the WCAG rules.
    "rules": {
        rule: {"enabled": True}
        for rule in ("heading-order", "empty-heading", "page-has-heading-one")
    },
    "resultTypes": ["violations"],
}
OUTLINE_RULES = {"heading-order", "empty-heading", "page-has-heading-one"}


def axe_problems(page, url: str) -> dict[int, list[str]]:
    """``{width: ["rule: target", ...]}`` for every violation axe reports."""
    problems = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        response = Axe().run(page, options=AXE_OPTIONS).response
        # The outline rules ran (they are not WCAG-tagged), so a pass means something.
        ran = {r["id"] for r in response["passes"] + response["inapplicable"]} | {
            r["id"] for r in response["violations"]
        }
        assert OUTLINE_RULES <= ran | {r["id"] for r in response["incomplete"]}
        problems[width] = [
            f"{v['id']}: {node['target']}"
            for v in response["violations"]
            for node in v["nodes"]
        ]
    return problems


@pytest.fixture
def axe_page(scripted_page):
    return scripted_page


def assert_clean(axe_page, url):
    problems = axe_problems(axe_page, url)
    assert problems == {width: [] for width in WIDTHS}


def test_the_shipped_article_in_english_and_spanish(axe_page, live_server, host_page):
    english = load_article(parent=host_page, publish=True).page.specific
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    assert_clean(axe_page, live_server.url + english.url)
    assert_clean(axe_page, live_server.url + spanish.page.url)


def test_a_translation_older_than_its_source_with_its_notice(
    axe_page, live_server, host_page
):
    english = load_article(parent=host_page, publish=True).page.specific
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    english.summary = "Some cancers can come back after treatment."
    english.save_revision().publish()
    axe_page.goto(live_server.url + spanish.page.url)
    notice = axe_page.locator(".rc-source-updated-notice")
    assert notice.inner_text().startswith("Actualizado en English el ")
    assert_clean(axe_page, live_server.url + spanish.page.url)


def test_an_arabic_page(axe_page, live_server, host_page, locales):
    arabic_parent = host_page.copy_for_translation(locales["ar"], copy_parents=True)
    arabic_parent.save_revision().publish()
    # Test text in Arabic (not clinical content), so every word carries its real lang.
    article = make_article(
        arabic_parent,
        title="صفحة للاختبار",
        summary="ملخص قصير للاختبار.",
        body=[
            ("heading", {"text": "قسم أول", "level": "h2"}),
            ("paragraph", "<p>نص قصير للاختبار.</p>"),
            ("callout", {"kind": "seek_help", "title": "", "body": "<p>نص آخر.</p>"}),
            (
                "factor_checklist",
                {
                    "heading": "قائمة",
                    "intro": "",
                    "factors": [{"factor": "عنصر أول", "detail": "تفصيل."}],
                },
            ),
        ],
    )
    assert_clean(axe_page, live_server.url + article.url)
    assert axe_page.locator("html").get_attribute("dir") == "rtl"


def test_the_index_page(axe_page, live_server, host_page):
    index = PatientInfoIndexPage(title="Patient information", intro="Our leaflets.")
    host_page.add_child(instance=index)
    index.save_revision().publish()
    load_article(parent=index, publish=True)
    assert_clean(axe_page, live_server.url + index.url)


def test_a_page_whose_first_block_is_a_headed_checklist(
    axe_page, live_server, host_page
):
    article = make_article(
        host_page,
        body=[
            ("factor_checklist", BLOCK_VALUES["factor_checklist"]),
            ("question_answer", BLOCK_VALUES["question_answer"]),
            ("heading", BLOCK_VALUES["heading"]),
            ("callout", BLOCK_VALUES["callout"]),
        ],
    )
    assert_clean(axe_page, live_server.url + article.url)


def test_axe_reports_a_skipped_heading(axe_page, live_server, host_page):
    """The check can fail: a block template forced back to h3 is caught."""
    article = make_article(host_page, body=[("paragraph", "<p>Text.</p>")])
    axe_page.goto(live_server.url + article.url)
    axe_page.evaluate(
        "document.querySelector('.rc-paragraph').insertAdjacentHTML("
        "'afterend', '<h3>Skipped</h3>')"
    )
    response = Axe().run(axe_page, options=AXE_OPTIONS).response
    assert [v["id"] for v in response["violations"]] == ["heading-order"]
