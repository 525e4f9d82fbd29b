"""What the feed may show: live, public articles of the requesting site.

Anything else (a draft, a page under a view restriction, another site's page)
is treated exactly like a page that does not exist.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja.errors import ValidationError
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, PageQuerySet

from ...coding import SYSTEMS
from ...models import ClinicalCode


def param_error(name: str, message: str) -> ValidationError:
    """A 422 naming the query parameter at fault, shaped like ninja's own."""
    return ValidationError(
        [{"loc": ["query", name], "msg": message, "type": "value_error"}]
    )


def given_once(request, *names: str) -> None:
    """A 422 for each of the query parameters ``names`` given more than once.

    The document gives each one value; answering with one of several (Django
    keeps the last) would answer a question the client did not ask, and would
    accept a value that breaks the document beside one that keeps it.
    """
    counts = {name: len(request.GET.getlist(name)) for name in names}
    repeated = {name: count for name, count in counts.items() if count > 1}
    if repeated:
        raise ValidationError(
            [
                {
                    "loc": ["query", name],
                    "msg": f"Give {name} once, not {count} times.",
                    "type": "value_error",
                }
                for name, count in repeated.items()
            ]
        )


def parse_locale(code: str | None) -> Locale | None:
    """The Locale for a language code the site has, or a 422 listing them.

    A configured language with no Locale yet has no articles, so it gives an
    empty list (or a 404) rather than an error.
    """
    if code is None:
        return None
    languages = list(get_content_languages())
    if code not in languages:
        raise param_error(
            "locale",
            f"Unknown locale {code!r}. Use one of: {', '.join(languages)}.",
        )
    return Locale.objects.filter(language_code=code).first() or Locale(
        language_code=code
    )


# RFC 3339 date-time, as the OpenAPI format "date-time" promises: the offset
# is required so a time is never ambiguous.
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)


def parse_modified_since(value: str | None) -> datetime | None:
    """The UTC datetime of an RFC 3339 date-time, or a 422 saying what to send."""
    if value is None:
        return None
    if not RFC3339.match(value):
        raise param_error(
            "modified_since",
            "Give an RFC 3339 date and time with its offset, "
            "e.g. 2026-11-01T00:00:00Z.",
        )
    try:
        parsed = datetime.fromisoformat(value.upper().replace(" ", "T"))
    except ValueError as error:
        raise param_error(
            "modified_since", f"Not a real date and time: {error}."
        ) from error
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        # Valid, but outside what Python can shift to UTC (year 1 or 9999).
        return (
            datetime.min.replace(tzinfo=UTC)
            if parsed.year == 1
            else datetime.max.replace(tzinfo=UTC)
        )


def parse_code(value: str | None) -> tuple[str, str] | None:
    """``(system URI, code)`` from ``system|value``, the code normalised as
    the Clinical codes panel stores it, or a 422 saying what to send."""
    # The OpenAPI document states the same rule (CODE_PATTERN).
    if value is None:
        return None
    from ...coding import SYSTEMS, system_for_uri

    uri, bar, code = value.partition("|")
    system = system_for_uri(uri)
    if not bar or system is None:
        raise param_error(
            "code",
            "Give system|value, e.g. http://hl7.org/fhir/sid/icd-10-cm|Z85; "
            f"systems: {', '.join(s.uri for s in SYSTEMS)}.",
        )
    try:
        return system.uri, system.clean(code)
    except DjangoValidationError:
        # A code that cannot exist is tagged on nothing: an empty list, as
        # the Infobutton endpoint answers it.
        return system.uri, ""


def code_pattern() -> str:
    """``system|value`` with a known system, as a regular expression."""
    # Only dots need escaping in these URIs (and ECMA-262 refuses some of
    # re.escape's escapes, such as \\-).
    systems = "|".join(system.uri.replace(".", r"\.") for system in SYSTEMS)
    return rf"^({systems})\|.*$"


def tagged_with(articles: PageQuerySet, system: str, code: str) -> PageQuerySet:
    """``articles`` whose article (any of its languages) has this code."""
    keys = ClinicalCode.objects.filter(system=system, code=code).values(
        "page__translation_key"
    )
    return articles.filter(translation_key__in=keys)


def search_words(q: str) -> str:
    """``q`` as lower-case words only.

    Some search backends (Wagtail 7's SQLite full-text search) pass quotes
    and operators straight into their query syntax and fail on them, so
    only words are searched.
    """
    return " ".join(re.findall(r"\w+", q.casefold()))
