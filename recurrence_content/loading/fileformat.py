"""Reads, validates and writes the content file format (see docs/loading.md).

A file holds one article: page fields plus the body in Wagtail's raw stream
format, every block and list item with a fixed UUID ``id``.
"""

import hashlib
import json
import uuid
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from wagtail import blocks

from ..models import PatientInfoPage
from .block_validation import ShapeChecker, validation_problems
from .codesdata import CODES_KEY, parse_codes
from .errors import LoadError
from .limits import ContentLimits, content_limits
from .reviewdata import REVIEW_KEYS, parse_review, review_to_file

# Version 2 added the optional review data (reviewdata.py) and clinical codes
# (codesdata.py); version 1 files, which have neither, are still read.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)


def body_block() -> blocks.StreamBlock:
    """The StreamBlock that file bodies are validated against."""

    return PatientInfoPage._meta.get_field("body").stream_block


def _text(required: bool, max_length: int | None = None) -> Any:
    """A page text field a file carries: validated, exported and loaded."""
    return field(metadata={"text": (required, max_length)})


@dataclass(frozen=True)
class ArticleFile:
    """One validated article from a content file, its body normalised.

    The one list of the page fields a file carries: the reader, the exporter
    and the loader all take them from here (``TEXT_FIELDS``).
    """

    source: str
    translation_key: uuid.UUID
    locale: str
    slug: str = _text(required=True, max_length=255)
    title: str = _text(required=True, max_length=255)
    seo_title: str = _text(required=False, max_length=255)
    search_description: str = _text(required=False)
    summary: str = _text(required=True)
    body: list[dict[str, Any]]
    # None: the file states no review data (loading leaves the defaults).
    review: dict[str, Any] | None = None
    # None: the file states no codes (loading adds none).
    codes: list[dict[str, str]] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The article in file form, keys in their documented order."""
        data: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "translation_key": str(self.translation_key),
            "locale": self.locale,
        }
        data.update({name: getattr(self, name) for name in TEXT_FIELDS})
        if self.review is not None:
            data.update(review_to_file(self.review))
        if self.codes is not None:
            data[CODES_KEY] = self.codes
        data["body"] = self.body
        return data

    @property
    def content_hash(self) -> str:
        """A fingerprint of what loading writes into the page."""
        return content_hash({name: getattr(self, name) for name in CONTENT_FIELDS})


# Page text fields a file carries besides the body, in the order files list
# them: name -> (required, max_length).
TEXT_FIELDS = {
    f.name: f.metadata["text"] for f in fields(ArticleFile) if "text" in f.metadata
}
# The fields an update writes and the content hash covers. The slug is left
# out: it is only used when the page is created, so a hospital may rename it.
CONTENT_FIELDS = (*(name for name in TEXT_FIELDS if name != "slug"), "body")
KEYS = (
    "format_version",
    "translation_key",
    "locale",
    *TEXT_FIELDS,
    *REVIEW_KEYS,
    CODES_KEY,
    "body",
)


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of ``content`` in a canonical JSON form."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def dumps(data: dict[str, Any]) -> str:
    """Serialise a file dict the one way files are written (stable, diffable)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def normalize_body(stream_block: blocks.StreamBlock, value: Any) -> list[dict]:
    """The raw stream data for ``value`` (raw list or StreamValue), ids kept."""
    if not isinstance(value, blocks.StreamValue):
        value = stream_block.to_python(value)
    return [child.get_prep_value() for child in value]


def read_file(path: str | Path) -> ArticleFile:
    """Read and validate a content file, or raise LoadError naming the problem."""
    path = Path(path)
    source = str(path)
    limits = content_limits()
    try:
        # Never more than the limit in memory, whatever the file's size.
        with path.open("rb") as file:
            raw = file.read(limits.file_bytes + 1)
            if len(raw) > limits.file_bytes:
                size = max(path.stat().st_size, len(raw))
                raise LoadError(
                    f"{source}: " + limits.refusal("file_bytes", size, "bytes")
                )
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise LoadError(f"{source}: file not found; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(f"{source}: cannot read the file ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"{source}: not valid JSON: {exc.msg} at line {exc.lineno} column "
            f"{exc.colno}; fix the syntax"
        ) from None
    return parse(data, source)


