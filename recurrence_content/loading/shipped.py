"""Finds the articles this package ships."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def shipped_dir() -> Path:
    """The directory of shipped content files.

    In an installed wheel it is ``recurrence_content/fixtures/`` (pyproject
    force-includes the top-level ``fixtures/`` there); in a source checkout or
    editable install it is the repository's ``fixtures/`` beside the package.
    """
    packed = PACKAGE_DIR / "fixtures"
    if packed.is_dir():
        return packed
    return PACKAGE_DIR.parent / "fixtures"


def shipped_files() -> list[Path]:
    """Every shipped content file, in name order."""
    return sorted(shipped_dir().glob("*.json"))
