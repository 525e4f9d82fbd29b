"""What the admin side of updates adds to the page types (models/features.py)."""

from ..models.features import register_panel
from .panels import MergeConflictPanel


def register_page_features() -> None:
    """Called from the app's ``ready()``."""
    register_panel("merge_conflicts", MergeConflictPanel)
