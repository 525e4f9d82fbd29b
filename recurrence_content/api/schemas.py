"""Deprecated: moved to ``recurrence_content.api.v1.schemas``; this path is removed in 0.3."""

from ..deprecation import moved_module
from .v1 import schemas as _new

globals().update(moved_module(__name__, _new))
