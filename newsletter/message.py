"""Issue + email HTML + plain text -> a multipart/alternative message (the stdlib `email` package)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from email.header import Header
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.policy import SMTP, SMTPUTF8, Policy, default
from email.utils import format_datetime
from typing import cast

from .errors import AddressError, HeaderError
from .headers import header_problem
from .links import one_click, scheme_of
from .models import Issue

LINE = 78  # RFC 5322 2.1.1: a line should be at most this long, CR LF not counted
LIST_ITEM = re.compile(r"<[^<>]*>")


def list_field(name: str, items: list[str], linesep: str = "\r\n") -> str:
    """`name: <a>, <b>` folded after a comma wherever the next item would take the line past LINE characters.
    An item is never broken nor encoded: a <URI> of List-Unsubscribe is read as written (RFC 2369), and one
    longer than a line stands on a line of its own."""
    lines = [f"{name}: {items[0]}"]
    for item in items[1:]:
        if len(lines[-1]) + len(", ") + len(item) <= LINE:
            lines[-1] += f", {item}"
        else:
            lines[-1] += ","
            lines.append(f" {item}")
    return linesep.join(lines) + linesep


class ListHeader(UnstructuredHeader, BaseHeader):
    """List-Unsubscribe as list_field folds it. The email package would fold it as text: a line too long
    for it becomes encoded words (=?utf-8?q?=3Chttps=3A//...?=), which no client reads as a link."""

    def fold(self, *, policy: Policy) -> str:
        items = LIST_ITEM.findall(str(self))
        if not items or ", ".join(items) != str(self) or not (str(self).isascii() or getattr(policy, "utf8", False)):
            return super().fold(policy=policy)  # not a list this module wrote: as the package folds it
        return list_field(self.name, items, policy.linesep)


class SubjectHeader(UnstructuredHeader, BaseHeader):
    """The subject as the email package folds it, unless that fold reads back otherwise: folding a long subject by
    an encoded word, Python 3.11 leaves a space at the line's end before it ("Donald  Trump’s" in the inbox) or none
    between two ("theé"). Such a subject is written in encoded words alone, which fold with nothing between them."""

    def fold(self, *, policy: Policy) -> str:
        folded = super().fold(policy=policy)
        if getattr(policy, "utf8", False):  # no encoded words: folded at spaces, as written
            return folded
        unfolded = folded.partition(":")[2].replace(policy.linesep, "").lstrip()
        if str(default.header_factory(self.name, unfolded)) == str(self):
            return folded
        encoded = Header(str(self), "utf-8", LINE, self.name).encode(linesep=policy.linesep)
        return f"{self.name}: {encoded}{policy.linesep}"


HEADERS = HeaderRegistry()
HEADERS.map_to_type("list-unsubscribe", ListHeader)
HEADERS.map_to_type("subject", SubjectHeader)
MAIL = SMTP.clone(header_factory=HEADERS)  # the policies every message is built with
MAIL_UTF8 = SMTPUTF8.clone(header_factory=HEADERS)


def sender_domain(issue: Issue) -> str:
    return issue.brand.sender.email.rpartition("@")[2] or "localhost"


def issue_message_id(issue: Issue, recipient: str = "") -> str:
    """Stable for the same issue (and recipient): a re-run builds or resends the very same message."""
    key = f"{issue.brand.name}\n{issue.slug}\n{recipient.casefold()}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    return f"<{issue.slug}.{digest}@{sender_domain(issue)}>"


def header_problems(issue: Issue) -> list[tuple[str, str, str]]:
    """(what, value, problem) for each header value of the issue that could forge mail headers; the one
    rule that build, check, send and export share."""
    brand = issue.brand
    values = (
        ("subject", issue.subject),
        ("sender name", brand.from_name),
        ("brand name", brand.name),
        ("sender address", brand.sender.email),
        ("reply-to address", brand.reply_to),
    )
    return [
        (what, value, f"{problem}, which would forge mail headers")
        for what, value in values
        if (problem := header_problem(value))
    ]


def refuse_forged(what: str, value: str) -> None:
    problem = header_problem(value)
    if problem:
        raise HeaderError(f"the {what} {value!r} {problem}, which would forge mail headers")


def address(name: str, email: str) -> Address:
    refuse_forged("name", name)  # in a header it would start a header of its own
    refuse_forged("address", email)
    local, _, domain = email.rpartition("@")
    if not local or not domain:
        raise AddressError(f"{email!r} is not an email address")
    return Address(display_name=name, username=local, domain=domain)


def add_recipient_headers(
    msg: EmailMessage,
    issue: Issue,
    *,
    to: str | None,
    to_name: str,
    message_id: str,
    unsubscribe_url: str,
    post: bool | None = None,
) -> None:
    """The headers that differ from one recipient to the next, first in the message: To, Message-ID,
    List-Unsubscribe and List-Unsubscribe-Post. `post`: whether to offer one-click (default: by the link)."""
    refuse_forged("unsubscribe link", unsubscribe_url)
    msg["To"] = address(to_name, to) if to else "undisclosed-recipients:;"
    msg["Message-ID"] = message_id
    unsubscribe = [f"<{unsubscribe_url}>"]
    if scheme_of(unsubscribe_url) != "mailto":
        unsubscribe.append(f"<{issue.brand.unsubscribe_mailto}>")
    msg["List-Unsubscribe"] = ", ".join(unsubscribe)
    if one_click(unsubscribe_url) if post is None else post:
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"


def recipient_headers(
    issue: Issue, *, to: str | None, to_name: str, message_id: str, unsubscribe_url: str, smtputf8: bool = False
) -> list[tuple[str, bytes]]:
    """(lower-case name, folded field) for each recipient header, as the email package writes them; an
    address that needs SMTPUTF8 is written in UTF-8."""
    policy = MAIL_UTF8 if smtputf8 else MAIL
    msg = EmailMessage(policy=policy)
    add_recipient_headers(msg, issue, to=to, to_name=to_name, message_id=message_id, unsubscribe_url=unsubscribe_url)
    return [(name.lower(), policy.fold_binary(name, value)) for name, value in msg.items()]


def build_message(
    issue: Issue,
    *,
    html: str,
    text: str,
    unsubscribe_url: str,
    to: str | None = None,
    to_name: str = "",
    message_id: str | None = None,
    subject: str | None = None,
    post: bool | None = None,
    images: dict[str, bytes] | None = None,
) -> EmailMessage:
    """The email as MIME: the recipient's headers, the issue's, then text and HTML (clients show the last
    part they can). Built once per issue with tokens for the recipient (personalise.py fills them in).

    `images`: the build's images/ files; those the HTML names by a relative src travel inside the message
    (multipart/related, cid:), as nothing published them.
    """
    from .images import inline_images

    brand = issue.brand
    subject = issue.subject if subject is None else subject
    refuse_forged("subject", subject)
    msg = EmailMessage(policy=MAIL)
    add_recipient_headers(
        msg,
        issue,
        to=to,
        to_name=to_name,
        unsubscribe_url=unsubscribe_url,
        post=post,
        message_id=message_id or issue_message_id(issue, to or ""),
    )
    msg["Subject"] = subject
    msg["From"] = address(brand.from_name, brand.sender.email)
    if brand.reply_to:
        msg["Reply-To"] = address("", brand.reply_to)
    # The issue's date, not the clock: the same issue builds the same bytes.
    msg["Date"] = format_datetime(dt.datetime.combine(issue.date, dt.time(6, 0), tzinfo=dt.UTC))
    msg["MIME-Version"] = "1.0"
    # Quoted-printable keeps every encoded line short (RFC 5322's 998-byte limit) and the text readable.
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    html, related = inline_images(html, images or {})
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    # A boundary from the content, not from random: deterministic builds.
    digest = hashlib.sha256((text + html).encode()).hexdigest()[:24]
    msg.set_boundary(f"==newsletter-{digest}==")
    if related:
        html_part = cast("list[EmailMessage]", msg.get_payload())[-1]
        for part in related:
            html_part.add_related(
                part.data,
                maintype="image",
                subtype=part.subtype,
                cid=f"<{part.content_id}>",
                disposition="inline",
                filename=part.name.rsplit("/", 1)[-1],
            )
        html_part.set_boundary(f"==newsletter-related-{digest}==")
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=SMTP)
