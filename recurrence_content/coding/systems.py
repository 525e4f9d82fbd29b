"""The four code systems an article may be tagged with: their canonical URI
(FHIR's, stored on each code), their HL7 OID (what Infobutton requests
send) and how a code of each is checked; and the other systems an
Infobutton request may name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import check_digits


@dataclass(frozen=True)
class CodeSystem:
    """One code system: its identifiers, its name and its check."""

    uri: str
    oid: str
    # schema.org's codingSystem, and what editors see.
    name: str
    # Returns the code normalised, or raises ValidationError saying what to fix.
    clean: Callable[[str], str]
    # ICD-10-CM codes sit under shorter ones (Z85.3 under Z85).
    hierarchical: bool = False


def _icd10cm(code: str) -> str:
    normalized = check_digits.normalize_icd10cm(code)
    if not check_digits.ICD10CM.match(normalized):
        raise ValidationError(
            _(
                "Not an ICD-10-CM code. Enter a category such as Z85 or a full "
                "code such as C50.911: a letter, two digits or letters, then "
                "up to four more after a dot."
            ),
            code="icd10cm_shape",
        )
    return normalized


def _snomed(code: str) -> str:
    code = code.strip()
    if not check_digits.SCTID.match(code):
        raise ValidationError(
            _(
                "Not a SNOMED CT identifier. Enter the concept's identifier: "
                "6 to 18 digits, such as 254837009."
            ),
            code="snomed_shape",
        )
    if code[-3:-1] not in check_digits.SCTID_CONCEPT_PARTITIONS:
        raise ValidationError(
            _(
                "This SNOMED CT identifier is not a concept's (it may be a "
                "description's or a relationship's). Enter the concept "
                "identifier, shown as the ‘SCTID’ of the concept."
            ),
            code="snomed_not_concept",
        )
    if not check_digits.verhoeff_valid(code):
        raise ValidationError(
            _(
                "The last digit of this SNOMED CT identifier is not its check "
                "digit, so a digit is mistyped. Copy the identifier again from "
                "the SNOMED CT browser."
            ),
            code="snomed_check_digit",
        )
    return code


def _loinc(code: str) -> str:
    code = code.strip()
    match = check_digits.LOINC.match(code)
    if not match:
        raise ValidationError(
            _(
                "Not a LOINC code. Enter up to five digits, a hyphen and the "
                "check digit, such as 2345-7."
            ),
            code="loinc_shape",
        )
    number, digit = match.groups()
    if check_digits.loinc_check_digit(number) != int(digit):
        raise ValidationError(
            _(
                "The check digit of this LOINC code is wrong, so a digit is "
                "mistyped. Copy the code again from loinc.org."
            ),
            code="loinc_check_digit",
        )
    return code


def _rxnorm(code: str) -> str:
    code = code.strip()
    if not check_digits.RXCUI.match(code):
        raise ValidationError(
            _("Not an RxNorm concept identifier (RXCUI). Enter its digits only."),
            code="rxnorm_shape",
        )
    return code


ICD10CM = CodeSystem(
    "http://hl7.org/fhir/sid/icd-10-cm",
    "2.16.840.1.113883.6.90",
    "ICD-10-CM",
    _icd10cm,
    hierarchical=True,
)
SNOMED_CT = CodeSystem(
    "http://snomed.info/sct", "2.16.840.1.113883.6.96", "SNOMED CT", _snomed
)
LOINC = CodeSystem("http://loinc.org", "2.16.840.1.113883.6.1", "LOINC", _loinc)
RXNORM = CodeSystem(
    "http://www.nlm.nih.gov/research/umls/rxnorm",
    "2.16.840.1.113883.6.88",
    "RxNorm",
    _rxnorm,
)
SYSTEMS: tuple[CodeSystem, ...] = (ICD10CM, SNOMED_CT, LOINC, RXNORM)


def _as_sent(code: str) -> str:
    return code.strip()


# Systems MedlinePlus Connect also answers for. Editors cannot tag articles
# with them, so a request in one finds nothing; it is never an error.
ICD9CM = CodeSystem(
    "http://hl7.org/fhir/sid/icd-9-cm", "2.16.840.1.113883.6.103", "ICD-9-CM", _as_sent
)
NDC = CodeSystem(
    "http://hl7.org/fhir/sid/ndc", "2.16.840.1.113883.6.69", "NDC", _as_sent
)
CPT = CodeSystem(
    "http://www.ama-assn.org/go/cpt", "2.16.840.1.113883.6.12", "CPT", _as_sent
)
REQUEST_ONLY_SYSTEMS: tuple[CodeSystem, ...] = (ICD9CM, NDC, CPT)
# An ISO object identifier (ITU-T X.660): arcs of digits, no leading zeros.
OID = re.compile(r"^[0-2](\.(0|[1-9][0-9]*))+$")


def system_for_uri(uri: str) -> CodeSystem | None:
    """The code system with this canonical URI, or None."""
    return next((system for system in SYSTEMS if system.uri == uri), None)


def system_for_oid(oid: str) -> CodeSystem | None:
    """The code system with this HL7 OID: one of ``SYSTEMS``, one of
    ``REQUEST_ONLY_SYSTEMS``, or any other OID's (named by its OID, as
    ``urn:oid:``); None when ``oid`` is not an OID."""
    known = next((s for s in SYSTEMS + REQUEST_ONLY_SYSTEMS if s.oid == oid), None)
    if known is not None:
        return known
    if not OID.fullmatch(oid):
        return None
    return CodeSystem(f"urn:oid:{oid}", oid, oid, _as_sent)


def coding_system_name(uri: str) -> str:
    """The code system's name for people (``ICD-10-CM``), else its URI."""
    system = system_for_uri(uri)
    return system.name if system else uri
