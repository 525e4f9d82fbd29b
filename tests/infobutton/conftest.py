"""Fixtures for the EHR channel: tagged articles and Infobutton URLs."""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from lxml import etree

from recurrence_content.coding.systems import ICD10CM, LOINC, RXNORM, SNOMED_CT
from recurrence_content.loading import load_article
from recurrence_content.loading.shipped_translations import apply_shipped_translations
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


SCHEMAS = Path(__file__).parent / "schemas"
# Where KnowledgeResponse.xsd imports the xml: attributes from; read from the
# copy beside it (see schemas/README.md), never from the network.
XML_XSD_URL = "http://www.w3.org/2001/03/xml.xsd"


class _LocalSchemas(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url == XML_XSD_URL:
            return self.resolve_filename(str(SCHEMAS / "xml.xsd"), context)
        return None


@pytest.fixture(scope="session")
def knowledge_response_schema() -> etree.XMLSchema:
    """HL7's KnowledgeResponse.xsd, as MedlinePlus Connect declares it."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalSchemas())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "KnowledgeResponse.xsd"), parser))


def schema_errors(schema: etree.XMLSchema, body: bytes) -> list[str]:
    """Every way ``body`` (as served) breaks ``schema``; [] when valid."""
    document = etree.fromstring(body, etree.XMLParser(no_network=True))
    schema.validate(document)
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


@pytest.fixture
def shipped_article(host_page, locales):
    """The shipped article and its shipped Spanish translation, tagged
    ICD-10-CM Z85 as the example site tags it."""
    english = load_article(parent=host_page, publish=True).page.specific
    english = tag(english, ("icd10cm", "Z85"))
    [spanish] = apply_shipped_translations(english, ["es"], publish=True)
    return english, spanish.page.specific
