"""Benchmark: a list send (2,000 addresses) -> messages a second, against smtplib sending the same .eml bytes.

Run from the repository:  python bench/send.py   (python bench/send.py --help)

Both sides talk to the same local aiosmtpd sink on 127.0.0.1 (in a process of its own; it drops what it is
given), on one connection, from this process, alternating, after one unmeasured round each; the table shows
medians. The floor is smtplib's sendmail() of the built email.eml (the size of each personal message) to every
address: no personalising, no send history. Ours is `send_list`: each recipient filled into the encoded
message, the send history written (a mark before DATA, the outcome after the reply), progress counted. The
ratio (ours / floor, in messages a second) is the figure to compare between machines; the goal is at least
0.8. Also shown: the same send over several connections, and the 500-address case the tests no longer run
(each address exactly once).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = ROOT / "examples" / "markdown-issue"
DATE = dt.date(2026, 11, 24)
GOAL = 0.8  # issue 16: at least 0.8 of the floor on one connection


class Sink:
    """aiosmtpd's handler: keeps the recipients of each message, drops the message."""

    def __init__(self) -> None:
        self.recipients: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.extend(envelope.rcpt_tos)
        return "250 2.0.0 OK"


SINK = """
import asyncio, sys
from aiosmtpd.controller import Controller

class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 2.0.0 OK"

controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]), ready_timeout=10)
controller.start()
print("ready", flush=True)
sys.stdin.read()  # until the bench closes stdin
controller.stop()
"""


@contextlib.contextmanager
def sink_process(port: int) -> Iterator[None]:
    """The timed sink runs in its own process: our CPU work and the server's do not share one interpreter."""
    process = subprocess.Popen(
        [sys.executable, "-c", SINK, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=30)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def floor(port: int, sender: str, data: bytes, addresses: list[str]) -> float:
    """smtplib on one connection, the same .eml bytes to every address: seconds."""
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
        for address in addresses:
            smtp.sendmail(sender, [address], data)
    return time.perf_counter() - start


def ours(work: Path, folder: Path, port: int, people, connections: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """send_list over `connections` connections, with a fresh send history: seconds and the report."""
    from newsletter.send.run import prepare, send_list
    from newsletter.send.smtp_settings import SmtpSettings

    history = work / f"history-{time.monotonic_ns()}.sqlite3"
    settings = SmtpSettings(host="127.0.0.1", port=port, security="none", timeout=30, connections=connections)
    start = time.perf_counter()
    report = send_list(prepare(folder), people, settings, history=history)
    return time.perf_counter() - start, report


def measure(count: int, runs: int, connections: int) -> list[dict[str, object]]:
    from aiosmtpd.controller import Controller

    from newsletter.build import build
    from newsletter.send.subscribers import read_subscribers

    with tempfile.TemporaryDirectory(prefix="newsletter-bench-send-") as tmp:
        work = Path(tmp)
        folder = build(EXAMPLE, out=work / "build", date=DATE).out
        data = (folder / "email.eml").read_bytes()
        csv = work / "subscribers.csv"
        csv.write_text("email,name\n" + "".join(f"reader{n}@example.org,Reader {n}\n" for n in range(count)))
        people = read_subscribers(csv)
        addresses = [person.email for person in people.subscribers]
        sender = "newsletter@example.com"
        port = free_port()
        floors, singles, several = [], [], []
        with sink_process(port):
            for run in range(runs + 1):
                floor_time = floor(port, sender, data, addresses)
                one_time, report = ours(work, folder, port, people, 1)
                many_time, _ = ours(work, folder, port, people, connections)
                assert len(report.sent) == count, report  # type: ignore[attr-defined]
                if run:  # the first round warms caches and the server
                    floors.append(floor_time)
                    singles.append(one_time)
                    several.append(many_time)
        # The 500-address case (no longer a test): every address exactly once, over one connection.
        sink = Sink()
        port = free_port()
        controller = Controller(sink, hostname="127.0.0.1", port=port, ready_timeout=10)
        controller.start()
        try:
            small = read_subscribers(csv)
            small.subscribers = small.subscribers[:500]
            ours(work, folder, port, small, 1)
            once = set(Counter(sink.recipients).values()) == {1} and len(sink.recipients) == 500
        finally:
            controller.stop()
    floor_rate = count / statistics.median(floors)
    one_rate = count / statistics.median(singles)
    many_rate = count / statistics.median(several)
    ratio = one_rate / floor_rate
    return [
        {
            "measure": f"list send, {count:,} addresses, 1 connection (messages/s)",
            "ours": f"{one_rate:,.0f}",
            "node": f"{floor_rate:,.0f}",
            "ratio": f"{ratio:.2f}×",
            "goal": f">= {GOAL}× floor",
            "met": ratio >= GOAL,
        },
        {
            "measure": f"list send, {count:,} addresses, {connections} connections (messages/s)",
            "ours": f"{many_rate:,.0f}",
            "node": f"{floor_rate:,.0f}",
            "ratio": f"{many_rate / floor_rate:.2f}×",
            "goal": "",
            "met": None,
        },
        {
            "measure": "list send, 500 addresses, 1 connection: each address exactly once",
            "ours": "yes" if once else "NO",
            "node": "",
            "ratio": "",
            "goal": "yes",
            "met": once,
        },
    ]


def rows() -> list[dict[str, object]]:
    """Rows for bench/run.py's table: our send rate, smtplib's floor, the ratio."""
    return measure(2000, 3, 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addresses", type=int, default=2000, help="addresses on the list (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="measured rounds; medians are shown (default 3)")
    parser.add_argument("--connections", type=int, default=4, help="connections for the second row (default 4)")
    args = parser.parse_args()
    print(f"{'measure':<72} {'ours':>7} {'floor':>7} {'ratio':>6}  {'goal':>14}")
    for row in measure(args.addresses, args.runs, args.connections):
        status = {True: "met", False: "MISSED", None: ""}[row["met"]]  # type: ignore[index]
        print(
            f"{row['measure']:<72} {row['ours']:>7} {row['node']:>7} {row['ratio']:>6}  {row['goal']:>14}  {status}",
            flush=True,
        )
    print("floor = smtplib's sendmail() of the built email.eml to each address on one connection, same sink, same run.")


if __name__ == "__main__":
    main()
