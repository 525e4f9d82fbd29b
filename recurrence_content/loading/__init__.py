"""Loading shipped (or a hospital's own) articles into a site, and exporting them.

See docs/loading.md for the file format and the commands.
"""

from .errors import LoadError
from .exporter import export_page
from .fileformat import FORMAT_VERSION, ArticleFile, dumps, read_file
from .loader import (
    LoadResult,
    Status,
    load_article,
    load_articles,
    load_file,
    load_files,
)
from .shipped import shipped_dir, shipped_files
from .targets import resolve_locale, resolve_page

__all__ = [
    "FORMAT_VERSION",
    "ArticleFile",
    "LoadError",
    "LoadResult",
    "Status",
    "dumps",
    "export_page",
    "load_article",
    "load_articles",
    "load_file",
    "load_files",
    "read_file",
    "resolve_locale",
    "resolve_page",
    "shipped_dir",
    "shipped_files",
]
