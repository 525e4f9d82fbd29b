"""The CDS Hooks 2.0 field rules, written once as JSON Schemas, to check the
service's requests and responses.

HL7 publishes no JSON Schemas for CDS Hooks 2.0 (the cds-hooks/cds-validator
schemas are for a pre-1.0 draft, with ``detail`` required and ``hard-stop``),
so these are the tables of the specification (https://cds-hooks.hl7.org/2.0/:
Discovery, Calling a CDS Service, CDS Service Response, Card Attributes,
Source, Link) as JSON Schema. The spec's "SHALL NOT be null or empty" is
``minLength``/``minItems``/``minProperties`` on every field it applies to.
"""

from jsonschema import Draft202012Validator

TEXT = {"type": "string", "minLength": 1}
URL = {"type": "string", "pattern": r"^https?://\S+$"}

DISCOVERY = {
    "type": "object",
    "required": ["services"],
    "properties": {
        "services": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["hook", "description", "id"],
                "properties": {
                    "hook": TEXT,
                    "title": TEXT,
                    "description": TEXT,
                    "id": TEXT,
                    "prefetch": {
                        "type": "object",
                        "minProperties": 1,
                        "additionalProperties": TEXT,
                    },
                    "usageRequirements": TEXT,
                },
            },
        }
    },
}

REQUEST = {
    "type": "object",
    "required": ["hook", "hookInstance", "context"],
    "properties": {
        "hook": TEXT,
        "hookInstance": TEXT,
        "fhirServer": URL,
        "fhirAuthorization": {
            "type": "object",
            "required": [
                "access_token",
                "token_type",
                "expires_in",
                "scope",
                "subject",
            ],
            "properties": {"token_type": {"const": "Bearer"}},
        },
        "context": {
            "type": "object",
            # patient-view's context (the hook library's table).
            "required": ["userId", "patientId"],
            "properties": {"userId": TEXT, "patientId": TEXT, "encounterId": TEXT},
        },
        "prefetch": {"type": "object"},
    },
    # "If fhirAuthorization is provided, [fhirServer] is REQUIRED."
    "dependentRequired": {"fhirAuthorization": ["fhirServer"]},
}

CODING = {
    "type": "object",
    "required": ["code", "system"],
    "properties": {"code": TEXT, "system": TEXT, "display": TEXT},
}

RESPONSE = {
    "type": "object",
    "required": ["cards"],
    "properties": {
        "cards": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["summary", "indicator", "source"],
                "properties": {
                    "uuid": TEXT,
                    # "One-sentence, <140-character summary message".
                    "summary": {"type": "string", "minLength": 1, "maxLength": 139},
                    "detail": TEXT,
                    "indicator": {"enum": ["info", "warning", "critical"]},
                    "source": {
                        "type": "object",
                        "required": ["label"],
                        "properties": {
                            "label": TEXT,
                            "url": URL,
                            "icon": URL,
                            "topic": CODING,
                        },
                    },
                    "suggestions": {"type": "array", "minItems": 1},
                    "selectionBehavior": {"enum": ["at-most-one", "any"]},
                    "overrideReasons": {"type": "array", "minItems": 1},
                    "links": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["label", "url", "type"],
                            "properties": {
                                "label": TEXT,
                                "url": URL,
                                "type": {"enum": ["absolute", "smart"]},
                                "appContext": TEXT,
                            },
                            # appContext "is not valid for absolute links".
                            "if": {"properties": {"type": {"const": "absolute"}}},
                            "then": {"not": {"required": ["appContext"]}},
                        },
                    },
                },
                # "If suggestions are present, selectionBehavior MUST also be provided."
                "dependentRequired": {"suggestions": ["selectionBehavior"]},
            },
        },
        "systemActions": {"type": "array", "minItems": 1},
    },
}


def _no_nulls(value, path="$") -> list[str]:
    """JSON elements SHALL NOT be null (the spec's "Use of JSON")."""
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _no_nulls(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _no_nulls(v, f"{path}[{i}]")]
    return []


def assert_follows_spec(schema: dict, document: dict) -> None:
    """Fail with every rule of ``schema`` that ``document`` breaks."""
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}"
        for e in Draft202012Validator(schema).iter_errors(document)
    ]
    # A prefetch value may be null (no data for its template): the one
    # place the spec allows it.
    checked = {k: v for k, v in document.items() if k != "prefetch"}
    errors += [f"{path}: null" for path in _no_nulls(checked)]
    assert errors == []
