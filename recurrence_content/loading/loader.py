"""Loads content files into the page tree without touching anyone else's pages.

Articles are matched by ``translation_key`` and locale wherever they are in
the tree. ``LoadedContent`` remembers what was loaded, so a page an editor
has changed since is left alone unless ``update`` is asked for.
"""

import enum
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse
from wagtail.admin.utils import get_admin_base_url
from wagtail.models import AbstractPage, Locale, ReferenceIndex

from ..models import (
    ClinicalCode,
    LoadedContent,
    PatientInfoPage,
    PatientInfoPageMixin,
)
from ..page_model import page_model
from .errors import LoadError
from .exporter import page_content
from .fileformat import (
    CONTENT_FIELDS,
    ArticleFile,
    body_block,
    content_hash,
    read_file,
)
from .related_links import apply_links
from .shipped import shipped_dir, shipped_files
from .targets import (
    default_site,
    index_for_new_article,
    resolve_locale,
    resolve_page,
)

# One lock for every loader run, so concurrent runs take turns on PostgreSQL.
ADVISORY_LOCK_ID = zlib.crc32(b"recurrence_content_load")


class Status(enum.StrEnum):
    """What loading did (or, in a dry run, would do) to one article."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    LEFT_ALONE = "left alone"


@dataclass
class LoadResult:
    """The outcome for one article: status, the page, and why."""

    article: ArticleFile
    status: Status
    page: AbstractPage | None
    published: bool = False
    detail: str = ""
    dry_run: bool = False
    planned_url: str = ""

    @property
    def url(self) -> str:
        """The page's public URL (where a draft will appear once published)."""
        if self.page is None:
            return self.planned_url
        return self.page.get_full_url() or ""

    @property
    def edit_url(self) -> str:
        """The admin URL to edit the page, or "" if the admin is not routed."""
        if self.page is None:
            return ""
        try:
            path = reverse("wagtailadmin_pages:edit", args=(self.page.id,))
        except NoReverseMatch:
            return ""
        return get_admin_base_url() + path if get_admin_base_url() else path

    def line(self) -> str:
        """The one line the command prints for this article."""
        status = str(self.status)
        if self.status in (Status.CREATED, Status.UPDATED):
            status += " (published)" if self.published else " (draft)"
        if self.dry_run:
            status = f"[dry run] would be {status}"
        parts = [f"{status}: {self.article.title}"]
        if self.url:
            parts.append(self.url)
        if self.edit_url:
            parts.append(f"edit: {self.edit_url}")
        text = "  ".join(parts)
        return f"{text}  ({self.detail})" if self.detail else text


def load_files(
    paths: Iterable[str | Path] | None = None,
    *,
    parent: "AbstractPage | int | str | None" = None,
    locale: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    links: "dict[str, str] | None" = None,
) -> list[LoadResult]:
    """Load content files (default: the shipped ones) in one transaction.

    ``links`` points related links at the site's own pages: ``{"link name":
    "/url/path/" or page ID or "https://…"}`` (see ``loading/links.py``).
    Every file is validated before anything is written; any error raises
    LoadError and leaves the database as it was.
    """
    paths = list(paths) if paths else shipped_files()
    if not paths:
        raise LoadError(f"no content files found in {shipped_dir()}; give --file")
    return load_articles(
        [read_file(path) for path in paths],
        parent=parent,
        locale=locale,
        publish=publish,
        update=update,
        dry_run=dry_run,
        links=links,
    )


def load_articles(
    articles: list[ArticleFile],
    *,
    parent: "AbstractPage | int | str | None" = None,
    locale: str | None = None,
    publish: bool = False,
    update: bool = False,
    dry_run: bool = False,
    links: "dict[str, str] | None" = None,
) -> list[LoadResult]:
    """Load validated articles (from files, or pulled from a central site) in
    one transaction; options as for ``load_files``."""
    with transaction.atomic():
        lock()
        articles = apply_links(articles, links or {})
        results = [
            _load(article, parent, locale, publish, update, dry_run)
            for article in articles
        ]
        if dry_run:
            # Plans write nothing; this makes sure of it.
            transaction.set_rollback(True)
    return results


