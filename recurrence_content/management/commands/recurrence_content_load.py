"""``manage.py recurrence_content_load``: put the shipped article on the site."""

import json

from django.core.management.base import BaseCommand, CommandError

from recurrence_content.loading import LoadError
from recurrence_content.loading.related_links import parse_link_options, read_link_file
from recurrence_content.loading.syndication import pull
from recurrence_content.loading.with_translations import (
    load_with_translations,
    parse_languages,
)
from recurrence_content.management import see_guides
from recurrence_content.translation.apply import TranslationApplyError


class Command(BaseCommand):
    help = (
        "Load the shipped patient-information article (or --file) as a page, "
        "optionally with its shipped translations. A new version is merged into "
        "pages edited since they were loaded, as a draft. "
        + see_guides("loading.md", "updates.md", "translation.md")
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            help="Page to create the article under: an ID or a URL path on the "
            "default site, e.g. /cancer-care/. Default: the site's patient-information "
            "index page, created under its home page when there is none.",
        )
        parser.add_argument(
            "--file",
            action="append",
            dest="files",
            metavar="PATH",
            help="Load this content file instead of the shipped ones (repeatable).",
        )
        parser.add_argument(
            "--locale",
            help="Language to load into (default: the file's own locale).",
        )
        parser.add_argument(
            "--translations",
            metavar="LANGS",
            help="Also apply shipped translations through wagtail-localize: "
            "comma-separated language codes (e.g. es) or 'all'.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish new articles, new versions of pages nobody edited "
            "since they were loaded, and their translations (a merged draft is "
            "never published).",
        )
        parser.add_argument(
            "--link",
            action="append",
            dest="links",
            default=[],
            metavar="NAME=TARGET",
            help="Point a related link at your own page (repeatable): its title's "
            "slug, '=', a URL path on the default site, a page ID or an http(s) "
            "address, e.g. is-cancer-hereditary=/cancer-care/is-cancer-hereditary/. "
            "Give the same links on every load.",
        )
        parser.add_argument(
            "--links",
            dest="links_file",
            metavar="FILE",
            help="A JSON file of {NAME: TARGET}, as for --link.",
        )
        parser.add_argument(
            "--source",
            metavar="URL",
            help="Pull the articles of a central site running this app, with "
            "their translations, from its feed URL, e.g. "
            "https://central.example/recurrence-content/api/v1/ (docs/updates.md). "
            "Only what changed since the last pull is fetched and loaded.",
        )
        parser.add_argument(
            "--article",
            metavar="KEY",
            help="With --source: only this article (its translation key).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the plan (per article, each block taken, kept, added, "
            "removed or in conflict); write nothing.",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help='json: print one JSON document ("format": 1) for scripts and CI.',
        )

    def handle(self, *args, **options):
        translations = options["translations"]
        if options["source"] and (options["files"] or translations):
            raise CommandError(
                "--source loads the central site's articles and every translation "
                "it publishes in this site's languages; leave out --file and "
                "--translations"
            )
        if options["article"] and not options["source"]:
            raise CommandError("--article needs --source (the central site)")
        try:
            links = (
                read_link_file(options["links_file"]) if options["links_file"] else {}
            )
            links.update(parse_link_options(options["links"]))
            if options["source"]:
                report = pull(
                    options["source"],
                    article=options["article"],
                    parent=options["parent"],
                    locale=options["locale"],
                    publish=options["publish"],
                    dry_run=options["dry_run"],
                    links=links,
                )
            else:
                report = load_with_translations(
                    options["files"],
                    parent=options["parent"],
                    locale=options["locale"],
                    translations=parse_languages(translations)
                    if translations
                    else None,
                    publish=options["publish"],
                    dry_run=options["dry_run"],
                    links=links,
                )
        except (LoadError, TranslationApplyError) as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(report.document(), indent=2, ensure_ascii=False)
            )
        elif options["verbosity"] > 0:
            for line in report.lines():
                self.stdout.write(line)
