"""In a partly translated Arabic page, an English sentence keeps its full stop
at its end: the mark mode gives it ``dir="ltr"``, which a real browser honours."""

import os

import pytest
from django.test import override_settings

from tests.factories import make_article
from tests.localize_helpers import translate_strings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SENTENCE = "Unfortunately, cancer cells are sometimes left behind after treatment."

# The horizontal positions of the sentence's first letter and its full stop.
POSITIONS = """el => {
    const text = [...el.childNodes].find(n => n.nodeType === 3 && n.data.includes('.'));
    const at = i => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
    };
    const start = text.data.indexOf('U');
    return [at(start), at(text.data.lastIndexOf('.'))];
}"""


@override_settings(RECURRENCE_CONTENT_INCOMPLETE_TRANSLATIONS="mark")
def test_an_english_sentence_keeps_its_full_stop_at_its_end_in_arabic(
    browser_page, live_server, host_page, locales, django_capture_on_commit_callbacks
):
    article = make_article(host_page)
    translate_strings(article, locales["ar"], django_capture_on_commit_callbacks, 3)
    arabic = article.get_translation(locales["ar"])

    browser_page.goto(live_server.url + arabic.url)

    assert browser_page.locator("article").get_attribute("dir") == "rtl"
    sentence = browser_page.locator("article p", has_text=SENTENCE)
    assert sentence.get_attribute("lang") == "en"
    first_letter, full_stop = sentence.evaluate(POSITIONS)
    assert full_stop > first_letter

    # Without the mark, the right-to-left page moves the full stop to the
    # sentence's left: what the mark prevents.
    sentence.evaluate("el => { el.removeAttribute('dir'); }")
    first_letter, full_stop = sentence.evaluate(POSITIONS)
    assert full_stop < first_letter
