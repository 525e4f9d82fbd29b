"""Builders for test content: realistic block values and pages in a tree."""

from wagtail.models import Locale, Page

from recurrence_content.models import PatientInfoPage

# One realistic raw value per stream child, taken from the shipped article.
BLOCK_VALUES = {
    "heading": {"text": "Diagnosing recurrent cancer", "level": "h2"},
    "paragraph": (
        "<p>If a recurrent cancer is suspected, you will likely need "
        "<b>additional diagnostic tests</b> to learn more.</p>"
    ),
    "definition": {
        "term": "metastasis",
        "also_called": ["secondary cancer"],
        "definition": (
            "Cancer that returns in a different part of the body is called a "
            "metastasis or secondary cancer."
        ),
    },
    "pattern_list": {
        "heading": "Patterns of recurrence",
        "intro": "Cancer may recur in the following patterns:",
        "patterns": [
            {
                "name": "Local recurrence",
                "description": "In the same part of the body as primary cancer, called a local recurrence",
            },
            {
                "name": "Regional recurrence",
                "description": "Near the organ of primary cancer location, called a regional recurrence",
            },
            {
                "name": "Distant recurrence",
                "description": "In another part of the body, called a distant recurrence",
            },
        ],
    },
    "factor_checklist": {
        "heading": "What your doctor considers",
        "intro": "Your doctor will consider the following factors:",
        "factors": [
            {"factor": "Your overall health", "detail": ""},
            {
                "factor": "Side effects you experienced with the original treatment",
                "detail": "Bring a list of the side effects you had.",
            },
        ],
    },
    "coping_resource_list": {
        "heading": "",
        "intro": "Counseling may help you in several ways, including:",
        "list_style": "numbered",
        "resources": [
            {
                "description": "Learning ways to cope with painful feelings",
                "link": "https://example.org/counselling",
                "link_text": "Find a counsellor",
                "phone": "+1 800 555 0100",
            },
            {
                "description": "Managing cancer symptoms and treatment side effects",
                "link": "",
                "link_text": "",
                "phone": "",
            },
        ],
    },
    "question_answer": {
        "question": "Can cancer come back?",
        "answer": "<p>Unfortunately, cancer cells are sometimes left behind after treatment.</p>",
    },
    "callout": {
        "kind": "seek_help",
        "title": "",
        "body": "<p>Seek professional help when the trouble is long lasting.</p>",
    },
    "related_link": {
        "kind": "read_also",
        "title": "Is cancer hereditary?",
        "page": None,
        "url": "https://example.org/hereditary",
    },
}


def every_block_body() -> list[tuple[str, object]]:
    """A body with one of every block, in the order an article uses them."""
    return list(BLOCK_VALUES.items())


def translate(page: Page, locale, *, publish: bool = True, **changes) -> Page:
    """A copy of ``page`` in ``locale`` (its parents copied too), as an editor
    makes one, with ``changes`` set on it; published unless ``publish=False``."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated.specific


def make_host_page(parent: Page, title: str = "Cancer care", **kwargs) -> Page:
    """A host site's own page, the kind our articles are created under."""
    from tests.testapp.models import HostPage

    page = HostPage(title=title, **kwargs)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_article(
    parent: Page,
    title: str = "Does cancer always come back?",
    body=None,
    publish: bool = True,
    page_class: type[Page] = PatientInfoPage,
    **kwargs,
) -> Page:
    """An article (a PatientInfoPage unless ``page_class`` says otherwise) under
    ``parent``, published unless told otherwise."""
    kwargs.setdefault(
        "summary",
        "Some cancers can come back or recur after treatment.",
    )
    page = page_class(
        title=title,
        body=every_block_body() if body is None else body,
        locale=parent.locale if parent.locale_id else Locale.get_default(),
        live=publish,
        **kwargs,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def make_many_articles(parent: Page, count: int, prefix: str = "Article") -> list[int]:
    """``count`` live articles (title and summary, no revisions) under
    ``parent`` after its existing children, in a few queries; their ids.

    For tests and benchmarks of lists of thousands: ``add_child`` costs tens
    of milliseconds a page. Paths are treebeard's, as ``add_child`` makes them.
    """
    from django.contrib.contenttypes.models import ContentType

    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(PatientInfoPage)
    last = parent.get_last_child()
    first_step = 1 if last is None else Page._str2int(last.path[-Page.steplen :]) + 1
    depth = parent.depth + 1
    pages = []
    for number in range(count):
        slug = f"{prefix.lower()}-{first_step + number}"
        pages.append(
            Page(
                title=f"{prefix} {first_step + number}",
                draft_title=f"{prefix} {first_step + number}",
                slug=slug,
                content_type=content_type,
                locale_id=parent.locale_id,
                live=True,
                depth=depth,
                path=Page._get_path(parent.path, depth, first_step + number),
                url_path=f"{parent.url_path}{slug}/",
            )
        )
    Page.objects.bulk_create(pages)
    # The article's own table: one row per page, pointing at it.
    for page in pages:
        PatientInfoPage(
            page_ptr_id=page.pk, summary=f"Summary of {page.title}."
        ).save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    parent.refresh_from_db()
    return [page.pk for page in pages]
