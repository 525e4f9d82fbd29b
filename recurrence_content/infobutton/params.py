"""The Infobutton request's parameters, read as MedlinePlus Connect reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail.coreutils import get_content_languages

from ..coding import SYSTEMS, CodeSystem, system_for_oid

CODE = "mainSearchCriteria.v.c"
CODE_SYSTEM = "mainSearchCriteria.v.cs"
DISPLAY_NAME = "mainSearchCriteria.v.dn"
LANGUAGE = "informationRecipient.languageCode.c"
RESPONSE_TYPE = "knowledgeResponseType"
CALLBACK = "callback"

XML = "text/xml"
JSON = "application/json"
JSONP = "application/javascript"
RESPONSE_TYPES = (XML, JSON, JSONP)

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# A JavaScript name or dotted path, nothing a browser could run otherwise.
CALLBACK_NAME = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$")
MAX_CALLBACK_LENGTH = 100


class BadParameter(Exception):
    """A parameter an EHR must fix; the 400 names it."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class InfobuttonQuery:
    """What an EHR asked for."""

    system: CodeSystem
    # The code as sent, and normalised (None when it cannot be a code of
    # the system: nothing can match it).
    requested_code: str
    code: str | None
    display_name: str
    # A language of the site, or None when the site has not the requested one.
    language: str | None
    requested_language: str
    response_type: str
    callback: str


def parse_query(
    code: str | None,
    code_system: str | None,
    display_name: str | None = None,
    language: str | None = None,
    response_type: str | None = None,
    callback: str | None = None,
) -> InfobuttonQuery:
    """The request, or BadParameter naming the parameter to fix."""
    if not code or not code.strip():
        raise BadParameter(
            CODE, f"Give the code to look up, e.g. {CODE}=Z85.3 (ICD-10-CM)."
        )
    supported = ", ".join(f"{s.oid} ({s.name})" for s in SYSTEMS)
    if not code_system or not code_system.strip():
        raise BadParameter(
            CODE_SYSTEM,
            f"Give the code system of {CODE} as its HL7 OID; one of: {supported}.",
        )
    # Values are taken as sent (no trimming), as the OpenAPI document says.
    system = system_for_oid(code_system)
    if system is None:
        raise BadParameter(
            CODE_SYSTEM,
            f"Code system {code_system!r} is not supported; use one of: {supported}.",
        )
    response_type = XML if response_type is None else response_type
    if response_type not in RESPONSE_TYPES:
        raise BadParameter(
            RESPONSE_TYPE, f"Use one of: {', '.join(RESPONSE_TYPES)} (the default)."
        )
    # Checked whenever sent, so a bad name is caught before JSONP is chosen.
    if (callback is not None or response_type == JSONP) and not (
        callback
        and len(callback) <= MAX_CALLBACK_LENGTH
        and CALLBACK_NAME.fullmatch(callback)
    ):
        raise BadParameter(
            CALLBACK,
            f"Give a JavaScript function name such as handleInfobutton (letters, "
            f"digits, _ and $, dots between names, at most {MAX_CALLBACK_LENGTH} "
            f"characters); {JSONP} needs one.",
        )
    requested_language = language or ""
    if language is not None and not LANGUAGE_TAG.fullmatch(language):
        raise BadParameter(
            LANGUAGE, "Give a language code such as en or es (ISO 639, BCP 47)."
        )
    return InfobuttonQuery(
        system=system,
        requested_code=code.strip(),
        code=_clean_code(system, code),
        display_name=(display_name or "").strip(),
        language=site_language(requested_language),
        requested_language=requested_language,
        response_type=response_type,
        callback=callback if response_type == JSONP else "",
    )


def _clean_code(system: CodeSystem, code: str) -> str | None:
    # A code that cannot exist matches nothing: an empty feed, as
    # MedlinePlus Connect answers unknown codes, never an error.
    try:
        return system.clean(code)
    except ValidationError:
        return None


def site_language(tag: str) -> str | None:
    """The site's content language for a requested tag (``es-MX`` → ``es``),
    or None when the site has none such."""
    if not tag:
        return None
    languages = [code for code, _name in get_content_languages().items()]
    wanted = tag.lower()
    for candidate in (wanted, wanted.split("-")[0]):
        for code in languages:
            if code.lower() == candidate:
                return code
    return None
