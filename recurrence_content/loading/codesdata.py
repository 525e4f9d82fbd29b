"""Clinical codes in content files (format_version 2): read, checked, written.

A file either states the article's codes (``clinical_codes``, possibly
empty) or leaves them out. Loading writes them only when it creates a page:
which codes an existing article answers for is the hospital's clinical
decision, never changed by a load.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ..coding import SYSTEMS, system_for_uri

CODES_KEY = "clinical_codes"
_ITEM_KEYS = ("system", "code", "display")


def parse_codes(data: dict[str, Any]) -> tuple[list[dict[str, str]] | None, list]:
    """The codes ``data`` states (None if it states none), and problems."""
    if CODES_KEY not in data:
        return None, []
    items = data[CODES_KEY]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return None, [(f"$.{CODES_KEY}", "must be a list of objects")]
    codes, problems, seen = [], [], set()
    for index, item in enumerate(items):
        path = f"$.{CODES_KEY}[{index}]"
        unknown = [name for name in item if name not in _ITEM_KEYS]
        if unknown:
            problems.append(
                (
                    f"{path}.{unknown[0]}",
                    f"unknown field; use one of: {', '.join(_ITEM_KEYS)}",
                )
            )
            continue
        system = system_for_uri(item.get("system"))
        if system is None:
            problems.append(
                (
                    f"{path}.system",
                    f"use one of: {', '.join(s.uri for s in SYSTEMS)}",
                )
            )
            continue
        display = item.get("display", "")
        if not isinstance(display, str) or len(display) > 255:
            problems.append(
                (f"{path}.display", "must be a string of 255 characters at most")
            )
            continue
        try:
            code = system.clean(
                item.get("code") if isinstance(item.get("code"), str) else ""
            )
        except ValidationError as error:
            problems.append((f"{path}.code", str(error.messages[0])))
            continue
        if (system.uri, code) in seen:
            problems.append((f"{path}.code", f"{code} is listed twice; remove one"))
            continue
        seen.add((system.uri, code))
        codes.append({"system": system.uri, "code": code, "display": display})
    return codes, problems


def codes_from_page(page: Any) -> list[dict[str, str]]:
    """A page's codes (a revision's, as an editor last saved them) in file form."""
    return [
        {"system": code.system, "code": code.code, "display": code.display}
        for code in page.clinical_codes.all()
    ]
