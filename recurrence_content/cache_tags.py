"""Cached things tagged by what they show; a change retires only its tags.

Every cached entry (a whole response, a feed answer, a part of an article, a
translation status) is stored with the tags of what it shows and the version
each tag had when it was built. A tag's version lives in the same (shared)
cache; a change sets new versions for its tags in one write, so every server
stops using the entries that show it, and only those. Entries are reached by
keys that do not move (a URL, a page), so the next render overwrites a
retired entry; keys of a page that goes away are deleted through a small index
kept per page tag.

The tags:

- ``page_tag(translation_key)``: a page of the app in every language (its
  language switcher names the others), with the feed details and translation
  statuses of those pages; an index page's tag also moves when an article
  below it changes, as the index lists it.
- ``shown_tag(pk)``: what a page's descendants show of it (its title and URL):
  its version is a digest of them, so publishing it unchanged retires nothing.
- ``list_tag(language)``: the feed's lists (and Infobutton answers) that may
  list an article of that language; ``list_tag(None)``, lists of every language.
- ``status_tag(translation_key)``: what shows translators' progress (statuses,
  the feed with ``include_incomplete``); wagtail-localize's records move it.
- ``EVERYTHING``: sites, locales, privacy and the models named by
  ``RECURRENCE_CONTENT_CACHE_INVALIDATING_MODELS`` (the review wording...).

While an article's new version is being rendered into the caches after its
publication (``refresh``), its tags are marked *refreshing*: the response
cache goes on serving what it holds for them, so no reader waits for a cold
render, until the refresh overwrites it (at most
``RESPONSE_CACHE_REFRESH_GRACE`` seconds).

The caches are a speed-up, never a single point of failure: through
``TolerantCache`` an unreachable cache has no versions, and callers then
answer from the database and store nothing.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from .conf import get_setting
from .tolerant_cache import TolerantCache

T = TypeVar("T")
PREFIX = "recurrence_content:tag"
# The response cache's keys: the only entries served while being refreshed,
# and overwritten in place by the refresh (``response_cache``).
RESPONSES_PREFIX = "recurrence_content:responses"
EVERYTHING = "all"
# The settings naming the caches that hold tagged entries: each keeps its own
# copy of the tags' versions, beside its entries.
ALIAS_SETTINGS = (
    "RESPONSE_CACHE_ALIAS",
    "FEED_CACHE_ALIAS",
    "TRANSLATION_STATUS_CACHE_ALIAS",
)
# Keys listed per page tag, so a page's entries can be deleted; more than this
# are left to expire.
MAX_INDEXED = 200
_MISSING = object()
# Versions a change could not write, by cache alias: written on this
# process's next use of that cache, so a cache that was unreachable for a
# moment (and kept its keys) does not go on serving what the change retired.
_missed: dict[str, dict[str, str]] = {}


def page_tag(translation_key: Any) -> str:
    return f"page:{translation_key}"


def shown_tag(pk: int) -> str:
    return f"shown:{pk}"


def list_tag(language: str | None) -> str:
    return f"list:{language or '*'}"


def status_tag(translation_key: Any) -> str:
    return f"status:{translation_key}"


def shown_version(title: str, url_path: str, live: bool) -> str:
    """The version of ``shown_tag``: what descendants show of the page."""
    return _digest(repr((title, url_path, live)))[:16]


def ancestor_tags(pages: Iterable[Any]) -> dict[str, str]:
    """``{shown_tag: version}`` for the ancestors of ``pages`` (or of anything
    with a page's tree ``path``) below the tree's root, in one query: their
    titles and slugs are in the pages' URLs, breadcrumbs and JSON-LD."""
    from .page_model import page_model  # noqa: PLC0415 - models load after this module

    Page = page_model()
    step = Page.steplen
    paths = {
        page.path[:end]
        for page in pages
        for end in range(2 * step, len(page.path), step)
    }
    if not paths:
        return {}
    rows = Page.objects.filter(path__in=paths).values_list(
        "pk", "title", "url_path", "live"
    )
    return {shown_tag(pk): shown_version(*row) for pk, *row in rows}


def page_tags(page: Any) -> dict[str, str | None]:
    """The tags of what a page of the app shows: itself in every language,
    and its ancestors' titles and URLs (kept on the page object, so the parts
    of one render share one query)."""
    tags = getattr(page, "_recurrence_content_tags", None)
    if tags is None:
        tags = {
            EVERYTHING: None,
            page_tag(page.translation_key): None,
            **ancestor_tags([page]),
        }
        page._recurrence_content_tags = tags
    return tags


def tagged_cache(alias: str) -> TolerantCache:
    """The cache ``alias``, once the versions a change could not write to it
    are written (when it is reachable again)."""
    cache = TolerantCache(alias)
    missed = _missed.pop(alias, None)
    if missed and not cache.set_many(missed, timeout=None):
        _missed.setdefault(alias, {}).update(missed)
    return cache


def _tag_key(tag: str) -> str:
    return f"{PREFIX}:{tag}"


def _refreshing_key(tag: str) -> str:
    return f"{PREFIX}:refreshing:{tag}"


def refreshing_keys(tags: Iterable[str]) -> list[str]:
    return [_refreshing_key(tag) for tag in tags]


def is_refreshing(stored: dict[str, str], found: dict[str, Any]) -> bool:
    """Whether every tag of ``stored`` whose version moved is being
    refreshed (``found``: a ``get_many`` answer holding the tags' keys and
    their ``refreshing_keys``): the entry may still be served meanwhile."""
    moved = [tag for tag, value in stored.items() if found.get(_tag_key(tag)) != value]
    return all(_refreshing_key(tag) in found for tag in moved)


def end_refreshing(tags: Iterable[str]) -> None:
    """The refresh of ``tags`` is done: entries still showing their old
    versions are no longer served."""
    keys = refreshing_keys(tags)
    for alias in {get_setting(name) for name in ALIAS_SETTINGS}:
        tagged_cache(alias).delete_many(keys)


def _index_key(tag: str) -> str:
    return f"{PREFIX}:index:{tag}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def versions(
    cache: TolerantCache, tags: dict[str, str | None]
) -> dict[str, str] | None:
    """The current version of each tag, giving a missing one its value in
    ``tags`` (None: a new random one); None when the cache is down."""
    keys = {tag: _tag_key(tag) for tag in tags}
    found = cache.get_many(list(keys.values()))
    current = {tag: found[key] for tag, key in keys.items() if key in found}
    for tag in tags.keys() - current.keys():
        cache.add(_tag_key(tag), tags[tag] or _fresh(), timeout=None)
    missing = [keys[tag] for tag in tags.keys() - current.keys()]
    if missing:
        again = cache.get_many(missing)
        for tag in tags.keys() - current.keys():
            if keys[tag] not in again:
                return None  # the cache is down
            current[tag] = again[keys[tag]]
    return current


