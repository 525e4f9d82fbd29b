"""Fixtures for CDS Hooks: the EHR's signing key, its signed calls, and the
specification's own example request."""

from __future__ import annotations

import copy
import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

BASE = "/recurrence-content"
DISCOVERY = f"{BASE}/cds-services"
SERVICE = f"{DISCOVERY}/patient-education"
ISSUER = "https://fhir-ehr.example.com/"
KID = "ehr-key-1"

# The specification's example call (https://cds-hooks.hl7.org/2.0/, "Calling
# a CDS Service"), with this service's prefetch keys: the spec's example
# Patient, and a searchset Bundle of Conditions as in its "Example prefetch
# data" (a Condition from FHIR R4's example, coded in SNOMED CT and ICD-10-CM).
SPEC_EXAMPLE = {
    "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    "fhirServer": "http://hooks.smarthealthit.org:9080",
    "hook": "patient-view",
    "fhirAuthorization": {
        "access_token": "some-opaque-fhir-access-token",
        "token_type": "Bearer",
        "expires_in": 300,
        "scope": "patient/Patient.read patient/Observation.read",
        "subject": "cds-service4",
    },
    "context": {
        "userId": "Practitioner/example",
        "patientId": "1288992",
        "encounterId": "89284",
    },
    "prefetch": {
        "patient": {
            "resourceType": "Patient",
            "gender": "male",
            "birthDate": "1925-12-23",
            "id": "1288992",
            "active": True,
        },
        "conditions": {
            "resourceType": "Bundle",
            "type": "searchset",
            "entry": [],
        },
    },
}


def condition(
    *codings: tuple[str, str],
    status: str = "active",
    verification: str = "confirmed",
    patient: str = "1288992",
) -> dict:
    """A FHIR R4 Condition of ``patient`` coded with ``(system URI, code)``."""
    return {
        "resource": {
            "resourceType": "Condition",
            "clinicalStatus": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "code": status,
                    }
                ]
            },
            "verificationStatus": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        "code": verification,
                    }
                ]
            },
            "code": {
                "coding": [{"system": system, "code": code} for system, code in codings]
            },
            "subject": {"reference": f"Patient/{patient}"},
        }
    }


SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"


def hook_request(*conditions: dict, language: str | None = None) -> dict:
    """The spec's example call, for a patient with ``conditions``, who
    prefers ``language`` (a BCP 47 tag) when given."""
    body = copy.deepcopy(SPEC_EXAMPLE)
    body["prefetch"]["conditions"]["entry"] = list(conditions)
    if language:
        body["prefetch"]["patient"]["communication"] = [
            {
                "language": {
                    "coding": [{"system": "urn:ietf:bcp:47", "code": language}]
                },
                "preferred": True,
            }
        ]
    return body


class EHR:
    """An EHR that signs each call with its own RSA key, as the spec asks."""

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        self.jwks = {"keys": [{**public, "kid": KID, "use": "sig", "alg": "RS384"}]}

    def token(self, audience: str, *, key=None, kid: str = KID, **claims) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "aud": audience,
            "exp": now + 300,
            "iat": now,
            "jti": str(uuid.uuid4()),
            **claims,
        }
        payload = {name: value for name, value in payload.items() if value is not None}
        return jwt.encode(
            payload, key or self.key, algorithm="RS384", headers={"kid": kid}
        )

    def headers(self, path: str, host: str = "http://testserver", **claims) -> dict:
        return {"Authorization": f"Bearer {self.token(host + path, **claims)}"}

    def call(self, client, body, **claims):
        """POST ``body`` (a dict, or raw text) to the service, signed."""
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return client.post(
            SERVICE,
            data,
            content_type="application/json",
            headers=self.headers(SERVICE, **claims),
        )

    def discover(self, client, **claims):
        return client.get(DISCOVERY, headers=self.headers(DISCOVERY, **claims))


@pytest.fixture(scope="session")
def ehr_keys():
    # One key for the session: RSA generation takes a noticeable moment.
    return EHR()


@pytest.fixture
def ehr(ehr_keys, settings):
    """The EHR, its JWK Set given to the site out of band."""
    settings.RECURRENCE_CONTENT_CDS_HOOKS_JWKS = ehr_keys.jwks
    return ehr_keys


@pytest.fixture
def jwks_server(ehr_keys):
    """The EHR's JWK Set at a URL, served by a real HTTP server; counts requests."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            server.requests += 1
            body = json.dumps(ehr_keys.jwks).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    # Port 0: any free port (JWKS_TEST_PORT pins one where ports are shared).
    port = int(os.environ.get("JWKS_TEST_PORT", "0"))
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.requests = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # A URL of its own: the site keeps each URL's keys for a while.
    server.url = f"http://127.0.0.1:{server.server_port}/{uuid.uuid4()}/jwks.json"
    yield server
    server.shutdown()
    server.server_close()
