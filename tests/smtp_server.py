"""Real SMTP servers for the tests: aiosmtpd on 127.0.0.1 with a free port, well-behaved or not.

`Mailbox` is the handler: it keeps every message the server accepted and can misbehave on purpose:
refuse an address (5xx), defer a message once (4xx), drop the connection after N messages and then stay
down, vanish between a message and its reply, or hold its reply until the test lets go. It counts the
connections open at once, and can hold the first replies until several messages are in flight together.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

WAIT = 20.0  # seconds: the longest any test waits for a server event


@dataclass
class Received:
    peer: tuple[str, int]
    mail_from: str
    rcpt_tos: list[str]
    mail_options: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        # Parsed as text so UTF-8 headers (SMTPUTF8) read back as the characters they are, with the
        # line ends a mailbox on disk would have.
        text = self.content.decode("utf-8").replace("\r\n", "\n")
        return email.message_from_string(text, policy=default)  # type: ignore[return-value]


@dataclass
class Mailbox:
    refuse: dict[str, str] = field(default_factory=dict)  # address -> RCPT reply, e.g. "550 5.1.1 no such user"
    refuse_sender: str | None = None  # the reply to every MAIL FROM, e.g. "550 5.7.1 not your domain"
    defer_once: set[str] = field(default_factory=set)  # addresses whose first DATA gets a 451 ...
    defer_reply: str = "451 4.3.0 Mailbox busy, try again later"  # ... with this reply
    drop_after: int | None = None  # after this many messages: drop the connection at the next MAIL ...
    stay_down: bool = True  # ... and answer 421 to every new connection until heal()
    vanish: set[str] = field(default_factory=set)  # take the message, then close without a reply
    hold_at: int | None = None  # the Nth message's reply waits until release()
    together: int = 0  # the first replies wait until this many messages are in flight at once (or WAIT passes)
    together_peers: list[tuple[str, int]] = field(default_factory=list)  # the connections of those messages
    most_open: int = 0  # the most connections open at once
    received: list[Received] = field(default_factory=list)
    connections: set[tuple[str, int]] = field(default_factory=set)  # client (address, port) of each mail session
    greetings: int = 0  # EHLO/HELO commands: 0 means nobody even connected
    logins: list[str] = field(default_factory=list)  # users who logged in with the right password
    down: bool = False
    deferred: list[str] = field(default_factory=list)
    _release: threading.Event = field(default_factory=threading.Event)
    _together: asyncio.Event = field(default_factory=asyncio.Event)
    _open: set[int] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- what the tests read ---------------------------------------------------------------------

    def addresses(self) -> list[str]:
        with self._lock:
            return [address for message in self.received for address in message.rcpt_tos]

    def count(self) -> int:
        with self._lock:
            return len(self.received)

    def wait_for(self, count: int, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while self.count() < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the server has {self.count()} message(s), not {count}, after {timeout}s")
            time.sleep(0.01)

    def release(self) -> None:
        self._release.set()

    def heal(self) -> None:
        self.down = False
        self.drop_after = None

    # --- connections, counted by the server (CountingSMTP) ---------------------------------------

    def opened(self, connection: SMTP) -> None:
        self._open.add(id(connection))  # a set: STARTTLS makes the same connection again
        self.most_open = max(self.most_open, len(self._open))

    def closed(self, connection: SMTP) -> None:
        self._open.discard(id(connection))

    # --- aiosmtpd hooks --------------------------------------------------------------------------

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.greetings += 1
        if self.down:
            return ["421 4.3.2 Service not available, try later"]
        session.host_name = hostname
        return responses

    async def handle_HELO(self, server, session, envelope, hostname):
        self.greetings += 1
        if self.down:
            return "421 4.3.2 Service not available, try later"
        session.host_name = hostname
        return f"250 {server.hostname}"

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.drop_after is not None and self.count() >= self.drop_after:
            self.down = self.stay_down
            self.drop_after = None
            server.transport.abort()
            return "421 4.3.2 going away"
        if self.refuse_sender:
            return self.refuse_sender
        self.connections.add(session.peer)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        rcpt = envelope.rcpt_tos[0]
        if rcpt in self.defer_once and rcpt not in self.deferred:
            self.deferred.append(rcpt)
            return self.defer_reply
        with self._lock:
            self.received.append(
                Received(
                    session.peer,
                    envelope.mail_from,
                    list(envelope.rcpt_tos),
                    list(envelope.mail_options),
                    envelope.original_content or b"",
                )
            )
            number = len(self.received)
        if rcpt in self.vanish:
            server.transport.abort()
            return "250 OK (never heard)"
        if self.hold_at == number:
            deadline = time.monotonic() + WAIT
            while not self._release.is_set() and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
        if self.together and not self._together.is_set():
            self.together_peers.append(session.peer)
            if len(self.together_peers) == self.together:
                self._together.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._together.wait(), WAIT)
            self._together.set()  # once: after a timeout, the test reads how many came and no reply waits again
        return "250 2.0.0 OK queued"


class CountingSMTP(SMTP):
    """aiosmtpd's server, telling its Mailbox when a connection opens and closes."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self.event_handler.opened(self)

    def connection_lost(self, error: Exception | None) -> None:
        super().connection_lost(error)
        self.event_handler.closed(self)


