"""Following a central site: ``recurrence_content_load --source URL``.

The central site serves its articles as content files (``content-files/`` in
its feed; docs/updates.md). A pull reads that list page by page, and each
article whose entry changed, every request with If-None-Match, so a source
with nothing new costs one 304 per list page and writes nothing. What comes
back goes through the same validation and loading as a file, translations
through ``apply_po``; all in one transaction under the loader's lock, so any
problem leaves the database as it was. An article the source no longer
serves, or a translation of it that an earlier pull applied, is reported and
left alone: a pull never unpublishes or deletes a page.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

import polib
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..indexing import index_once
from ..models import LoadedTranslation, SourceResponse
from ..page_model import has_custom_base_page, page_model
from ..translation.apply import (
    ApplyResult,
    TranslationApplyError,
    apply_po,
    check_po,
    content_language,
)
from ..translation.status import strings_on
from .errors import LoadError
from .fileformat import ArticleFile, parse
from .loader import LoadResult, Status, load_articles, lock
from .po_merge import remember_applied
from .related_links import (
    check_link_names,
    link_values,
    related_link_keys,
    with_links,
)
from .source import Fetched, SourceError, check_url, fetch
from .updates import record_withdrawal
from .with_translations import LoadReport

LIST_PATH = "content-files/"
# Articles fetched ahead of the one being loaded.
AHEAD = 4


@dataclass
class Pulled:
    """One article fetched from the source, and its translations."""

    url: str
    etag: str
    article: ArticleFile
    translations: list[tuple[str, polib.POFile]]


@dataclass
class PullReport:
    """What a pull did: the load, what else to say, and every request made."""

    load: LoadReport
    notes: list[str] = field(default_factory=list)
    requests: list[tuple[str, int]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The lines the load command prints."""
        return self.notes + self.load.lines()

    def document(self) -> dict:
        """The run as ``--format json`` prints it: the load's document, with
        the notes and every request."""
        return self.load.document() | {
            "notes": self.notes,
            "requests": [{"url": url, "status": code} for url, code in self.requests],
        }


def pull(
    source: str,
    *,
    article: str | None = None,
    parent=None,
    locale: str | None = None,
    publish: bool = False,
    dry_run: bool = False,
    links: dict[str, str] | None = None,
) -> PullReport:
    """Load every live, public article of the central site at ``source`` (its
    feed URL, ``…/recurrence-content/api/v1/``), or only ``article`` (a
    translation key), with their translations; raises LoadError (SourceError
    for the source's part) and writes nothing on any problem."""
    base = source if source.endswith("/") else f"{source}/"
    check_url(base)
    key = _translation_key(article) if article else None
    with transaction.atomic(), index_once():
        lock()
        run = _Run(base, f"publish={publish},locale={locale or ''}")
        values = link_values(links or {})
        if key is None:
            urls = run.listed_articles()
            run.report_withdrawn(urls)
        else:
            urls = [f"{base}{LIST_PATH}{key}/"]
        report = PullReport(LoadReport([]), run.notes, run.requests)
        named = set()
        # One article at a time, so memory holds one article and its
        # translations, not the whole source.
        for fetched in run.articles(urls):
            article = with_links(fetched.article, values)
            named.update(related_link_keys(article))
            [result] = load_articles(
                [article],
                parent=parent,
                locale=locale,
                publish=publish,
                dry_run=dry_run,
            )
            report.load.articles.append(result)
            run.report_withdrawn_translations(fetched)
            applied = len(report.load.translations)
            _translate(report, result, fetched.translations, publish, dry_run, base)
            run.remember(fetched.url, fetched.etag)
            _keep_for_report(result, report.load.translations[applied:])
        if links and report.load.articles:
            # A typo is an error; with nothing new there is nothing to point.
            check_link_names(named, links)
        report.notes.append(run.summary(len(report.load.articles)))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _keep_for_report(result: LoadResult, applied: list[ApplyResult]) -> None:
    """Keep of an article loaded what the report says of it (titles,
    addresses, ids, the merge's changes), not its content, so that the
    report of a pull of hundreds of articles does not hold them all."""
    result.article = dataclasses.replace(result.article, body=[])
    if result.page is not None:
        result.page = _without_content(result.page)
    for translation in applied:
        translation.page = _without_content(translation.page)


def _without_content(page):
    # The reading level, with an excerpt of each block, is content too.
    content = type(page).objects.defer_streamfields().defer("reading_level")
    return content.get(pk=page.pk)


def _translation_key(article: str) -> uuid.UUID:
    try:
        return uuid.UUID(article)
    except ValueError:
        raise LoadError(
            f"--article {article!r}: give the article's translation key, a UUID "
            "such as 549957da-a593-49b4-a69c-0a919d7d6af8 (the id in the "
            "source's content-files/ list)"
        ) from None


