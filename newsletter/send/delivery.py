"""Messages + SMTP settings -> delivered over one or more reused connections, each address settled once.

connection.py talks SMTP; this module runs the queue over its connections. A queue hands out addresses;
each connection takes the next one, fills in its message (a callback: personalise.py's work) and sends
it. Every address ends with one explicit outcome (sent, failed, unknown) or goes back to the queue (a
temporary refusal, a lost connection, a stop), and is logged and reported exactly once. SIGINT, SIGTERM
and SIGHUP stop a send the same way, and never inside a log write.
"""

from __future__ import annotations

import contextlib
import heapq
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from newsletter.errors import NewsletterError

from .connection import Connection, Lost, Outgoing, Refused
from .history import Mark
from .smtp_settings import SmtpSettings
from .subscribers import Subscriber

SIGNALS: dict[int, str] = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM"}
if hasattr(signal, "SIGHUP"):  # not on Windows
    SIGNALS[signal.SIGHUP] = "SIGHUP"


# ---------------------------------------------------------------------------------------------
# Stopping: Ctrl-C, SIGTERM and SIGHUP alike


class Interrupted(KeyboardInterrupt):
    """A signal asked the send to stop."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = signum

    @property
    def reason(self) -> str:
        return f"interrupted ({SIGNALS.get(signal.Signals(self.signum), f'signal {self.signum}')})"


class Signals:
    """While a send runs (in the main thread): SIGINT, SIGTERM and SIGHUP raise Interrupted, except inside
    protect(), where the signal waits until the block is done: a log write is never cut in half."""

    def __init__(self) -> None:
        self.depth = 0
        self.pending: int | None = None
        self.saved: dict[int, Any] = {}  # what signal.signal() returned: a handler, SIG_DFL or SIG_IGN

    def __enter__(self) -> Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in SIGNALS:
                self.saved[signum] = signal.signal(signum, self.handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)
        self.saved = {}

    def handle(self, signum: int, frame: object) -> None:
        if self.depth:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    @contextlib.contextmanager
    def protect(self) -> Iterator[None]:
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth and self.pending is not None:
                signum, self.pending = self.pending, None
                raise Interrupted(signum)


def stop_reason(error: KeyboardInterrupt) -> str:
    return error.reason if isinstance(error, Interrupted) else "interrupted (Ctrl-C)"


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
    skipped: list[str] = field(default_factory=list)  # had this issue already (an earlier run or another build)
    failed: list[tuple[str, str]] = field(default_factory=list)
    for_good: set[str] = field(default_factory=set)  # of the failed, those refused for good (5xx): never tried again
    before: set[str] = field(default_factory=set)  # ... and those among them refused in an earlier run, not tried now
    unknown: list[tuple[str, str]] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # not tried: the run stopped
    stopped: str = ""
    signal: int | None = None  # the signal that stopped the run
    second_copies: int = 0  # --force: addresses that had the issue and were sent it again

    @property
    def complete(self) -> bool:
        """Nothing is left to try: every address was sent or failed for good."""
        return not self.unknown and not self.left and not self.stopped

    @property
    def ok(self) -> bool:
        return self.complete and not self.failed


class Log(Protocol):
    def write(self, marks: list[Mark], folder: str = "") -> None: ...


class NoLog:
    """Test sends are not logged: they never block or count toward the list send."""

    def write(self, marks: list[Mark], folder: str = "") -> None:
        pass


@dataclass
class Item:
    """One address in the queue, and how far its message got."""

    subscriber: Subscriber
    order: int
    ready: float = 0.0  # not before this moment (a retry waits)
    tries: int = 0  # temporary refusals so far
    state: str = "queued"  # queued: nothing went out; out: the body may have gone; confirmed: the server said 250
    error: str = ""  # why the last try did not deliver it

    def __lt__(self, other: Item) -> bool:
        return (self.ready, self.order) < (other.ready, other.order)


@dataclass(frozen=True)
class Outcome:
    """What happened to one attempt: an end (sent, failed, unknown) or back to the queue (retry, requeue)."""

    status: str
    error: str = ""
    permanent: bool = False


class Worker:
    """One connection and the address it is sending, with the log marks not yet written."""

    def __init__(self, settings: SmtpSettings):
        self.connection = Connection(settings)
        self.item: Item | None = None
        self.marks: list[Mark] = []
        self.reconnect_at = 0.0


class Delivery:
    """Sends a queue of messages over `settings.connections` reused connections, retrying what can be retried.

    A temporary refusal (4xx) puts the message at the back of the queue for a later try, so one slow
    mailbox does not hold up the list. A dropped connection is reopened after a growing pause; after
    `retries` losses in a row the run stops and leaves the rest `pending` for the next run.
    """

    def __init__(
        self,
        message: Callable[[Subscriber], Outgoing],
        envelope_from: str,
        settings: SmtpSettings,
        log: Log,
        report: SendReport,
        *,
        rate: float | None = None,
        folder: str = "",
        progress: Callable[[Progress], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        connections: int | None = None,
    ):
        self.message = message
        self.envelope_from = envelope_from
        self.settings = settings
        self.log = log
        self.report = report
        self.folder = folder
        self.rate = settings.rate if rate is None else rate
        self.progress = progress
        self.sleep = sleep
        self.clock = clock
        self.connections = max(1, connections or settings.connections)
        self.heap: list[Item] = []
        self.lock = threading.RLock()  # the queue, the report, the rate slot and the counters
        self.stop = threading.Event()
        self.signals = Signals()
        self.settled: dict[str, str] = {}  # key -> the address as given, once its outcome is known
        self.next_slot = 0.0
        self.lost_in_a_row = 0
        self.done = 0
        self.total = 0

    # --- the run ---------------------------------------------------------------------------------

    def run(self, queue: list[Subscriber]) -> None:
        self.total = len(queue)
        self.heap = [Item(subscriber, order) for order, subscriber in enumerate(queue)]
        heapq.heapify(self.heap)
        workers = [Worker(self.settings) for _ in range(min(self.connections, max(1, len(queue))))]
        with self.signals:
            try:
                if self.progress is not None:
                    self.progress(Progress(0, self.total, "", "start"))
                if len(workers) == 1:
                    self.work(workers[0])  # in this thread: a signal stops it between two steps
                else:
                    self.work_in_threads(workers)
            except KeyboardInterrupt as error:
                self.stopping(stop_reason(error), getattr(error, "signum", signal.SIGINT))
            finally:
                try:
                    with self.signals.protect():
                        self.wind_up(workers)
                except KeyboardInterrupt as error:  # a signal during the wind-up: it is already stopping
                    self.stopping(stop_reason(error), getattr(error, "signum", signal.SIGINT))

    def wind_up(self, workers: list[Worker]) -> None:
        """Settle what each connection held, say goodbye, write the last marks, list what is left."""
        for worker in workers:
            self.settle_interrupted(worker)
            worker.connection.close()
        self.flush(workers)
        self.report.left = [item.subscriber.email for item in sorted(self.heap, key=lambda item: item.order)]

    def work_in_threads(self, workers: list[Worker]) -> None:
        threads = [threading.Thread(target=self.work, args=(worker,), daemon=True) for worker in workers]
        for thread in threads:
            thread.start()
        interrupts = 0
        while any(thread.is_alive() for thread in threads):
            try:
                for thread in threads:
                    thread.join(0.05)
            except KeyboardInterrupt as error:
                interrupts += 1
                self.stopping(stop_reason(error), getattr(error, "signum", signal.SIGINT))
                if interrupts > 1:  # asked twice: break off the messages in flight (they end unknown)
                    for worker in workers:
                        worker.connection.abort()

    def stopping(self, reason: str, signum: int | None = None) -> None:
        with self.lock:
            if not self.report.stopped:
                self.report.stopped = reason
                self.report.signal = signum
            self.stop.set()

    def work(self, worker: Worker) -> None:
        """Take the next address, send its message, settle it; until the queue is empty or the run stops."""
        try:
            while not self.stop.is_set():
                item = self.take(worker)
                if item is None:
                    return
                outcome = self.attempt(worker, item)
                self.settle(worker, item, outcome)
        except KeyboardInterrupt as error:
            if threading.current_thread() is threading.main_thread():
                raise
            self.stopping(stop_reason(error))  # a progress callback in a worker thread asked to stop
        except NewsletterError as error:
            # Login or sender refused, or the log cannot be written.
            worker.connection.drop()
            self.stopping(str(error))

    def take(self, worker: Worker) -> Item | None:
        with self.lock:
            if not self.heap or self.stop.is_set():
                return None
            item = heapq.heappop(self.heap)
            worker.item = item
        self.wait_until(max(item.ready, worker.reconnect_at if worker.connection.smtp is None else 0.0))
        return item

    def attempt(self, worker: Worker, item: Item) -> Outcome:
        connection = worker.connection
        try:
            connection.open()
            self.wait_for_rate()
            outgoing = self.message(item.subscriber)

            def before_body() -> None:
                # The last moment the message is certainly not delivered: its `sending` mark is committed,
                # with the outcomes of this connection's earlier messages.
                with self.signals.protect():
                    marks, worker.marks = worker.marks, []
                    self.log.write([*marks, Mark(item.subscriber.key, "sending", attempt=True)], self.folder)
                    item.state = "out"

            connection.deliver(self.envelope_from, outgoing, before_body)
            item.state = "confirmed"
        except Refused as refusal:
            self.connected()
            if refusal.permanent or not refusal.retry or item.tries + 1 > self.settings.retries:
                return Outcome("failed", str(refusal), permanent=refusal.permanent)
            return Outcome("retry", str(refusal))
        except Lost as lost:
            worker.reconnect_at = self.clock() + self.settings.delay(self.lost(lost))
            return Outcome("unknown" if lost.unknown else "requeue", str(lost))
        self.connected()
        return Outcome("sent")

    def connected(self) -> None:
        with self.lock:
            self.lost_in_a_row = 0  # the server is there and answering

    def lost(self, lost: Lost) -> int:
        with self.lock:
            self.lost_in_a_row += 1
            if self.lost_in_a_row > self.settings.retries:
                self.stopping(f"gave up after {self.lost_in_a_row} failed connections in a row: {lost}")
            return self.lost_in_a_row

    def settle(self, worker: Worker, item: Item, outcome: Outcome) -> None:
        """Record one attempt's outcome: once, with the report, the log marks and the queue in step."""
        key = item.subscriber.key
        with self.signals.protect(), self.lock:
            worker.item = None
            item.error = outcome.error
            if outcome.status == "retry":
                item.tries += 1
                item.state = "queued"
                item.ready = self.clock() + self.settings.delay(item.tries)
                item.order += self.total  # behind everything queued now
                worker.marks.append(Mark(key, "pending", outcome.error))
                heapq.heappush(self.heap, item)
                return
            if outcome.status == "requeue":  # the message did not go out: it keeps its place
                item.state = "queued"
                worker.marks.append(Mark(key, "pending", outcome.error))
                heapq.heappush(self.heap, item)
                return
            if key in self.settled:
                return
            self.settled[key] = item.subscriber.email
            error = self.settings.redact(outcome.error)
            worker.marks.append(Mark(key, outcome.status, error, outcome.permanent))
            if outcome.status == "sent":
                self.report.sent.append(item.subscriber.email)
            elif outcome.status == "failed":
                self.report.failed.append((item.subscriber.email, error))
                if outcome.permanent:
                    self.report.for_good.add(item.subscriber.email)
            else:
                self.report.unknown.append((item.subscriber.email, error))
            self.done += 1
            event = Progress(self.done, self.total, item.subscriber.email, outcome.status)
        if self.progress is not None:
            with self.lock:  # one bar, several threads
                self.progress(event)

    def settle_interrupted(self, worker: Worker) -> None:
        """The address a connection held when the run stopped: by how far its message got."""
        item = worker.item
        if item is None:
            return
        worker.connection.drop()
        reason = self.report.stopped or "interrupted"
        if item.state == "confirmed":
            self.settle(worker, item, Outcome("sent"))
        elif item.state == "out":
            self.settle(
                worker, item, Outcome("unknown", f"{reason} after the message went out, before the server confirmed it")
            )
        else:
            self.settle(worker, item, Outcome("requeue", f"{reason}; last try: {item.error}" if item.error else reason))

    def flush(self, workers: list[Worker]) -> None:
        marks = [mark for worker in workers for mark in worker.marks]
        for worker in workers:
            worker.marks = []
        try:
            self.log.write(marks, self.folder)
        except NewsletterError as error:
            # The messages went out; their rows say `sending` and read as unknown next run.
            # The report names them by address, once each: unknown now, no longer sent.
            for mark in marks:
                if mark.status == "sent":
                    email = self.settled[mark.key]
                    self.report.sent.remove(email)
                    self.report.unknown.append((email, f"the send log could not be updated: {error}"))
            self.report.stopped = self.report.stopped or str(error)

    # --- pacing ----------------------------------------------------------------------------------

    def wait_until(self, moment: float) -> None:
        wait = moment - self.clock()
        if wait > 0:
            self.sleep(wait)

    def wait_for_rate(self) -> None:
        if self.rate <= 0:
            return
        with self.lock:
            slot = max(self.next_slot, self.clock())
            self.next_slot = slot + 1.0 / self.rate
        self.wait_until(slot)