def parse(data: Any, source: str) -> ArticleFile:
    """Validate decoded JSON ``data`` as an article; ``source`` names it in errors."""
    limits = content_limits()
    problems = _check_top_level(data, limits)
    if problems:
        _raise(source, problems)
    stream_block = body_block()
    checker = ShapeChecker(limits)
    checker.check(stream_block, data["body"], "$.body")
    if checker.problems:
        _raise(source, checker.problems)
    try:
        value = stream_block.clean(stream_block.to_python(data["body"]))
    except ValidationError as exc:
        _raise(source, list(validation_problems(exc, "$.body")))
    review, problems = parse_review(data)
    if problems:
        _raise(source, problems)
    codes, problems = parse_codes(data)
    if problems:
        _raise(source, problems)
    return ArticleFile(
        source=source,
        translation_key=uuid.UUID(data["translation_key"]),
        locale=data["locale"],
        body=normalize_body(stream_block, value),
        review=review,
        codes=codes,
        **{name: data.get(name, "") for name in TEXT_FIELDS},
    )


def _check_top_level(data: Any, limits: ContentLimits) -> list[tuple[str, str]]:
    if not isinstance(data, dict):
        return [("$", "the file must hold one JSON object (an article)")]
    problems = []
    for key in data:
        if key not in KEYS:
            problems.append(
                (f"$.{key}", f"unknown field; use one of: {', '.join(KEYS)}")
            )
    version = data.get("format_version")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        problems.append(
            (
                "$.format_version",
                f"this version of wagtail-recurrence-content reads format_version "
                f"{readable}, the file has {json.dumps(version)}; upgrade the "
                "package or export the file again",
            )
        )
    elif version == 1:
        for key in REVIEW_KEYS:
            if key in data:
                problems.append(
                    (f"$.{key}", "review data needs format_version 2; set it to 2")
                )
        if CODES_KEY in data:
            problems.append(
                (f"$.{CODES_KEY}", "clinical codes need format_version 2; set it to 2")
            )
    try:
        uuid.UUID(data.get("translation_key"))
    except (TypeError, ValueError, AttributeError):
        problems.append(("$.translation_key", "must be a UUID string"))
    if not isinstance(data.get("locale"), str) or not data["locale"]:
        problems.append(("$.locale", 'must be a language code such as "en"'))
    for name, (required, max_length) in TEXT_FIELDS.items():
        value = data.get(name, "")
        if not isinstance(value, str):
            problems.append((f"$.{name}", "must be a string"))
        elif required and not value.strip():
            problems.append((f"$.{name}", "is required and may not be empty"))
        elif max_length and len(value) > max_length:
            problems.append((f"$.{name}", f"is longer than {max_length} characters"))
        elif len(value) > limits.field_characters:
            problems.append(
                (
                    f"$.{name}",
                    limits.refusal("field_characters", len(value), "characters"),
                )
            )
    slug = data.get("slug")
    if isinstance(slug, str) and slug:
        try:
            validate_unicode_slug(slug)
        except ValidationError:
            problems.append(
                ("$.slug", "use only letters, numbers, hyphens and underscores")
            )
    if not isinstance(data.get("body"), list):
        problems.append(("$.body", "must be a list of blocks"))
    elif len(data["body"]) > limits.blocks:
        problems.append(
            ("$.body", limits.refusal("blocks", len(data["body"]), "blocks"))
        )
    return problems


def _raise(source: str, problems: list[tuple[str, str]]) -> None:
    path, message = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    raise LoadError(f"{source}: {path}: {message}{more}")