class _Run:
    """The requests of one pull, with what earlier pulls stored."""

    def __init__(self, base: str, options: str):
        self.base = base
        self.options = options
        self.notes: list[str] = []
        self.requests: list[tuple[str, int]] = []
        self.unchanged: set[str] = set()
        self.stored = {
            response.url: response
            for response in SourceResponse.objects.filter(source=base)
        }

    def get(self, url: str) -> Fetched:
        return self._record(url, fetch(url, self._etag(url)))

    def _etag(self, url: str) -> str:
        stored = self.stored.get(url)
        return stored.etag if stored and stored.options == self.options else ""

    def _record(self, url: str, fetched: Fetched) -> Fetched:
        self.requests.append((url, fetched.status))
        return fetched

    def listed_articles(self) -> list[str]:
        """Every article URL the source lists, fetching only changed pages
        (the articles of a page answered 304 have not changed either)."""
        urls: list[str] = []
        page_url: str | None = f"{self.base}{LIST_PATH}"
        seen = set()
        while page_url and page_url not in seen:
            seen.add(page_url)
            fetched = self.get(page_url)
            if fetched.status == 304:
                listed = self.stored[page_url].listed
                self.unchanged.update(listed["articles"])
            elif fetched.status == 200:
                listed = self._list_page(fetched)
                self.remember(page_url, fetched.etag, listed)
            else:
                raise SourceError(
                    f"{page_url}: not found; is --source the central site's feed "
                    "URL (…/recurrence-content/api/v1/), running "
                    "wagtail-recurrence-content 0.1 or later?"
                )
            urls += listed["articles"]
            page_url = listed["next"]
        return urls

    def articles(self, urls: list[str]) -> Iterator[Pulled]:
        """Each changed article at ``urls``, in order; unchanged (304) ones are
        skipped and withdrawn (404) ones reported.

        The next articles are fetched on a thread while this one is loaded, so
        the central site's time overlaps with ours; that thread only makes
        requests (the database stays with this one, in its transaction).
        """
        pending = (url for url in urls if url not in self.unchanged)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull")
        ahead: deque[tuple[str, Future]] = deque()

        def fetch_next() -> None:
            url = next(pending, None)
            if url is not None:
                ahead.append((url, pool.submit(fetch, url, self._etag(url))))

        try:
            for _ in range(AHEAD):
                fetch_next()
            while ahead:
                url, future = ahead.popleft()
                fetch_next()
                fetched = self._record(url, future.result())
                if fetched.status == 404:
                    self._withdrawn(url)
                elif fetched.status != 304:
                    yield self._article(url, fetched)
        finally:
            # On an error, what is queued is dropped; a request under way
            # ends within the source's timeouts.
            pool.shutdown(wait=False, cancel_futures=True)

    def _article(self, url: str, fetched: Fetched) -> Pulled:
        data = _json(fetched)
        if not isinstance(data, dict) or not isinstance(data.get("content_file"), dict):
            raise SourceError(
                f"{url}: not a content file (no content_file object); is --source "
                "the central site's feed URL?"
            )
        article = parse(data["content_file"], source=url)
        if str(article.translation_key) not in url:
            raise SourceError(
                f"{url}: serves article {article.translation_key}, not the one "
                "asked for; check the central site"
            )
        return Pulled(url, fetched.etag, article, _translations(url, data))

    def _list_page(self, fetched: Fetched) -> dict:
        data = _json(fetched)
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list) or not all(
            isinstance(item, dict) and isinstance(item.get("content_file_url"), str)
            for item in results
        ):
            raise SourceError(
                f"{fetched.url}: not a list of content files; is --source the "
                "central site's feed URL (…/recurrence-content/api/v1/)?"
            )
        following = data.get("next")
        return {
            "articles": [self._on_source(item["content_file_url"]) for item in results],
            "next": self._on_source(following) if isinstance(following, str) else None,
        }

    def _on_source(self, url: str) -> str:
        # Only ever the --source's scheme, host and port, whatever the central
        # site believes its address to be (e.g. behind a proxy).
        parts, base = urlsplit(url), urlsplit(self.base)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

    def remember(self, url: str, etag: str, listed: dict | None = None) -> None:
        if not etag:
            return
        SourceResponse.objects.update_or_create(
            url=url,
            defaults={
                "source": self.base,
                "etag": etag,
                "options": self.options,
                "listed": listed,
            },
        )

    def report_withdrawn(self, listed: list[str]) -> None:
        """Report articles pulled before that the source no longer lists."""
        for url, response in self.stored.items():
            if response.listed is None and url not in listed:
                self._withdrawn(url)

    def report_withdrawn_translations(self, fetched: Pulled) -> None:
        """Report each translation of the article that an earlier pull
        applied and the source no longer serves (unpublished, or no longer
        complete there); the member's translation stays with its readers."""
        served = {content_language(code) for code, _po in fetched.translations}
        key = fetched.article.translation_key
        for record in LoadedTranslation.objects.filter(
            translation_key=key, source=self.base, withdrawn_at__isnull=True
        ).select_related("locale"):
            language = record.locale.language_code
            if language in served:
                continue
            page = (
                page_model()
                .objects.filter(translation_key=key, locale_id=record.locale_id)
                .first()
            )
            if page is not None:
                record_withdrawal(page, self.base)
            else:  # deleted here: noted, so that it is reported once
                record.withdrawn_at = timezone.now()
                record.save(update_fields=["withdrawn_at"])
            self.notes.append(
                f"withdrawn at the source: the {language} translation of "
                f"“{fetched.article.title}” (left alone here; unpublish it in "
                "the admin if it should go)"
            )

    def _withdrawn(self, url: str) -> None:
        key = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        try:
            pages = list(page_model().objects.filter(translation_key=uuid.UUID(key)))
        except ValueError:  # not a key: name the URL alone
            pages = []
        # For the Content updates report and each page's history.
        for page in pages:
            record_withdrawal(page, self.base)
        page = next((p for p in pages if p.alias_of_id is None), None)
        name = f"“{page.title}”" if page is not None else url
        self.notes.append(
            f"withdrawn at the source: {name} (left alone here; unpublish or "
            "delete it in the admin if it should go)"
        )
        # Reported once; should it come back, it is pulled again in full.
        SourceResponse.objects.filter(url=url).delete()

    def summary(self, fetched: int) -> str:
        not_modified = sum(1 for _url, status in self.requests if status == 304)
        return (
            f"{self.base}: {len(self.requests)} requests, {not_modified} "
            f"answered 304 Not Modified; articles fetched: {fetched}"
        )


