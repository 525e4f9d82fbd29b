"""The EHR's JWT, checked on every request as the CDS Hooks spec asks
("Trusting CDS Clients"): signed with an asymmetric key from the EHR's JWK
Set, addressed to the endpoint called, not expired and not used before.

PyJWT does the verification; this module chooses the key and the rules.
"""

from __future__ import annotations

import logging
import time

import jwt
from django.core.cache import caches
from ninja.errors import AuthenticationError
from ninja.security import HttpBearer

from ..conf import get_setting

logger = logging.getLogger("recurrence_content.cds_hooks")

# The spec forbids "none" and symmetric (HMAC) algorithms.
ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"] + [
    "ES256",
    "ES384",
    "ES512",
]
REQUIRED_CLAIMS = ["iss", "aud", "exp", "iat", "jti"]
# Clocks of the EHR and the site may differ by this many seconds.
LEEWAY = 30
# A JWK Set fetched from the EHR is kept this long (seconds).
JWKS_LIFESPAN = 300


def verification_configured() -> bool:
    """Whether there is a key to verify tokens with."""
    return bool(get_setting("CDS_HOOKS_JWKS_URL") or get_setting("CDS_HOOKS_JWKS"))


class Refused(AuthenticationError):
    """A 401 that says what is wrong with the token."""

    def __init__(self, message: str):
        super().__init__(401, message)


_clients: dict[str, jwt.PyJWKClient] = {}


def _signing_key(token: str) -> jwt.PyJWK:
    header = jwt.get_unverified_header(token)
    if header.get("alg") not in ALGORITHMS:
        raise Refused(
            f"The token is signed with {header.get('alg')!r}; CDS Hooks needs an "
            f"asymmetric algorithm, one of {', '.join(ALGORITHMS)}."
        )
    if not header.get("kid"):
        raise Refused("The token's header has no kid (the key's id in the JWK Set).")
    url = get_setting("CDS_HOOKS_JWKS_URL")
    if url:
        # One client per URL: it keeps the fetched keys between requests.
        client = _clients.get(url) or _clients.setdefault(
            url, jwt.PyJWKClient(url, lifespan=JWKS_LIFESPAN, timeout=5)
        )
        try:
            return client.get_signing_key(header["kid"])
        except jwt.PyJWKClientConnectionError as error:
            raise Refused(f"The EHR's JWK Set could not be read: {error}") from None
        except jwt.PyJWKClientError:
            raise Refused(
                f"No key {header['kid']!r} in the EHR's JWK Set at {url}."
            ) from None
    try:
        return jwt.PyJWKSet.from_dict(get_setting("CDS_HOOKS_JWKS"))[header["kid"]]
    except KeyError:
        raise Refused(
            f"No key {header['kid']!r} in RECURRENCE_CONTENT_CDS_HOOKS_JWKS."
        ) from None


def verify_token(request, token: str) -> dict:
    """The token's claims, or Refused saying why it is not accepted."""
    if not verification_configured():
        raise Refused(
            "CDS Hooks authentication is not configured on this site: set "
            "RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL (see docs/ehr.md)."
        )
    try:
        key = _signing_key(token)
        claims = jwt.decode(
            token,
            key=key,
            algorithms=ALGORITHMS,
            # The spec: aud is the URL of the endpoint being called.
            audience=request.build_absolute_uri(request.path),
            issuer=get_setting("CDS_HOOKS_ISSUERS") or None,
            leeway=LEEWAY,
            options={"require": REQUIRED_CLAIMS},
        )
    except jwt.InvalidTokenError as error:
        raise Refused(f"The token is not accepted: {error}.") from None
    _refuse_replay(claims)
    return claims


def _refuse_replay(claims: dict) -> None:
    """Each token once (its ``jti``), until it expires."""
    lifetime = max(int(claims["exp"] - time.time()) + LEEWAY, 1)
    key = f"recurrence_content:cds_hooks:jti:{claims['iss']}:{claims['jti']}"
    try:
        fresh = caches["default"].add(key, True, timeout=lifetime)
    except Exception as error:
        # A cache outage must not turn the EHR away: the signature, audience
        # and expiry were checked; only the replay check is skipped.
        logger.warning("CDS Hooks: jti not checked, the cache failed: %s", error)
        return
    if not fresh:
        raise Refused("The token was used before; sign a new one for each request.")


class CdsHooksJWT(HttpBearer):
    """``Authorization: Bearer <JWT>`` from the EHR, per the CDS Hooks spec;
    nothing when RECURRENCE_CONTENT_CDS_HOOKS_VERIFY_JWT is off (local tests)."""

    openapi_bearerFormat = "JWT"  # django-ninja reads openapi_* attributes

    def __call__(self, request):
        if not get_setting("CDS_HOOKS_VERIFY_JWT"):
            return {"unverified": True}
        scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(
                "Send the EHR's signed JWT in the Authorization header: "
                "Authorization: Bearer <JWT> (CDS Hooks, Trusting CDS Clients)."
            )
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token: str) -> dict:
        return verify_token(request, token)
