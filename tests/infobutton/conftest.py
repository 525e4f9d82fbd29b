"""Fixtures for the EHR channel: tagged articles and Infobutton URLs."""

from urllib.parse import urlencode

from recurrence_content.coding.systems import ICD10CM, LOINC, RXNORM, SNOMED_CT
from recurrence_content.models import ClinicalCode
from tests.factories import translate  # noqa: F401  (re-exported for the tests here)

INFOBUTTON = "/recurrence-content/infobutton/"
OIDS = {
    "icd10cm": ICD10CM.oid,
    "snomed": SNOMED_CT.oid,
    "loinc": LOINC.oid,
    "rxnorm": RXNORM.oid,
}
URIS = {
    "icd10cm": ICD10CM.uri,
    "snomed": SNOMED_CT.uri,
    "loinc": LOINC.uri,
    "rxnorm": RXNORM.uri,
}


def infobutton_url(code: str, system: str = "icd10cm", **params) -> str:
    """A request shaped like MedlinePlus Connect's documented examples:
    code system first, then the code, then the optional parameters."""
    query = {
        "mainSearchCriteria.v.cs": OIDS.get(system, system),
        "mainSearchCriteria.v.c": code,
    }
    query.update(params)
    return f"{INFOBUTTON}?{urlencode(query)}"


def tag(page, *codes: tuple[str, str]):
    """Tag ``page`` with ``(system, code)`` pairs and publish it, as an editor
    does in the Clinical codes panel."""
    page = page.get_latest_revision_as_object()
    for system, code in codes:
        page.clinical_codes.add(ClinicalCode(system=URIS[system], code=code))
    page.save_revision().publish()
    page.refresh_from_db()
    return page.specific
