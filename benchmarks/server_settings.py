"""The example site as `make serve` runs it, plus the in-memory ceiling view."""

from example_site.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.server_urls"
