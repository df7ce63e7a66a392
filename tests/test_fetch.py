"""The fetch policy (`import URL`, feeds, `check --online`) against real, misbehaving servers on 127.0.0.1:
redirects inward, credentials, trickles, short bodies, charsets, TLS, and hypothesis' raw answers."""

from __future__ import annotations

import ssl
import time
from http.server import BaseHTTPRequestHandler

import pytest
from http_server import page, redirect, serve
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from newsletter.load import load_source
from newsletter.readers.fetch import FetchError, decode_html, fetch, head, shown

ARTICLE_WORDS = "Peña y Núñez votaron en Bogotá el domingo por la mañana, y la Registraduría contó rápido. " * 6
LATIN_PAGE = (
    "<html><head><title>Peña y Núñez en Bogotá</title>{meta}</head><body><article>"
    "<h1>Peña y Núñez en Bogotá</h1><p>{words}</p><p>{words}</p></article></body></html>"
)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def trickle(handler: BaseHTTPRequestHandler, *, headers_too: bool = False) -> None:
    """An answer one byte at a time, a byte every 0.2 s, for up to a minute: far past any test's deadline."""
    head_bytes = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 300\r\n\r\n"
    if not headers_too:
        handler.wfile.write(head_bytes)
        head_bytes = b""
    for byte in head_bytes + b"x" * 300:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.2)


def short_body(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\n\r\n" + b"<p>x</p>" * 10
    )