def snapshot(
    cache: TolerantCache,
    tags: dict[str, str | None],
    before: dict[str, str] | None = None,
) -> dict[str, str] | None:
    """The versions to store an entry built now under: those read ``before``
    building it where known (a change during the build then retires it), the
    rendered digest for ``shown`` tags, the cache's for the others."""
    current = versions(cache, tags)
    if current is None:
        return None
    built = {tag: value for tag, value in tags.items() if value is not None}
    return {**current, **(before or {}), **built}


def is_current(stored: dict[str, str], found: dict[str, Any]) -> bool:
    """Whether every tag still has the version ``stored`` (``found``: a
    ``get_many`` answer holding the tags' keys)."""
    return all(found.get(_tag_key(tag)) == value for tag, value in stored.items())


def tag_keys(tags: Iterable[str]) -> list[str]:
    return [_tag_key(tag) for tag in tags]


class TaggedCache:
    """Entries kept in the cache the setting ``alias_setting`` names, for the
    seconds ``timeout`` gives (or the setting it names), valid while their
    tags are."""

    def __init__(self, alias_setting: str, prefix: str, timeout: str | int):
        self.alias_setting = alias_setting
        self.prefix = prefix
        # A setting's name, or seconds.
        self.timeout_setting = timeout

    def cache(self) -> TolerantCache:
        return tagged_cache(get_setting(self.alias_setting))

    def timeout(self) -> int:
        if isinstance(self.timeout_setting, int):
            return self.timeout_setting
        return get_setting(self.timeout_setting)

    def key(self, name: str) -> str:
        # Hashed: a name may hold a host name or spaces, which memcached refuses.
        return f"{self.prefix}:{_digest(name)}"

    def remember(
        self, name: str, tags: dict[str, str | None], compute: Callable[[], T]
    ) -> T:
        """``compute()``, kept until one of ``tags`` moves: one cache read
        when it is kept. Not kept when the cache is down or the timeout is 0."""
        timeout = self.timeout()
        if not timeout:
            return compute()
        tags = {EVERYTHING: None, **tags}
        cache = self.cache()
        key = self.key(name)
        found = cache.get_many([key, *tag_keys(tags)])
        entry = found.get(key)
        if entry is not None and is_current(entry[0], found):
            return entry[1]
        stored = snapshot(cache, tags, _known(found, tags))
        value = compute()
        if stored is not None:
            self.store(cache, key, (stored, value), timeout)
        return value

    def get_many(self, names: dict[Any, str]) -> tuple[dict[Any, Any], dict]:
        """The current entries of ``names`` (``{id: name}``), by id, in two
        reads; and the tags' versions read, for ``set_many``."""
        cache = self.cache()
        keys = {ident: self.key(name) for ident, name in names.items()}
        entries = cache.get_many(list(keys.values()))
        tags = {tag for entry in entries.values() for tag in entry[0]}
        found = cache.get_many(tag_keys(tags)) if tags else {}
        current = {
            ident: entries[key][1]
            for ident, key in keys.items()
            if key in entries and is_current(entries[key][0], found)
        }
        return current, found

    def set_many(
        self,
        values: dict[str, Any],
        tags: dict[str, dict[str, str | None]],
        found: dict | None = None,
    ) -> None:
        """Keep each ``values[name]`` under its ``tags[name]``."""
        timeout = self.timeout()
        if not timeout:
            return
        cache = self.cache()
        for name, value in values.items():
            wanted = {EVERYTHING: None, **tags[name]}
            stored = snapshot(cache, wanted, _known(found or {}, wanted))
            if stored is not None:
                self.store(cache, self.key(name), (stored, value), timeout)

    def store(self, cache: TolerantCache, key: str, entry: tuple, timeout: int) -> None:
        """Write ``entry`` (versions, value) and list its key under its page
        tags, so a page that goes away takes its entries with it."""
        cache.set(key, entry, timeout)
        index_entry(cache, key, entry[0])


