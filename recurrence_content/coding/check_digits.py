"""Check digits and shapes of clinical codes, so a mistyped code is caught
in the editor instead of never matching an EHR's request."""

from __future__ import annotations

import re

# ICD-10-CM: a category (letter, digit, digit or letter: "Z85", "C4A") and
# up to four more characters after a dot ("C50.911", "S72.001A").
ICD10CM = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
# SNOMED CT identifiers: 6 to 18 digits, no leading zero.
SCTID = re.compile(r"^[1-9][0-9]{5,17}$")
# The partition digits (second and third from last) of a concept's
# identifier: short (00) and extension (10) form.
SCTID_CONCEPT_PARTITIONS = ("00", "10")
LOINC = re.compile(r"^([0-9]{1,5})-([0-9])$")
RXCUI = re.compile(r"^[1-9][0-9]{0,9}$")

# Verhoeff's dihedral-group tables (SNOMED CT's check digit).
_D = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
_P = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]


def verhoeff_valid(digits: str) -> bool:
    """Whether ``digits`` ends in its correct Verhoeff check digit."""
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _D[check][_P[position % 8][int(digit)]]
    return check == 0


def loinc_check_digit(number: str) -> int:
    """LOINC's mod-10 check digit for the part before the hyphen (Luhn)."""
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit)
        if position % 2 == 0:
            value *= 2
            value = value // 10 + value % 10
        total += value
    return (10 - total % 10) % 10


def normalize_icd10cm(code: str) -> str:
    """``code`` in upper case with its dot after the category (``c50911`` →
    ``C50.911``), as EHRs send it either way."""
    code = code.strip().upper().replace(".", "")
    return f"{code[:3]}.{code[3:]}" if len(code) > 3 else code


def icd10cm_ancestors(code: str) -> list[str]:
    """``code`` and each shorter code above it, most specific first:
    ``C50.911`` → ``C50.911, C50.91, C50.9, C50``."""
    code = normalize_icd10cm(code)
    category, _dot, rest = code.partition(".")
    return [f"{category}.{rest[:n]}" for n in range(len(rest), 0, -1)] + [category]
