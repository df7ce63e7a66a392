"""The subject, the preheader, the headers, and what the law and mailbox providers ask of a sender."""

from __future__ import annotations

from newsletter.links import one_click
from newsletter.models import Issue, Sender

from .findings import Finding, shown
from .page import Page

SUBJECT_RANGE = (10, 78)
PREHEADER_RANGE = (40, 130)


def check_headers(issue: Issue) -> list[Finding]:
    """Header values that would forge headers (a Bcc, say), as written or once their encoded words decode."""
    from newsletter.message import header_problems

    return [
        Finding("error", "headers", f"the {what} {value!r} {problem}: rebuild with a plain one")
        for what, value, problem in header_problems(issue)
    ]


def check_subject(issue: Issue) -> list[Finding]:
    findings = []
    for name, value, (low, high) in (
        ("subject", issue.subject, SUBJECT_RANGE),
        ("preheader", issue.preheader, PREHEADER_RANGE),
    ):
        length = len(value.strip())
        if not length:
            findings.append(Finding("error", "subject", f"the {name} is empty: set {name} in issue.toml"))
        elif length < low:
            findings.append(
                Finding(
                    "warning",
                    "subject",
                    f"the {name} is {length} characters, under {low}: say more in issue.toml's {name}",
                )
            )
        elif length > high:
            findings.append(
                Finding(
                    "warning",
                    "subject",
                    f"the {name} is {length} characters, over {high}, and inboxes cut it: shorten issue.toml's {name}",
                )
            )
    return findings


def check_promises(issue: Issue, page: Page, html_name: str) -> list[Finding]:
    """The unsubscribe link and postal address the settings promise are in the email: a stage that lost the end
    of the email (a parser stopping at its limit) must not pass as safe to send."""
    from newsletter.render import issue_unsubscribe_url

    findings = []
    unsubscribe = issue_unsubscribe_url(issue)
    if all((link.href or "").strip() != unsubscribe for link in page.links):
        findings.append(
            Finding(
                "error",
                "unsubscribe",
                f"the email has no unsubscribe link ({unsubscribe}), which its settings promise: rebuild it",
                file=html_name,
            )
        )
    address = "".join(issue.brand.postal_address.split())
    if address and address not in "".join("".join(text.split()) for _, text in page.text):
        findings.append(
            Finding(
                "error",
                "address",
                "the email lacks the postal address its settings give "
                f"({shown(issue.brand.postal_address, 60)}): rebuild it",
                file=html_name,
            )
        )
    return findings


def check_compliance(issue: Issue) -> list[Finding]:
    """What the law and the big mailbox providers ask of a bulk sender, each gap its own warning."""
    brand = issue.brand
    findings = []
    if not one_click(brand.unsubscribe_url):
        has = f"only {brand.unsubscribe_url}" if brand.unsubscribe_url else "only unsubscribing by reply"
        findings.append(
            Finding(
                "warning",
                "unsubscribe",
                f"no one-click unsubscribe ({has}): Gmail and Yahoo require one from bulk "
                "senders (RFC 8058); set [brand] unsubscribe_url in newsletter.toml to an https address that "
                "unsubscribes on a POST",
            )
        )
    if not brand.postal_address.strip():
        findings.append(
            Finding(
                "warning",
                "address",
                "no postal address in the footer: anti-spam law (CAN-SPAM) asks for "
                "one; set [brand] postal_address in newsletter.toml",
            )
        )
    if brand.sender.email == Sender().email:
        # Replies and the unsubscribe fallback go nowhere.
        findings.append(
            Finding(
                "warning",
                "sender",
                f"the sender address is the placeholder {Sender().email}: set [brand.sender] "
                "email in newsletter.toml to an address you read",
            )
        )
    return findings
