"""Made-up query values cannot fill the cache: a page's ``?unavailable=`` only
for a language the site serves, the feed's parameters only with values in
their domain written one way, and free-text search never stored. Counted on
the real cache the tests configure (Django's local-memory cache)."""

from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from wagtail.search import index

from recurrence_content.delivery.caching import PREFIX as FEED_PREFIX
from recurrence_content.response_cache import PREFIX as RESPONSES_PREFIX
from tests.feed.helpers import list_url
from tests.infobutton.conftest import tag

pytestmark = pytest.mark.django_db


def cache_entries() -> int:
    """Stored page and feed responses (and their vary lists), in the default
    cache where RECURRENCE_CONTENT_*_CACHE_ALIAS put them."""
    prefixes = (RESPONSES_PREFIX, FEED_PREFIX)
    return sum(
        any(f":{prefix}:" in key for prefix in prefixes)
        for key in caches["default"]._cache
    )


def entries_added_by(client, urls: list[str]) -> int:
    before = cache_entries()
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 422), (url, response.status_code)
    return cache_entries() - before


def test_made_up_unavailable_values_add_nothing(client, article):
    assert client.get(article.url).status_code == 200  # the page and versions

    made_up = [f"{article.url}?unavailable=x{i}" for i in range(60)]
    assert entries_added_by(client, made_up) == 0


def test_a_served_language_in_unavailable_is_cached_once(client, article):
    assert client.get(article.url).status_code == 200
    urls = [f"{article.url}?unavailable=es"] * 5
    # Its vary list and its response, once.
    assert entries_added_by(client, urls) == 2


def test_searches_are_answered_and_not_stored(client, article):
    # Wagtail 7.0 indexes in a task run on commit, which this test has none of.
    index.insert_or_update_object(article)
    assert client.get(list_url()).status_code == 200

    searches = [list_url(q=f"cancer word{i}") for i in range(60)]
    assert entries_added_by(client, searches) == 0
    found = client.get(list_url(q="cancer")).json()
    assert found["count"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "020"},
        {"limit": "+20"},
        {"offset": "00"},
        {"include_incomplete": "yes"},
        {"include_incomplete": "1"},
        {"locale": "xx"},
        {"modified_since": "2026-01-01T00:00:00Z"},
        {"code": "http://hl7.org/fhir/sid/icd-10-cm|z85"},
        {"code": "http://hl7.org/fhir/sid/icd-10-cm|NOT-A-CODE"},
    ],
)
def test_other_spellings_and_values_outside_the_domain_add_nothing(
    client, article, params
):
    assert client.get(list_url()).status_code == 200
    urls = [list_url(**params, utm=str(i)) for i in range(3)] + [list_url(**params)]
    assert entries_added_by(client, urls) == 0


def test_documented_values_are_cached(client, article):
    assert client.get(list_url()).status_code == 200
    urls = [list_url(locale="en", limit="5", include_incomplete="false")] * 3
    # The response cache's vary list and response; the feed's own cache keeps
    # no second copy of what the response cache keeps.
    assert entries_added_by(client, urls) == 2


INFOBUTTON = "/recurrence-content/infobutton/"
ICD10CM = "2.16.840.1.113883.6.90"


def infobutton_url(code: str, **extra) -> str:
    params = {
        "mainSearchCriteria.v.c": code,
        "mainSearchCriteria.v.cs": ICD10CM,
        "knowledgeResponseType": "application/json",
        **extra,
    }
    return f"{INFOBUTTON}?{urlencode(params)}"


def test_infobutton_codes_that_find_nothing_add_nothing(client, article):
    made_up = [infobutton_url(f"Z99.{i}") for i in range(30)]
    made_up += [infobutton_url(f"nonsense {i}") for i in range(30)]
    assert entries_added_by(client, made_up) == 0


def test_ignored_infobutton_parameters_add_nothing(client, article):
    tag(article, ("icd10cm", "Z85"))
    found = client.get(infobutton_url("Z85.3"))  # stored once
    assert found.json()["feed"]["entry"]

    ignored = [
        infobutton_url("Z85.3", **{"patientPerson.age.v.v": i}) for i in range(30)
    ]
    ignored += [infobutton_url("Z85.3", knowledgeResponseType="text/xml")]
    assert entries_added_by(client, ignored) == 0