def load_file(path: str | Path, **options) -> LoadResult:
    """Load one content file; options as for ``load_files``."""
    return load_files([path], **options)[0]


def load_article(**options) -> LoadResult:
    """Load the shipped article; options as for ``load_files``."""
    return load_files(None, **options)[0]


def lock() -> None:
    """Take the loader's lock until the transaction ends (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_ID])


def _load(article, parent_ref, locale_code, publish, update, dry_run) -> LoadResult:
    locale = resolve_locale(locale_code or article.locale)
    page = (
        page_model()
        .objects.filter(translation_key=article.translation_key, locale=locale)
        .first()
    )
    if page is None:
        return _create(article, parent_ref, locale, publish, dry_run)
    return _refresh(article, page.specific, publish, update, dry_run)


def _create(article, parent_ref, locale: Locale, publish, dry_run) -> LoadResult:
    new_index = False
    if parent_ref is None:
        parent, new_index = index_for_new_article(locale, create=not dry_run)
    else:
        parent = resolve_page(parent_ref, "parent page")
    if not parent.is_root() and parent.locale_id != locale.id:
        raise LoadError(
            f"the parent page {parent.title!r} is in {parent.locale.language_code!r}, "
            f"the article in {locale.language_code!r}; choose a parent in "
            f"{locale.language_code!r}"
        )
    if not PatientInfoPage.can_create_at(parent):
        raise LoadError(
            f"a patient information page may not be created under {parent.title!r} "
            "(see subpage_types and RECURRENCE_CONTENT_PARENT_PAGE_TYPES); choose "
            "another --parent"
        )
    _check_fields(article, PatientInfoPage)
    # A new index (unsaved in a dry run) has no children yet.
    taken = (
        None if new_index else parent.get_children().filter(slug=article.slug).first()
    )
    if taken is not None:
        raise LoadError(
            f"the slug {article.slug!r} is already used under {parent.title!r} by "
            f"{taken.title!r} (ID {taken.id}); move or rename that page, or choose "
            "another --parent"
        )
    detail = _new_index_detail(parent, publish) if new_index else ""
    if dry_run:
        if new_index:  # not saved in a dry run: under the home page
            home_url = default_site().root_page.get_full_url()
            base = f"{home_url}{parent.slug}/" if home_url else ""
        else:
            base = parent.get_full_url() or ""
        return LoadResult(
            article,
            Status.CREATED,
            None,
            published=publish,
            dry_run=True,
            planned_url=f"{base}{article.slug}/" if base else "",
            detail=detail,
        )
    if new_index and publish:
        parent.save_revision().publish()
    page = PatientInfoPage(
        translation_key=article.translation_key,
        locale=locale,
        slug=article.slug,
        live=False,
        **_content_fields(article, PatientInfoPage),
        # Only what the file states: loading never invents a review.
        **_review_fields(article),
    )
    # Codes only on creation, as the file states them: which codes an
    # article answers for is the hospital's clinical decision afterwards.
    page.clinical_codes = [ClinicalCode(**code) for code in article.codes or []]
    # Page.save() logs "wagtail.create" for us, as the admin does.
    _saving(article, lambda: parent.add_child(instance=page))
    _save_and_publish(article, page, page, publish, log_action=False)
    return LoadResult(article, Status.CREATED, page, published=publish, detail=detail)


def _new_index_detail(index: AbstractPage, publish: bool) -> str:
    state = "published" if publish else "a draft"
    return (
        f"under a new index page {index.title!r} ({state}) on the site's home "
        "page, as no --parent was given; move or rename it in the admin as you like"
    )


def _refresh(article, page: AbstractPage, publish, update, dry_run) -> LoadResult:
    if not isinstance(page, PatientInfoPageMixin):
        raise LoadError(
            f"{article.source}: page {page.id} ({page.title!r}) has this article's "
            "translation_key but is not a patient information page; give the file "
            "a new translation_key or delete that page"
        )
    _check_fields(article, page.specific_class)
    if page.alias_of_id:
        # An alias mirrors another page and has no revisions of its own.
        return LoadResult(
            article,
            Status.LEFT_ALONE,
            page,
            published=page.live,
            detail=f"it is an alias of page {page.alias_of_id}; update that page "
            "or convert the alias into a page of its own",
            dry_run=dry_run,
        )
    current = content_hash(page_content(page))
    if current == article.content_hash:
        return LoadResult(article, Status.UNCHANGED, page, published=page.live)
    record = LoadedContent.objects.filter(
        translation_key=article.translation_key, locale=page.locale_id
    ).first()
    edited = record is None or current != record.content_hash
    if edited and not update:
        return LoadResult(
            article,
            Status.LEFT_ALONE,
            page,
            published=page.live,
            detail="edited since it was loaded; --update saves the shipped "
            "version as a draft beside the editor's revisions",
            dry_run=dry_run,
        )
    # Publish only over what we loaded ourselves, never over an editor's work.
    live_is_ours = (
        record is not None and page.live and page.live_revision_id == record.revision_id
    )
    publish_now = not edited and (publish or live_is_ours)
    if dry_run:
        return LoadResult(
            article, Status.UPDATED, page, published=publish_now, dry_run=True
        )
    latest = page.get_latest_revision_as_object()
    for name, value in _content_fields(article, page.specific_class).items():
        setattr(latest, name, value)
    _save_and_publish(article, page, latest, publish_now, log_action=True)
    return LoadResult(article, Status.UPDATED, page, published=publish_now)


def _save_and_publish(
    article: ArticleFile,
    page: AbstractPage,
    draft: AbstractPage,
    publish: bool,
    log_action: bool,
) -> None:
    """Save ``draft`` as ``page``'s new revision, publish it if asked, and
    remember it as what was loaded (so later runs can tell an editor's work)."""
    revision = _saving(article, lambda: draft.save_revision(log_action=log_action))
    if publish:
        revision.publish()
    page.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(page)
    LoadedContent.objects.update_or_create(
        translation_key=article.translation_key,
        locale_id=page.locale_id,
        defaults={
            "page": page,
            "content_hash": article.content_hash,
            "revision": revision,
        },
    )


def _saving(article: ArticleFile, save):
    """``save()``, its ValidationError as a LoadError naming the file."""
    try:
        return save()
    except ValidationError as exc:
        raise LoadError(f"{article.source}: {_first_message(exc)}") from None


def _check_fields(article: ArticleFile, model) -> None:
    # A custom base page model (WAGTAIL_PAGE_MODEL) may lack seo_title and
    # search_description: an empty one is nothing to load, a real one would
    # be lost.
    for name in CONTENT_FIELDS:
        if getattr(article, name) and not _has_field(model, name):
            raise LoadError(
                f"{article.source}: {name} is set, but {model.__name__} has no "
                f"{name} field (this site's base page model leaves it out); "
                f"remove {name} from the file or add the field to the base page"
            )


def _content_fields(article: ArticleFile, model) -> dict:
    fields = {
        name: getattr(article, name)
        for name in CONTENT_FIELDS
        if _has_field(model, name)
    }
    return fields | {"body": body_block().to_python(article.body)}


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _review_fields(article: ArticleFile) -> dict:
    # An update never reaches here: a page's review is the hospital's record.
    if article.review is None:
        return {}
    return dict(article.review)


def _first_message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        field, messages = next(iter(error.message_dict.items()))
        return f"{field}: {messages[0]}"
    return error.messages[0]
