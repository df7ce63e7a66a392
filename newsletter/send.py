"""A build folder + addresses -> messages sent over SMTP: test sends, and list sends that resume.

The only module that talks SMTP. The issue is rendered once with a token where the unsubscribe link goes;
each recipient's message fills the token in and gets its own stable Message-ID. List sends keep a log
(sendlog.py) next to the build, so a re-run after a crash, Ctrl-C or a dropped connection sends to each
address at most once. The password comes only from the environment and is never printed.
"""

from __future__ import annotations

import heapq
import html
import os
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.policy import SMTP, SMTPUTF8
from email.utils import make_msgid
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from .errors import InputError, NewsletterError, RenderError, SendError
from .models import Issue
from .sendlog import LOG_NAME, UNKNOWN_AFTER_CRASH, Row, SendLog, exclusive
from .subscribers import Subscriber, SubscriberList, check_address, unsubscribe_problem
from .text import header_problem

ENV_PREFIX = "NEWSLETTER_SMTP_"
PASSWORD_ENV = ENV_PREFIX + "PASSWORD"
SECURITIES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
SMTP_KEYS = {"host", "port", "security", "user", "timeout", "rate", "cafile", "retries", "retry_delay"}
ENV_KEYS = ("host", "port", "security", "user", "cafile")
MAX_DELAY = 60.0
TEST_PREFIX = "[TEST] "


# ---------------------------------------------------------------------------------------------
# Settings


class Secret:
    """A password that does not show itself: repr(), str() and f-strings print asterisks."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled")


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = DEFAULT_PORTS["starttls"]
    security: str = "starttls"
    user: str = ""
    password: Secret = field(default_factory=lambda: Secret(""), repr=False)
    timeout: float = 30.0  # seconds, for the connection and every reply
    rate: float = 0.0  # messages per second; 0: as fast as the server takes them
    cafile: str = ""  # extra certificate authority (a company relay, a test server)
    retries: int = 4  # tries again after a temporary failure, waiting retry_delay, then twice as long...
    retry_delay: float = 2.0

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    def describe(self) -> str:
        login = f", as {self.user}" if self.user else ""
        return f"{self.server} ({self.security}{login})"

    def delay(self, attempt: int) -> float:
        return float(min(MAX_DELAY, self.retry_delay * 2 ** max(0, attempt - 1)))


def load_settings(config: Path | None, env: Mapping[str, str] | None = None) -> SmtpSettings:
    """newsletter.toml's [smtp] table, then NEWSLETTER_SMTP_* variables; the password only from the environment."""
    from .settings import read_config
    from .text import unknown_keys

    env = os.environ if env is None else env
    file = read_config(config)
    where = file.path
    data = file.data.get("smtp", {})
    if not isinstance(data, dict):
        raise InputError("smtp must be a table: [smtp]", file=where, line=file.line("smtp"))
    if "password" in data:
        raise InputError(
            f"[smtp] password: keep the password out of files; set {PASSWORD_ENV} in the environment instead",
            file=where,
            line=file.line("password"),
        )
    unknown_keys(data, SMTP_KEYS, where, file.text)
    values: dict[str, Any] = dict(data)
    sources = {key: (where, file.line(key)) for key in data}
    if values.get("cafile") and isinstance(values["cafile"], str):
        # A relative path in the settings file is relative to that file, wherever the command runs.
        values["cafile"] = str(where.parent / values["cafile"])
    for key in ENV_KEYS:
        name = ENV_PREFIX + key.upper()
        if env.get(name):
            values[key] = env[name]
            sources[key] = (name, None)

    def bad(key: str, message: str) -> InputError:
        file, line = sources[key]
        return InputError(f"[smtp] {key}: {message}", file=file, line=line)

    security = str(values.get("security", "starttls")).lower()
    if security not in SECURITIES:
        raise bad("security", f"{values['security']!r} is not one of {', '.join(SECURITIES)}")
    port = values.get("port", DEFAULT_PORTS[security])
    try:
        port = int(port)
        if isinstance(values.get("port"), bool) or not 0 < port < 65536:
            raise ValueError
    except (ValueError, TypeError):  # `port = {}` or a list
        raise bad("port", f"{values['port']!r} is not a port number") from None
    numbers: dict[str, float] = {}
    for key, default, minimum in (("timeout", 30.0, 0.001), ("rate", 0.0, 0.0), ("retry_delay", 2.0, 0.0)):
        value = values.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
            raise bad(key, f"{value!r} must be a number of at least {minimum:g}")
        numbers[key] = float(value)
    retries = values.get("retries", 4)
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise bad("retries", f"{retries!r} must be a whole number, 0 or more")
    for key in ("host", "user", "cafile"):
        if key in values and not isinstance(values[key], str):
            raise bad(key, "must be a string")
    for key in ("host", "user"):
        problem = header_problem(str(values.get(key, "")))
        if problem:
            raise bad(key, str(problem))
    return SmtpSettings(
        host=str(values.get("host", "")).strip(),
        port=port,
        security=security,
        user=str(values.get("user", "")),
        password=Secret(env.get(PASSWORD_ENV, "")),
        timeout=numbers["timeout"],
        rate=numbers["rate"],
        cafile=str(values.get("cafile", "")),
        retries=retries,
        retry_delay=numbers["retry_delay"],
    )


