from django.core.management.base import BaseCommand

from hospital.demo import build_site, load_shipped_article, reset_admin_password

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Build the example hospital site and an admin account for `make demo`."

    def handle(self, *args, **options):
        cancer_care = build_site()
        article = load_shipped_article(cancer_care)
        username, password = reset_admin_password()
        self.stdout.write(f"Cancer care page:  {BASE_URL}{cancer_care.url}")
        self.stdout.write(f"Article ({article.status}):  {BASE_URL}{article.page.url}")
        self.stdout.write(f"Wagtail admin:     {BASE_URL}/admin/")
        self.stdout.write(f"Admin login:       {username} / {password}")
