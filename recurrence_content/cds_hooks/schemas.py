"""The service's requests and responses as CDS Hooks 2.0 defines them, for
django-ninja (request checking) and the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field


class _Open(Schema):
    # The spec lets clients add fields (and reserves ``extension``).
    model_config = ConfigDict(extra="allow")


class CdsService(Schema):
    """One CDS Service, as the discovery endpoint lists it."""

    hook: str
    title: str
    description: str
    id: str
    prefetch: dict[str, str]


class CdsDiscovery(Schema):
    """The discovery response: the services this site offers."""

    services: list[CdsService]


class CdsPatientViewContext(_Open):
    """The ``patient-view`` hook's context."""

    userId: str = Field(min_length=1, description="e.g. `Practitioner/123`.")
    patientId: str = Field(min_length=1, description="The FHIR id of the patient.")
    encounterId: str | None = None


class CdsHookRequest(_Open):
    """A CDS Hooks call. ``prefetch`` holds the FHIR R4 resources the
    discovery document's templates ask for (a value is null when the EHR has
    no data for it)."""

    hook: Literal["patient-view"]
    hookInstance: str = Field(min_length=1)
    fhirServer: str | None = None
    fhirAuthorization: dict[str, Any] | None = None
    context: CdsPatientViewContext
    prefetch: dict[str, Any] | None = Field(
        None,
        description="`patient`: a FHIR R4 Patient; `conditions`: a FHIR R4 "
        "searchset Bundle of the patient's Conditions (without it: 412). A "
        "value is null when the EHR has no data for it.",
    )


class CdsSource(Schema):
    """The hospital that publishes the article."""

    label: str
    url: str | None = None


class CdsLink(Schema):
    """The article, on this site, in the language it is given in."""

    label: str
    url: str
    type: Literal["absolute"]


class CdsCard(Schema):
    """One article for one of the patient's conditions."""

    summary: str = Field(max_length=139)
    indicator: Literal["info"]
    source: CdsSource
    links: list[CdsLink]


class CdsCards(Schema):
    """The service's answer; no cards when no article matches."""

    cards: list[CdsCard]


class CdsProblem(Schema):
    """Why a request was refused."""

    detail: str
