"""A URL -> what its server answers, under one fetch policy for `import URL`, feeds and `check --online`.

The API:

    fetch(url, *, typed=False, accept=HTML_TYPES) -> Fetched   the body (status 2xx only), decoded by `text`
    head(url, *, typed=False) -> Fetched                        status and final URL, no body (any status)
    shown(url) -> str                                           the URL as messages may show it
    decode_html(data, declared="") -> (text, charset)           bytes -> text by the page's declared charset

Both raise `FetchError` (an InputError naming the URL without its credentials) for everything the policy
refuses and every network failure, one line each. The policy:

- **Schemes:** http and https only, at every hop.
- **Addresses:** every address a host name resolves to, for the first URL and for each redirect's target, is
  checked before connecting, and the connection goes to that checked address (no second lookup a rebinding
  name could answer differently). Loopback, link-local (169.254.169.254), private, shared, multicast,
  reserved and unspecified addresses are refused, unless the editor typed that address themselves
  (`typed=True` and an IP address or `localhost` in the URL): then only that address at that port passes,
  so a redirect to another port of the same machine is still refused. Proxies from the environment are not
  used: a proxy would make the address check meaningless.
- **No credentials:** a URL holding `user:password@` is refused before any lookup; the credentials are never
  sent, resolved or shown (`shown()` writes `***@`).
- **One deadline** (DEADLINE, 20 s) for the whole exchange: the lookup, every connection, redirect, header and
  byte of the body; a server trickling one byte every few seconds is cut off at the deadline.
- **Content-Length** honoured both ways: a declared length over the limit is refused before reading, and a
  body shorter than its declared length is a broken download, not a page.
- **Charset:** a byte order mark, then the charset of the Content-Type header, then a `<meta>` charset in the
  page's first bytes, else UTF-8 if it decodes, else Windows-1252 (what browsers take for Latin-1). The BOM
  comes first because browsers (WHATWG encoding sniffing) let it win over a contradicting header. Bytes that
  are UTF-8 beyond ASCII are read as UTF-8 whatever the label says (a page saved again as UTF-8 keeps its old
  <meta>); GB2312, Shift_JIS and EUC-KR are read as the wider GBK, Windows-31J and Windows-949, as browsers do.
- At most MAX_REDIRECTS redirects; the body at most `limit` bytes (LIMIT, 10 MB); `accept` the content types
  that pass (None: any).
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from newsletter.errors import InputError
from newsletter.patterns import regex
from newsletter.text import BOMS

DEADLINE = 20.0  # seconds for the whole exchange, redirects included
LIMIT = 10 * 1024 * 1024  # bytes; an article page is rarely over 2 MB
MAX_REDIRECTS = 10
SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/xml", "text/xml")
USER_AGENT = "Mozilla/5.0 (compatible; newsletter-import/0.1)"
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024
CHARSET_SNIFF = 4096  # bytes of the page searched for a <meta> charset (browsers look at 1024; some pages put it later)
META_CHARSET = regex(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
# Labels browsers read as Windows-1252 (WHATWG): a page saying Latin-1 almost always means it.
WINDOWS_1252 = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "us-ascii", "ascii", "cp819", "ibm819"}
# ... and the legacy East Asian labels, which browsers read as the wider charset each grew into (WHATWG): a page
# saying GB2312 is in GBK (gb18030 decodes it), Shift_JIS in Windows-31J, EUC-KR in Windows-949
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "euc_kr": "cp949"}
CREDENTIALS = regex(r"^([A-Za-z][A-Za-z0-9+.\-]*:)?//[^/?#]*@")
UNSAFE_IN_TARGET = regex(r"[^\x21-\x7e]|[\"<>\\^`{|}]")


class FetchError(InputError):
    """The fetch policy refused the URL, or the exchange failed; the message names the URL, never its credentials."""


class Refused(FetchError):
    """The address a URL leads to is not one the policy lets a fetch reach."""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the answer came from, after redirects (it never holds credentials)
    status: int
    content_type: str = ""  # e.g. "text/html", lower case, without parameters
    charset: str = ""  # as the header declared it, or "" (see `text` for the one used)
    data: bytes = b""
    redirects: tuple[str, ...] = field(default=())  # each URL redirected from, in order

    @property
    def text(self) -> str:
        return decode_html(self.data, self.charset)[0]


def is_url(text: str) -> bool:
    """Whether `text` is meant as a web address (it may still be a broken one: fetch says why)."""
    return re.match(r"(?i)https?://", text.strip()) is not None


def shown(url: str) -> str:
    """The URL with any `user:password@` replaced by `***@`, for messages (works on URLs urlsplit refuses)."""
    return CREDENTIALS.sub(lambda match: f"{match.group(1) or ''}//***@", url, count=1)


def fetch(
    url: str,
    *,
    typed: bool = False,
    accept: Iterable[str] | None = HTML_TYPES,
    limit: int = LIMIT,
    deadline: float = DEADLINE,
) -> Fetched:
    """The body the server answers for `url` (after redirects), or one FetchError naming it.

    `typed`: the editor typed this URL (on the command line, in a settings file), so an IP address or
    `localhost` in it may be a private one (only it). An answer other than 2xx is an error."""
    answer = exchange("GET", url, typed=typed, accept=tuple(accept) if accept is not None else None, limit=limit,
                      deadline=deadline)  # fmt: skip
    if not 200 <= answer.status < 300:
        reason = http.client.responses.get(answer.status, "")
        raise FetchError(f"cannot be fetched: the server answered {answer.status} {reason}".rstrip(), file=shown(url))
    return answer


def head(url: str, *, typed: bool = False, deadline: float = DEADLINE) -> Fetched:
    """The status and final URL of `url` without its body (a server refusing HEAD is asked with GET, whose body
    is not read): for checking that links work. Any HTTP status is returned; only the policy and the network
    raise FetchError."""
    answer = exchange("HEAD", url, typed=typed, accept=None, limit=0, deadline=deadline)
    if answer.status in (405, 501):
        answer = exchange("GET", url, typed=typed, accept=None, limit=0, deadline=deadline)
    return answer


def decode_html(data: bytes, declared: str = "") -> tuple[str, str]:
    """The page as text and the charset used: BOM, then the declared (header) charset, then <meta>, else UTF-8
    if it decodes, else Windows-1252. Undecodable bytes become U+FFFD rather than failing."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    for label in (declared, meta_charset(data[:CHARSET_SNIFF])):
        name = codec(label)
        if name and not resaved(data, name):
            return data.decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def resaved(data: bytes, name: str) -> bool:
    """A page saved again as UTF-8 that still declares its old charset ("gb2312", "iso-8859-1"): its bytes are
    UTF-8, with characters beyond ASCII, which a legacy page's bytes almost never are (Latin-1 text would need "Ã"
    before every accented letter), so UTF-8 is used, not the label that would turn each character into wrong ones."""
    if name == "utf-8" or data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def meta_charset(head: bytes) -> str:
    found = META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else ""


