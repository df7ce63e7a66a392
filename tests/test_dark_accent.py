"""Dark mode's accent (kickers, section labels and rules): the brand's own accent, lightened to read on the dark
paper, unless the brand names a dark accent of its own."""

import colorsys
import re

from golden import DATE

from newsletter.build import make_issue, render_files
from newsletter.colour import DARK_ACCENT_CONTRAST, channels, contrast
from newsletter.models import Colors

GREEN = "#0b6e4f"
DARK_ROOT = re.compile(r"@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}")


def web_page(folder, colors: str) -> str:
    (folder / "01-lead.md").write_text("---\nheadline: The count\n---\n\nIt went on.\n", "utf-8")
    (folder / "newsletter.toml").write_text(f"[brand.colors]\n{colors}\n", "utf-8")
    made = make_issue(folder, date=DATE, config=folder / "newsletter.toml")
    return render_files(made)["web.html"].decode()


def dark_variables(page: str) -> dict[str, str]:
    """The web page's CSS variables under prefers-color-scheme: dark, as the reader's browser takes them."""
    [declarations] = DARK_ROOT.findall(page)
    pairs = (declaration.split(":") for declaration in declarations.split(";") if declaration.strip())
    return {name.strip(): value.strip() for name, value in pairs}


def hue(colour: str) -> float:
    return colorsys.rgb_to_hls(*(value / 255 for value in channels(colour)))[0]


def saturation(colour: str) -> float:
    return colorsys.rgb_to_hls(*(value / 255 for value in channels(colour)))[2]


def test_a_green_brand_reads_green_in_dark_mode(tmp_path):
    dark = dark_variables(web_page(tmp_path, f'accent = "{GREEN}"'))
    accent = dark["--accent"]
    assert contrast(accent, dark["--paper"]) >= DARK_ACCENT_CONTRAST
    assert abs(hue(accent) - hue(GREEN)) < 0.01  # the brand's green, lighter: not the old fixed salmon #ff8a80
    assert abs(saturation(accent) - saturation(GREEN)) < 0.05  # as vivid: not washed out towards white
    red, green, blue = channels(accent)
    assert green > max(red, blue)


def test_a_dark_accent_the_brand_sets_is_kept(tmp_path):
    dark = dark_variables(web_page(tmp_path, f'accent = "{GREEN}"\ndark_accent = "#7fffd4"'))
    assert dark["--accent"] == "#7fffd4"


def test_the_default_dark_accent_is_the_default_accent_lightened():
    # The declared default (what `init` writes and issue.json leaves out) is the one the default brand gets.
    assert Colors().dark_accent == Colors.model_fields["dark_accent"].default
    assert contrast(Colors().dark_accent, Colors().dark_background) >= DARK_ACCENT_CONTRAST
