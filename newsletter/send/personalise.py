"""A message encoded once + one recipient -> the bytes that go to them, by filling tokens in.

`build` renders, checks and encodes the issue once with tokens where the recipient's To, Message-ID and
unsubscribe link go (email.tokens.eml); each recipient's message is those very bytes with the tokens
filled in, as Ghost's renderer does with %%{uuid}%%. Filling costs a join, not a MIME build. Pure: no
files, no network.
"""

from __future__ import annotations

import datetime as dt
import re
from email.quoprimime import body_encode
from email.utils import format_datetime
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from markupsafe import escape

from newsletter.errors import HeaderError, RenderError
from newsletter.links import scheme_of
from newsletter.message import LIST_ITEM, MAIL, list_field, recipient_headers
from newsletter.models import Issue
from newsletter.patterns import regex

# In the rendered page and text (render.py writes them where the links go).
UNSUBSCRIBE_TOKEN = "%%{unsubscribe_url}%%"
WEB_TOKEN = "%%{web_url}%%"
# Only in the encoded message: the text part's link (not escaped as HTML) and the recipient's Message-ID.
TEXT_UNSUBSCRIBE_TOKEN = "%%{unsubscribe_url_text}%%"
MESSAGE_ID_TOKEN = "%%{message_id}%%"
QP_LINE = 76  # RFC 2045: a quoted-printable line, soft break included
MAX_LINE = 998  # RFC 5322: no line of a message may be longer, CR LF not counted
ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
PLAIN_NAME = regex(rf"{ATEXT}(?: {ATEXT})*")
PLAIN_ADDRESS = regex(rf"{ATEXT}(?:\.{ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*")


# ---------------------------------------------------------------------------------------------
# Links in the page and the text


def html_link(url: str) -> str:
    """A link as the templates write it into an attribute (jinja2's autoescape)."""
    return str(escape(url))


def fill_page(page: str, *, unsubscribe: str, web: str) -> str:
    """A page (MJML or HTML) rendered with the tokens, with the links in their place."""
    return page.replace(UNSUBSCRIBE_TOKEN, html_link(unsubscribe)).replace(WEB_TOKEN, html_link(web))


def fill_text(text: str, *, unsubscribe: str, web: str) -> str:
    return text.replace(UNSUBSCRIBE_TOKEN, unsubscribe).replace(WEB_TOKEN, web)


def unsubscribe_url(base: str, email: str, own: str = "") -> str:
    """A subscriber's own unsubscribe link.

    The list's unsubscribe_url column (`own`) wins; else the brand's link (`base`) with `{email}` filled in,
    or with `email=<address>` added so one-click unsubscribes (RFC 8058) know who asked. A mailto: link
    stays as it is: the reply itself says who wants out. Non-ASCII characters are percent-encoded: the
    link goes into a header.
    """
    if own:
        url = own
    elif base.lower().startswith("mailto:"):
        url = base
    else:
        address = quote(email, safe="")
        if "{email}" in base:
            url = base.replace("{email}", address)
        else:
            url = f"{base}{'&' if urlsplit(base).query else '?'}email={address}"
    return url if url.isascii() else quote(url, safe="".join(chr(code) for code in range(33, 127)))


# ---------------------------------------------------------------------------------------------
# The encoded message


class Recipient(NamedTuple):
    email: str = ""  # empty: undisclosed recipients (the build's email.eml)
    name: str = ""
    message_id: str = ""
    unsubscribe_url: str = ""
    smtputf8: bool = False


def encoded_token(token: str) -> re.Pattern[bytes]:
    """A token in quoted-printable text, where the encoder may have put a soft line break anywhere."""
    return re.compile(b"(?:=\r\n)?".join(re.escape(bytes([char])) for char in token.encode()))


