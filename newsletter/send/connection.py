"""SMTP settings + one message -> delivered over one reused connection (TLS, login), or a clear reason why not.

The only module that talks SMTP (delivery.py runs the queue over these connections). Each failure is one
of three: SendError (nothing will work: a wrong password, an untrusted certificate; stop), Refused (the
server said no to this message) or Lost (the connection broke; the message may have gone out). A failure
to connect names the `security` that would work when the port says which one the server speaks.
"""

from __future__ import annotations

import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass

from newsletter.errors import SendError
from newsletter.loopback import is_loopback

from .smtp_settings import PASSWORD_ENV, SmtpSettings
from .subscribers import Subscriber


@dataclass(frozen=True)
class Outgoing:
    to: Subscriber
    data: bytes  # the message as it goes over the wire, before dot-stuffing
    crlf: bool = False  # every line ends in CR LF already (personalise.py's fill makes sure): no need to look


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


def wire_data(payload: bytes, *, crlf: bool = False) -> bytes:
    """The DATA section: CRLF line ends, a dot doubled at the start of a line (RFC 5321 4.5.2), then <CRLF>.<CRLF>.

    A bare CR or LF is never sent as it is (some servers read "<LF>.<LF>" as the end, and that smuggles mail):
    counting finds one without copying the message, as the email package writes CR LF already.
    """
    if not crlf:
        pairs = payload.count(b"\r\n")
        if payload.count(b"\n") != pairs or payload.count(b"\r") != pairs:
            payload = re.sub(rb"\r\n|\r|\n", b"\r\n", payload)
    data = payload.replace(b"\r\n.", b"\r\n..")
    return b"".join(
        (b"." if data.startswith(b".") else b"", data, b"" if data.endswith(b"\r\n") else b"\r\n", b".\r\n")
    )


class Connection:
    """One reused SMTP connection: connect (TLS, login) on demand, drop it after any doubt."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self.smtp: smtplib.SMTP | None = None

    def redact(self, text: str) -> str:
        return self.settings.redact(text)

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
        silent = "tls"  # until the server greets us: silence then may mean it waits for a TLS hello
        try:
            if s.security == "tls":
                smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            silent = ""
            smtp.ehlo_or_helo_if_needed()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    raise SendError(
                        f"{s.server} does not offer STARTTLS; nothing is sent in the clear{hint(s, 'plain')}"
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user:
                if s.security == "none" and not is_loopback(s.host):
                    raise SendError(
                        f'refusing to send the password to {s.server} without TLS; set security = "starttls" or "tls"'
                    )
                if not s.password:
                    raise SendError(f"{PASSWORD_ENV} is not set; it holds the password for {s.user}")
                smtp.login(s.user, s.password.reveal())
        except SendError:
            self.close_quietly(smtp)
            raise
        except ssl.SSLCertVerificationError as error:
            self.close_quietly(smtp)
            raise SendError(
                f"{s.server}'s certificate is not trusted ({error.verify_message}); "
                "set cafile in [smtp] if the server uses your own certificate authority"
            ) from None
        except ssl.SSLError as error:
            self.close_quietly(smtp)
            raise SendError(f"TLS with {s.server} failed: {error.reason or error}{hint(s, 'plain')}") from None
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
            raise Lost(f"{s.server} closed the connection: {error or 'no reason given'}{hint(s, silent)}") from None
        except smtplib.SMTPException as error:
            self.close_quietly(smtp)
            raise SendError(f"{s.server}: {self.redact(str(error))}") from None
        except TimeoutError as error:
            self.close_quietly(smtp)
            raise Lost(f"cannot connect to {s.server}: {error.strerror or error}{hint(s, silent)}") from None
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
                raise Refused(
                    f"{to.email} needs SMTPUTF8, which {s.server} does not offer", permanent=False, retry=False
                )
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
            smtp.send(wire_data(outgoing.data, crlf=outgoing.crlf))
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

    def abort(self) -> None:
        """Break off a connection another thread is waiting on (a second Ctrl-C): its read fails at once."""
        smtp = self.smtp
        sock = getattr(smtp, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

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


IMPLICIT_TLS_PORTS = (465, 2465)  # TLS from the first byte (RFC 8314); 25, 587, 2525 and 2587 speak plain SMTP first


def suggested_security(settings: SmtpSettings, speaks: str) -> str | None:
    """The `security` to set, from what the server did: "plain" (it answered in plain SMTP: no STARTTLS
    offered, or our TLS hello met plain text) or "tls" (it kept silent or hung up before its greeting, as a
    server that waits for TLS from the first byte does). None: the security set is not what went wrong."""
    loopback = is_loopback(settings.host)
    if speaks == "plain":
        # A test server on this machine (aiosmtpd, Mailpit) speaks plain SMTP, and nothing leaves the machine.
        if loopback:
            return "none"
        return "starttls" if settings.security == "tls" else None
    if settings.security != "tls" and (loopback or settings.port in IMPLICIT_TLS_PORTS):
        return "tls"
    return None


def hint(settings: SmtpSettings, speaks: str) -> str:
    """'; set security = ...' for an error the wrong security explains, else nothing."""
    better = suggested_security(settings, speaks) if speaks else None
    if better is None or better == settings.security:
        return ""
    if better == "none":
        why = f"a test server on {settings.host} speaks plain SMTP, and nothing leaves this machine"
    elif better == "tls":
        why = f"{settings.server} may speak TLS from the first byte, as port 465 does"
    else:
        why = f"port {settings.port} speaks plain SMTP first, then STARTTLS"
    return f'; set security = "{better}" in [smtp] ({why})'
