"""The Infobutton request's parameters, read as EHRs send them.

EHRs fill URL templates written for MedlinePlus Connect, so values come
blank, padded, in other spellings (``urn:oid:`` code systems, ``es_MX``,
``spa``, ``TEXT/XML``, ``application/json;charset=utf-8``): all are read as
MedlinePlus Connect reads them. Only what cannot be understood is a 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import langcodes
from django.core.exceptions import ValidationError
from django.http import QueryDict
from wagtail.coreutils import get_content_languages

from ..coding import SYSTEMS, CodeSystem, system_for_oid

CODE = "mainSearchCriteria.v.c"
CODE_SYSTEM = "mainSearchCriteria.v.cs"
DISPLAY_NAME = "mainSearchCriteria.v.dn"
LANGUAGE = "informationRecipient.languageCode.c"
RECIPIENT = "informationRecipient"
RESPONSE_TYPE = "knowledgeResponseType"
CALLBACK = "callback"
NAMES = (CODE, CODE_SYSTEM, DISPLAY_NAME, LANGUAGE, RECIPIENT, RESPONSE_TYPE, CALLBACK)

XML = "text/xml"
ATOM = "application/atom+xml"
JSON = "application/json"
JSONP = "application/javascript"
HTML = "text/html"
RESPONSE_TYPES = (XML, ATOM, JSON, JSONP, HTML)

# The whitespace a value may be padded with; the same characters in the
# patterns the OpenAPI document gives (``patterns()``), so the two agree.
SPACE = " \t\r\n"
PADDING = "[ \t\r\n]*"


def _any_case(text: str) -> str:
    """A pattern matching ``text`` in any case (JSON Schema patterns have no
    case-insensitive flag)."""
    return "".join(
        f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in text
    )


# A code system: an OID, as ``urn:oid:`` or not.
CODE_SYSTEM_VALUE = re.compile(
    rf"^{PADDING}(?:{_any_case('urn:oid:')})?{PADDING}([0-2](?:\.(?:0|[1-9][0-9]*))+){PADDING}$"
)
# A response type in any case, with or without media type parameters.
RESPONSE_TYPE_VALUE = re.compile(
    rf"^{PADDING}({'|'.join(_any_case(kind) for kind in RESPONSE_TYPES)})"
    rf"{PADDING}(?:;.*)?$"
)
# The one response type that needs a callback.
JSONP_VALUE = re.compile(rf"^{PADDING}{_any_case(JSONP)}{PADDING}(?:;.*)?$")
# A language tag as sent: ``es``, ``spa``, ``es-MX`` or ``es_MX``.
LANGUAGE_TAG = re.compile(
    rf"^{PADDING}([A-Za-z]{{2,3}}(?:[-_][A-Za-z0-9]{{1,8}})*){PADDING}$"
)
# A JavaScript name or dotted path, nothing a browser could run otherwise.
CALLBACK_NAME = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$")
MAX_CALLBACK_LENGTH = 100
# Control characters but the padding's: in no parameter (the OpenAPI document
# says so with ``not``).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What each parameter may be, for the OpenAPI document; blank counts as absent.
BLANK = f"^{PADDING}$"
PATTERNS = {
    CODE: "[^ \t\r\n]",
    CODE_SYSTEM: CODE_SYSTEM_VALUE.pattern,
    LANGUAGE: f"{BLANK}|{LANGUAGE_TAG.pattern}",
    RESPONSE_TYPE: f"{BLANK}|{RESPONSE_TYPE_VALUE.pattern}",
    CALLBACK: f"{BLANK}|{CALLBACK_NAME.pattern}",
}
# HL7's informationRecipient when none is sent: the patient.
PATIENT = "PAT"


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
    # The code as sent (trimmed), and normalised (None when it cannot be a
    # code of the system: nothing can match it).
    requested_code: str
    code: str | None
    display_name: str
    # A language of the site, or None when the site has not the requested one.
    language: str | None
    # The requested language as a BCP 47 tag (``spa`` → ``es``), or "".
    requested_language: str
    recipient: str
    response_type: str
    callback: str

    def cache_parts(self) -> list[str]:
        """What the cached feed depends on (a POST's form is not in the URL)."""
        return [
            self.system.oid,
            self.requested_code,
            self.display_name,
            self.requested_language,
            self.recipient,
        ]


def parse_query(values: QueryDict) -> InfobuttonQuery:
    """The request (``request.GET`` or a form-encoded ``request.POST``), or
    BadParameter naming the parameter to fix."""
    # A callback is a name, taken exactly as sent; the rest trimmed.
    sent = {name: _value(values, name, strip=name != CALLBACK) for name in NAMES}
    code = sent[CODE]
    if code is None:
        raise BadParameter(
            CODE, f"Give the code to look up, e.g. {CODE}=Z85.3 (ICD-10-CM)."
        )
    system = _system(sent[CODE_SYSTEM])
    response_type = _response_type(sent[RESPONSE_TYPE])
    callback = sent[CALLBACK]
    # Checked whenever sent, so a bad name is caught before JSONP is chosen.
    # Checked as the OpenAPI document's pattern is (a search), so the two agree.
    if (callback is not None or response_type == JSONP) and not (
        callback
        and len(callback) <= MAX_CALLBACK_LENGTH
        and re.search(CALLBACK_NAME, callback)
    ):
        raise BadParameter(
            CALLBACK,
            f"Give a JavaScript function name such as handleInfobutton (letters, "
            f"digits, _ and $, dots between names, at most {MAX_CALLBACK_LENGTH} "
            f"characters); {JSONP} needs one.",
        )
    requested_language = _language_tag(sent[LANGUAGE])
    return InfobuttonQuery(
        system=system,
        requested_code=code,
        code=_clean_code(system, code),
        display_name=sent[DISPLAY_NAME] or "",
        language=site_language(requested_language),
        requested_language=requested_language,
        recipient=sent[RECIPIENT] or PATIENT,
        response_type=response_type,
        callback=callback.strip(SPACE) if response_type == JSONP else "",
    )


def _value(values: QueryDict, name: str, strip: bool = True) -> str | None:
    """The parameter trimmed; None when absent or blank (URL templates send
    ``name=`` for an empty field). Sent twice with different values, it is
    refused rather than one silently chosen."""
    sent = [v.strip(SPACE) if strip else v for v in values.getlist(name)]
    for value in sent:
        # A database cannot store or compare NUL, nor XML hold most control
        # characters, and no code, language or name has one: refused, never
        # a server error.
        if CONTROL_CHARACTER.search(value):
            raise BadParameter(
                name, f"{name} contains control characters; send it without them."
            )
    different = [v for v in dict.fromkeys(sent) if v.strip(SPACE)]
    if len(different) > 1:
        advice = "send one request per code" if name.startswith("main") else ""
        raise BadParameter(
            name,
            f"{name} was sent {len(different)} times with different values "
            f"({', '.join(repr(v) for v in different[:3])}); give it once"
            + (f": {advice}." if advice else "."),
        )
    return different[0] if different else None


def _system(value: str | None) -> CodeSystem:
    supported = ", ".join(f"{s.oid} ({s.name})" for s in SYSTEMS)
    if value is None:
        raise BadParameter(
            CODE_SYSTEM,
            f"Give the code system of {CODE} as its HL7 OID; articles are "
            f"tagged in: {supported}.",
        )
    match = CODE_SYSTEM_VALUE.fullmatch(value)
    system = system_for_oid(match.group(1)) if match else None
    if system is None:
        raise BadParameter(
            CODE_SYSTEM,
            f"{value!r} is not an OID. Give the code system's HL7 OID (e.g. "
            f"2.16.840.1.113883.6.90 or urn:oid:2.16.840.1.113883.6.90); "
            f"articles are tagged in: {supported}.",
        )
    return system


def _response_type(value: str | None) -> str:
    if value is None:
        return XML
    # A media type's parameters (";charset=utf-8") do not change the form.
    match = RESPONSE_TYPE_VALUE.fullmatch(value)
    if match is None:
        raise BadParameter(
            RESPONSE_TYPE,
            f"Use one of: {', '.join(RESPONSE_TYPES)} ({XML}, "
            "the default, and application/atom+xml are both Atom).",
        )
    return match.group(1).lower()


def _language_tag(value: str | None) -> str:
    """``es_MX`` → ``es-MX``, ``spa`` → ``es``: the tag in BCP 47's shortest
    form, as the site's languages are named."""
    if value is None:
        return ""
    match = LANGUAGE_TAG.fullmatch(value)
    if match is None:
        raise BadParameter(
            LANGUAGE,
            "Give a language code such as es, es-MX, es_MX or spa "
            "(ISO 639-1 or 639-2, BCP 47).",
        )
    return _standard(match.group(1).replace("_", "-"))


def _standard(tag: str) -> str:
    # A tag langcodes cannot read (an unknown region) is kept as sent: its
    # language may still be one of the site's.
    try:
        return langcodes.standardize_tag(tag)
    except ValueError:
        return tag


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
    languages = list(get_content_languages())
    wanted = tag.lower()
    for candidate in (wanted, _standard(wanted.split("-")[0])):
        for code in languages:
            if code.lower() == candidate:
                return code
    return None