# Both tokens open with "%", written outside the alternatives: the regex engine then skips to each "%" instead of
# trying both alternatives at every byte of the message (45 ms -> 1 ms for a 1,000-story issue's 2 MB).
BODY_TOKENS = regex(
    b"%(?:"
    + b"|".join(
        f"(?P<{name}>(?:=\r\n)?".encode() + encoded_token(token[1:]).pattern + b")"
        for name, token in (("html", UNSUBSCRIBE_TOKEN), ("text", TEXT_UNSUBSCRIBE_TOKEN))
    )
    + b")"
)
RECIPIENT_FIELDS = ("to", "message-id", "list-unsubscribe", "list-unsubscribe-post")


def qp_encode(value: str) -> bytes:
    return body_encode(value, maxlinelen=QP_LINE, eol="\r\n").encode("ascii")


def header_fields(head: bytes) -> list[tuple[str, bytes]]:
    """A header section -> (lower-case name, the field with its folded lines and CR LF)."""
    fields: list[tuple[str, bytes]] = []
    for line in head.split(b"\r\n")[:-1]:
        if line[:1] in (b" ", b"\t") and fields:
            name, data = fields[-1]
            fields[-1] = (name, data + line + b"\r\n")
        else:
            fields.append((line.partition(b":")[0].decode("ascii").lower(), line + b"\r\n"))
    return fields


def unfold_recipient_fields(data: bytes) -> bytes:
    """The encoded template with its recipient fields on one line each (RFC 5322 unfolding: the same
    value), so the email package never folds a token into a line of its own; filled in, each line is
    checked against the 998-character limit."""
    end = data.index(b"\r\n\r\n") + 2
    fields = header_fields(data[:end])
    unfolded = [
        field.replace(b"\r\n ", b" ").replace(b"\r\n\t", b"\t") if name in RECIPIENT_FIELDS else field
        for name, field in fields
    ]
    return b"".join(unfolded) + data[end:]


