"""Write the feed's OpenAPI document to a file (for linting it in CI).

Usage: python scripts/export_openapi.py OUT.json  (with the test settings).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from recurrence_content.api.v1.views import api  # noqa: E402

Path(sys.argv[1]).write_text(json.dumps(api.get_openapi_schema(), indent=2))
