"""A picture a page sets twice, lazily loaded and copied in a <noscript> beside it for a browser that runs no script
(Squarespace's pages, WordPress's lazy loaders) -> the two <img> as one picture, named once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def copies(imgs: list[Any], same: Callable[[Any, Any], bool]) -> dict[Any, Any]:
    """Each of `imgs` set twice, to its other copy: an <img> in a <noscript> and one outside any <noscript> in the box
    holding that <noscript> (beside it, before or after), that show the same picture (`same`: at any of its sizes).
    A browser shows one of them; the reader read both, and named the picture twice (left out, and set aside as its
    lazy copy's class calls it: Squarespace's "thumb-image")."""
    among = set(imgs)
    pairs: dict[Any, Any] = {}
    for img in imgs:
        noscript = next(img.iterancestors("noscript"), None)
        box = noscript.getparent() if noscript is not None else None
        if box is None or img in pairs:
            continue
        shown = (other for other in box.iter("img") if other in among and other not in pairs and not unscripted(other))
        other = next((other for other in shown if same(img, other)), None)
        if other is not None:
            pairs |= {img: other, other: img}
    return pairs


def unscripted(img: Any) -> bool:
    """The <img> is in a <noscript>: what a browser that runs no script shows."""
    return next(img.iterancestors("noscript"), None) is not None


def once(pictures: list[Any], before: list[Any], pairs: dict[Any, Any]) -> list[Any]:
    """`pictures` (each with its <img>), without those whose other copy (`pairs`) is one of `before` or of those
    before it."""
    seen = {picture.img for picture in before}
    kept = []
    for picture in pictures:
        if pairs.get(picture.img) not in seen:
            kept.append(picture)
        seen.add(picture.img)
    return kept
