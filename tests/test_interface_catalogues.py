"""The shipped interface catalogues are complete, compiled and used."""

import ast
import importlib.util
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation.template import templatize

import recurrence_content

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(recurrence_content.__file__).parent
LANGUAGES = ["es", "fr", "ar", "zh_Hans"]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy"}


def load_compile_script():
    spec = importlib.util.spec_from_file_location(
        "compile_messages", ROOT / "scripts" / "compile_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def python_msgids(path: Path) -> set[str]:
    """String literals passed to gettext functions (what makemessages finds)."""
    msgids = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in GETTEXT_NAMES
            and node.args
        ):
            arg = node.args[-1] if node.func.id.startswith("pgettext") else node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                msgids.add(arg.value)
    return msgids


def template_msgids(path: Path) -> set[str]:
    # templatize() is what makemessages feeds to xgettext: gettext('...') calls.
    code = templatize(path.read_text(), origin=str(path))
    return {
        ast.literal_eval(match)
        for match in re.findall(r"\bgettext\((u?'(?:[^'\\]|\\.)*')\)", code)
    }


def code_msgids() -> set[str]:
    msgids = set()
    for path in PACKAGE.rglob("*.py"):
        if "migrations" not in path.parts:
            msgids |= python_msgids(path)
    # The package's templates and its optional apps' (the Infobutton's).
    for path in PACKAGE.glob("**/templates/**/*.html"):
        msgids |= template_msgids(path)
    return msgids


def test_the_extractor_finds_the_strings_we_know_about():
    msgids = code_msgids()
    assert {"Read also:", "Phone: %(phone)s", "When to seek help", "summary"} <= msgids
    assert "This page in other languages" in msgids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(language):
    catalogue = polib.pofile(
        str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    translated = {
        entry.msgid: entry.msgstr
        for entry in catalogue.translated_entries()
        if "fuzzy" not in entry.flags
    }
    missing = sorted(code_msgids() - set(translated))
    assert missing == [], f"untranslated in {language} (run makemessages): {missing}"
    for msgid, msgstr in translated.items():
        # A translation must keep its placeholders, or rendering fails.
        assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(
            re.findall(r"%\(\w+\)s", msgstr)
        ), (language, msgid)


def test_compiled_catalogues_match_their_sources():
    stale = load_compile_script().stale_catalogues()
    assert stale == [], f"run `make messages`: {stale}"


def test_the_stale_check_notices_an_edit_and_compiling_fixes_it(tmp_path):
    script = load_compile_script()
    locale_dir = tmp_path / "locale"
    shutil.copytree(PACKAGE / "locale", locale_dir)
    po_path = locale_dir / "es" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    catalogue.find("Read also:").msgstr = "Lea además:"
    catalogue.save()

    assert script.stale_catalogues(locale_dir) == [po_path]
    script.compile_all(locale_dir)
    assert script.stale_catalogues(locale_dir) == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Lea también:"),
        ("fr", "À lire aussi :"),
        ("ar", "اقرأ أيضًا:"),
        ("zh-hans", "另请阅读："),
    ],
)
def test_django_loads_the_shipped_catalogues(language, expected):
    with translation.override(language):
        assert translation.gettext("Read also:") == expected
