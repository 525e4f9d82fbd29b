from django.core.management.base import BaseCommand

from hospital.demo import (
    BASE_URL,
    build_site,
    load_shipped_article,
    load_shipped_translations,
    reset_admin_password,
    tag_with_example_codes,
)

FEED = f"{BASE_URL}/recurrence-content/api/v1"
# An EHR's request for ICD-10-CM Z85.3 (personal history of malignant
# neoplasm of breast), as it would send it to MedlinePlus Connect.
INFOBUTTON = (
    f"{BASE_URL}/recurrence-content/infobutton/"
    "?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=Z85.3"
)


class Command(BaseCommand):
    help = "Build the example hospital site and an admin account for `make demo`."

    def handle(self, *args, **options):
        cancer_care = build_site()
        article = load_shipped_article(cancer_care)
        translations = load_shipped_translations(article.page)
        tag_with_example_codes(article.page)
        username, password = reset_admin_password()
        self.stdout.write(f"Cancer care page:  {BASE_URL}{cancer_care.url}")
        self.stdout.write(f"Article ({article.status}):  {BASE_URL}{article.page.url}")
        for result in translations:
            self.stdout.write(
                f"Translation {result.language_code}:    {BASE_URL}{result.page.url}"
            )
        key = article.page.translation_key
        self.stdout.write(f"Feed, articles:    {FEED}/articles/")
        self.stdout.write(f"Feed, article:     {FEED}/articles/{key}/?locale=en")
        for result in translations:
            code = result.language_code
            self.stdout.write(
                f"Feed, article:     {FEED}/articles/{key}/?locale={code}"
            )
        self.stdout.write(f"Feed docs:         {FEED}/docs/")
        self.stdout.write(
            "Infobutton (the article is tagged ICD-10-CM Z85 and Z08 as examples):"
        )
        self.stdout.write(f"  English:         {INFOBUTTON}")
        for result in translations:
            code = result.language_code
            self.stdout.write(
                f"  {code}:{' ' * (16 - len(code))}"
                f"{INFOBUTTON}&informationRecipient.languageCode.c={code}"
            )
        self.stdout.write(
            f"CDS Hooks discovery: {BASE_URL}/recurrence-content/cds-services"
        )
        self.stdout.write(f"Wagtail admin:     {BASE_URL}/admin/")
        self.stdout.write(f"Admin login:       {username} / {password}")
