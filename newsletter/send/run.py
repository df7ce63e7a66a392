"""A build folder + addresses -> messages sent: test sends, and list sends that never send an issue twice.

Only what `build` wrote, and its record vouches for, goes out: the encoded message with tokens
(email.tokens.eml) gets each recipient's To, Message-ID and unsubscribe link filled in (personalise.py)
and goes to delivery.py, which sends it over connection.py's SMTP connections. List sends keep the send history
(history.py) next to newsletter.toml: an address that has the issue, from any build of it, is skipped
unless --force says to send a second copy; a re-run after a crash, Ctrl-C or a dropped connection
carries on where it stopped.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import make_msgid
from pathlib import Path

from newsletter.errors import HeaderError, InputError
from newsletter.models import Issue

from .connection import Outgoing
from .delivery import Delivery, NoLog, Progress, SendReport
from .history import HISTORY_NAME, UNKNOWN_AFTER_CRASH, Identity, Row, SendLog, exclusive
from .personalise import Recipient, Template, unsubscribe_url
from .smtp_settings import ENV_PREFIX, SmtpSettings
from .subscribers import Problem, Subscriber, SubscriberList, check_address, unsubscribe_problem

TEST_PREFIX = "[TEST] "
EXAMPLE = Subscriber(email="reader@example.org")

__all__ = [
    "Progress",
    "SendReport",
    "Sending",
    "prepare",
    "plan_list",
    "ready",
    "send_list",
    "send_test",
    "history_path",
]


@dataclass
class Prepared:
    """A build read back as built: its issue, and its message encoded once with tokens for each recipient."""

    folder: Path
    issue: Issue
    template: Template
    sender: Subscriber
    now: Callable[[], dt.datetime]  # the wall clock, for each message's Date as it is sent

    def unsubscribe_url(self, subscriber: Subscriber) -> str:
        from newsletter.render import issue_unsubscribe_url

        return unsubscribe_url(issue_unsubscribe_url(self.issue), subscriber.email, subscriber.unsubscribe_url)

    def recipient(self, subscriber: Subscriber, message_id: str) -> Recipient:
        return Recipient(
            email=subscriber.email,
            name=subscriber.name,
            message_id=message_id,
            unsubscribe_url=self.unsubscribe_url(subscriber),
            smtputf8=subscriber.smtputf8,
        )

    def message(self, subscriber: Subscriber, message_id: str, *, test: bool = False) -> Outgoing:
        subject = TEST_PREFIX + self.issue.subject if test else None
        data = self.template.fill(self.recipient(subscriber, message_id), subject=subject, date=self.now())
        return Outgoing(subscriber, data, crlf=True)

    def too_long(self, subscriber: Subscriber) -> str | None:
        """Why this subscriber's headers cannot be written within 998 characters a line, or None."""
        try:
            self.template.recipient_head(self.recipient(subscriber, self.message_id(subscriber)))
        except HeaderError as error:
            return error.message
        return None

    def message_id(self, subscriber: Subscriber) -> str:
        from newsletter.message import issue_message_id

        return issue_message_id(self.issue, subscriber.email)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def prepare(folder: Path, *, now: Callable[[], dt.datetime] = utc_now) -> Prepared:
    """Read a build folder as built (its record checked), and check every header that is not per recipient.

    `now` dates each message when it is filled in, just before it goes out (tests pass their own clock)."""
    from newsletter.buildfolder import read_built_issue, refuse_stale
    from newsletter.message import header_problems

    issue, files = read_built_issue(folder, ("email.tokens.eml",))
    refuse_stale(folder)  # a story edited since the build: what would go out is not what it says now
    # Before anything is sent: no header value may forge headers, as written or once decoded.
    for what, value, problem in header_problems(issue):
        raise HeaderError(f"the {what} {value!r} {problem}; nothing was sent", file=folder / "issue.json")
    sender = check_address(issue.brand.sender.email, file=folder / "issue.json")
    if issue.brand.reply_to:
        check_address(issue.brand.reply_to, file=folder / "issue.json")
    prepared = Prepared(folder, issue, Template(issue, files["email.tokens.eml"]), sender, now)
    link_problem = unsubscribe_problem(prepared.unsubscribe_url(EXAMPLE))
    if link_problem:
        raise InputError(
            f"[brand] unsubscribe_url {issue.brand.unsubscribe_url!r} {link_problem}", file=folder / "issue.json"
        )
    # Fill one message now: what filling refuses is refused before the first connection.
    prepared.message(EXAMPLE, prepared.message_id(EXAMPLE))
    return prepared


