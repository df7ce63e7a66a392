"""What the tests of `newsletter send` share (test_send, test_delivery, test_connection, test_history,
test_subscribers, test_smtp_settings, test_personalise, test_headers): the brand they build with, real SMTP
servers (aiosmtpd on 127.0.0.1, smtp_server.py), the editor's folder holding the build, and the helpers that
write a list and run the command.

A test module takes the fixtures by naming them at its top (`workdir = send_fixtures.workdir`): this `workdir`
(a folder holding the build) stands in for conftest's empty one there, and `smtp_parts` fails the module
under CI=true (skips it elsewhere) when aiosmtpd or trustme is missing.
"""

from __future__ import annotations

import email
import shutil
from email.parser import BytesHeaderParser
from email.policy import default
from pathlib import Path

import pytest
from conftest import missing
from golden import SLUG
from typer.testing import CliRunner

from newsletter.build import issue_json
from newsletter.buildfolder import RECORD_NAME, make_record
from newsletter.cli import app
from newsletter.models import Issue

try:  # TLS and Mailbox are the test modules' (`as` says so)
    from smtp_server import TLS as TLS
    from smtp_server import Mailbox as Mailbox
    from smtp_server import smtp_server
except ImportError as error:  # aiosmtpd or trustme is not installed: `smtp_parts` fails or skips each test
    SMTP_MISSING: str | None = str(error)
    TLS = Mailbox = smtp_server = None
else:
    SMTP_MISSING = None

SUBJECT = "Runoff week: Bogotá votes, Brussels waits"
SENDER_NAME = "Zoë Éditions"
PASSWORD = "pa55-w0rd-that-must-not-leak"
BRAND_TOML = f"""[brand]
reply_to = "desk@news.example.org"

[brand.sender]
name = "{SENDER_NAME}"
email = "newsletter@news.example.org"
"""
HISTORY = Path("newsletter-sends.sqlite3")  # next to newsletter.toml, in the editor's folder
runner = CliRunner()


@pytest.fixture(autouse=True)
def smtp_parts(no_smtp_variables):
    if SMTP_MISSING:
        missing(f"aiosmtpd and trustme (pip install -e '.[test]'): {SMTP_MISSING}")


@pytest.fixture
def workdir(tmp_path, monkeypatch, built_to_send) -> Path:
    """An editor's folder holding the build (with no send log yet); commands run from here."""
    shutil.copytree(built_to_send, tmp_path / "build" / SLUG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def server(workdir):
    """A well-behaved server, named in ./newsletter.toml."""
    with smtp_server() as running:
        (workdir / "newsletter.toml").write_text(running.toml())
        yield running


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def subscribers(folder: Path, count: int, *, extra: str = "", name: str = "csv") -> Path:
    path = folder / f"subscribers.{name}"
    rows = "".join(f"a{number}@example.org,Reader {number}\n" for number in range(count))
    path.write_text("email,name\n" + rows + extra, encoding="utf-8")
    return path


def addresses(count: int) -> list[str]:
    return [f"a{number}@example.org" for number in range(count)]


def send_list(*extra: str, env: dict[str, str] | None = None):
    return invoke("send", f"build/{SLUG}", "--list", "subscribers.csv", *extra, env=env)


def rewrite_issue(folder: Path, issue: Issue) -> None:
    """Edit a build's issue.json and its record, as a build by another version might have written them."""
    (folder / "issue.json").write_text(issue_json(issue))
    names = [path.name for path in folder.iterdir() if path.name != RECORD_NAME and path.is_file()]
    (folder / RECORD_NAME).write_bytes(make_record({name: (folder / name).read_bytes() for name in names}))


def headers(content: bytes) -> email.message.Message:
    return BytesHeaderParser(policy=default).parsebytes(content)


# Each would put a Bcc header into the message on Python 3.11/3.12 if it reached the email package.
FORGERIES = {
    "q-encoded CR LF": "=?utf-8?q?Eve=0D=0ABcc:_x@evil.example?=",
    "b-encoded CR LF": "=?UTF-8?B?RXZlDQpCY2M6IHhAZXZpbC5leGFtcGxl?=",
    "encoded LF in Latin-1": "=?iso-8859-1?Q?Eve=0ABcc:_x@evil.example?=",
    "unknown charset": "=?x-unknown?q?Eve=0D=0ABcc:_x@evil.example?=",
    "space inside the word": "=?utf-8?q?Eve =0D=0ABcc:_x@evil.example?=",
    "encoded U+2028": "=?utf-8?q?Eve=E2=80=A8Bcc:_x@evil.example?=",
    "raw U+2028": "Eve\u2028Bcc: x@evil.example",
    "raw U+2029": "Eve\u2029Bcc: x@evil.example",
    "folded": "Eve\r\n Bcc: x@evil.example",
    "nested encoded word": "=?utf-8?q?=3D=3Futf-8=3Fq=3FEve=3D0D=3D0ABcc:_x@evil.example=3F=3D?=",
}


def write_rows(folder: Path, rows: list[list[str]]) -> Path:
    import csv

    path = folder / "subscribers.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream).writerows(rows)
    return path


def never_forged(mailbox) -> None:
    """Nothing reached the server, so no Bcc was ever written."""
    assert mailbox.greetings == 0
    assert mailbox.received == []
