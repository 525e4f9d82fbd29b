"""System checks of the CDS Hooks service, registered when
``recurrence_content.cds_hooks`` is installed: say loudly when EHRs' calls
are not authenticated."""

from typing import Any

from django.core.checks import Tags, Warning, register

from ..conf import get_setting
from .auth import verification_configured


@register(Tags.security)
def check_authentication(app_configs: Any = None, **kwargs: Any) -> list:
    """W001 when JWT verification is off, W002 when there is no key."""
    if not get_setting("CDS_HOOKS_VERIFY_JWT"):
        return [
            Warning(
                "CDS HOOKS REQUESTS ARE NOT AUTHENTICATED: anyone who can reach "
                "this site can call its CDS Services, and nothing proves a call "
                "comes from the hospital's EHR. Use this only to try the "
                "service locally.",
                hint=(
                    "Remove RECURRENCE_CONTENT_CDS_HOOKS_VERIFY_JWT = False and set "
                    "RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL to the EHR's JWK Set "
                    "URL (docs/ehr.md)."
                ),
                id="recurrence_content_cds_hooks.W001",
            )
        ]
    if not verification_configured():
        return [
            Warning(
                "CDS Hooks authentication is not configured, so every call to "
                "the CDS Services is refused with 401.",
                hint=(
                    "Set RECURRENCE_CONTENT_CDS_HOOKS_JWKS_URL to the EHR's JWK "
                    "Set URL, or RECURRENCE_CONTENT_CDS_HOOKS_JWKS to the JWK Set "
                    "the EHR gave you (docs/ehr.md)."
                ),
                id="recurrence_content_cds_hooks.W002",
            )
        ]
    return []
