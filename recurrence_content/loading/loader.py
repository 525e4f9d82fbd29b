"""Loads content files into the page tree without touching anyone else's pages.

Articles are matched by ``translation_key`` and locale wherever they are in
the tree. ``LoadedContent`` remembers what was loaded, so a new version is
merged into a page an editor has changed since, as a draft (merge.py).
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

from ..indexing import index_once
from ..models import (
    ClinicalCode,
    LoadedContent,
    PatientInfoPage,
    PatientInfoPageMixin,
)
from ..page_model import page_model
from .errors import LoadError
from .exporter import apply_content, content_of, page_content
from .fileformat import (
    CONTENT_FIELDS,
    ArticleFile,
    body_block,
    content_hash,
    read_file,
)
from .merge import MergeError, MergeResult, merge
from .related_links import apply_links
from .shipped import shipped_dir, shipped_files
from .targets import (
    default_site,
    index_for_new_article,
    resolve_locale,
    resolve_page,
)
from .updates import merge_summary, record_merge

# One lock for every loader run, so concurrent runs take turns on PostgreSQL.
ADVISORY_LOCK_ID = zlib.crc32(b"recurrence_content_load")


class Status(enum.StrEnum):
    """What loading did (or, in a dry run, would do) to one article."""

    CREATED = "created"
    UPDATED = "updated"
    MERGED = "merged"
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
    # The merge of the new version into the page (None: created or left alone).
    merge: MergeResult | None = None

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
        if self.status in (Status.CREATED, Status.UPDATED, Status.MERGED):
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
        dry_run=dry_run,
        links=links,
    )


def load_articles(
    articles: list[ArticleFile],
    *,
    parent: "AbstractPage | int | str | None" = None,
    locale: str | None = None,
    publish: bool = False,
    dry_run: bool = False,
    links: "dict[str, str] | None" = None,
) -> list[LoadResult]:
    """Load validated articles (from files, or pulled from a central site) in
    one transaction; options as for ``load_files``."""
    with transaction.atomic(), index_once():
        lock()
        articles = apply_links(articles, links or {})
        results = [
            _load(article, parent, locale, publish, dry_run) for article in articles
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


def _load(article, parent_ref, locale_code, publish, dry_run) -> LoadResult:
    locale = resolve_locale(locale_code or article.locale)
    page = (
        page_model()
        .objects.filter(translation_key=article.translation_key, locale=locale)
        .first()
    )
    if page is None:
        return _create(article, parent_ref, locale, publish, dry_run)
    return _refresh(article, page.specific, publish, dry_run)


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
    revision = _saving(article, lambda: page.save_revision(log_action=False))
    if publish:
        revision.publish()
    page.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(page)
    _remember(article, page, revision)
    return LoadResult(article, Status.CREATED, page, published=publish, detail=detail)


def _new_index_detail(index: AbstractPage, publish: bool) -> str:
    state = "published" if publish else "a draft"
    return (
        f"under a new index page {index.title!r} ({state}) on the site's home "
        "page, as no --parent was given; move or rename it in the admin as you like"
    )


def _refresh(article, page: AbstractPage, publish, dry_run) -> LoadResult:
    if not isinstance(page, PatientInfoPageMixin):
        raise LoadError(
            f"{article.source}: page {page.id} ({page.title!r}) has this article's "
            "translation_key but is not a patient information page; give the file "
            "a new translation_key or delete that page"
        )
    _check_fields(article, page.specific_class)

    def left_alone(detail: str) -> LoadResult:
        return LoadResult(
            article,
            Status.LEFT_ALONE,
            page,
            published=page.live,
            detail=detail,
            dry_run=dry_run,
        )

    if page.alias_of_id:
        # An alias mirrors another page and has no revisions of its own.
        return left_alone(
            f"it is an alias of page {page.alias_of_id}; update that page "
            "or convert the alias into a page of its own"
        )
    record = LoadedContent.objects.filter(
        translation_key=article.translation_key, locale=page.locale_id
    ).first()
    if record is not None and record.content_hash == article.content_hash:
        # This version was loaded before: whatever editors did since stays.
        return LoadResult(article, Status.UNCHANGED, page, published=page.live)
    local = page_content(page)
    current = content_hash(local)
    if current == article.content_hash:
        return LoadResult(article, Status.UNCHANGED, page, published=page.live)
    if record is None:
        return left_alone(
            "this site made the page, not the loader: there is no loaded version "
            "to merge against; give the file a new translation_key to load it "
            "beside the page"
        )
    base = _base_content(record)
    if base is None:
        return left_alone(
            "the version loaded last is no longer stored (its revision was "
            "deleted), so a merge could lose an editor's work; compare the "
            "page with the file by hand"
        )
    upstream = {name: getattr(article, name) for name in CONTENT_FIELDS}
    try:
        result = merge(base, local, upstream)
    except MergeError as exc:
        return left_alone(f"{exc} in the page or the file; cannot merge")
    # Only a fast-forward (the page holds exactly what we loaded last) may be
    # published, and only when asked: a merge always waits for an editor.
    fast_forward = current == record.content_hash
    status = Status.UPDATED if fast_forward else Status.MERGED
    publish_now = fast_forward and publish
    detail = "" if fast_forward else _merge_detail(result, result.content != local)
    if dry_run:
        return LoadResult(
            article,
            status,
            page,
            published=publish_now,
            dry_run=True,
            merge=result,
            detail=detail,
        )
    revision = None
    if result.content != local:
        draft = page.get_latest_revision_as_object()
        apply_content(draft, result.content)
        revision = _saving(
            article, lambda: draft.save_revision(log_action=fast_forward)
        )
        if publish_now:
            revision.publish()
        page.refresh_from_db()
        ReferenceIndex.create_or_update_for_object(page)
    if not fast_forward:
        record_merge(page, result, upstream, revision)
    _remember(article, page, revision, merged=not fast_forward)
    return LoadResult(
        article, status, page, published=publish_now, merge=result, detail=detail
    )


def _base_content(record: LoadedContent) -> dict | None:
    """What was loaded last: stored since 0.2; before, its revision's content."""
    if record.content is not None:
        return record.content
    if record.revision is None:
        return None
    return content_of(record.revision.as_object())


def _merge_detail(result: MergeResult, changes_page: bool) -> str:
    counts = merge_summary(result)
    parts = [f"{count} {action}" for action, count in counts.items() if count]
    text = ", ".join(parts) or "nothing new to take"
    if result.conflicts:
        text += "; an editor chooses for each conflict in the page editor"
    if not changes_page:
        return text + "; the page itself is unchanged"
    return text + "; saved as a draft, review and publish it"


def _remember(
    article: ArticleFile, page: AbstractPage, revision, merged: bool = False
) -> None:
    """Remember the version loaded (the base of the next merge), and the
    revision that holds it, or the merged draft."""
    defaults = {
        "page": page,
        "content_hash": article.content_hash,
        "content": {name: getattr(article, name) for name in CONTENT_FIELDS},
        "withdrawn_at": None,
    }
    # A merge that took nothing leaves an earlier merged draft waiting.
    if merged and revision is not None:
        defaults["merged_revision"] = revision
    elif revision is not None:
        defaults |= {"revision": revision, "merged_revision": None}
    LoadedContent.objects.update_or_create(
        translation_key=article.translation_key,
        locale_id=page.locale_id,
        defaults=defaults,
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
