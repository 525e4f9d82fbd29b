"""Check a PO file string by string with wagtail-localize's own rules before
any of it is applied.

wagtail-localize stores a translated string it cannot use (markup it does not
allow, a link the source does not have) and marks it as an error; the page
then falls back to the source text, silently replacing a good translation.
Checking first lets a whole file be refused instead, with every reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import polib
from wagtail_localize.strings import StringValue, validate_translation_links


@dataclass(frozen=True)
class RefusedString:
    """One translated string wagtail-localize would refuse, and why."""

    context: str
    msgid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.context}: {self.reason} (msgid “{_short(self.msgid)}”)"


def refused_strings(po: polib.POFile) -> list[RefusedString]:
    """Every translated entry of ``po`` that wagtail-localize would refuse."""
    refused = []
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        try:
            # What StringTranslation.save() checks before it marks an error.
            StringValue.from_translated_html(entry.msgstr)
            validate_translation_links(entry.msgid, entry.msgstr)
        except ValueError as error:
            refused.append(
                RefusedString(
                    context=entry.msgctxt or "",
                    msgid=entry.msgid,
                    reason=str(error.args[0] if error.args else error),
                )
            )
    return refused


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"
