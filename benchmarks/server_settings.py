"""The example site as `make serve` runs it, plus the in-memory ceiling view."""

from example_site.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.server_urls"

# After the response cache: counts what it did not answer (benchmarks/workday.py).
MIDDLEWARE = [MIDDLEWARE[0], "benchmarks.server_urls.count_renders", *MIDDLEWARE[1:]]  # noqa: F405
