"""A picture written into a saved page itself, an <img> whose src is a data: URL -> its media type, "" for none and
for what stands in while a picture loads (a counting pixel's GIF, an SVG that draws nothing)."""

from __future__ import annotations

import base64
import binascii
import io
import re
import warnings
from typing import Any
from urllib.parse import unquote_to_bytes

from newsletter.patterns import regex
from newsletter.readers.srcset import SPACES

PIXEL = 2  # px wide or high, at most: a counting pixel, which nobody sees and nobody is told of


def written_in(img: Any) -> str:
    """The media type ("image/png") of the picture an <img> holds written into the page itself, its src a data: URL
    (a chart, a QR code, a photo a page's editor pasted in); "" when its src is none, and when it is what stands in
    while a picture loads: one Pillow reads as PIXEL px wide or high at most ("R0lGODlhAQABAIAAAAUEBAAAACw", a 1x1
    GIF), or an SVG that draws nothing ("<svg viewBox='0 0 838 687'></svg>")."""
    head, comma, payload = (img.get("src") or "").strip(SPACES).partition(",")
    kind = head[5:].split(";")[0].strip().lower() if head[:5].lower() == "data:" else ""
    if not comma or not kind.startswith("image/"):
        return ""
    data = unquote_to_bytes(payload)
    if head.lower().replace(" ", "").endswith(";base64"):  # (a browser reads it without its spaces and padding)
        data = re.sub(rb"[^A-Za-z0-9+/]", b"", data)
        try:
            data = base64.b64decode(data + b"=" * (-len(data) % 4))
        except binascii.Error:  # (one character too many: no picture a browser shows either)
            return ""
    if not data:  # (nothing a browser shows)
        return ""
    if kind == "image/svg+xml":
        return kind if set(SVG_TAG.findall(data.decode("utf-8", "replace"))) - {"svg"} else ""
    size = picture_size(data)
    return "" if size is not None and min(size) <= PIXEL else kind


SVG_TAG = regex(r"<\s*(?:[\w-]+:)?([a-zA-Z][\w-]*)")  # an SVG's elements by name ("svg", "path", "svg:rect" as "rect")


def picture_size(data: bytes) -> tuple[int, int] | None:
    """A picture's size in pixels as Pillow reads it from its header (no pixel decoded); None when Pillow cannot."""
    from PIL import Image

    from newsletter.picture import WARNINGS

    try:
        with WARNINGS, warnings.catch_warnings():  # (Pillow warns of a picture of many pixels as it opens it)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                return picture.size
    except Exception:  # any failure in a decoder reading a header (not a picture, a bomb, a struct.error) is a page's
        return None
