"""The site of the working-day benchmark, built in the server's database (by
``benchmarks/workday.py`` through ``manage.py shell``): copies of the demo
article in English and Spanish, and ordinary pages, one of which an editor
publishes over and over. Run again, it adds only what is missing."""

from __future__ import annotations

from django.test import override_settings
from hospital.models import StandardPage
from wagtail.models import Locale

from recurrence_content.models import PatientInfoPage

SLUG = "bench-copy-{}"


# Building is not what is measured: the refresh after each publication is
# only enqueued (and dropped), not run.
@override_settings(
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def build(articles: int, others: int) -> None:
    """Print the article URLs (``URL <path>``), the other page to publish
    (``PUBLISH <id>``) and the read article to publish (``ARTICLE <id>``)."""
    shipped = PatientInfoPage.objects.get(
        slug="does-cancer-always-come-back", locale__language_code="en"
    )
    spanish = shipped.get_translation(Locale.objects.get(language_code="es"))
    english_parent, spanish_parent = shipped.get_parent(), spanish.get_parent()
    have = set(
        PatientInfoPage.objects.filter(slug__startswith="bench-copy-").values_list(
            "slug", "locale__language_code"
        )
    )
    for number in range(articles):
        slug = SLUG.format(number)
        if (slug, "en") in have:
            english = english_parent.get_children().get(slug=slug)
        else:
            english = _copy(shipped, english_parent, slug, number)
        if (slug, "es") not in have:
            _copy(spanish, spanish_parent, slug, number, english.translation_key)
    home = english_parent.get_parent()
    news = home.get_children().filter(slug__startswith="bench-news-")
    for number in range(news.count(), others):
        page = StandardPage(title=f"News {number}", slug=f"bench-news-{number}")
        home.add_child(instance=page)
        page.save_revision().publish()
    copies = PatientInfoPage.objects.live().filter(slug__startswith="bench-copy-")
    # The read article (copy 0) first, so it is among the URLs read.
    for page in copies.order_by("slug", "locale__language_code"):
        print("URL", page.url)
    print("PUBLISH", news.order_by("path").first().pk)
    print("ARTICLE", english_parent.get_children().get(slug=SLUG.format(0)).pk)


def _copy(source, parent, slug, number, translation_key=None):
    page = PatientInfoPage(
        title=f"{source.title} ({number})",
        slug=slug,
        summary=source.summary,
        body=source.body.raw_data,
        locale=source.locale,
        **({"translation_key": translation_key} if translation_key else {}),
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
