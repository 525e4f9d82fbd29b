"""Facts about a language code that every layer needs (no models, no features)."""

from django.utils import translation


def text_direction(language_code: str) -> str:
    """``"rtl"`` or ``"ltr"`` for a language code."""
    try:
        bidi = translation.get_language_info(language_code)["bidi"]
    except KeyError:
        bidi = False
    return "rtl" if bidi else "ltr"
