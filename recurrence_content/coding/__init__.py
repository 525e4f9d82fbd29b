"""Clinical codes: the code systems articles may be tagged with, and their checks."""

from .systems import SYSTEMS, CodeSystem, system_for_oid, system_for_uri

__all__ = ["SYSTEMS", "CodeSystem", "system_for_oid", "system_for_uri"]
