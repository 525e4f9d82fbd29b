"""Deprecated: moved to ``recurrence_content.api.v1.signals``; this path is removed in 0.3."""

from ..deprecation import moved_module
from .v1 import signals as _new

globals().update(moved_module(__name__, _new))