def _json(fetched: Fetched):
    try:
        return json.loads(fetched.body)
    except (ValueError, UnicodeDecodeError) as error:
        raise SourceError(
            f"{fetched.url}: not JSON ({str(error)[:80]}); is --source the "
            "central site's feed URL (…/recurrence-content/api/v1/)?"
        ) from None


def _translations(url: str, data: dict) -> list[tuple[str, polib.POFile]]:
    items = data.get("translations", [])
    if not isinstance(items, list):
        raise SourceError(f"{url}: $.translations: must be a list")
    translations = []
    for index, item in enumerate(items):
        where = f"{url}: $.translations[{index}]"
        if not isinstance(item, dict) or not all(
            isinstance(item.get(name), str) for name in ("locale", "po")
        ):
            raise SourceError(f"{where}: needs a locale and a po, both strings")
        # polib reads a string without a newline as a file name: never that.
        if "\n" not in item["po"]:
            raise SourceError(f"{where}.po: not a PO file")
        try:
            po = polib.pofile(item["po"])
        except (OSError, ValueError) as error:
            raise SourceError(f"{where}.po: not a PO file ({error})") from None
        translations.append((item["locale"], po))
    return translations


def _translate(
    report: PullReport,
    result: LoadResult,
    translations: list[tuple[str, polib.POFile]],
    publish: bool,
    dry_run: bool,
    source: str,
) -> None:
    """Apply (or, in a dry run, check) the article's translations in every
    language this site serves; the others are named and skipped. Each one
    applied is remembered as pulled from ``source``."""
    if not translations:
        return
    title = result.article.title
    if not (
        getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        and apps.is_installed("wagtail_localize")
        and not has_custom_base_page()
    ):
        report.notes.append(
            f"translations of “{title}” skipped: this site does not translate "
            "pages with wagtail-localize (docs/translation.md)"
        )
        return
    if result.status is Status.LEFT_ALONE and result.page and result.page.alias_of_id:
        return
    for code, po in translations:
        language = content_language(code)
        if language is None:
            report.notes.append(
                f"{code} translation of “{title}” skipped: not one of this "
                "site's languages (WAGTAIL_CONTENT_LANGUAGES)"
            )
            continue
        try:
            if dry_run or result.page is None:
                check_po(po, language, result.article.locale)
                report.load.planned_translations.append(
                    f"{language} translation of “{title}”"
                )
            elif not _covers(po, result.page.specific):
                report.notes.append(
                    f"{language} translation of “{title}” not applied: the source "
                    "has not translated all of this version yet, so this site's "
                    "translation stays as it is until it has"
                )
            else:
                applied = apply_po(result.page.specific, language, po, publish=publish)
                remember_applied(applied, po, [], source=source)
                report.load.translations.append(applied)
        except TranslationApplyError as error:
            # The message names the file by its text: name the article instead.
            message = str(error).replace(str(po), f"the {code} translation")
            raise LoadError(f"{result.article.source}: {message}") from None


def _covers(po: polib.POFile, page) -> bool:
    """Whether ``po`` translates every string the published ``page`` has.

    A translation of an older version of the source lacks the changed
    strings. Applying it would sync wagtail-localize's source to the new
    version and leave those strings untranslated, taking the finished
    translation away from readers; it waits for the source to catch up.
    """
    translated = {(entry.msgctxt, entry.msgid) for entry in po if entry.msgstr}
    return strings_on(page) <= translated
