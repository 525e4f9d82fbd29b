"""schema.org data for an article, shared by its HTML page and the feed."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from wagtail.models import AbstractPage, Site

from ..coding.systems import coding_system_name
from ..conf import get_setting
from ..governance import display
from ..translation.alternates import complete_alternates
from ..translation.status import Status, translation_status
from .codes import article_codes


def publisher_name(site: Site | None) -> str:
    """RECURRENCE_CONTENT_PUBLISHER_NAME, else the Wagtail site's name."""
    return (
        get_setting("PUBLISHER_NAME")
        or (site.site_name if site else "")
        or getattr(settings, "WAGTAIL_SITE_NAME", "")
    )


def build_json_ld(
    page: AbstractPage, request=None, translations: list[tuple[str, str]] | None = None
) -> dict[str, Any]:
    """A schema.org ``MedicalWebPage`` for a patient-information page.

    ``about`` is there only when the page names a condition
    (``page.get_json_ld_condition_name()``, the editor's ``condition_name``):
    the app never guesses a condition. ``lastReviewed`` and ``reviewedBy`` are
    there only when the hospital recorded a review.
    """
    site = Site.find_for_request(request) if request is not None else None
    site = site or page.get_site()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "description": getattr(page, "summary", "") or "",
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "audience": _AUDIENCES.get(
            getattr(page, "audience", ""), _AUDIENCES["patients"]
        ),
        "publisher": {"@type": "Organization", "name": publisher_name(site)},
    }
    if site is not None:
        data["publisher"]["url"] = site.root_url
    data.update(_translations(page, request, translations))
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    license_ = get_setting("LICENSE_URL") or get_setting("LICENSE_TEXT")
    if license_:
        data["license"] = license_
    condition = _condition_name(page)
    if condition:
        data["about"] = {"@type": "MedicalCondition", "name": condition}
        codes = _medical_codes(page)
        if codes:
            data["about"]["code"] = codes
    data.update(_review(page))
    return data


def _translations(
    page: AbstractPage, request, translations: list[tuple[str, str]] | None
) -> dict[str, Any]:
    """``inLanguage`` and the work's complete translations: a page partly in
    its source language says so, and only complete translations are named.

    ``translations`` is ``[(language_code, url)]`` of the page's other
    complete versions, when the caller has them; otherwise they are looked up.
    """

    status = translation_status(page)
    data: dict[str, Any] = {}
    language = page.locale.language_code
    if not status.is_complete and status.source_language not in ("", language):
        data["inLanguage"] = [language, status.source_language]

    def work(code: str, url: str) -> dict[str, str]:
        return {"@type": "MedicalWebPage", "url": url, "inLanguage": code}

    if translations is None:
        translations = [
            (alt.language_code, alt.url)
            for alt in complete_alternates(page, request)
            if not alt.is_current
        ]
    if status.status == Status.SOURCE:
        if translations:
            data["workTranslation"] = [work(*other) for other in translations]
    else:
        source = next(
            (other for other in translations if other[0] == status.source_language),
            None,
        )
        if source is not None:
            data["translationOfWork"] = work(*source)
            if status.source_changed and status.source_updated_at is not None:
                # The source has been updated since this translation was made.
                data["translationOfWork"]["dateModified"] = (
                    status.source_updated_at.isoformat()
                )
    return data


# schema.org: Patient is a MedicalAudience; Clinician is a MedicalAudienceType.
_AUDIENCES = {
    "patients": {"@type": "Patient"},
    "carers": {"@type": "MedicalAudience", "audienceType": "Caregivers"},
    "professionals": {"@type": "MedicalAudience", "audienceType": "Clinician"},
}


def _medical_codes(page: AbstractPage) -> list[dict[str, Any]]:
    """The article's clinical codes as schema.org ``MedicalCode``s of its
    condition (only where the editor named the condition: the app never
    guesses one from a code)."""

    return [
        {
            "@type": "MedicalCode",
            "codeValue": code["code"],
            "codingSystem": coding_system_name(code["system"]),
        }
        for code in article_codes(page)
    ]


def _condition_name(page: AbstractPage) -> str:
    method = getattr(page, "get_json_ld_condition_name", None)
    return (method() if callable(method) else "") or ""


def _review(page: AbstractPage) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if getattr(page, "last_reviewed", None):
        data["lastReviewed"] = page.last_reviewed.isoformat()
        people = []
        for reviewer in display.reviewers(page):
            person: dict[str, Any] = {"@type": "Person", "name": reviewer["name"]}
            if reviewer["role"]:
                person["jobTitle"] = reviewer["role"]
            if reviewer["organisation"]:
                person["affiliation"] = {
                    "@type": "Organization",
                    "name": reviewer["organisation"],
                }
            people.append(person)
        if people:
            data["reviewedBy"] = people
    citations = []
    for source in display.sources(page):
        work: dict[str, Any] = {"@type": "CreativeWork", "name": source["title"]}
        if source["publisher"]:
            work["publisher"] = {"@type": "Organization", "name": source["publisher"]}
        if source["url"]:
            work["url"] = source["url"]
        citations.append(work)
    if citations:
        data["citation"] = citations
    return data