class Template:
    """email.tokens.eml, read once: the recipient's header fields, the issue's, and the body cut at its tokens.

    Every line of it ends in CR LF (checked here), and so does everything fill() puts in: the email package's
    header fields, quoted-printable values, and plain names that hold no line break (text.header_problem).
    """

    def __init__(self, issue: Issue, data: bytes, *, name: str = "email.tokens.eml"):
        self.issue = issue
        end = data.find(b"\r\n\r\n")
        fields = header_fields(data[: end + 2]) if end > 0 else []
        names = [field for field, _ in fields]
        if names[:3] != list(RECIPIENT_FIELDS[:3]) or MESSAGE_ID_TOKEN.encode() not in fields[1][1]:
            raise RenderError(f"{name} is not a message this version can fill in; build the issue again")
        count = 4 if names[3] == "list-unsubscribe-post" else 3
        self.message_id_field = fields[1][1].split(MESSAGE_ID_TOKEN.encode())
        self.unsubscribe_field = fields[2][1]
        self.unsubscribe_items = LIST_ITEM.findall(self.unsubscribe_field.decode("ascii"))  # folded when filled in
        self.one_click = count == 4
        self.post_field = fields[3][1] if self.one_click else b""
        self.rest = fields[count:]  # Subject, From, ... Content-Type
        self.head = b"".join(field for _, field in self.rest)
        # The link the template was built for: a token (one per recipient), or one mailto: for everyone.
        token = UNSUBSCRIBE_TOKEN.encode()
        if token in self.unsubscribe_field:
            self.kind = "https" if self.one_click else "http"
            self.fixed_link = ""
        else:
            self.kind = "mailto"
            self.fixed_link = self.unsubscribe_field.split(b"<", 1)[1].split(b">", 1)[0].decode("ascii")
        pairs = data.count(b"\r\n")
        if data.count(b"\r") != pairs or data.count(b"\n") != pairs:
            raise RenderError(f"{name} has a line that does not end in CR LF; build the issue again")
        # bytes, or (kind, room) where the unsubscribe link goes: "html" or "text", and the characters its
        # quoted-printable line has left for it
        self.body: list[bytes | tuple[str, int]] = []
        body = data[end + 2 :]
        start = 0
        for match in BODY_TOKENS.finditer(body):
            line_start = body.rfind(b"\r\n", 0, match.start()) + 2
            line_end = body.find(b"\r\n", match.end())
            room = QP_LINE - (match.start() - line_start) - (line_end - match.end())
            self.body += [body[start : match.start()], (match.lastgroup or "", room)]
            start = match.end()
        self.body.append(body[start:])

    def recipient_head(self, recipient: Recipient) -> bytes:
        """To, Message-ID, List-Unsubscribe (and -Post) for one recipient; refused over 998 characters."""
        url = recipient.unsubscribe_url
        fast = plain_to(recipient)
        same_link = url == self.fixed_link if self.kind == "mailto" else scheme_of(url) == self.kind
        if fast is not None and same_link:
            head = (
                fast
                + recipient.message_id.encode("ascii").join(self.message_id_field)
                + list_field(
                    "List-Unsubscribe", [item.replace(UNSUBSCRIBE_TOKEN, url) for item in self.unsubscribe_items]
                ).encode("ascii")
                + self.post_field
            )
        else:
            # Names that need quoting or encoding, UTF-8 addresses, a link of another kind: the email package.
            head = b"".join(
                field if name in ("to", "list-unsubscribe") else field.replace(b"\r\n ", b" ")
                for name, field in recipient_headers(
                    self.issue,
                    to=recipient.email or None,
                    to_name=recipient.name,
                    message_id=recipient.message_id,
                    unsubscribe_url=url,
                    smtputf8=recipient.smtputf8,
                )
            )
        for _, field in header_fields(head):
            longest = max(len(line) for line in field.split(b"\r\n"))
            if longest > MAX_LINE:
                shown = field.partition(b":")[0].decode("ascii", "replace")
                raise HeaderError(
                    f"{shown} for {recipient.email or 'the list'} would be a line of {longest} "
                    f"characters, over the {MAX_LINE} mail servers take: shorten the name or the link"
                )
        return head

    def fill(self, recipient: Recipient, *, subject: str | None = None, date: dt.datetime | None = None) -> bytes:
        """The message for one recipient: the template's bytes with their values where the tokens are.

        `date`: when it is sent, for its Date field (the build's is the issue's day, for byte-identical
        builds; a message dated days ahead sorts above newer mail and scores as spam). `subject`: a test
        send's, with "[TEST] " before it.
        """
        head = self.head
        changed: dict[str, bytes] = {}
        if subject is not None:
            changed["subject"] = MAIL.fold_binary("Subject", MAIL.header_factory("Subject", subject))
        if date is not None:
            changed["date"] = b"Date: " + format_datetime(date).encode("ascii") + b"\r\n"
        if changed:
            head = b"".join(changed.get(name, field) for name, field in self.rest)
        url = recipient.unsubscribe_url
        values = {"html": qp_encode(html_link(url)), "text": qp_encode(url)}
        parts = [self.recipient_head(recipient), head]
        for piece in self.body:
            if isinstance(piece, bytes):
                parts.append(piece)
                continue
            value = values[piece[0]]
            # Where it fits, the link goes in as it is; else soft breaks around it keep every line under 76.
            parts.append(value if len(value) <= piece[1] and b"\r\n" not in value else b"=\r\n" + value + b"=\r\n")
        return b"".join(parts)


def plain_to(recipient: Recipient) -> bytes | None:
    """The To field for a plain ASCII name and address, byte for byte what the email package writes
    (tests/test_personalise.py compares the two); None when the name needs quoting or encoding."""
    name, email = recipient.name, recipient.email
    if not email:
        return b"To: undisclosed-recipients:;\r\n"
    if recipient.smtputf8 or not PLAIN_ADDRESS.fullmatch(email) or (name and not PLAIN_NAME.fullmatch(name)):
        return None
    if "=?" in name:
        return None
    field = f"To: {name} <{email}>\r\n" if name else f"To: {email}\r\n"
    return field.encode("ascii") if len(field) <= 80 else None
