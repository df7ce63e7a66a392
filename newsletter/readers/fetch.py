"""A URL -> the HTML page it serves, as bytes and the URL it ended at (http/https only, timeouts, a size limit)."""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from typing import IO
from urllib.parse import urlsplit

from newsletter.errors import InputError

TIMEOUT = 20.0  # seconds for connecting and for each read
LIMIT = 10 * 1024 * 1024  # bytes; an article page is rarely over 2 MB
SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "Mozilla/5.0 (compatible; newsletter-import/0.1)"


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in SCHEMES and "://" in text


class OnlyWebRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http or https URL (urllib would also follow one to ftp:)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in SCHEMES:
            fp.close()  # urllib closes it only after a redirect it follows
            raise InputError(f"redirects to {newurl!r}: only http and https pages are fetched", file=req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(
    url: str, *, timeout: float = TIMEOUT, limit: int = LIMIT, kinds: tuple[str, ...] = HTML_TYPES
) -> tuple[bytes, str]:
    """The page's bytes and final URL, or one clear InputError naming the URL. `kinds`: the content types
    taken (an HTML page; `import` also takes a feed's)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise InputError("is not an http or https URL", file=url)
    opener = urllib.request.build_opener(OnlyWebRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(kinds)})
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if kind not in kinds:
                raise InputError(f"serves {kind}, not an HTML page", file=url)
            declared = response.headers.get("Content-Length") or ""
            too_big = declared.isdigit() and int(declared) > limit
            data = b"" if too_big else response.read(limit + 1)
            if too_big or len(data) > limit:
                raise InputError(f"is over {limit // 1024} KB; pages that large are not fetched", file=url)
            return data, response.geturl()
    except urllib.error.HTTPError as error:
        error.close()  # it holds the answer's open connection
        raise InputError(f"cannot be fetched: the server answered {error.code} {error.reason}", file=url) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputError(f"cannot be fetched: no answer within {timeout:g} s", file=url) from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise InputError(f"cannot be fetched: {text}", file=url) from None
    except TimeoutError:
        raise InputError(f"cannot be fetched: no answer within {timeout:g} s", file=url) from None
    except (OSError, http.client.HTTPException) as error:
        raise InputError(f"cannot be fetched: {getattr(error, 'strerror', None) or error!r}", file=url) from None


def head(url: str, *, timeout: float = TIMEOUT) -> int:
    """The status a HEAD request for `url` ends with, redirects followed as fetch() follows them (http and
    https only); one clear InputError naming the URL when no server answers."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.hostname:
        raise InputError("is not an http or https URL", file=url)
    opener = urllib.request.build_opener(OnlyWebRedirects)
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        error.close()
        return int(error.code)
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise InputError(f"cannot be fetched: no answer within {timeout:g} s", file=url) from None
        raise InputError(f"cannot be fetched: {getattr(reason, 'strerror', None) or reason}", file=url) from None
    except TimeoutError:
        raise InputError(f"cannot be fetched: no answer within {timeout:g} s", file=url) from None
    except (OSError, http.client.HTTPException) as error:
        raise InputError(f"cannot be fetched: {getattr(error, 'strerror', None) or error!r}", file=url) from None
