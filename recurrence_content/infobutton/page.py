"""The Infobutton's answer for a patient's browser (``text/html``).

EHRs such as OpenEMR open the infobutton link in the patient's browser: one
article is the article itself, several a short list, none a page that leads
to the site's patient information. In the site's design (the host's base
template) and in the feed's language.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Site

from ..conf import get_setting
from ..languages import text_direction
from ..models import PatientInfoIndexPageMixin
from ..page_model import page_model

TEMPLATE = "recurrence_content/infobutton/results.html"


def patient_page(request, data: dict[str, Any]) -> HttpResponse:
    """A redirect to the one matching article, else the page listing the
    matches (or saying there are none), from the feed's JSON."""
    feed = data["feed"]
    entries = feed["entry"]
    if len(entries) == 1:
        response = HttpResponseRedirect(entries[0]["link"][0]["href"])
    else:
        language = feed["lang"]
        with translation.override(language):
            response = render(
                request,
                TEMPLATE,
                {
                    "recurrence_content_base_template": get_setting("BASE_TEMPLATE"),
                    "language": language,
                    "entries": [_entry(entry, language) for entry in entries],
                    "index_url": None if entries else _index_url(request),
                },
            )
        response["Content-Language"] = language
    response["Cache-Control"] = get_setting("FEED_CACHE_CONTROL")
    return response


def _entry(entry: dict[str, Any], language: str) -> dict[str, Any]:
    return {
        "title": entry["title"]["_value"],
        "href": entry["link"][0]["href"],
        # Built by formats.summary_html, which escapes the editor's text.
        "summary_html": entry["summary"]["_value"],
        # Only an entry in another language than the page's says so.
        "lang": "" if entry["lang"] == language else entry["lang"],
        "dir": text_direction(entry["lang"]),
    }


def _index_url(request) -> str | None:
    """The site's first patient information index, in the active language
    when it is translated (``localized``), else as written."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    index = (
        page_model()
        .objects.live()
        .public()
        .type(PatientInfoIndexPageMixin)
        .in_site(site)
        .order_by("path")
        .first()
    )
    return index.specific.localized.get_url(request) if index else None
