"""send/smtp_settings.py: [smtp] and NEWSLETTER_SMTP_* validated where they are given, the environment over
the file, and the password only from the environment. Relays by name are in test_send_relays."""

from __future__ import annotations

import pytest
import send_fixtures
from golden import SLUG
from send_fixtures import (
    FORGERIES,
    PASSWORD,
    invoke,
    never_forged,
)

from newsletter.send.smtp_settings import load_settings

# The fixtures of send_fixtures.py: an editor's folder holding the build, a server named in its newsletter.toml.
smtp_parts, workdir, server = send_fixtures.smtp_parts, send_fixtures.workdir, send_fixtures.server


def test_settings_come_from_the_environment_over_the_file(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "smtp.example.org"\nport = 2525\nuser = "a"\n')
    settings = load_settings(
        None,
        env={
            "NEWSLETTER_SMTP_HOST": "relay.example.org",
            "NEWSLETTER_SMTP_SECURITY": "tls",
            "NEWSLETTER_SMTP_PASSWORD": PASSWORD,
        },
    )
    assert (settings.host, settings.port, settings.security, settings.user) == ("relay.example.org", 2525, "tls", "a")
    assert settings.password.reveal() == PASSWORD
    assert PASSWORD not in repr(settings) + str(settings.password) + f"{settings.password}"


def test_every_documented_variable_is_read(workdir):
    env = {
        "NEWSLETTER_SMTP_HOST": "relay.example.org",
        "NEWSLETTER_SMTP_PORT": "2525",
        "NEWSLETTER_SMTP_SECURITY": "tls",
        "NEWSLETTER_SMTP_USER": "ed",
        "NEWSLETTER_SMTP_CAFILE": "/ca.pem",
        "NEWSLETTER_SMTP_TIMEOUT": "7.5",
        "NEWSLETTER_SMTP_RATE": "3",
        "NEWSLETTER_SMTP_RETRIES": "2",
        "NEWSLETTER_SMTP_RETRY_DELAY": "0.5",
        "NEWSLETTER_SMTP_CONNECTIONS": "3",
    }
    settings = load_settings(None, env=env)
    assert (
        settings.host,
        settings.port,
        settings.security,
        settings.user,
        settings.cafile,
        settings.timeout,
        settings.rate,
        settings.retries,
        settings.retry_delay,
        settings.connections,
    ) == ("relay.example.org", 2525, "tls", "ed", "/ca.pem", 7.5, 3.0, 2, 0.5, 3)


@pytest.mark.parametrize(
    ("toml", "env", "message"),
    [
        ("port = 25.7", {}, "newsletter.toml:2: [smtp] port: 25.7 is not a port number"),
        ('port = "25"', {}, "newsletter.toml:2: [smtp] port: '25' is not a port number"),
        ("retries = 2.5", {}, "newsletter.toml:2: [smtp] retries: 2.5 must be a whole number, 0 or more"),
        ("timeout = nan", {}, "newsletter.toml:2: [smtp] timeout: nan must be a number of at least 0.001"),
        ("", {"NEWSLETTER_SMTP_PORT": "25.7"}, "NEWSLETTER_SMTP_PORT: [smtp] port: '25.7' is not a port number"),
        ("", {"NEWSLETTER_SMTP_TIMEOUT": "soon"}, "NEWSLETTER_SMTP_TIMEOUT: [smtp] timeout: 'soon' must be a number"),
        ("", {"NEWSLETTER_SMTP_RATE": "-1"}, "NEWSLETTER_SMTP_RATE: [smtp] rate: '-1' must be a number of at least 0"),
        ("", {"NEWSLETTER_SMTP_RETRIES": "three"}, "NEWSLETTER_SMTP_RETRIES: [smtp] retries: 'three' must be a whole"),
        (
            "",
            {"NEWSLETTER_SMTP_TIMOUT": "5"},
            "NEWSLETTER_SMTP_TIMOUT: is not a setting; did you mean NEWSLETTER_SMTP_TIMEOUT?",
        ),
    ],
)
def test_every_setting_is_validated_where_it_is_given(workdir, toml, env, message):
    (workdir / "newsletter.toml").write_text(f'[smtp]\n{toml}\nhost = "127.0.0.1"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", env=env)
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {message}"), result.output


def test_a_bad_security_setting_says_where(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "127.0.0.1"\nsecurity = "ssl"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert "error: newsletter.toml:3: [smtp] security: 'ssl' is not one of starttls, tls, none" in result.output


def test_a_password_in_the_settings_file_is_refused(workdir):
    (workdir / "newsletter.toml").write_text('[smtp]\nhost = "127.0.0.1"\npassword = "hunter22"\n')
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org")
    assert result.exit_code == 1
    assert (
        "newsletter.toml:3: [smtp] password: keep the password out of files; set NEWSLETTER_SMTP_PASSWORD"
        in result.output
    )
    assert "hunter22" not in result.output


@pytest.mark.parametrize("key", ["host", "user"])
@pytest.mark.parametrize("where", ["file", "environment"])
def test_a_forged_smtp_setting_is_refused_by_name(server, workdir, key, where):
    value = FORGERIES["encoded U+2028"]
    env = None
    if where == "file":
        (workdir / "newsletter.toml").write_text(
            server.toml(**{key: value}).replace(f'host = "{server.host}"\n', "")
            if key == "host"
            else server.toml(**{key: value})
        )
        name = "newsletter.toml:"
    else:
        env = {f"NEWSLETTER_SMTP_{key.upper()}": value}
        name = f"NEWSLETTER_SMTP_{key.upper()}: "
    result = invoke("send", f"build/{SLUG}", "--to", "editor@example.org", env=env)
    assert result.exit_code == 1, result.output
    assert name in result.output
    assert f"[smtp] {key}: holds an encoded word (=?...?=) that decodes to a line break" in result.output
    never_forged(server.mailbox)