# ---------------------------------------------------------------------------------------------
# The issue, rendered once


@dataclass
class Prepared:
    """A build read back and rendered once, with the unsubscribe token left in for each recipient."""

    folder: Path
    issue: Issue
    html: str
    text: str
    sender: Subscriber
    images: dict[str, bytes] = field(default_factory=dict)  # the build's images/, inline when not published

    @property
    def issue_id(self) -> str:
        """The send log's key: the build's slug, which a rebuild with a fixed brand name or sender keeps."""
        return self.issue.slug

    @property
    def log_path(self) -> Path:
        return self.folder / LOG_NAME


def prepare(folder: Path) -> Prepared:
    """Read a build folder's issue.json, render it once, and check every header that is not per recipient."""
    from .buildfolder import read_issue
    from .images import read_built
    from .message import header_problems
    from .render import UNSUBSCRIBE_TOKEN, render_email, render_text

    issue = read_issue(folder)
    brand = issue.brand
    # Before anything is rendered or sent: no header value may forge headers, as written or once decoded.
    for what, value, problem in header_problems(issue):
        raise RenderError(f"the {what} {value!r} {problem}; nothing was sent", file=folder / "issue.json")
    sender = check_address(brand.sender.email, file=folder / "issue.json")
    if brand.reply_to:
        check_address(brand.reply_to, file=folder / "issue.json")
    _, email_html = render_email(issue, unsubscribe=UNSUBSCRIBE_TOKEN)
    prepared = Prepared(folder=folder, issue=issue, html=email_html,
                        text=render_text(issue, unsubscribe=UNSUBSCRIBE_TOKEN),
                        sender=sender, images=read_built(folder, issue))
    problem = unsubscribe_problem(unsubscribe_url(prepared, Subscriber(email="reader@example.org")))
    if problem:
        raise InputError(f"[brand] unsubscribe_url {brand.unsubscribe_url!r} {problem}", file=folder / "issue.json")
    # Build one message now: what build_message refuses is refused before the first connection.
    personalise(prepared, Subscriber(email="reader@example.org"))
    return prepared


def unsubscribe_url(prepared: Prepared, subscriber: Subscriber) -> str:
    """The subscriber's own unsubscribe link.

    The list's unsubscribe_url column wins; else the brand's link with `{email}` filled in, or with
    `email=<address>` added so one-click unsubscribes (RFC 8058) know who asked. A mailto: link stays
    as it is: the reply itself says who wants out.
    """
    from .render import issue_unsubscribe_url

    if subscriber.unsubscribe_url:
        return subscriber.unsubscribe_url
    base = issue_unsubscribe_url(prepared.issue)
    if base.lower().startswith("mailto:"):
        return base
    address = quote(subscriber.email, safe="")
    if "{email}" in base:
        return base.replace("{email}", address)
    return f"{base}{'&' if urlsplit(base).query else '?'}email={address}"


@dataclass(frozen=True)
class Outgoing:
    to: Subscriber
    message_id: str
    unsubscribe_url: str
    data: bytes  # the message as it goes over the wire


