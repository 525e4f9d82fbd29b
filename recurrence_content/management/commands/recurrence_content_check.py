"""``manage.py recurrence_content_check``: fail a deploy on overdue reviews,
unreviewed articles, hard reading or related links that lead nowhere."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from recurrence_content.governance.check import run_check
from recurrence_content.governance.findings import Thresholds
from recurrence_content.management import see_guides

# Exit status when a check found something; bad arguments exit 2.
FOUND = 1


class Command(BaseCommand):
    help = (
        "Check every article's clinical review, reading level and related links; "
        "exit 1 when any passes the thresholds given. With no threshold options "
        "every check runs at the site's settings. " + see_guides("governance.md")
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-grade",
            type=float,
            metavar="GRADE",
            help="Fail on articles whose reading grade is above GRADE.",
        )
        parser.add_argument(
            "--overdue", action="store_true", help="Fail on overdue reviews."
        )
        parser.add_argument(
            "--due-within",
            type=int,
            metavar="DAYS",
            help="Fail on reviews due within DAYS days (overdue ones included).",
        )
        parser.add_argument(
            "--unreviewed",
            action="store_true",
            help="Fail on articles never reviewed.",
        )
        parser.add_argument(
            "--unlinked",
            action="store_true",
            help="Fail on related links with no page or URL.",
        )
        parser.add_argument(
            "--locale", metavar="CODE", help="Check only articles in this language."
        )
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="Output format."
        )

    def handle(self, *args, **options):
        thresholds = Thresholds(
            max_grade=options["max_grade"],
            overdue=options["overdue"],
            due_within_days=options["due_within"],
            unreviewed=options["unreviewed"],
            unlinked=options["unlinked"],
        )
        if options["due_within"] is not None and options["due_within"] < 0:
            raise CommandError(
                "--due-within takes a number of days, 0 or more.", returncode=2
            )
        locale = options["locale"]
        if locale and not Locale.objects.filter(language_code=locale).exists():
            codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise CommandError(
                f"--locale {locale}: no such locale; this site has: {codes}.",
                returncode=2,
            )
        text, found = run_check(thresholds, locale=locale, output=options["format"])
        self.stdout.write(text, ending="")
        if found:
            raise SystemExit(FOUND)
