"""The stylesheet's documented defaults: every custom property is in the README,
and the default colours pass WCAG contrast."""

import re
from pathlib import Path

import pytest

import recurrence_content

CSS = (
    Path(recurrence_content.__file__).parent
    / "static/recurrence_content/css/recurrence_content.css"
).read_text()
README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def defaults() -> dict[str, str]:
    block = re.search(r":where\(\.rc-article, \.rc-index\) \{(.*?)\n\}", CSS, re.S)
    return {
        name: " ".join(value.split())
        for name, value in re.findall(r"(--rc-[\w-]+):\s*([^;]+);", block.group(1))
    }


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


WHITE = "#ffffff"
TEXT_ON = [
    ("--rc-text-color", WHITE),
    ("--rc-muted-color", WHITE),
    ("--rc-accent-color", WHITE),
    ("--rc-text-color", "--rc-info-background"),
    ("--rc-accent-color", "--rc-info-background"),
    ("--rc-text-color", "--rc-seek-help-background"),
    ("--rc-accent-color", "--rc-seek-help-background"),
    ("--rc-text-color", "--rc-warning-background"),
    ("--rc-accent-color", "--rc-warning-background"),
    ("--rc-focus-text", "--rc-focus-background"),
]


@pytest.mark.parametrize(("text", "background"), TEXT_ON)
def test_default_text_colours_pass_wcag_aa(text, background):
    values = defaults()
    ratio = contrast(values[text], values.get(background, background))
    assert ratio >= 4.5, f"{text} on {background}: {ratio:.2f}:1"


def test_the_focus_outline_stands_out_from_the_page():
    # WCAG 2.2 non-text contrast: 3:1 against white.
    assert contrast(defaults()["--rc-focus-outline"], WHITE) >= 3


def test_the_default_font_is_a_sans_serif_stack():
    font = defaults()["--rc-font-family"]
    assert font.endswith("sans-serif") and font.count(",") >= 3


def test_every_custom_property_is_documented_in_the_readme():
    missing = [name for name in defaults() if f"`{name}`" not in README]
    assert missing == []