def huge_declared(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000000000\r\n\r\n")
    handler.wfile.flush()
    time.sleep(5)  # never sends the terabyte: a client reading toward it would wait out the test


# --- addresses: the typed one only ---------------------------------------------------------------------


def test_a_redirect_to_another_loopback_port_is_refused_before_connecting():
    with serve({"/secret": page(b"<p>internal</p>")}) as inside, serve({"/": redirect("")}) as outside:
        outside.routes["/"] = redirect(f"{inside.url}/secret")
        with pytest.raises(FetchError) as caught:
            fetch(f"{outside.url}/", typed=True)
    assert str(caught.value) == (
        f"{outside.url}/: redirects to '{inside.url}/secret': refused: 127.0.0.1 is a loopback (this machine's) "
        "address; only public addresses are fetched, or one you type yourself"
    )
    assert inside.hits["/secret"] == 0


@pytest.mark.parametrize(
    ("location", "why"),
    [
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://10.1.2.3/admin", "10.1.2.3 is a private address"),
        ("http://[::ffff:127.0.0.1]:80/", "::ffff:7f00:1 is a loopback (this machine's) address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
    ],
)
def test_redirects_inward_are_refused(location, why):
    with serve({"/": redirect(location)}) as server:
        with pytest.raises(FetchError) as caught:
            fetch(f"{server.url}/", typed=True)
    assert str(caught.value).startswith(f"{server.url}/: redirects to '{location}': refused: {why}; ")


def test_a_redirect_on_the_typed_address_and_port_is_followed():
    with serve({"/moved": redirect("/page"), "/page": page(b"<p>here</p>")}) as server:
        got = fetch(f"{server.url}/moved", typed=True)
    assert (got.data, got.url, got.redirects) == (b"<p>here</p>", f"{server.url}/page", (f"{server.url}/moved",))


def test_a_loopback_address_nobody_typed_is_refused():
    with serve({"/": page(b"<p>internal</p>")}) as server:
        with pytest.raises(FetchError, match="refused: 127.0.0.1 is a loopback"):
            fetch(f"{server.url}/")  # e.g. a link in a story being checked: not typed by the editor
        with pytest.raises(FetchError, match=r"refused: localhost resolves to (127\.0\.0\.1|::1): .* loopback"):
            fetch(f"http://localhost:{server.server_address[1]}/")
        assert server.hits["/"] == 0


# --- credentials ------------------------------------------------------------------------------------------


def test_credentials_in_a_url_are_never_sent_nor_shown(cli, workdir):
    with serve({"/": page(b"<p>x</p>")}) as server:
        url = server.url.replace("http://", "http://ana:s3cret@") + "/"
        result = cli("import", url, "--to", "issue")
        with pytest.raises(FetchError) as caught:
            fetch(url, typed=True)
        assert server.hits["/"] == 0
    assert result.exit_code == 1
    assert "s3cret" not in result.output and "ana" not in result.output
    assert result.output.splitlines() == [
        f"error: {shown(url)}: holds a user name or password: remove them from the URL (they are never sent)"
    ]
    assert shown(url).startswith("http://***@127.0.0.1:")
    assert "s3cret" not in str(caught.value)


def test_a_redirect_to_a_url_with_credentials_is_refused():
    with serve({"/": redirect("http://bob:hunter2@example.org/")}) as server:
        with pytest.raises(FetchError) as caught:
            fetch(f"{server.url}/", typed=True)
    assert "hunter2" not in str(caught.value)
    assert "redirects to 'http://***@example.org/': holds a user name or password" in str(caught.value)


def test_a_broken_url_is_one_line(cli, workdir):
    result = cli("import", "https://[x", "--to", "issue")
    assert result.exit_code == 1
    assert result.output.splitlines() == ["error: https://[x: is not a valid URL (Invalid IPv6 URL)"]
    result = cli("import", "http://127.0.0.1:99999/", "--to", "issue")
    assert result.output.splitlines() == [
        "error: http://127.0.0.1:99999/: is not a valid URL (Port out of range 0-65535)"
    ]


# --- one deadline, Content-Length both ways ---------------------------------------------------------------


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_trickling_server_is_cut_off_at_the_deadline(headers_too):
    # Each byte comes well within any per-read timeout; only a deadline for the whole exchange ends it.
    with serve({"/": lambda handler: trickle(handler, headers_too=headers_too)}) as server:
        with pytest.raises(FetchError, match=r": cannot be fetched: no whole answer within 1 s$"):
            fetch(f"{server.url}/", typed=True, deadline=1.0)


def test_a_body_shorter_than_its_content_length_is_a_broken_download():
    with serve({"/": short_body}) as server:
        with pytest.raises(FetchError) as caught:
            fetch(f"{server.url}/", typed=True)
    assert str(caught.value).endswith(
        "cannot be fetched: a broken download (80 of the 5,000 bytes the server announced arrived); try again"
    )


def test_a_content_length_over_the_limit_is_refused_without_reading():
    with serve({"/": huge_declared}) as server:
        with pytest.raises(FetchError, match=r": is 953674 MB, over the 10 MB limit; pages that large are not fetched"):
            fetch(f"{server.url}/", typed=True, deadline=3.0)  # reading toward it would meet the deadline instead


def test_a_body_over_the_limit_without_a_length_is_cut_at_the_limit():
    def endless(handler):
        handler.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n")
        for _ in range(100):
            handler.wfile.write(b"<p>" + b"x" * 1020 + b"</p>")

    with serve({"/": endless}) as server:
        with pytest.raises(FetchError, match=r": is over the 4 KB limit"):
            fetch(f"{server.url}/", typed=True, limit=4096)


# --- charsets -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_type", "meta"),
    [
        ("text/html; charset=ISO-8859-1", ""),
        ("text/html", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
        ("text/html", '<meta charset="windows-1252">'),
    ],
    ids=["header", "meta-http-equiv", "meta-charset"],
)
def test_a_latin1_page_keeps_its_accents_in_headline_and_body(cli, workdir, content_type, meta):
    body = LATIN_PAGE.format(meta=meta, words=ARTICLE_WORDS).encode("latin-1")
    with serve({"/story": page(body, content_type)}) as server:
        result = cli("import", f"{server.url}/story", "--to", "issue")
    assert result.exit_code == 0, result.output
    story = load_source(workdir / "issue").stories[0]
    assert story.headline == "Peña y Núñez en Bogotá"
    assert story.body[0].text.startswith("Peña y Núñez votaron en Bogotá el domingo por la mañana")


def test_the_charset_order_is_bom_then_header_then_meta():
    text = "Peña"
    assert decode_html(b"\xef\xbb\xbf" + text.encode(), "iso-8859-1") == (text, "utf-8")
    assert decode_html(text.encode("latin-1"), "latin-1")[0] == text
    assert decode_html(b'<meta charset="utf-8">' + text.encode("latin-1"), "iso-8859-1")[0].endswith(text)
    assert decode_html(b'<meta charset="iso-8859-1">' + text.encode("latin-1"))[0].endswith(text)
    assert decode_html(b'<meta charset="utf-16">' + text.encode())[0].endswith(text)  # an ASCII page can't be UTF-16
    assert decode_html(text.encode("latin-1")) == (text, "cp1252")  # not UTF-8: what browsers take
    assert decode_html(text.encode(), "no-such-charset") == (text, "utf-8")


# --- TLS: the checked address, the name for the certificate ------------------------------------------------


def test_https_connects_to_the_checked_address_and_verifies_the_name(monkeypatch, tmp_path):
    trustme = pytest.importorskip("trustme")
    authority = trustme.CA()
    authority.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("localhost").configure_cert(context)
    with serve({"/": page(b"<p>secure</p>")}) as server:
        server.socket = context.wrap_socket(server.socket, server_side=True)
        port = server.server_address[1]
        assert fetch(f"https://localhost:{port}/", typed=True).data == b"<p>secure</p>"
        with pytest.raises(FetchError, match=r"https://127.0.0.1:\d+/: cannot be fetched: its certificate cannot be"):
            fetch(f"https://127.0.0.1:{port}/", typed=True)  # the certificate names localhost, not the address


# --- head() for link checks ---------------------------------------------------------------------------------


def test_head_answers_any_status_and_asks_with_get_when_head_is_refused():
    def no_head(handler):
        if handler.command == "HEAD":
            handler.send_error(405)
        else:
            page(b"<p>ok</p>")(handler)

    with serve({"/gone": page(b"", status=410), "/get-only": no_head, "/moved": redirect("/gone", 301)}) as server:
        assert head(f"{server.url}/missing", typed=True).status == 404
        assert head(f"{server.url}/get-only", typed=True).status == 200
        moved = head(f"{server.url}/moved", typed=True)
        assert (moved.status, moved.url) == (410, f"{server.url}/gone")
        with pytest.raises(FetchError, match="refused"):
            head(f"{server.url}/missing")


# --- hypothesis: whatever a server answers, one line or a page ------------------------------------------------

STATUS_LINES = [b"HTTP/1.1 200 OK", b"HTTP/1.0 200 OK", b"HTTP/1.1 301 Moved", b"HTTP/1.1 302 Found",
                b"HTTP/1.1 404 Not Found", b"HTTP/1.1 999 Odd", b"HTTP/9.9 200 OK", b"ICY 200 OK", b"HTTP/1.1 abc",
                b"", b"\x00\xff"]  # fmt: skip
HEADERS = st.sampled_from(
    [
        b"Content-Type: text/html",
        b"Content-Type: text/html; charset=latin-1",
        b"Content-Type: text/html; charset=nonsense",
        b"Content-Type: text/html; charset=utf-16",
        b"Content-Type: application/pdf",
        b"Content-Type: ;;;",
        b"Content-Length: 0",
        b"Content-Length: 5",
        b"Content-Length: 99999",
        b"Content-Length: -1",
        b"Content-Length: 1e9",
        b"Content-Length: 99999999999999999999999999",
        b"Transfer-Encoding: chunked",
        b"Location: /",
        b"Location: http://169.254.169.254/",
        b"Location: ftp://x/",
        b"Location: http://[x",
        b"Location: http://u:p@x/",
        b"Location: //127.0.0.1:1/",
        b"Location: \x00",
        b"Content-Encoding: gzip",
        b"X: " + b"y" * 70_000,
    ]
)


@pytest.fixture(scope="module")
def raw_server():
    """One server for every generated answer: the test sets `raw_server.answer`."""
    with serve({"/": lambda handler: handler.wfile.write(handler.server.answer)}) as server:  # type: ignore[attr-defined]
        yield server


@settings(max_examples=60, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@example(status=b"HTTP/1.1 301 Moved", headers=[b"Location: http://[x"], body=b"")  # urljoin refused it
@given(
    status=st.sampled_from(STATUS_LINES),
    headers=st.lists(HEADERS | st.binary(max_size=40), max_size=6),
    body=st.binary(max_size=300) | st.sampled_from([b"5\r\nhello\r\n0\r\n\r\n", b"ff\r\nab", b"zz\r\n"]),
)
def test_any_answer_is_a_page_or_one_line(raw_server, status, headers, body):
    raw_server.answer = status + b"\r\n" + b"".join(line + b"\r\n" for line in headers) + b"\r\n" + body
    try:
        got = fetch(f"{raw_server.url}/", typed=True, deadline=3.0)
    except FetchError as error:
        assert "\n" not in str(error) and "\r" not in str(error)
        assert str(error).startswith(f"{raw_server.url}/: ")
    else:
        assert 200 <= got.status < 300
        assert isinstance(got.text, str)
        assert got.data in raw_server.answer  # nothing but what the server sent (chunks joined)
