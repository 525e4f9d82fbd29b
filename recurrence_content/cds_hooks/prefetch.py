"""What a ``patient-view`` request tells: the patient's active conditions'
codes and preferred language, read from the prefetched FHIR R4 resources
with fhir.resources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.patient import Patient
from pydantic import ValidationError

from ..coding import CodeSystem
from ..coding.systems import ICD10CM, SNOMED_CT

# The prefetch keys and templates the discovery document asks for. Active
# conditions are clinical status active, recurrence or relapse (FHIR R4).
PATIENT = "patient"
CONDITIONS = "conditions"
PREFETCH = {
    PATIENT: "Patient/{{context.patientId}}",
    CONDITIONS: "Condition?patient={{context.patientId}}"
    "&clinical-status=active,recurrence,relapse",
}
CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical"
ACTIVE = {"active", "recurrence", "relapse"}
VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
NOT_TRUE = {"refuted", "entered-in-error"}
# The code systems articles are matched on, by their FHIR URI.
MATCHED_SYSTEMS = {system.uri: system for system in (ICD10CM, SNOMED_CT)}
BCP_47 = "urn:ietf:bcp:47"


class BadPrefetch(Exception):
    """Prefetched data that is not what its template asks for; the 400 says why."""


class MissingPrefetch(Exception):
    """The conditions were not prefetched; the spec's answer is a 412."""


@dataclass(frozen=True)
class PatientView:
    """The patient's active conditions' codings (in the order the EHR sent
    them) and the language the patient prefers ("" when not said)."""

    codings: list[tuple[CodeSystem, str]]
    language: str


def read_prefetch(patient_id: str, prefetch: dict[str, Any] | None) -> PatientView:
    """The ``patient-view`` request's prefetch, read; BadPrefetch or
    MissingPrefetch when it cannot be."""
    prefetch = prefetch or {}
    if CONDITIONS not in prefetch:
        raise MissingPrefetch(
            f"Send the patient's active conditions as prefetch.{CONDITIONS} "
            f"(the template {PREFETCH[CONDITIONS]!r}); this service does not "
            "query the EHR's FHIR server."
        )
    language = ""
    if prefetch.get(PATIENT) is not None:
        patient = _parse(Patient, PATIENT, prefetch[PATIENT])
        if patient.id and patient.id != patient_id:
            raise BadPrefetch(
                f"prefetch.{PATIENT} is Patient/{patient.id}, not the patient "
                f"in context (Patient/{patient_id})."
            )
        language = preferred_language(patient)
    # null: the EHR has no data for the template (the spec's rule).
    if prefetch[CONDITIONS] is None:
        return PatientView([], language)
    bundle = _parse(Bundle, CONDITIONS, prefetch[CONDITIONS])
    codings = []
    for entry in bundle.entry or []:
        condition = entry.resource
        if isinstance(condition, Condition) and _is_active(condition, patient_id):
            codings += [
                (MATCHED_SYSTEMS[coding.system], coding.code)
                for coding in (condition.code.coding if condition.code else None) or []
                if coding.system in MATCHED_SYSTEMS and coding.code
            ]
    return PatientView(codings, language)


def _parse(model, key: str, data: Any):
    if not isinstance(data, dict):
        raise BadPrefetch(
            f"prefetch.{key} must be a FHIR R4 {model.__name__} (a JSON object) "
            "or null."
        )
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BadPrefetch(
            f"prefetch.{key} is not a valid FHIR R4 {model.__name__}: "
            f"{where}: {first['msg']}"
        ) from None


def _is_active(condition: Condition, patient_id: str) -> bool:
    """Active, not refuted or entered in error, and about this patient (a
    Condition of another patient is never matched)."""
    reference = condition.subject.reference or ""
    if reference != f"Patient/{patient_id}" and not reference.endswith(
        f"/Patient/{patient_id}"
    ):
        return False
    return _has_code(condition.clinicalStatus, CLINICAL_STATUS, ACTIVE) and not (
        _has_code(condition.verificationStatus, VERIFICATION_STATUS, NOT_TRUE)
    )


def _has_code(concept, system: str, codes: set[str]) -> bool:
    return any(
        coding.system == system and coding.code in codes
        for coding in (concept.coding if concept else None) or []
    )


def preferred_language(patient: Patient) -> str:
    """The BCP 47 tag of the patient's preferred language; of their only
    language when none is marked preferred; else ""."""
    communications = patient.communication or []
    preferred = [c for c in communications if c.preferred]
    chosen = preferred or (communications if len(communications) == 1 else [])
    for communication in chosen[:1]:
        for coding in communication.language.coding or []:
            if coding.code and coding.system in (None, BCP_47):
                return coding.code
    return ""
