"""Print one install step from README.md: the fenced block after the marker
``<!-- install:NAME -->``, so CI runs the README's steps as a reader would."""

import re
import sys
from pathlib import Path

readme, name = Path(sys.argv[1]).read_text(encoding="utf-8"), sys.argv[2]
match = re.search(
    rf"<!-- install:{re.escape(name)} -->\n```[a-z]*\n(.*?)\n```", readme, re.DOTALL
)
if not match:
    sys.exit(f"README.md has no block marked <!-- install:{name} -->")
print(match.group(1))