def refuse_placeholders(folder: Path) -> None:
    """A list send of an issue that still holds a placeholder ("TK") or an unfilled merge tag, which `check` calls not
    safe to send, is refused: the whole list would get a draft. A test send (--to) goes out, to look at one."""
    from newsletter.buildfolder import read_built_issue
    from newsletter.check import placeholders
    from newsletter.check import refuse_placeholders as refuse

    issue, files = read_built_issue(folder, ("email.html", "email.txt"))
    html, text = (files[name].decode("utf-8") for name in ("email.html", "email.txt"))
    left = placeholders(issue, html, text, str(folder / "email.html"), str(folder / "email.txt"))
    refuse(left, folder, nothing="nothing was sent", instead="a test send with --to goes out as it is")


def history_path(config: Path | None) -> Path:
    """The send history lives next to newsletter.toml (the one given, or the working folder's)."""
    from newsletter.settings import config_folder

    return config_folder(config) / HISTORY_NAME


def fit_headers(prepared: Prepared, subscribers: SubscriberList) -> SubscriberList:
    """The list without subscribers whose To or List-Unsubscribe line would pass 998 characters: each
    is named with its line, like any other row that cannot be sent to."""
    kept, bad = [], list(subscribers.bad)
    for subscriber in subscribers.subscribers:
        problem = prepared.too_long(subscriber)
        if problem:
            bad.append(Problem(str(subscribers.path), subscriber.line, problem))
        else:
            kept.append(subscriber)
    return SubscriberList(subscribers.path, kept, bad, subscribers.duplicates)


# ---------------------------------------------------------------------------------------------
# Test sends


