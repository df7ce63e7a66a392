"""The link policy: which schemes a link may use, making a relative link absolute, and campaign tags."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")


def scheme_of(url: str) -> str:
    """The link's scheme in lower case ("" for a relative link)."""
    return urlsplit(url).scheme.lower()


def one_click(unsubscribe_url: str) -> bool:
    """RFC 8058: mailbox providers unsubscribe with one POST to an https link, no page to visit."""
    return scheme_of(unsubscribe_url) == "https"


def check_link(url: str, fail: Callable[[str], Exception]) -> str:
    """Only http, https and mailto links pass; scheme-less (relative) links are made absolute later."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url)
    try:
        urlsplit(cleaned)
    except ValueError as error:  # "Invalid IPv6 URL" for http://[::1
        raise fail(f"link {url!r} is not a valid URL ({error}); correct it") from None
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", cleaned)
    if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
        raise fail(f"link {url!r} uses {scheme.group(1)}:, only http, https and mailto links are allowed")
    if cleaned.startswith("//"):
        return "https:" + cleaned
    return url


# Every printable ASCII character stays as written (a % already encodes); the rest is percent-encoded as UTF-8.
PRINTABLE_ASCII = "".join(chr(code) for code in range(33, 127))
AUTHORITY = re.compile(r"((?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?//)([^/?#]*)(.*)", re.S)


def as_uri(url: str) -> str:
    """A link with letters outside ASCII (an IRI, as a browser's address bar shows it) -> the URI a browser sends
    for it: the host in its ASCII form (IDNA, as browsers spell it: пример.рф -> xn--e1afmkfd.xn--p1ai), every other
    character outside ASCII percent-encoded as UTF-8 (/отписка -> /%D0%BE%D1%82...). An ASCII link is returned as it
    is. ValueError says what has no ASCII form: a host IDNA refuses, a mailto: address whose own part (before the @)
    is not ASCII."""
    if url.isascii():
        return url
    if scheme_of(url) == "mailto":
        scheme, rest = url.split(":", 1)
        end = min((rest.find(mark) for mark in "?#" if mark in rest), default=len(rest))
        written = [mail_address(address, url) for address in rest[:end].split(",")]
        return f"{scheme}:{','.join(written)}{encoded(rest[end:])}"
    authority = AUTHORITY.fullmatch(url)
    if authority is None:  # a relative link: a path, a query
        return encoded(url)
    start, netloc, rest = authority.groups()
    user, at, host_port = netloc.rpartition("@")
    host, colon, port = host_port.partition(":")  # an IPv6 host in brackets is ASCII: never here
    return f"{start}{encoded(user)}{at}{ascii_host(host, url)}{colon}{encoded(port)}{encoded(rest)}"


def encoded(text: str) -> str:
    return quote(text, safe=PRINTABLE_ASCII)


def ascii_host(host: str, url: str) -> str:
    """`host` as IDNA writes it (UTS 46, as browsers do), an ASCII host as written."""
    if host.isascii():
        return host
    import idna  # email-validator's own, for an address's domain: only for a host outside ASCII

    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError as error:
        raise ValueError(f"{url!r}: the host name {host!r} has no ASCII form ({error}); correct it") from None


def mail_address(address: str, url: str) -> str:
    """One address of the mailto: link `url` with its domain in ASCII; one that is not ASCII before the @ is refused."""
    local, at, domain = address.rpartition("@")
    if not unquote(local).isascii():
        raise ValueError(
            f"{url!r}: {unquote(address)} needs a mail server that takes non-ASCII addresses (SMTPUTF8); "
            "use an ASCII address"
        )
    return f"{encoded(local)}@{ascii_host(unquote(domain), url)}" if at else encoded(address)


def base_url_problem(url: str) -> str:
    """Why `url` cannot be the web address issues are published under, in words; "" when it can. Every page and
    image address is `<base>/<issue>/...`: a query or fragment would end up in the middle of each of them."""
    if re.search(r"[\x00-\x20\x7f]", url):
        return f"{url!r} holds a space or control character; write the address alone"
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return f"{url!r} is not a valid URL ({error})"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http or https address such as https://news.example.org/issues"
    if "@" in parts.netloc:
        return f"{url!r} holds a user name or password; give the public address"
    if parts.query or url.endswith("?"):
        return f"{url!r} has a query (?...); give the folder's address alone, every page and image goes under it"
    if parts.fragment or "#" in url:
        return f"{url!r} has a fragment (#...); give the folder's address alone, every page and image goes under it"
    return ""


def absolute_link(url: str, base: str) -> str:
    """A scheme-less (relative) link joined to the web base URL, as the email and the web page carry it."""
    return urljoin(base.rstrip("/") + "/", url) if base and not urlsplit(url).scheme else url


def excluded(host: str, domains: list[str]) -> bool:
    """Whether `host` is one of `domains` or under one of them (www.example.org is under example.org)."""
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def tag_link(url: str, params: dict[str, str], exclude: list[str]) -> str:
    """`url` with the campaign `params` added to its query: only http(s) links outside `exclude`; a
    parameter the link already has keeps its value, and the rest of the link is left as written."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or excluded(parts.hostname, exclude):
        return url
    present = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    extra = [(key, value) for key, value in params.items() if key not in present]
    if not extra:
        return url
    query = parts.query + ("&" if parts.query else "") + urlencode(extra, quote_via=quote)
    return urlunsplit(parts._replace(query=query))


def site_of(url: str) -> str:
    """The site a link is on, as a reader names it: its host without `www.` ("" for a relative link)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def same_site(url: str, base: str) -> bool:
    """Whether `url` is on the site of `base` (the web base URL) or one of its subdomains, or on none: a
    relative link, or no base to compare with, counts as the brand's own."""
    site, home = ascii_site(site_of(url)), ascii_site(site_of(base))
    if not site or not home:
        return True
    # news.example.org and example.org are one site: compare the shorter with the end of the longer.
    short, long = sorted((site, home), key=len)
    return long == short or long.endswith("." + short) or registered(site) == registered(home)


def ascii_site(host: str) -> str:
    """A site as IDNA writes it (the web base URL's host is kept so): wahlen.müller.de is wahlen.xn--mller-kva.de."""
    try:
        return ascii_host(host, host).lower()
    except ValueError:  # no ASCII form: compared as written
        return host


def registered(host: str) -> str:
    """The last two labels of a host (three under a two-letter country's second level, as in bbc.co.uk)."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
