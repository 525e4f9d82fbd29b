"""Article page, feed detail and feed list, in process on in-memory SQLite.

Each is measured against a baseline on the same data in the same run: the
article stored as one rich-text field on a plain page type, and that page's
Wagtail API v2 detail.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.test import Client
from wagtail.models import Locale, Page, Site

from .measure import Timing, time_pair, time_requests
from .report import Row, print_row

FEED = "/recurrence-content/api/v1/articles"


def empty_caches() -> None:
    """Cold: nothing in Django's caches (Wagtail's site paths, the feed's, the
    response cache) nor in Django's in-process content type cache."""
    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()


def _ms(t: Timing) -> str:
    return f"{t.median:.2f} ms (p95 {t.p95:.2f}), {t.queries} q"


def _time_row(section, name, ours, base, limit, extra_queries=None) -> Row:
    ratio = ours.median / base.median
    met = ratio <= limit
    target = f"≤ {limit}×"
    if extra_queries is not None:
        met = met and ours.queries <= base.queries + extra_queries
        target += f", queries ≤ baseline+{extra_queries}"
    row = Row(
        section,
        name,
        _ms(ours),
        _ms(base),
        f"{ratio:.2f}×, {ours.queries - base.queries:+d} q",
        target,
        met,
        {"ours": vars(ours), "baseline": vars(base), "ratio": ratio},
    )
    print_row(row)
    return row


def baseline_page(parent: Page, article) -> Page:
    """The same article as one rich-text field on a plain page type."""
    from benchmarks.baseline.models import RichTextArticlePage

    html = "".join(str(block.render()) for block in article.body)
    page = RichTextArticlePage(
        title=article.title, slug=f"{article.slug}-rich-text", summary=article.summary
    )
    page.body = html
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def run() -> list[Row]:
    from tests.factories import every_block_body, make_article, make_host_page

    for code in ("en", "es"):
        Locale.objects.get_or_create(language_code=code)
    home = Site.objects.get(is_default_site=True).root_page
    host = make_host_page(home)
    client = Client()
    rows: list[Row] = []
    feed_queries = {}
    for copies in (1, 2):
        article = make_article(
            host, title=f"Article x{copies}", body=every_block_body() * copies
        )
        plain = baseline_page(host, article)
        size = f"{copies}× body"
        # Cached: what anonymous readers get once the response cache holds
        # the article. Session: a reader with a session cookie (signed in),
        # whom the response cache never serves; both pages get the same
        # request. Cold: every cache empty.
        for state, before, cookies in (
            ("cached", None, {}),
            ("session cookie", None, {settings.SESSION_COOKIE_NAME: "reader"}),
            ("cold", empty_caches, {}),
        ):
            reader = Client()
            reader.cookies.load(cookies)
            reader.get(article.url), reader.get(plain.url)
            ours, base = time_pair(
                lambda a=article, c=reader: c.get(a.url),
                lambda p=plain, c=reader: c.get(p.url),
                before,
            )
            rows.append(
                _time_row(
                    "article",
                    f"page vs rich-text page, {size}, {state}",
                    ours,
                    base,
                    1.2,
                    2,
                )
            )

        feed_url = f"{FEED}/{article.translation_key}/?locale=en"
        v2_url = f"/api/v2/pages/{plain.pk}/"
        cold, v2 = time_pair(
            lambda u=feed_url: client.get(u),
            lambda u=v2_url: client.get(u),
            empty_caches,
        )
        client.get(feed_url), client.get(v2_url)
        cached, v2_warm = time_pair(
            lambda u=feed_url: client.get(u), lambda u=v2_url: client.get(u)
        )
        feed_queries[copies] = (cold.queries, cached.queries)
        rows.append(_time_row("feed", f"detail cold vs API v2, {size}", cold, v2, 1.3))
        rows.append(
            _time_row("feed", f"detail cached vs API v2, {size}", cached, v2_warm, 0.5)
        )
    same = feed_queries[1] == feed_queries[2]
    row = Row(
        "feed",
        "detail queries, 1× vs 2× body (cold, cached)",
        f"{feed_queries[2]}",
        f"{feed_queries[1]}",
        "same" if same else "differ",
        "same",
        same,
    )
    print_row(row)
    rows.append(row)
    rows.extend(feed_list(client, host))
    return rows


def feed_list(client: Client, host: Page) -> list[Row]:
    """The list at 1, 20, 50 and 200 articles, each in English and Spanish."""
    from tests.factories import make_article

    spanish = Locale.objects.get(language_code="es")
    # Only this section's articles: the others live under another parent.
    parent = host.add_child(instance=Page(title="Feed list", slug="feed-list"))
    parent.save_revision().publish()
    made, measured = 0, {}
    for size in (1, 20, 50, 200):
        while made < size:
            made += 1
            page = make_article(parent, title=f"List article {made}")
            translated = page.copy_for_translation(spanish, copy_parents=True)
            translated.save_revision().publish()
        url = f"{FEED}/?limit=100"
        es_url = f"{FEED}/?locale=es&limit=100"
        both = time_requests(lambda u=url: client.get(u), empty_caches, 1, 10)
        es = time_requests(lambda u=es_url: client.get(u), empty_caches, 1, 10)
        measured[size] = (both, es)
    rows = []
    first = measured[1][0]
    for size, (both, es) in measured.items():
        row = Row(
            "feed list",
            f"{size} articles × 2 languages, cold, limit=100",
            f"{both.median:.1f} ms, {both.queries} q (es only: {es.median:.1f} ms, "
            f"{es.queries} q)",
            f"1 article: {first.median:.1f} ms, {first.queries} q",
            f"{both.queries - first.queries:+d} q",
            "same queries at every size",
            both.queries == first.queries and es.queries == measured[1][1].queries,
            {"time_ms": both.median, "queries": both.queries, "es_queries": es.queries},
        )
        print_row(row)
        rows.append(row)
    return rows


def index_pages() -> list[Row]:
    """A section's index page, cold, at 2,000 articles against 50: each
    renders one page of the list, so the two should cost about the same."""
    from recurrence_content.models import PatientInfoIndexPage
    from tests.factories import make_many_articles

    home = Site.objects.get(is_default_site=True).root_page
    client = Client()
    indexes = {}
    for size in (50, 2000):
        index = PatientInfoIndexPage(title=f"Index of {size}", slug=f"index-{size}")
        home.add_child(instance=index)
        index.save_revision().publish()
        make_many_articles(index, size)
        indexes[size] = index.url
    large, small = time_pair(
        lambda: client.get(indexes[2000]),
        lambda: client.get(indexes[50]),
        empty_caches,
        rounds=3,
        number=10,
    )
    return [
        _time_row(
            "index", "page 1 of 2,000 articles vs of 50, cold", large, small, 1.2, 0
        )
    ]