def send_test(
    prepared: Prepared,
    to: list[Subscriber],
    settings: SmtpSettings,
    *,
    progress: Callable[[Progress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> SendReport:
    """Send the issue to a few addresses with "[TEST] " before the subject; no send history."""
    require_host(settings)
    for subscriber in to:
        problem = prepared.too_long(subscriber)
        if problem:
            raise InputError(problem, file="--to")
    report = SendReport()
    domain = prepared.sender.email.rpartition("@")[2]

    def message(subscriber: Subscriber) -> Outgoing:
        # A test send gets its own Message-ID: a client that saw it must not hide the real issue as a duplicate.
        return prepared.message(subscriber, make_msgid("test", domain=domain), test=True)

    Delivery(
        message,
        prepared.sender.email,
        settings,
        NoLog(),
        report,
        rate=0,
        progress=progress,
        sleep=sleep,
        clock=clock,
        connections=1,
    ).run(to)
    return report


# ---------------------------------------------------------------------------------------------
# List sends


@dataclass(frozen=True)
class Plan:
    """What a list send would do for one subscriber."""

    subscriber: Subscriber
    action: str  # send, resend (a second copy, or a message that may have arrived), skip
    reason: str = ""
    unsubscribe_url: str = ""
    had_it: bool = False  # the history says this address has the issue (or may have it)


@dataclass
class Start:
    """What a list send is about to do, told before the first message."""

    sending: int
    skipped: int  # have the issue already
    second_copies: int  # --force: have it already and get it again
    issue: str  # "issue 48"
    history: Path
    folders: list[str] = field(default_factory=list)  # the builds it was sent from before

    def said(self) -> tuple[str, str]:
        """What the run says before the first message: who it skips, and a warning apart ("": nothing)."""
        where = f" (from {', '.join(self.folders)})" if self.folders else ""
        skipping = f"Skipping {self.skipped} address(es) that already have {self.issue}{where}; history: {self.history}"
        copies = f"--force: {self.second_copies} address(es) that already have {self.issue} get a second copy."
        return skipping if self.skipped else "", copies if self.second_copies else ""


def decide(row: Row | None, *, force: bool, resend_unknown: bool) -> tuple[str, str]:
    """send, resend or skip, and why, for one subscriber's row in the history."""
    if row is None or row.status == "pending":
        return "send", ""
    sent_from = f" from {row.folder}" if row.folder else ""
    if row.status == "sent":
        if force:
            return "resend", f"second copy (--force); had it since {row.updated}{sent_from}"
        return "skip", f"already has this issue (sent {row.updated}{sent_from})"
    if row.status == "failed" and row.permanent:
        return ("send", f"again (--force) after: {row.error}") if force else ("skip", f"failed for good: {row.error}")
    if row.status == "failed":
        return "send", f"again after: {row.error}"
    if row.status in ("unknown", "sending"):  # `sending`: a killed run; that message may have arrived
        error = row.error if row.status == "unknown" else UNKNOWN_AFTER_CRASH
        if resend_unknown or force:
            return "resend", f"same Message-ID; unknown after: {error}"
        return "skip", f"unknown: {error}"
    raise ValueError(f"send history row with unknown status {row.status!r}")


def plan_list(
    prepared: Prepared, subscribers: SubscriberList, *, history: Path, force: bool = False, resend_unknown: bool = False
) -> list[Plan]:
    """Who would receive what (a dry run): reads the send history if there is one and writes nothing."""
    require_subscribers(subscribers)
    rows: dict[str, Row] = {}
    if history.exists():
        with SendLog(history, Identity.of(prepared.issue), create=False) as log:
            rows = log.rows()
    plans = []
    for subscriber in subscribers.subscribers:
        row = rows.get(subscriber.key)
        action, reason = decide(row, force=force, resend_unknown=resend_unknown)
        plans.append(
            Plan(
                subscriber,
                action,
                reason,
                prepared.unsubscribe_url(subscriber),
                had_it=row is not None and row.status in ("sent", "unknown", "sending"),
            )
        )
    return plans


def send_list(
    prepared: Prepared,
    subscribers: SubscriberList,
    settings: SmtpSettings,
    *,
    history: Path,
    force: bool = False,
    resend_unknown: bool = False,
    rate: float | None = None,
    connections: int | None = None,
    start: Callable[[Start], None] | None = None,
    progress: Callable[[Progress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> SendReport:
    """Send one message per subscriber who does not have the issue yet; a report of what happened to whom."""
    require_host(settings)
    require_subscribers(subscribers)
    from newsletter.message import issue_message_id

    identity = Identity.of(prepared.issue)
    folder = str(prepared.folder)
    with exclusive(history), SendLog(history, identity, redact=settings.redact) as log:
        # A row left `sending` by a killed run: that message may have arrived. Never resent blindly.
        log.recover()
        people = subscribers.subscribers
        log.add(((s.key, s.email, issue_message_id(prepared.issue, s.email)) for s in people), folder)
        rows = log.rows()
        report = SendReport(log_path=history)
        queue = []
        folders: dict[str, None] = {}
        for subscriber in people:
            row = rows[subscriber.key]
            action, _ = decide(row, force=force, resend_unknown=resend_unknown)
            if action != "skip":
                queue.append(subscriber)
                report.second_copies += row.status == "sent"
            elif row.status == "sent":
                report.skipped.append(subscriber.email)
                folders[row.folder] = None
            elif row.status == "failed":
                report.failed.append((subscriber.email, row.error))
                report.before.add(subscriber.email)
                report.for_good.add(subscriber.email)  # skipped: refused for good (decide retries the others)
            else:
                report.unknown.append((subscriber.email, row.error))
        if start is not None:
            start(
                Start(
                    len(queue),
                    len(report.skipped),
                    report.second_copies,
                    identity.describe(),
                    history,
                    [name for name in folders if name],
                )
            )
        run = log.start_run(str(subscribers.path), folder)
        message_ids = {key: row.message_id for key, row in rows.items()}
        # A second copy (--force) of a message that arrived gets a Message-ID of its own: a mailbox that holds
        # the first drops a message with the same ID as a duplicate, so the copy would never show. A message
        # whose fate is unknown keeps its ID: there the mailbox's de-duplication is what we want.
        domain = prepared.sender.email.rpartition("@")[2]
        for subscriber in queue:
            if rows[subscriber.key].status == "sent":
                message_ids[subscriber.key] = make_msgid("copy", domain=domain)
        try:
            Delivery(
                lambda subscriber: prepared.message(subscriber, message_ids[subscriber.key]),
                prepared.sender.email,
                settings,
                log,
                report,
                rate=rate,
                folder=folder,
                progress=progress,
                sleep=sleep,
                clock=clock,
                connections=connections,
            ).run(queue)
        finally:
            rows = log.rows()
            log.finish_run(run, complete=all(rows[s.key].done for s in people))
    return report


def require_host(settings: SmtpSettings) -> None:
    if not settings.host:
        raise InputError(f"no SMTP server: set host in the [smtp] table of newsletter.toml or {ENV_PREFIX}HOST")


def require_subscribers(subscribers: SubscriberList) -> None:
    if not subscribers.subscribers:
        raise InputError("holds no address to send to", file=subscribers.path)


# ---------------------------------------------------------------------------------------------
# The command: `newsletter send` made ready, then dry-run or sent


@dataclass
class Sending:
    """A send made ready: the build read back, the settings read, every address and header checked."""

    folder: Path
    prepared: Prepared
    settings: SmtpSettings
    history: Path
    to: list[Subscriber]  # a test send's addresses (--to)
    people: SubscriberList | None  # a list send's subscribers (--list), those that cannot be sent to set aside

    @property
    def subject(self) -> str:
        return (TEST_PREFIX if self.people is None else "") + self.prepared.issue.subject

    @property
    def set_aside(self) -> int:
        """Rows of the list that are not sent to (not an address, or an address twice), each told on a `skipped`
        line before the run: counted among the skipped, so the last line agrees with those above it."""
        return len(self.people.bad) + len(self.people.duplicates) if self.people is not None else 0

    def dry_run(self, *, force: bool = False, resend_unknown: bool = False) -> tuple[list[str], str]:
        """What a dry run says: its lines, and a warning apart ("": none). Reads the history, writes nothing."""
        brand = self.prepared.issue.brand
        server = self.settings.describe() if self.settings.host else "not set: [smtp] host or NEWSLETTER_SMTP_HOST"
        lines = [
            "Dry run: nothing is sent.",
            f"  issue:   {self.folder} ({self.subject!r})",
            f"  from:    {brand.from_name} <{brand.sender.email}>",
            f"  server:  {server}",
        ]
        if self.people is None:
            lines += [f"  test     {recipient.email}" for recipient in self.to]
            return [*lines, f"Would send a test to {len(self.to)} address(es)."], ""
        plans = plan_list(self.prepared, self.people, history=self.history, force=force, resend_unknown=resend_unknown)
        for plan in plans:
            detail = plan.reason if plan.action == "skip" else f"unsubscribe: {plan.unsubscribe_url}"
            extra = " (needs SMTPUTF8)" if plan.subscriber.smtputf8 and plan.action != "skip" else ""
            lines.append(f"  {plan.action:<8} {plan.subscriber.email}  {detail}{extra}")
        sending = sum(plan.action != "skip" for plan in plans)
        rows = len(plans) + self.set_aside
        lines.append(f"Would send to {sending} of {rows} address(es); {rows - sending} skipped.")
        second = sum(plan.action == "resend" and plan.had_it for plan in plans)
        warning = f"{second} address(es) may already have this issue and would get a second copy." if second else ""
        return lines, warning

    def summary(self, report: SendReport) -> str:
        """The line a send ends with, what happened to how many addresses, and what to do about an unknown."""
        counts = (
            f"sent {len(report.sent)}, skipped {len(report.skipped) + self.set_aside}, failed {len(report.failed)}, "
            f"unknown {len(report.unknown)}" + (f", not tried {len(report.left)}" if report.left else "")
        )
        summary = f"{self.subject!r}: {counts}" + (f" (history: {report.log_path})" if report.log_path else "")
        for_good = sum(address in report.for_good for address, _ in report.failed)
        if for_good and self.people is not None:
            summary += (
                f"\nFailed for good: the server refused {for_good} address(es) outright (5xx), and they are not tried"
                f" again for this issue: correct or remove them in {self.people.path} (--force tries them once more)."
            )
        if for_good < len(report.failed) and self.people is not None:
            summary += (
                f"\nFailed for now: {len(report.failed) - for_good} address(es) not delivered this time (see"
                " above): run the same command again later to try them again."
            )
        if report.unknown:
            summary += (
                "\nUnknown: the message went out but the server never confirmed it. Check with your email service;"
                " if it did not arrive, run again with --resend-unknown (same Message-ID)."
            )
        return summary

    def failures(self, report: SendReport) -> list[str]:
        """Each address that failed, or whose message the server never confirmed, and why."""
        failed = [
            f"failed  {address}: "
            + ("not tried again, refused for good in an earlier run: " if address in report.before else "")
            + error
            for address, error in report.failed
        ]
        return failed + [f"unknown {address}: {error}" for address, error in report.unknown]

    def send(
        self,
        *,
        force: bool = False,
        resend_unknown: bool = False,
        rate: float | None = None,
        connections: int | None = None,
        start: Callable[[Start], None] | None = None,
        progress: Callable[[Progress], None] | None = None,
    ) -> SendReport:
        """The test send, or the list send (see send_list)."""
        if self.people is None:
            return send_test(self.prepared, self.to, self.settings, progress=progress)
        return send_list(
            self.prepared,
            self.people,
            self.settings,
            history=self.history,
            force=force,
            resend_unknown=resend_unknown,
            rate=rate,
            connections=connections,
            start=start,
            progress=progress,
        )


def ready(folder: Path | None, *, to: list[str], subscribers: Path | None, config: Path | None) -> Sending:
    """Read the build in `folder` (None: the newest under build/) and the settings, and check every address
    and header before the first connection: a bad one means nothing is sent. `to`: a test send's addresses;
    else `subscribers`, the list's CSV."""
    from newsletter.buildfolder import latest_build

    from .smtp_settings import load_settings
    from .subscribers import check_addresses, read_subscribers

    folder = folder if folder is not None else latest_build()
    recipients = check_addresses(to, file="--to") if to else []
    prepared = prepare(folder)
    if subscribers is not None:
        refuse_placeholders(folder)
    settings = load_settings(config)
    history = history_path(config)
    people = fit_headers(prepared, read_subscribers(subscribers)) if subscribers is not None else None
    return Sending(folder, prepared, settings, history, recipients, people)
