"""Compile the app's interface catalogues (.po -> .mo) with polib.

polib comes with wagtail-localize, so contributors do not need GNU gettext
just to compile. Usage: ``python scripts/compile_messages.py`` (or
``make messages``); ``--check`` exits 1 if any .mo is missing or stale.
"""

import argparse
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "recurrence_content" / "locale"


def catalogue_messages(catalogue: polib._BaseFile) -> dict:
    """What a catalogue translates: {(context, msgid, plural): msgstr(s)}."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (
            entry.msgstr or tuple(sorted(entry.msgstr_plural.items()))
        )
        for entry in catalogue
        if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
    }


def stale_catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """The .po files whose .mo is missing or says something different."""
    stale = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or catalogue_messages(
            polib.pofile(str(po_path))
        ) != catalogue_messages(polib.mofile(str(mo_path))):
            stale.append(po_path)
    return stale


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write a .mo beside every .po; return the .mo paths written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only report missing or stale .mo files"
    )
    args = parser.parse_args()
    if args.check:
        stale = stale_catalogues()
        for po_path in stale:
            print(f"stale: {po_path.with_suffix('.mo')} (run `make messages`)")
        return 1 if stale else 0
    for mo_path in compile_all():
        print(f"compiled {mo_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