def personalise(prepared: Prepared, subscriber: Subscriber, *, test: bool = False,
                message_id: str | None = None) -> Outgoing:
    """One recipient's message: their unsubscribe link in the body and List-Unsubscribe, their To header.

    `message_id`: the one the send log holds for this address, so a resend is the same message.
    """
    from .message import build_message
    from .message import message_id as issue_message_id
    from .render import UNSUBSCRIBE_TOKEN

    url = unsubscribe_url(prepared, subscriber)
    issue = prepared.issue
    # A test send gets its own Message-ID: a client that saw it must not hide the real issue as a duplicate.
    if test:
        msg_id = make_msgid("test", domain=prepared.sender.email.rpartition("@")[2])
    else:
        msg_id = message_id or issue_message_id(issue, subscriber.email)
    msg = build_message(
        issue,
        html=prepared.html.replace(UNSUBSCRIBE_TOKEN, html.escape(url, quote=True)),
        text=prepared.text.replace(UNSUBSCRIBE_TOKEN, url),
        unsubscribe_url=url,
        to=subscriber.email,
        to_name=subscriber.name,
        message_id=msg_id,
        subject=TEST_PREFIX + issue.subject if test else None,
        images=prepared.images,
    )
    # An address that needs SMTPUTF8 is written in UTF-8 in the To header; every other message is 7-bit.
    data = msg.as_bytes(policy=SMTPUTF8 if subscriber.smtputf8 else SMTP)
    return Outgoing(to=subscriber, message_id=msg_id, unsubscribe_url=url, data=data)


# ---------------------------------------------------------------------------------------------
# One SMTP connection


class Refused(Exception):
    """The server answered no to this message: 5xx for good, 4xx for now."""

    def __init__(self, message: str, *, permanent: bool, retry: bool = True):
        super().__init__(message)
        self.permanent = permanent
        self.retry = retry  # worth another try in this run (no: a missing server feature)


class Lost(Exception):
    """The connection broke. `unknown`: after the message went out, before the server's reply."""

    def __init__(self, message: str, *, unknown: bool = False):
        super().__init__(message)
        self.unknown = unknown


