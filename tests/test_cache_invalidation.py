"""What retires a cached article page, index page, feed detail, feed list and
Infobutton answer: their own article's publication, its translation's, a
change to its index page's title, a model named by the setting; and what
does not (another page, a draft, a model nobody named): a warm answer then
still costs no query."""

import pytest
from django.core.checks import Tags, run_checks
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from recurrence_content.models import PatientInfoIndexPage, ReviewSettings
from tests.factories import make_article, make_host_page, translate
from tests.feed.helpers import detail_url, list_url
from tests.infobutton.conftest import infobutton_url, tag

pytestmark = pytest.mark.django_db

KINDS = ["page", "index", "feed detail", "feed list", "infobutton"]


@pytest.fixture
def client(home):
    """A reader at the site's address, which the refresh renders for."""
    return Client(HTTP_HOST=Site.objects.get(is_default_site=True).hostname)


@pytest.fixture
def index(home):
    page = PatientInfoIndexPage(title="Patient information", slug="leaflets")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def listed(index):
    """An article under the index page, tagged with a code for the Infobutton."""
    return tag(make_article(index), ("icd10cm", "Z85.3"))


@pytest.fixture
def spanish(listed, locales):
    return translate(listed, locales["es"], title="¿El cáncer siempre regresa?")


def url_of(kind: str, article) -> str:
    return {
        "page": article.url,
        "index": article.get_parent().url,
        "feed detail": detail_url(article),
        "feed list": list_url(),
        "infobutton": infobutton_url("Z85.3"),
    }[kind]


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def warm(client, spanish, listed):
    """Warm ``kind``'s URL; returns the URL."""

    def warm(kind: str) -> str:
        url = url_of(kind, listed)
        client.get(url)
        assert queries_for(client, url) == 0, "not cached to begin with"
        return url

    return warm


def republish(page, **changes):
    page = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("kind", KINDS)
def test_a_warm_answer_costs_no_query_after_another_page_is_published(
    client, warm, home, host_page, kind, django_assert_num_queries
):
    url = warm(kind)
    republish(host_page, title="Cancer services")  # a page elsewhere
    make_host_page(home, title="News")  # a new page
    republish(home)  # an ancestor, with its title and URL unchanged
    with django_assert_num_queries(0):
        client.get(url)


@pytest.mark.parametrize("kind", KINDS)
def test_a_warm_answer_costs_no_query_after_drafts_are_saved(
    client, warm, listed, spanish, index, kind, django_assert_num_queries
):
    url = warm(kind)
    for page, title in [(listed, "Draft"), (spanish, "Borrador"), (index, "Draft")]:
        draft = page.get_latest_revision_as_object()
        draft.title = title
        draft.save_revision()
    with django_assert_num_queries(0):
        client.get(url)


@pytest.mark.parametrize("kind", KINDS)
def test_a_model_not_named_in_the_setting_retires_nothing(
    client, warm, kind, django_assert_num_queries
):
    url = warm(kind)
    Redirect.objects.create(old_path="/old", redirect_link="/new")
    with django_assert_num_queries(0):
        client.get(url)


@pytest.mark.parametrize("kind", KINDS)
def test_a_model_named_in_the_setting_retires_everything(client, warm, kind, settings):
    settings.RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS = [
        "wagtailredirects.Redirect"
    ]
    url = warm(kind)
    Redirect.objects.create(old_path="/old", redirect_link="/new")
    assert queries_for(client, url) > 0
    assert queries_for(client, url) == 0


# What the refresh after a publication renders (refresh.py); the Infobutton's
# answers are rendered by their next reader.
REFRESHED = {"page", "index", "feed detail", "feed list"}
NEW_TITLE = "Cancer returning: what to know"


@pytest.mark.parametrize("kind", KINDS)
def test_its_own_publication_renders_it_anew(client, warm, listed, kind, on_commit):
    url = warm(kind)
    with on_commit(execute=True):
        republish(listed, title=NEW_TITLE)
    if kind in REFRESHED:
        assert queries_for(client, url) == 0
    else:
        assert queries_for(client, url) > 0
    assert NEW_TITLE in client.get(url).content.decode()
    assert queries_for(client, url) == 0


@pytest.mark.parametrize("kind", KINDS)
def test_its_translations_publication_renders_it_anew(
    client, warm, spanish, kind, on_commit
):
    url = warm(kind)
    with on_commit(execute=True):
        republish(spanish, title="¿Puede volver el cáncer?")
    if kind in REFRESHED:
        assert queries_for(client, url) == 0
    else:
        assert queries_for(client, url) > 0


@pytest.mark.parametrize("kind", KINDS)
def test_a_change_of_its_index_pages_title_renders_it_anew(client, warm, index, kind):
    url = warm(kind)
    republish(index, title="Leaflets for patients")
    assert queries_for(client, url) > 0
    if kind == "index":
        assert "Leaflets for patients" in client.get(url).content.decode()


def test_the_review_wording_is_named_by_default(client, warm, listed):
    url = warm("page")
    setting = ReviewSettings.for_site(Site.objects.get(is_default_site=True))
    setting.save()
    assert queries_for(client, url) > 0


def test_another_articles_publication_leaves_this_article_but_not_lists(
    client, warm, index, listed, django_assert_num_queries, on_commit
):
    page, feed, listing = warm("page"), warm("feed detail"), warm("feed list")
    index_url, infobutton = warm("index"), warm("infobutton")
    with on_commit(execute=True):
        other = make_article(index, title="Living with fatigue")
    with django_assert_num_queries(0):
        client.get(page)
        client.get(feed)
    # The lists that show the new article, rendered anew by its refresh or
    # by their next reader.
    assert other.title in client.get(index_url).content.decode()
    assert other.title in client.get(listing).content.decode()
    assert queries_for(client, infobutton) > 0


def test_a_model_the_setting_names_that_does_not_exist_is_an_error(settings):
    settings.RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS = ["hospital.Footer", "x"]
    messages = [m for m in run_checks(tags=[Tags.caches]) if m.id]
    assert [m.id for m in messages] == ["recurrence_content.E004"] * 2
    assert "'hospital.Footer'" in messages[0].msg
    assert "app_label.ModelName" in messages[0].hint
