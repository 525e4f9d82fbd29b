"""Deprecated: moved to ``recurrence_content.loading.with_translations``; this path is removed in 0.3."""

from ..deprecation import moved_module
from ..loading import with_translations as _new

globals().update(moved_module(__name__, _new))