def codec(label: str) -> str:
    """Python's codec for a charset label, or "" for an unknown or unusable one (UTF-16 without a BOM in a
    <meta> is a lie: the bytes that said it were ASCII)."""
    label = label.strip().strip("\"'").lower()
    if not label:
        return ""
    if label in WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    return "" if name.startswith(("utf-16", "utf-32")) else WIDER.get(name, name)


# --- the exchange ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    url: str  # as requested (percent-encoded where needed), without credentials
    scheme: str
    host: str  # ASCII (IDNA) host name or IP address, without brackets
    port: int
    path: str  # the request target: path and query


def exchange(method: str, url: str, *, typed: bool, accept: tuple[str, ...] | None, limit: int,
             deadline: float) -> Fetched:  # fmt: skip
    """Follow redirects under the policy; the answer to the last request (its body read unless limit is 0)."""
    clock = Clock(deadline, shown(url))
    target = parse(url, file=shown(url))
    allowed = typed_addresses(target, clock) if typed else set()
    redirects: list[str] = []
    while True:
        try:
            answer, location = request(method, target, allowed, accept, limit, clock, file=shown(url))
        except Refused as error:
            if not redirects:
                raise
            raise Refused(f"redirects to {shown(target.url)!r}: {error.message}", file=shown(url)) from None
        if location is None:
            return Fetched(answer.url, answer.status, answer.content_type, answer.charset, answer.data,
                           tuple(redirects))  # fmt: skip
        if len(redirects) >= MAX_REDIRECTS:
            raise FetchError(f"cannot be fetched: more than {MAX_REDIRECTS} redirects", file=shown(url))
        redirects.append(target.url)
        try:
            following = urljoin(target.url, location)
        except ValueError as error:  # urljoin parses the Location too: "http://[x" is "Invalid IPv6 URL"
            raise FetchError(
                f"redirects to {shown(location)!r}, which is not a valid URL ({error})", file=shown(url)
            ) from None
        try:
            target = parse(following, file=shown(following))
        except FetchError as error:
            raise FetchError(f"redirects to {shown(following)!r}: {error.message}", file=shown(url)) from None


