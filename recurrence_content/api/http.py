"""Deprecated: moved to ``recurrence_content.api.v1.http``; this path is removed in 0.3."""

import warnings

from .v1 import http as _new

warnings.warn(
    "recurrence_content.api.http moved to recurrence_content.api.v1.http; "
    "import it from there (the old path is removed in 0.3).",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = getattr(_new, "__all__", [n for n in vars(_new) if not n.startswith("_")])


def __getattr__(name: str):
    # Every name of the new module, as the same object.
    return getattr(_new, name)


def __dir__() -> list[str]:
    return dir(_new)
