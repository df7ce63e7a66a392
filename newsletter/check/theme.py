"""Theme contrast: the colour pairs the templates put on screen."""

from __future__ import annotations

from newsletter.colour import MIN_CONTRAST, contrast
from newsletter.models import Colors

from .findings import Finding, Level

# (level, foreground, background, what the pair is): the pairs the templates put on screen. Body text
# under 4.5:1 stops the send; small coloured text (links, dates, section labels, the footer) warns.
PAIRS: tuple[tuple[Level, str, str, str], ...] = (
    ("error", "text", "background", "body text and headlines"),
    ("warning", "link", "background", "links"),
    ("warning", "muted", "background", "captions and credits"),
    ("warning", "accent", "background", "section labels"),
    ("warning", "muted", "canvas", "the date line and footer"),
    ("warning", "link", "canvas", "the 'View in browser' link"),
)


def check_theme(colors: Colors) -> list[Finding]:
    findings = []
    for mode, prefix in (("light", ""), ("dark", "dark_")):
        for level, fore, back, what in PAIRS:
            fore_key, back_key = prefix + fore, prefix + back
            fore_value, back_value = getattr(colors, fore_key), getattr(colors, back_key)
            ratio = contrast(fore_value, back_value)
            if ratio < MIN_CONTRAST:
                findings.append(
                    Finding(
                        level,
                        "theme",
                        f"{mode} mode: {what}, {fore_key} {fore_value} on {back_key} "
                        f"{back_value}, have contrast {ratio:.2f}:1, under {MIN_CONTRAST}:1: darken or "
                        f"lighten [brand.colors] {fore_key} or {back_key} in newsletter.toml",
                    )
                )
    return findings