def parse(url: str, *, file: str) -> Target:
    if CREDENTIALS.match(url):
        raise FetchError("holds a user name or password: remove them from the URL (they are never sent)", file=file)
    cleaned = url.strip()
    try:
        parts = urlsplit(cleaned)
        port = parts.port
    except ValueError as error:  # "Invalid IPv6 URL", "Port out of range 0-65535", a port that is not a number
        raise FetchError(f"is not a valid URL ({error})", file=file) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise FetchError("is not an http or https URL; only those are fetched", file=file)
    if not parts.hostname:
        raise FetchError("is not a valid URL (it names no host)", file=file)
    host = parts.hostname.rstrip(".") or parts.hostname
    try:
        host = str(ipaddress.ip_address(host.split("%")[0]))
    except ValueError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise FetchError(
                f"is not a valid URL (host name {parts.hostname!r} cannot be looked up)", file=file
            ) from None
    path = percent_encode(parts.path or "/") + (f"?{percent_encode(parts.query)}" if parts.query else "")
    return Target(cleaned.split("#", 1)[0], scheme, host, port or (443 if scheme == "https" else 80), path)


def percent_encode(text: str) -> str:
    """Spaces, control and non-ASCII characters as %XX (an IRI pasted from a browser bar), the rest as given."""
    return UNSAFE_IN_TARGET.sub(lambda match: quote(match.group(), safe=""), text)


def typed_addresses(target: Target, clock: Clock) -> set[tuple[str, int]]:
    """The (address, port) pairs the editor named themselves: an IP address in the URL, or `localhost`."""
    try:
        return {(str(ipaddress.ip_address(target.host.split("%")[0])), target.port)}
    except ValueError:
        pass
    if target.host.lower() == "localhost" or target.host.lower().endswith(".localhost"):
        return {
            (address, target.port) for address in resolve(target, clock) if ipaddress.ip_address(address).is_loopback
        }
    return set()


def resolve(target: Target, clock: Clock) -> list[str]:
    """Every address the host names, looked up within the deadline."""
    try:
        return [str(ipaddress.ip_address(target.host.split("%")[0]))]
    except ValueError:
        pass
    addresses: list[str] = []
    failed: list[BaseException] = []
    finished = threading.Event()

    def look_up() -> None:
        try:
            for info in socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM):
                address = str(info[4][0]).split("%")[0]
                if address not in addresses:
                    addresses.append(address)
        except (OSError, UnicodeError) as error:
            failed.append(error)
        finished.set()

    threading.Thread(target=look_up, daemon=True).start()  # getaddrinfo has no timeout of its own
    if not finished.wait(clock.left()):
        raise clock.expired()
    if failed or not addresses:
        raise FetchError(f"cannot be fetched: {target.host} is not a host name that can be found", file=clock.file)
    return addresses


def refusal(address: str) -> str:
    """Why an address is not fetched ("" when it is public); an IPv4 address inside an IPv6 one is judged too."""
    ip = ipaddress.ip_address(address)
    judged: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [ip]
    if isinstance(ip, ipaddress.IPv6Address):  # the IPv4 address inside first: it says more than "reserved"
        judged[:0] = [found for found in (ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]) if found]
    for one in judged:
        for kind, test in (
            ("an unspecified", one.is_unspecified),
            ("a loopback (this machine's)", one.is_loopback),
            ("a link-local", one.is_link_local),
            ("a multicast", one.is_multicast),
            ("a reserved", one.is_reserved),
            ("a private", one.is_private or not one.is_global),
        ):
            if test:
                return f"{address} is {kind} address"
    return ""


def connect(target: Target, allowed: set[tuple[str, int]], clock: Clock) -> socket.socket:
    """A socket connected to the first checked address that answers (not yet TLS)."""
    addresses = resolve(target, clock)
    for address in addresses:
        why = refusal(address)
        if why and (address, target.port) not in allowed:
            name = "" if address == target.host else f"{target.host} resolves to {address}: "
            raise Refused(
                f"refused: {name}{why}; only public addresses are fetched, or one you type yourself",
                file=clock.file,
            )
    failure: OSError | None = None
    for address in addresses:
        try:
            sock = socket.create_connection((address, target.port), timeout=clock.left())
        except OSError as error:
            failure = error
            continue
        return sock
    assert failure is not None
    raise failure


@dataclass
class Answer:
    url: str
    status: int
    content_type: str
    charset: str
    data: bytes


