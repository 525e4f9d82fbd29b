"""Every call carries the EHR's signed JWT (CDS Hooks, "Trusting CDS
Clients"); real RSA keys, real tokens, a JWK Set from a real HTTP server."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from django.core.checks import run_checks

from tests.cds_hooks.conftest import DISCOVERY, ISSUER, SERVICE, hook_request

pytestmark = pytest.mark.django_db


def refused(response, reason: str) -> None:
    assert response.status_code == 401, response.content
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert reason in response.json()["detail"]


def test_a_signed_call_is_answered(ehr, client):
    assert ehr.discover(client).status_code == 200
    assert ehr.call(client, hook_request()).status_code == 200


@pytest.mark.parametrize("path", [DISCOVERY, SERVICE])
def test_a_call_without_a_token_is_refused(ehr, client, path):
    response = client.generic(
        "GET" if path == DISCOVERY else "POST",
        path,
        "{}",
        content_type="application/json",
    )
    refused(response, "Authorization: Bearer <JWT>")


def test_a_token_signed_by_another_key_is_refused(ehr, client):
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    refused(ehr.discover(client, key=stranger), "Signature verification failed")


def test_a_key_not_in_the_set_is_refused(ehr, client):
    refused(ehr.discover(client, kid="unknown-kid"), "No key 'unknown-kid'")


def test_the_audience_must_be_the_endpoint_called(ehr, client):
    # A token for discovery cannot be replayed against the service.
    token = ehr.token("http://testserver" + DISCOVERY)
    response = client.post(
        SERVICE,
        hook_request(),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    refused(response, "Audience doesn't match")


def test_an_expired_token_is_refused(ehr, client):
    long_ago = int(time.time()) - 3600
    refused(ehr.discover(client, iat=long_ago, exp=long_ago + 300), "expired")


@pytest.mark.parametrize("claim", ["iss", "exp", "iat", "jti"])
def test_the_specs_required_claims_are_required(ehr, client, claim):
    refused(ehr.discover(client, **{claim: None}), f'"{claim}"')


def test_a_token_is_used_once(ehr, client):
    headers = ehr.headers(DISCOVERY)

    assert client.get(DISCOVERY, headers=headers).status_code == 200
    refused(client.get(DISCOVERY, headers=headers), "used before")


def test_symmetric_and_unsigned_tokens_are_refused(ehr, client):
    # The spec: "SHALL NOT be signed using any symmetric algorithm", nor "none".
    claims = {
        "iss": ISSUER,
        "aud": "http://testserver" + DISCOVERY,
        "exp": int(time.time()) + 300,
        "iat": int(time.time()),
        "jti": "x",
    }
    for algorithm, key in (
        ("HS256", "a-shared-secret-of-32-bytes-long!"),
        ("none", None),
    ):
        token = jwt.encode(
            claims, key, algorithm=algorithm, headers={"kid": "ehr-key-1"}
        )
        response = client.get(DISCOVERY, headers={"Authorization": f"Bearer {token}"})
        refused(response, "asymmetric algorithm")


def test_garbage_is_refused(ehr, client):
    response = client.get(DISCOVERY, headers={"Authorization": "Bearer not-a-jwt"})
    refused(response, "not accepted")


def test_an_ec_key_the_spec_recommends_is_accepted(ehr, client, settings):
    key = ec.generate_private_key(ec.SECP384R1())
    public = jwt.algorithms.ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
    settings.RECURRENCE_CONTENT_CDS_HOOKS_JWKS = {"keys": [{**public, "kid": "ec-1"}]}
    now = int(time.time())
    token = jwt.encode(
        {
            "iss": ISSUER,
            "aud": "http://testserver" + DISCOVERY,
            "exp": now + 300,
            "iat": now,
            "jti": "ec-token",
        },
        key,
        algorithm="ES384",
        headers={"kid": "ec-1", "jku": "https://fhir-ehr.example.com/jwk_uri"},
    )

    response = client.get(DISCOVERY, headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200


def test_only_the_configured_issuers(ehr, client, settings):
    settings.RECURRENCE_CONTENT_CDS_HOOKS_ISSUERS = ["https://other-ehr.example.org/"]
    refused(ehr.discover(client), "Invalid issuer")

    settings.RECURRENCE_CONTENT_CDS_HOOKS_ISSUERS = [ISSUER]
    assert ehr.discover(client).status_code == 200


def test_the_jwks_is_read_from_the_ehrs_url(ehr_keys, client, settings, jwks_server):
    settings.RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL = jwks_server.url

    assert ehr_keys.discover(client).status_code == 200
    assert ehr_keys.call(client, hook_request()).status_code == 200
    # Fetched once, then kept.
    assert jwks_server.requests == 1
    refused(ehr_keys.discover(client, kid="rotated-away"), "No key 'rotated-away'")


def test_an_unreachable_jwks_url_is_a_401_saying_so(ehr_keys, client, settings):
    settings.RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL = "http://127.0.0.1:9/jwks.json"

    refused(ehr_keys.discover(client), "could not be read")


def test_without_a_key_every_call_is_refused_and_check_says_so(client, ehr_keys):
    refused(ehr_keys.discover(client), "not configured")

    [message] = [m for m in run_checks() if m.id.startswith("recurrence_content_cds")]
    assert message.id == "recurrence_content_cds_hooks.W002"
    assert "RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL" in message.hint


def test_verification_off_answers_anyone_and_check_warns_loudly(client, settings):
    settings.RECURRENCE_CONTENT_CDS_HOOKS_VERIFY_JWT = False

    assert client.get(DISCOVERY).status_code == 200
    [message] = [m for m in run_checks() if m.id.startswith("recurrence_content_cds")]
    assert message.id == "recurrence_content_cds_hooks.W001"
    assert "NOT AUTHENTICATED" in message.msg
    assert "only to try the service locally" in message.msg


def test_a_configured_key_passes_the_check(ehr):
    assert [m for m in run_checks() if m.id.startswith("recurrence_content_cds")] == []


def test_a_cache_outage_skips_only_the_replay_check(ehr, client, settings, caplog):
    # The default cache is a Redis server that is down (nothing listens).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:8123/0",
            "OPTIONS": {"socket_connect_timeout": 0.25},
        }
    }

    assert ehr.discover(client).status_code == 200
    assert "jti not checked, the cache failed" in caplog.text
    # The signature is still checked.
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    refused(ehr.discover(client, key=stranger), "Signature verification failed")
