from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
# The wheel ships the guides inside the package (pyproject.toml force-includes
# docs/ as recurrence_content/docs/); a checkout has them beside the package.
_GUIDES = next(
    (
        folder
        for folder in (_PACKAGE / "docs", _PACKAGE.parent / "docs")
        if folder.is_dir()
    ),
    _PACKAGE / "docs",
)


def see_guides(*names: str) -> str:
    """The sentence a command's --help ends with: where its guides are on this
    machine, so a site that installed the wheel can open them."""
    return "See " + " and ".join(str(_GUIDES / name) for name in names) + "."