def request(method: str, target: Target, allowed: set[tuple[str, int]], accept: tuple[str, ...] | None,
            limit: int, clock: Clock, *, file: str) -> tuple[Answer, str | None]:  # fmt: skip
    """One request and its answer; the Location to follow for a redirect, else None."""
    sock: socket.socket | None = None
    try:
        sock = connect(target, allowed, clock)
        with clock.watching(sock) as watchdog:
            if target.scheme == "https":  # the name verified against the certificate; the address stays the one checked
                sock = watchdog.sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
            connection = http.client.HTTPConnection(target.host, target.port, timeout=clock.left())
            connection.sock = sock  # connected above, to the address that was checked
            headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Connection": "close"}
            if accept:
                headers["Accept"] = ", ".join(accept)
            connection.request(method, target.path, headers=headers)
            response = connection.getresponse()
            try:
                location = response.getheader("Location")
                if response.status in REDIRECTS and location:
                    return Answer(target.url, response.status, "", "", b""), location.strip()
                kind = response.headers.get_content_type() if response.getheader("Content-Type") else ""
                charset = response.headers.get_content_charset() or ""
                answer = Answer(target.url, response.status, kind, charset, b"")
                if method == "HEAD" or limit == 0 or not 200 <= response.status < 300:
                    return answer, None
                if accept is not None and kind not in accept:
                    wanted = "an HTML page" if set(HTML_TYPES) & set(accept) else " or ".join(accept)
                    raise FetchError(f"serves {kind or 'no content type'}, not {wanted}", file=file)
                answer.data = read_body(response, limit, clock, file=file)
                return answer, None
            finally:
                response.close()
    except FetchError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as error:
        if clock.passed():
            raise clock.expired() from None
        raise FetchError(f"cannot be fetched: {network_reason(error)}", file=file) from None
    finally:
        if sock is not None:
            sock.close()


def read_body(response: http.client.HTTPResponse, limit: int, clock: Clock, *, file: str) -> bytes:
    declared = response.getheader("Content-Length")
    length = int(declared) if declared and declared.strip().isdigit() and len(declared) < 20 else None
    if length is not None and length > limit:
        raise FetchError(
            f"is {size(length)}, over the {size(limit)} limit; pages that large are not fetched", file=file
        )
    parts: list[bytes] = []
    received = 0
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        received += len(chunk)
        if received > limit:
            raise FetchError(f"is over the {size(limit)} limit; pages that large are not fetched", file=file)
        parts.append(chunk)
    if clock.passed():
        raise clock.expired()
    if length is not None and received < length:
        raise FetchError(
            f"cannot be fetched: a broken download ({received:,} of the {length:,} bytes the server announced "
            "arrived); try again",
            file=file,
        )
    return b"".join(parts)


def size(count: int) -> str:
    return f"{count / 1024 / 1024:.0f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def network_reason(error: BaseException) -> str:
    """What went wrong, in one line of at most a few hundred characters (a server's garbage shown escaped)."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate cannot be trusted ({error.verify_message})"
    if isinstance(error, http.client.IncompleteRead):
        return "a broken download (the connection closed mid-page); try again"
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(error, http.client.HTTPException | ValueError):
        detail = str(error)
        detail = repr(detail[:80]) + ("..." if len(detail) > 80 else "") if detail else ""
        return f"the server's answer is not valid HTTP ({type(error).__name__}{': ' if detail else ''}{detail})"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(f"{type(error).__name__}: {error}".split())[:300]


class Clock:
    """The one deadline of an exchange: seconds left for each step, and a watchdog that closes a socket at
    the deadline (a socket timeout bounds each read, not a server answering one byte per read)."""

    def __init__(self, seconds: float, file: str):
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.file = file
        self.cut = False  # the watchdog closed a socket

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise self.expired()
        return left

    def passed(self) -> bool:
        return self.cut or time.monotonic() >= self.end

    def expired(self) -> FetchError:
        return FetchError(f"cannot be fetched: no whole answer within {self.seconds:g} s", file=self.file)

    def watching(self, sock: socket.socket) -> Watchdog:
        return Watchdog(sock, self)


class Watchdog:
    def __init__(self, sock: socket.socket, clock: Clock):
        self.sock = sock
        self.clock = clock
        self.timer = threading.Timer(clock.left(), self.cut)
        self.timer.daemon = True

    def cut(self) -> None:
        self.clock.cut = True
        try:
            socket.socket.shutdown(self.sock, socket.SHUT_RDWR)  # the plain socket's, under TLS too
        except OSError:
            pass

    def __enter__(self) -> Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.cancel()