class CountingController(Controller):
    def factory(self) -> SMTP:
        return CountingSMTP(self.handler, **self.SMTP_kwargs)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    host: str
    port: int
    mailbox: Mailbox
    cafile: Path | None = None

    def toml(self, security: str = "none", **extra: object) -> str:
        """An [smtp] table pointing at this server (retries quick enough for a test)."""
        lines = [
            "[smtp]",
            f'host = "{self.host}"',
            f"port = {self.port}",
            f'security = "{security}"',
            "timeout = 5",
            "retry_delay = 0.01",
        ]
        if self.cafile is not None:
            lines.append(f'cafile = "{self.cafile}"')
        for key, value in extra.items():
            lines.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value}")
        return "\n".join(lines) + "\n"


class TLS:
    """A certificate authority made for the test run (trustme) and a certificate for 127.0.0.1 from it."""

    def __init__(self, folder: Path):
        import trustme

        self.ca = trustme.CA()
        self.cert = self.ca.issue_cert("127.0.0.1", "localhost")
        self.cafile = folder / "test-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.cafile))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.cert.configure_cert(context)
        return context


def password_check(mailbox: Mailbox, user: str, password: str):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        if ok:
            mailbox.logins.append(user)
        # handled=False: aiosmtpd itself answers 535 to a wrong password.
        return AuthResult(success=ok, handled=False)

    return authenticator


@contextmanager
def smtp_server(
    mailbox: Mailbox | None = None,
    *,
    tls: TLS | None = None,
    implicit_tls: bool = False,
    login: tuple[str, str] | None = None,
    smtputf8: bool = False,
) -> Iterator[Server]:
    """Start a server on 127.0.0.1; STARTTLS (or implicit TLS) and a required login when asked."""
    mailbox = mailbox if mailbox is not None else Mailbox()
    kwargs: dict[str, object] = {"enable_SMTPUTF8": smtputf8}
    if tls is not None and implicit_tls:
        kwargs["ssl_context"] = tls.server_context()
    elif tls is not None:
        kwargs.update(tls_context=tls.server_context(), require_starttls=True)
    if login is not None and implicit_tls:
        # aiosmtpd does not count implicit TLS as TLS for AUTH: offer it anyway, the socket is encrypted.
        kwargs.update(authenticator=password_check(mailbox, *login), auth_require_tls=False)
    elif login is not None:
        kwargs.update(authenticator=password_check(mailbox, *login), auth_required=True)
    port = free_port()
    controller = CountingController(
        mailbox, hostname="127.0.0.1", port=port, ready_timeout=10, server_hostname="localhost", **kwargs
    )
    controller.start()
    try:
        yield Server("127.0.0.1", port, mailbox, tls.cafile if tls is not None else None)
    finally:
        mailbox.release()
        controller.stop()
