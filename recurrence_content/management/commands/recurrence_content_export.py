"""``manage.py recurrence_content_export PAGE``: write an article as a content file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from recurrence_content.loading import LoadError, dumps, export_page, resolve_page
from recurrence_content.management import see_guides


class Command(BaseCommand):
    help = (
        "Write an article page (its latest revision) in the content file format "
        "that recurrence_content_load reads. " + see_guides("loading.md")
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "page", help="The page: an ID or a URL path on the default site."
        )
        parser.add_argument(
            "-o", "--output", metavar="FILE", help="Write to FILE instead of stdout."
        )

    def handle(self, *args, **options):
        try:
            text = dumps(export_page(resolve_page(options["page"])))
        except LoadError as exc:
            raise CommandError(str(exc)) from None
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
