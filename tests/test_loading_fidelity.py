"""Every sentence of the source article reaches the published page, word for word."""

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from recurrence_content.loading import load_article
from tests.loading_helpers import shipped_data

# A verbatim copy of the article as received (lines 84-87 are the comment
# form of the site it was copied from, not the article).
SOURCE = Path(__file__).resolve().parent / "data" / "does-cancer-always-come-back.txt"
# The project's shared folder sits beside the checkout (CI lays a copy there).
SHARED_SOURCE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "content"
    / "does-cancer-always-come-back.txt"
)
# Text the page templates add around the article's own words.
INTERFACE_LABELS = [
    "Read also:",
    "Also called:",
    "When to seek help",
    "You can print this checklist, tick what matters to you and take it to your "
    "appointment.",
    "This page has not yet been reviewed by our clinical team.",
    "On this page",
]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def source_lines(first: int, last: int) -> list[str]:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()[first - 1 : last]
    # Bullets and list numbers are list markup on the page, not words.
    return [
        normalise(re.sub(r"^\s*(•|\d+\.)\s*", "", line))
        for line in lines
        if line.strip()
    ]


def sentences(lines: list[str]) -> list[str]:
    return [
        sentence
        for line in lines
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z])", line)
        if sentence
    ]


@pytest.fixture
def article_html(client, host_page) -> BeautifulSoup:
    result = load_article(parent=host_page, publish=True)
    response = client.get(result.page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_source_sentence_is_on_the_page(article_html):
    article = article_html.select_one("article")
    # "On this page" repeats the section headings as links, by design.
    article.select_one("nav.rc-contents").decompose()
    text = normalise(article.get_text(" ")).casefold()
    article_sentences = sentences(source_lines(1, 82))
    assert len(article_sentences) > 80
    missing = [s for s in article_sentences if normalise(s).casefold() not in text]
    assert missing == []
    # ... and no more often than the source has it (nothing said twice).
    source = " ".join(source_lines(1, 82)).casefold()
    repeated = [
        s
        for s in article_sentences
        if text.count(s.casefold()) != source.count(s.casefold())
    ]
    assert repeated == []


def test_the_comment_form_lines_are_not_on_the_page(article_html):
    page_text = normalise(article_html.get_text(" ")).casefold()
    comment_form = sentences(source_lines(84, 87))
    assert comment_form  # "Your comment", "Add image", "By posting ..."
    assert [s for s in comment_form if s.casefold() in page_text] == []


def test_the_page_adds_no_words_of_its_own(article_html):
    source = " ".join(source_lines(1, 82)).casefold()
    invented = []
    for node in article_html.select_one("article").find_all(string=True):
        if node.parent.name == "script":
            continue  # machine-readable data (JSON-LD), not words on the page
        if node.find_parent(class_="rc-print-details"):
            continue  # the printed copy's address and date, not article words
        fragment = normalise(node)
        for label in INTERFACE_LABELS:
            fragment = fragment.replace(label, "").strip()
        if fragment and fragment.casefold() not in source:
            invented.append(fragment)
    assert invented == []


def test_nothing_claims_a_medical_review():
    data = shipped_data()
    assert data["last_reviewed"] is None
    assert data["next_review_due"] is None
    assert data["reviewers"] == []
    assert data["sources"] == []
    assert data["audience"] == "patients"


def test_the_copied_source_is_the_source_as_received():
    if not SHARED_SOURCE.exists():
        reason = f"no shared content beside the checkout ({SHARED_SOURCE})"
        # In CI the shared folder is always there: missing is a failure.
        if os.environ.get("CI") or os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(reason)
        pytest.skip(reason)
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()