def index_entry(cache: TolerantCache, key: str, stored: dict[str, str]) -> None:
    """List ``key`` under the page tags in ``stored`` (best effort: a key lost
    to a concurrent write is only left to expire)."""
    for tag in stored:
        if not tag.startswith("page:"):
            continue
        listed = cache.get(_index_key(tag)) or []
        if key not in listed and len(listed) < MAX_INDEXED:
            cache.set(_index_key(tag), [*listed, key], timeout=None)


def _known(found: dict, tags: Iterable[str]) -> dict[str, str]:
    return {tag: found[_tag_key(tag)] for tag in tags if _tag_key(tag) in found}


def _fresh() -> str:
    return uuid.uuid4().hex[:16]


def invalidate(
    tags: Iterable[str],
    shown: dict[str, str] | None = None,
    keep: bool = False,
    refreshing: bool = False,
) -> None:
    """Retire every entry that shows one of ``tags`` (new versions, in one
    write per cache), deleting those of page tags, but for whole responses
    when ``keep``; ``shown`` sets ``shown`` tags to what the page now shows
    (unchanged: nothing retired).

    ``refreshing``: the refresh that follows a committed publication will
    render the new version over the kept entries, which are served meanwhile
    (``is_refreshing``). Otherwise any such mark is removed: what an
    unpublication or a deletion retires is never served again."""
    tags = set(tags)
    versions_ = {_tag_key(tag): _fresh() for tag in tags}
    versions_.update({_tag_key(tag): value for tag, value in (shown or {}).items()})
    if not versions_:
        return
    pages = [tag for tag in tags if tag.startswith("page:")]
    marks = refreshing_keys(tags)
    for alias in {get_setting(name) for name in ALIAS_SETTINGS}:
        cache = tagged_cache(alias)
        # Marked before the versions move, so no reader finds them moved
        # unmarked; unmarked before, so none is served what was retired.
        if refreshing:
            grace = get_setting("RESPONSE_CACHE_REFRESH_GRACE")
            cache.set_many(dict.fromkeys(marks, 1), timeout=grace)
        else:
            cache.delete_many(marks)
        if not cache.set_many(versions_, timeout=None):
            _missed.setdefault(alias, {}).update(versions_)
            continue
        if pages:
            _delete_listed(cache, pages, keep)


def _delete_listed(cache: TolerantCache, pages: list[str], keep: bool) -> None:
    """Delete the entries listed under the page tags ``pages``; with
    ``keep``, all but whole responses, which stay listed."""
    indexes = cache.get_many([_index_key(tag) for tag in pages])
    kept = {
        index: [key for key in listed if keep and key.startswith(RESPONSES_PREFIX)]
        for index, listed in indexes.items()
    }
    gone = [
        key
        for index, listed in indexes.items()
        for key in listed
        if key not in kept[index]
    ]
    cache.delete_many([*gone, *(index for index in kept if not kept[index])])
    cache.set_many({index: keys for index, keys in kept.items() if keys}, timeout=None)


# What rendering a page looks up or renders that only a change of what it
# shows alters (an article's body, its language versions, the review
# wording), for readers the response cache does not serve.
PARTS = TaggedCache(
    "RESPONSE_CACHE_ALIAS", "recurrence_content:parts", "RESPONSE_CACHE_TIMEOUT"
)
