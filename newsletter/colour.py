"""CSS hex colours -> WCAG contrast ratios, and the darker (or lighter) shade of a colour that reads on a page."""

from __future__ import annotations

import colorsys
from functools import lru_cache

MIN_CONTRAST = 4.5  # WCAG AA for body-size text
# Dark mode's accent, worked out from the brand's: small capitals (kickers, section labels) read at WCAG's AAA, as
# the fixed salmon it replaced did (7.45:1 on the dark paper)
DARK_ACCENT_CONTRAST = 7.0


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two CSS hex colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def channels(color: str) -> list[int]:
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(char * 2 for char in value)
    return [int(value[index : index + 2], 16) for index in (0, 2, 4)]


@lru_cache(maxsize=4096)
def luminance(color: str) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in channels(color))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@lru_cache(maxsize=1024)  # a results table asks for the same few colours on every row
def readable_on(color: str, background: str, minimum: float = MIN_CONTRAST) -> str:
    """`color` itself when it reads on `background`, else the lightest darker shade of it that does
    (same hue, channels scaled towards black), as #rrggbb."""
    if contrast(color, background) >= minimum:
        return color
    red, green, blue = channels(color)
    for step in range(100, -1, -1):
        shade = "#{:02x}{:02x}{:02x}".format(*(round(value * step / 100) for value in (red, green, blue)))
        if contrast(shade, background) >= minimum:
            return shade
    return "#000000"


@lru_cache(maxsize=4096)
def lighter_on(color: str, background: str, minimum: float) -> str:
    """`color` itself when it shows on the (dark) `background` at `minimum`, else the least lightened shade of
    it that does: mixed towards white, which keeps its hue, as #rrggbb."""
    if contrast(color, background) >= minimum:
        return color
    red, green, blue = channels(color)
    for step in range(1, 101):
        shade = "#{:02x}{:02x}{:02x}".format(
            *(round(value + (255 - value) * step / 100) for value in (red, green, blue))
        )
        if contrast(shade, background) >= minimum:
            return shade
    return "#ffffff"


@lru_cache(maxsize=256)
def brighter_on(color: str, background: str, minimum: float) -> str:
    """`color` itself when it shows on the (dark) `background` at `minimum`, else the least lightened shade of it
    that does, its hue and saturation kept (HLS lightness raised), as #rrggbb: a vivid shade, where mixing with
    white (lighter_on) washes a colour out to a pastel at the same contrast."""
    if contrast(color, background) >= minimum:
        return color
    hue, lightness, saturation = colorsys.rgb_to_hls(*(value / 255 for value in channels(color)))
    for step in range(1, 101):
        rgb = colorsys.hls_to_rgb(hue, lightness + (1 - lightness) * step / 100, saturation)
        shade = "#{:02x}{:02x}{:02x}".format(*(round(value * 255) for value in rgb))
        if contrast(shade, background) >= minimum:
            return shade
    return "#ffffff"