def reply_text(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {' '.join(text.split())}".strip()


def wire_data(payload: bytes) -> bytes:
    """The DATA section: CRLF line ends, a dot doubled at the start of a line (RFC 5321 4.5.2), then <CRLF>.<CRLF>."""
    bare = payload.replace(b"\r\n", b"")
    # The email package writes CRLF already (policy SMTP); rewrite line ends only when it did not.
    data = re.sub(rb"\r\n|\r|\n", b"\r\n", payload) if b"\r" in bare or b"\n" in bare else payload
    data = data.replace(b"\r\n.", b"\r\n..")
    if data.startswith(b"."):
        data = b"." + data
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


class Connection:
    """One reused SMTP connection: connect (TLS, login) on demand, drop it after any doubt."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def redact(self, text: str) -> str:
        secret = self.settings.password.reveal()
        return text.replace(secret, "********") if secret else text

    def open(self) -> smtplib.SMTP:
        if self.smtp is not None:
            return self.smtp
        s = self.settings
        context = None
        if s.security != "none":
            try:
                context = ssl.create_default_context(cafile=s.cafile or None)
            except (OSError, ssl.SSLError) as error:
                raise SendError(f"cannot read the certificate file {s.cafile}: {error}") from None
        smtp: smtplib.SMTP | None = None
        try:
            if s.security == "tls":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            smtp.ehlo_or_helo_if_needed()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(f"{s.server} does not offer STARTTLS; nothing is sent in the clear "
                                    "(set security = \"tls\" for port 465)")
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user:
                from .preview import is_loopback  # the preview's rule for what never leaves this machine

                if s.security == "none" and not is_loopback(s.host):
                    raise SendError(f"refusing to send the password to {s.server} without TLS; "
                                    "set security = \"starttls\" or \"tls\"")
                if not s.password:
                    raise SendError(f"{PASSWORD_ENV} is not set; it holds the password for {s.user}")
                smtp.login(s.user, s.password.reveal())
        except SendError:
            self.close_quietly(smtp)
            raise
        except ssl.SSLCertVerificationError as error:
            self.close_quietly(smtp)
            raise SendError(f"{s.server}'s certificate is not trusted ({error.verify_message}); "
                            "set cafile in [smtp] if the server uses your own certificate authority") from None
        except ssl.SSLError as error:
            self.close_quietly(smtp)
            raise SendError(f"TLS with {s.server} failed: {error.reason or error}") from None
        except socket.gaierror as error:
            raise SendError(f"cannot find the SMTP server {s.host!r}: {error.strerror}") from None
        except smtplib.SMTPAuthenticationError as error:
            self.close_quietly(smtp)
            message = self.redact(reply_text(error.smtp_code, error.smtp_error))
            if 400 <= error.smtp_code < 500:
                raise Lost(f"{s.server} cannot check the login now: {message}") from None
            raise SendError(f"{s.server} refused the login for {s.user}: {message}") from None
        except smtplib.SMTPNotSupportedError:
            self.close_quietly(smtp)
            raise SendError(f"{s.server} does not offer a login (AUTH); remove user from [smtp]") from None
        except (smtplib.SMTPConnectError, smtplib.SMTPHeloError) as error:
            self.close_quietly(smtp)
            message = self.redact(reply_text(error.smtp_code, error.smtp_error))
            if 400 <= error.smtp_code < 500:
                raise Lost(f"{s.server} is not taking mail now: {message}") from None
            raise SendError(f"{s.server} refused the connection: {message}") from None
        except smtplib.SMTPServerDisconnected as error:
            self.close_quietly(smtp)
            raise Lost(f"{s.server} closed the connection: {error or 'no reason given'}") from None
        except smtplib.SMTPException as error:
            self.close_quietly(smtp)
            raise SendError(f"{s.server}: {self.redact(str(error))}") from None
        except OSError as error:
            self.close_quietly(smtp)
            raise Lost(f"cannot connect to {s.server}: {error.strerror or error}") from None
        self.smtp = smtp
        return smtp

    def deliver(self, envelope_from: str, outgoing: Outgoing, before_body: Callable[[], None]) -> str:
        """MAIL, RCPT, DATA for one message; the server's reply text on success.

        `before_body` runs after the server said 354 and before the message goes out: the last moment
        at which the message is certainly not delivered.
        """
        smtp = self.open()
        s = self.settings
        to = outgoing.to
        options: list[str] = []
        if to.smtputf8:
            if not smtp.has_extn("smtputf8"):
                raise Refused(f"{to.email} needs SMTPUTF8, which {s.server} does not offer", permanent=False,
                              retry=False)
            options = ["SMTPUTF8"] + (["BODY=8BITMIME"] if smtp.has_extn("8bitmime") else [])
        try:
            code, reply = smtp.mail(envelope_from, options)
            if code != 250:
                self.refused(code, reply, f"the sender {envelope_from}", sender=True)
            code, reply = smtp.rcpt(to.email)
            if code not in (250, 251):
                self.refused(code, reply, to.email)
            code, reply = smtp.docmd("DATA")
            if code != 354:
                self.refused(code, reply, "DATA")
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            self.drop()
            raise Lost(f"{s.server} dropped the connection before the message went out: {error}") from None
        before_body()
        try:
            smtp.send(wire_data(outgoing.data))
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            # The end-of-data dot goes out last: if sending failed, the server cannot have accepted the message.
            self.drop()
            raise Lost(f"{s.server} dropped the connection while the message went out: {error}") from None
        try:
            code, reply = smtp.getreply()
        except (smtplib.SMTPServerDisconnected, OSError) as error:
            self.drop()
            raise Lost(f"the message went out but {s.server} never confirmed it ({error})", unknown=True) from None
        if not 200 <= code < 300:
            if code == 421:
                self.drop()
            raise Refused(f"{s.server} refused the message: {reply_text(code, reply)}", permanent=code >= 500)
        return reply_text(code, reply)

    def refused(self, code: int, reply: bytes, what: str, *, sender: bool = False) -> None:
        message = f"{self.settings.server} refused {what}: {reply_text(code, reply)}"
        if code == 421 or code < 400:
            self.drop()
        else:
            self.reset()
        if sender and code >= 500:
            # Every message would fail the same way: stop instead of marking the whole list failed.
            raise SendError(message)
        raise Refused(message, permanent=code >= 500)

    def reset(self) -> None:
        if self.smtp is None:
            return
        try:
            code, _ = self.smtp.rset()
            if code == 250:
                return
        except (smtplib.SMTPException, OSError):
            pass
        self.drop()

    def drop(self) -> None:
        self.close_quietly(self.smtp)
        self.smtp = None

    def close(self) -> None:
        """Say goodbye politely when the connection is healthy."""
        if self.smtp is None:
            return
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            pass
        self.drop()

    @staticmethod
    def close_quietly(smtp: smtplib.SMTP | None) -> None:
        if smtp is not None:
            try:
                smtp.close()
            except OSError:
                pass


# ---------------------------------------------------------------------------------------------
# Sending to many


@dataclass
class Progress:
    done: int
    total: int
    address: str
    status: str  # start (before the first message), then sent, failed or unknown for each address


@dataclass
class SendReport:
    log_path: Path | None = None
    sent: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # sent by an earlier run
    failed: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[tuple[str, str]] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # not tried: the run stopped
    stopped: str = ""

    @property
    def complete(self) -> bool:
        """Nothing is left to try: every address was sent or failed for good."""
        return not self.unknown and not self.left and not self.stopped

    @property
    def ok(self) -> bool:
        return self.complete and not self.failed


class Log(Protocol):
    def mark(self, key: str, status: str, *, error: str = "", permanent: bool = False,
             attempt: bool = False) -> None: ...


class NoLog:
    """Test sends are not logged: they never block or count toward the list send."""

    def mark(self, key: str, status: str, *, error: str = "", permanent: bool = False, attempt: bool = False) -> None:
        pass


class Run:
    """Sends a queue of messages over one reused connection, retrying what can be retried.

    A temporary refusal (4xx) puts the message at the back of the queue for a later try, so one slow
    mailbox does not hold up the list. A dropped connection is reopened after a growing pause; after
    `retries` losses in a row the run stops and leaves the rest `pending` for the next run.
    """

    def __init__(self, prepared: Prepared, settings: SmtpSettings, log: Log, report: SendReport, *,
                 test: bool = False, rate: float | None = None, progress: Callable[[Progress], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic,
                 message_ids: Mapping[str, str] | None = None):
        self.prepared = prepared
        self.message_ids = message_ids or {}
        self.settled: set[str] = set()  # keys finish() has logged and reported
        self.settings = settings
        self.log = log
        self.report = report
        self.test = test
        self.rate = settings.rate if rate is None else rate
        self.progress = progress
        self.sleep = sleep
        self.clock = clock
        self.connection = Connection(settings)
        self.next_slot = 0.0
        self.reconnect_at = 0.0
        self.done = 0
        self.total = 0

    def run(self, queue: list[Subscriber]) -> None:
        self.total = len(queue)
        if self.progress is not None:
            self.progress(Progress(0, self.total, "", "start"))
        retries = self.settings.retries
        # (ready at, order, subscriber, tries so far)
        heap: list[tuple[float, int, Subscriber, int]] = [(0.0, order, s, 0) for order, s in enumerate(queue)]
        order = len(queue)
        lost_in_a_row = 0
        item: tuple[float, int, Subscriber, int] | None = None
        phase = "idle"  # idle -> body (the message may be out) -> confirmed (the server said 250)
        try:
            while heap:
                item = heapq.heappop(heap)
                ready, _, subscriber, tries = item
                phase = "idle"
                self.wait_until(ready)
                if self.connection.smtp is None:
                    self.wait_until(self.reconnect_at)
                    try:
                        self.connection.open()
                    except Lost as lost:
                        lost_in_a_row += 1
                        heapq.heappush(heap, item)
                        item = None
                        if lost_in_a_row > retries:
                            self.report.stopped = f"gave up after {lost_in_a_row} failed connections in a row: {lost}"
                            break
                        self.reconnect_at = self.clock() + self.settings.delay(lost_in_a_row)
                        continue
                self.wait_for_rate()
                outgoing = personalise(self.prepared, subscriber, test=self.test,
                                       message_id=self.message_ids.get(subscriber.key))

                def before_body(key: str = subscriber.key) -> None:
                    nonlocal phase
                    self.log.mark(key, "sending", attempt=True)
                    phase = "body"

                try:
                    self.connection.deliver(self.prepared.sender.email, outgoing, before_body)
                except Refused as refusal:
                    lost_in_a_row = 0  # the server is there and answering
                    tries += 1
                    if refusal.permanent or not refusal.retry or tries > retries:
                        status = self.finish(subscriber, "failed", str(refusal), permanent=refusal.permanent)
                        item = None
                        self.tell(subscriber, status)
                    else:
                        self.log.mark(subscriber.key, "pending", error=str(refusal))
                        order += 1
                        heapq.heappush(heap, (self.clock() + self.settings.delay(tries), order, subscriber, tries))
                        item = None
                    continue
                except Lost as lost:
                    lost_in_a_row += 1
                    self.reconnect_at = self.clock() + self.settings.delay(lost_in_a_row)
                    if lost.unknown:
                        status = self.finish(subscriber, "unknown", str(lost))
                        item = None
                        self.tell(subscriber, status)
                    else:
                        # The message did not go out: it keeps its place at the front of the queue.
                        self.log.mark(subscriber.key, "pending", error=str(lost))
                        heapq.heappush(heap, (ready, item[1], subscriber, tries + 1))
                        item = None
                    if lost_in_a_row > retries:
                        self.report.stopped = f"gave up after {lost_in_a_row} failed connections in a row: {lost}"
                        break
                    continue
                phase = "confirmed"
                lost_in_a_row = 0
                status = self.finish(subscriber, "sent", "")
                item = None
                self.tell(subscriber, status)
        except KeyboardInterrupt:
            self.connection.drop()
            self.report.stopped = "interrupted (Ctrl-C)"
            if item is not None:
                subscriber = item[2]
                if phase == "confirmed":
                    self.finish(subscriber, "sent", "")
                elif phase == "body":
                    self.finish(subscriber, "unknown",
                                "interrupted (Ctrl-C) after the message went out, before the server confirmed it")
                else:
                    self.log.mark(subscriber.key, "pending", error="interrupted (Ctrl-C)")
                    heapq.heappush(heap, item)
        except NewsletterError as error:
            # Login or sender refused, or the log cannot be written.
            self.connection.drop()
            if item is not None and phase == "idle":
                heapq.heappush(heap, item)
            elif item is not None:
                # The message went out; its row could not be updated and says `sending`: unknown next run.
                self.report.unknown.append((item[2].email, f"the send log could not be updated: {error}"))
            self.report.stopped = str(error)
        finally:
            self.connection.close()
            self.report.left = [s.email for _, _, s, _ in sorted(heap, key=lambda entry: entry[1])]

    def wait_until(self, moment: float) -> None:
        wait = moment - self.clock()
        if wait > 0:
            self.sleep(wait)

    def wait_for_rate(self) -> None:
        if self.rate <= 0:
            return
        self.wait_until(self.next_slot)
        self.next_slot = max(self.next_slot, self.clock()) + 1.0 / self.rate

    def finish(self, subscriber: Subscriber, status: str, error: str, *, permanent: bool = False) -> str:
        """Log and report the end of one address, once (a Ctrl-C right after must not settle it again);
        returns the status for tell()."""
        if subscriber.key in self.settled:
            return status
        self.settled.add(subscriber.key)
        error = self.connection.redact(error)
        self.log.mark(subscriber.key, status, error=error, permanent=permanent)
        if status == "sent":
            self.report.sent.append(subscriber.email)
        elif status == "failed":
            self.report.failed.append((subscriber.email, error))
        else:
            self.report.unknown.append((subscriber.email, error))
        return status

    def tell(self, subscriber: Subscriber, status: str) -> None:
        """Progress, once the address is settled (a callback that raises cannot make it count twice)."""
        self.done += 1
        if self.progress is not None:
            self.progress(Progress(self.done, self.total, subscriber.email, status))


def send_test(prepared: Prepared, to: list[Subscriber], settings: SmtpSettings, *,
              progress: Callable[[Progress], None] | None = None, sleep: Callable[[float], None] = time.sleep,
              clock: Callable[[], float] = time.monotonic) -> SendReport:
    """Send the issue to a few addresses with "[TEST] " before the subject; no send log."""
    require_host(settings)
    report = SendReport()
    Run(prepared, settings, NoLog(), report, test=True, rate=0, progress=progress, sleep=sleep, clock=clock).run(to)
    return report


@dataclass(frozen=True)
class Plan:
    """What a list send would do for one subscriber."""

    subscriber: Subscriber
    action: str  # send, resend, skip
    reason: str = ""
    unsubscribe_url: str = ""


def plan_list(prepared: Prepared, subscribers: SubscriberList, *, force: bool = False,
              resend_unknown: bool = False) -> list[Plan]:
    """Who would receive what (a dry run): reads the send log if there is one and writes nothing."""
    require_subscribers(subscribers)
    rows: dict[str, Row] = {}
    if prepared.log_path.exists():
        with SendLog(prepared.log_path, prepared.issue_id) as log:
            refuse_second_send(prepared, log, force)
            rows = log.rows()
    plans = []
    for subscriber in subscribers.subscribers:
        row = rows.get(subscriber.key)
        url = unsubscribe_url(prepared, subscriber)
        action, reason = decide(row, resend_unknown)
        plans.append(Plan(subscriber, action, reason, url))
    return plans


def decide(row: Row | None, resend_unknown: bool) -> tuple[str, str]:
    """send, resend or skip, and why, for one subscriber's row in the log."""
    if row is None or row.status == "pending":
        return "send", ""
    if row.status == "sent":
        return "skip", f"already sent {row.updated}"
    if row.status == "failed" and row.permanent:
        return "skip", f"failed for good: {row.error}"
    if row.status == "failed":
        return "send", f"again after: {row.error}"
    if row.status in ("unknown", "sending"):  # `sending`: a killed run; that message may have arrived
        error = row.error if row.status == "unknown" else UNKNOWN_AFTER_CRASH
        if resend_unknown:
            return "resend", f"same Message-ID; unknown after: {error}"
        return "skip", f"unknown: {error}"
    raise ValueError(f"send log row with unknown status {row.status!r}")


def send_list(prepared: Prepared, subscribers: SubscriberList, settings: SmtpSettings, *, force: bool = False,
              resend_unknown: bool = False, rate: float | None = None,
              progress: Callable[[Progress], None] | None = None, sleep: Callable[[float], None] = time.sleep,
              clock: Callable[[], float] = time.monotonic) -> SendReport:
    """Send one message per subscriber, resuming from the send log; a report of what happened to whom."""
    require_host(settings)
    require_subscribers(subscribers)
    from .message import message_id

    with exclusive(prepared.log_path), SendLog(prepared.log_path, prepared.issue_id) as log:
        # A row left `sending` by a killed run: that message may have arrived. Never resent blindly.
        log.recover()
        refuse_second_send(prepared, log, force)
        people = subscribers.subscribers
        log.add((s.key, s.email, message_id(prepared.issue, s.email)) for s in people)
        rows = log.rows()
        report = SendReport(log_path=prepared.log_path)
        queue = []
        for subscriber in people:
            row = rows[subscriber.key]
            action, _ = decide(row, resend_unknown)
            if action != "skip":
                queue.append(subscriber)
            elif row.status == "sent":
                report.skipped.append(subscriber.email)
            elif row.status == "failed":
                report.failed.append((subscriber.email, row.error))
            else:
                report.unknown.append((subscriber.email, row.error))
        run = log.start_run(str(subscribers.path))
        try:
            Run(prepared, settings, log, report, rate=rate, progress=progress, sleep=sleep, clock=clock,
                message_ids={key: row.message_id for key, row in rows.items()}).run(queue)
        finally:
            rows = log.rows()
            complete = all(rows[s.key].done for s in people)
            log.finish_run(run, complete=complete)
    return report


def refuse_second_send(prepared: Prepared, log: SendLog, force: bool) -> None:
    """The last list send ended with nothing left to do: another one is a mistake unless forced.

    A run that stopped early (dropped connection, Ctrl-C, kill) is not complete: running the same
    command again resumes it without --force.
    """
    done = log.last_run()
    if done is not None and done.complete and not force:
        raise SendError(
            f"this issue was already sent to the list {done.list} (run finished {done.finished}); "
            "--force sends it to the addresses on the list that have not had it yet",
            file=prepared.folder,
        )


def require_host(settings: SmtpSettings) -> None:
    if not settings.host:
        raise InputError(f"no SMTP server: set host in the [smtp] table of newsletter.toml or {ENV_PREFIX}HOST")


def require_subscribers(subscribers: SubscriberList) -> None:
    if not subscribers.subscribers:
        raise InputError("holds no address to send to", file=subscribers.path)
