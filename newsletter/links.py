"""The link policy: which schemes a link may use, and making a relative link absolute."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")


def scheme_of(url: str) -> str:
    """The link's scheme in lower case ("" for a relative link)."""
    return urlsplit(url).scheme.lower()


def check_link(url: str, fail: Callable[[str], Exception]) -> str:
    """Only http, https and mailto links pass; scheme-less (relative) links are made absolute later."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        raise fail(f"link {url!r} uses {scheme.group(1)}:, only http, https and mailto links are allowed")
    if cleaned.startswith("//"):
        return "https:" + cleaned
    return url


def absolute_link(url: str, base: str) -> str:
    """A scheme-less (relative) link joined to the web base URL, as the email and the web page carry it."""
    return urljoin(base.rstrip("/") + "/", url) if base and not urlsplit(url).scheme else url
