"""`[smtp] provider`: a relay's documented host, port and security without looking them up, and a connection
error that names the `security` that would work, against real servers on 127.0.0.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import missing
from typer.testing import CliRunner

from newsletter.build import build
from newsletter.cli import app
from newsletter.errors import InputError
from newsletter.send.smtp_settings import load_settings

try:
    from smtp_server import TLS, smtp_server
except ImportError as error:  # aiosmtpd or trustme is not installed
    SMTP_MISSING: str | None = str(error)
else:
    SMTP_MISSING = None

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "markdown-issue"
SLUG = "2026-11-24-issue-48"
SENDER = '[brand.sender]\nemail = "newsletter@news.example.org"\n'
runner = CliRunner()


@pytest.fixture(autouse=True)
def clean_environment(no_smtp_variables):
    pass


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    import datetime as dt

    root = tmp_path_factory.mktemp("built")
    (root / "newsletter.toml").write_text(SENDER)
    return build(EXAMPLE, out=root / SLUG, date=dt.date(2026, 11, 24), config=root / "newsletter.toml").out


@pytest.fixture
def workdir(tmp_path, monkeypatch, built) -> Path:
    shutil.copytree(built, tmp_path / "build" / SLUG)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings_from(workdir: Path, table: str, env: dict[str, str] | None = None):
    (workdir / "newsletter.toml").write_text(f"{SENDER}\n[smtp]\n{table}")
    return load_settings(workdir / "newsletter.toml", env=env or {})


@pytest.mark.parametrize(
    ("table", "host", "port", "security", "user"),
    [
        ('provider = "ses"\nregion = "eu-west-1"\n', "email-smtp.eu-west-1.amazonaws.com", 587, "starttls", ""),
        ('provider = "postmark"\n', "smtp-broadcasts.postmarkapp.com", 587, "starttls", ""),
        ('provider = "mailgun"\n', "smtp.mailgun.org", 587, "starttls", ""),
        ('provider = "mailgun"\nregion = "eu"\n', "smtp.eu.mailgun.org", 587, "starttls", ""),
        ('provider = "sendgrid"\n', "smtp.sendgrid.net", 587, "starttls", "apikey"),
        ('provider = "brevo"\nuser = "desk@news.example.org"\n', "smtp-relay.brevo.com", 587, "starttls", ""),
        ('provider = "Gmail"\nuser = "desk@news.example.org"\n', "smtp.gmail.com", 587, "starttls", ""),
    ],
)
def test_a_provider_fills_host_port_and_security(workdir, table, host, port, security, user):
    settings = settings_from(workdir, table, env={"NEWSLETTER_SMTP_PASSWORD": "s3cret-token"})
    assert (settings.host, settings.port, settings.security) == (host, port, security)
    assert settings.user == (user or "desk@news.example.org" if "user =" in table else user)
    assert settings.password.reveal() == "s3cret-token"  # still only from the environment


def test_what_the_table_or_environment_gives_wins_over_the_provider(workdir):
    settings = settings_from(
        workdir,
        'provider = "postmark"\nport = 2525\nuser = "server-token"\n',
        env={"NEWSLETTER_SMTP_HOST": "smtp.postmarkapp.com"},
    )
    assert (settings.host, settings.port, settings.security, settings.user) == (
        "smtp.postmarkapp.com",
        2525,
        "starttls",
        "server-token",
    )
    gmail = settings_from(workdir, 'provider = "gmail"\nsecurity = "tls"\n')
    assert (gmail.host, gmail.port, gmail.security) == ("smtp.gmail.com", 465, "tls")


def test_the_dry_run_names_the_server_a_provider_chose(workdir):
    (workdir / "newsletter.toml").write_text(f'{SENDER}\n[smtp]\nprovider = "ses"\nregion = "us-east-1"\n')
    (workdir / "subscribers.csv").write_text("email\nana@example.org\n")
    result = runner.invoke(app, ["send", f"build/{SLUG}", "--list", "subscribers.csv", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "email-smtp.us-east-1.amazonaws.com:587 (starttls, Amazon SES's settings)" in result.output


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'provider = "ses"\n',
            "newsletter.toml:5: [smtp] provider: Amazon SES needs the region of your account: "
            'e.g. region = "eu-west-1"',
        ),
        ('provider = "ses"\nregion = "Ireland"\n', "newsletter.toml:6: [smtp] region: 'ireland' is not an AWS region"),
        ('provider = "mailgun"\nregion = "asia"\n', "newsletter.toml:6: [smtp] region: Mailgun has us, eu, not 'asia'"),
        (
            'provider = "gmail"\nregion = "eu"\n',
            "newsletter.toml:6: [smtp] region: Gmail has no regions; remove region",
        ),
        ('region = "eu-west-1"\n', "newsletter.toml:5: [smtp] region: only for a provider that has regions"),
        (
            'provider = "sparkpost"\n',
            "newsletter.toml:5: [smtp] provider: 'sparkpost' is not one of ses, postmark, mailgun, sendgrid, brevo, "
            "gmail; for another relay, set host, port and security",
        ),
    ],
)
def test_a_provider_setting_that_cannot_work_is_refused_at_its_line(workdir, table, message):
    with pytest.raises(InputError) as caught:
        settings_from(workdir, table)
    assert message in str(caught.value)


# --- connection errors name the security that would work ------------------------------------------


@pytest.fixture
def smtp_parts():
    if SMTP_MISSING:
        missing(f"aiosmtpd and trustme (pip install -e '.[test]'): {SMTP_MISSING}")


def send_test(workdir: Path, toml: str):
    # No retry, and a server that keeps silent is given up on after 2 seconds.
    (workdir / "newsletter.toml").write_text(f"{SENDER}\n{toml.replace('timeout = 5', 'timeout = 2')}retries = 0\n")
    return runner.invoke(app, ["send", f"build/{SLUG}", "--to", "editor@example.org"])


def test_starttls_to_a_plain_local_server_suggests_none(smtp_parts, workdir):
    with smtp_server() as server:
        result = send_test(workdir, server.toml("starttls"))
        assert result.exit_code == 1
        assert (
            f'{server.host}:{server.port} does not offer STARTTLS; nothing is sent in the clear; set security = "none" '
            f"in [smtp] (a test server on 127.0.0.1 speaks plain SMTP, and nothing leaves this machine)"
        ) in result.output
        assert server.mailbox.count() == 0


def test_tls_to_a_plain_local_server_suggests_none(smtp_parts, workdir):
    with smtp_server() as server:
        result = send_test(workdir, server.toml("tls"))
        assert result.exit_code == 1
        assert f"TLS with {server.host}:{server.port} failed: " in result.output
        assert '; set security = "none" in [smtp] (a test server on 127.0.0.1' in result.output


def test_starttls_to_a_server_that_speaks_tls_from_the_first_byte_suggests_tls(smtp_parts, workdir):
    tls = TLS(workdir)
    with smtp_server(tls=tls, implicit_tls=True) as server:
        result = send_test(workdir, server.toml("starttls"))
        assert result.exit_code == 1
        assert f'; set security = "tls" in [smtp] ({server.host}:{server.port} may speak TLS from the first byte' in (
            " ".join(result.output.split())
        )
        assert server.mailbox.count() == 0


def test_the_suggested_security_works(smtp_parts, workdir):
    with smtp_server() as server:
        result = send_test(workdir, server.toml("none"))
        assert result.exit_code == 0, result.output
        assert server.mailbox.addresses() == ["editor@example.org"]
