"""newsletter.toml's [smtp] table + NEWSLETTER_SMTP_* variables -> validated SmtpSettings.

Every value is checked for its type and range where it is given (a port of 25.7 is refused, not cut to
25), every documented variable is read, and a NEWSLETTER_SMTP_* variable that is not a setting is
refused by name. The password comes only from the environment and never shows itself. `provider` names
a relay whose documented host, port and security fill in what the table leaves out (PROVIDERS).
"""

from __future__ import annotations

import base64
import difflib
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from newsletter.errors import InputError
from newsletter.headers import header_problem
from newsletter.patterns import regex
from newsletter.settings import Problem, SettingsFile, Table

ENV_PREFIX = "NEWSLETTER_SMTP_"
PASSWORD_ENV = ENV_PREFIX + "PASSWORD"
SECURITIES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
# key -> (kind, minimum): what each setting takes, in the file and as NEWSLETTER_SMTP_<KEY>; the defaults are
# SmtpSettings' own.
SETTINGS: dict[str, tuple[str, float]] = {
    "host": ("text", 0),
    "port": ("port", 1),
    "security": ("text", 0),
    "user": ("text", 0),
    "cafile": ("text", 0),
    "timeout": ("number", 0.001),
    "rate": ("number", 0.0),
    "retries": ("whole", 0),
    "retry_delay": ("number", 0.0),
    "connections": ("whole", 1),
    "provider": ("text", 0),
    "region": ("text", 0),
}
MAX_DELAY = 60.0


@dataclass(frozen=True)
class Provider:
    name: str
    host: str  # {region} is the region setting
    port: int
    security: str
    user: str = ""  # the login where the provider fixes it (SendGrid's is the word "apikey")
    regions: dict[str, str] | None = None  # region -> host, where a region picks the host from a list
    region_required: bool = False


# Host, port and security as each relay documents them for SMTP submission (587 with STARTTLS everywhere):
# Amazon SES, 'Connecting to an Amazon SES SMTP endpoint' (docs.aws.amazon.com/ses/latest/dg/smtp-connect.html:
# email-smtp.<region>.amazonaws.com, STARTTLS on 25, 587 or 2587); Postmark, 'What are the SMTP details'
# (postmarkapp.com/support/article/811: smtp-broadcasts.postmarkapp.com for broadcast messages such as a
# newsletter, STARTTLS on 25, 2525 or 587, the server token as user and password); Mailgun, 'Send via SMTP'
# (documentation.mailgun.com: smtp.mailgun.org, STARTTLS on 25, 587, 2525; smtp.eu.mailgun.org for EU
# domains); SendGrid, 'Integrating with the SMTP API' (smtp.sendgrid.net, 587, user "apikey"); Brevo, 'SMTP
# relay integration' (developers.brevo.com/docs/smtp-integration: smtp-relay.brevo.com, 587 or 2525, an SMTP
# key as password); Gmail and Workspace, 'Send email from a printer, scanner or app' (smtp.gmail.com, 587,
# STARTTLS, an app password).
PROVIDERS: dict[str, Provider] = {
    "ses": Provider("Amazon SES", "email-smtp.{region}.amazonaws.com", 587, "starttls", region_required=True),
    "postmark": Provider("Postmark", "smtp-broadcasts.postmarkapp.com", 587, "starttls"),
    "mailgun": Provider(
        "Mailgun", "smtp.mailgun.org", 587, "starttls", regions={"us": "smtp.mailgun.org", "eu": "smtp.eu.mailgun.org"}
    ),
    "sendgrid": Provider("SendGrid", "smtp.sendgrid.net", 587, "starttls", user="apikey"),
    "brevo": Provider("Brevo", "smtp-relay.brevo.com", 587, "starttls"),
    "gmail": Provider("Gmail", "smtp.gmail.com", 587, "starttls"),
}
AWS_REGION = regex(r"[a-z]{2}(?:-[a-z]+)+-\d{1,2}")


class Secret:
    """A password that does not show itself: repr(), str() and f-strings print asterisks."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("a Secret is not pickled")


class SmtpSettings(Table):
    """[smtp] in newsletter.toml, each key also a NEWSLETTER_SMTP_<KEY> variable; the password only from the
    environment. Every default is here, once."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    host: str = ""
    port: int = DEFAULT_PORTS["starttls"]  # unset: the security's port (DEFAULT_PORTS)
    security: str = "starttls"
    user: str = ""
    password: Secret = Field(default_factory=lambda: Secret(""), repr=False)
    timeout: float = 30.0  # seconds, for the connection and every reply
    rate: float = 0.0  # messages per second; 0: as fast as the server takes them
    cafile: str = ""  # extra certificate authority (a company relay, a test server)
    retries: int = 4  # tries again after a temporary failure, waiting retry_delay, then twice as long...
    retry_delay: float = 2.0
    connections: int = 1  # messages in flight at once, each on its own connection
    provider: str = ""  # a relay of PROVIDERS: its host, port and security unless given
    region: str = ""  # the provider's region, where its host depends on one (ses, mailgun)

    @field_validator(*SETTINGS, mode="before")
    @classmethod
    def of_kind(cls, value: Any, info: ValidationInfo) -> Any:
        kind, minimum = SETTINGS[str(info.field_name)]
        try:
            return checked(kind, value, minimum)
        except ValueError:
            raise Problem(f"{info.field_name}: {value!r} {expectation(kind, minimum)}") from None

    @field_validator("security")
    @classmethod
    def known_security(cls, value: str) -> str:
        if value.lower() not in SECURITIES:
            raise Problem(f"security: {value!r} is not one of {', '.join(SECURITIES)}")
        return value.lower()

    @field_validator("provider")
    @classmethod
    def known_provider(cls, value: str) -> str:
        key = value.strip().lower()
        if key and key not in PROVIDERS:
            raise Problem(
                f"provider: {value!r} is not one of {', '.join(PROVIDERS)}; for another relay, set host, port "
                "and security"
            )
        return key

    @field_validator("host", "user")
    @classmethod
    def header_safe(cls, value: str, info: ValidationInfo) -> str:
        problem = header_problem(value)
        if problem:
            raise Problem(f"{info.field_name}: {problem}")
        return value

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    def describe(self) -> str:
        login = f", as {self.user}" if self.user else ""
        preset = f", {PROVIDERS[self.provider].name}'s settings" if self.provider else ""
        return f"{self.server} ({self.security}{login}{preset})"

    def delay(self, attempt: int) -> float:
        return float(min(MAX_DELAY, self.retry_delay * 2 ** max(0, attempt - 1)))

    def redact(self, text: str) -> str:
        """`text` without the password, plain or as an AUTH exchange encodes it (a server may echo either)."""
        secret = self.password.reveal()
        if not secret:
            return text
        forms = {secret, base64.b64encode(secret.encode()).decode()}
        if self.user:
            forms.add(base64.b64encode(f"\0{self.user}\0{secret}".encode()).decode())
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "********")
        return text


def load_settings(config: Path | None, env: Mapping[str, str] | None = None) -> SmtpSettings:
    """newsletter.toml's [smtp] table, then NEWSLETTER_SMTP_* variables; the password only from the environment."""
    from pydantic import ValidationError

    from newsletter.settings import read_config, settings_error
    from newsletter.text import unknown_keys

    env = os.environ if env is None else env
    file = read_config(config)
    where = file.path
    data = file.data.get("smtp", {})
    if "password" in data:
        raise InputError(
            f"[smtp] password: keep the password out of files; set {PASSWORD_ENV} in the environment instead",
            file=where,
            line=file.line("password"),
        )
    unknown_keys(data, set(SETTINGS), where, file.text)
    known_env = {ENV_PREFIX + key.upper() for key in SETTINGS} | {PASSWORD_ENV}
    for name in sorted(env):
        if name.startswith(ENV_PREFIX) and name not in known_env:
            close = difflib.get_close_matches(name, sorted(known_env), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise InputError(f"is not a setting; {hint}known: {', '.join(sorted(known_env))}", file=name)

    values = dict(data)
    for key, (kind, minimum) in SETTINGS.items():
        name = ENV_PREFIX + key.upper()
        if env.get(name, "") != "":
            values[key] = from_env(name, kind, env[name], minimum, key)
    try:
        settings = SmtpSettings.model_validate({**values, "password": Secret(env.get(PASSWORD_ENV, ""))})
    except ValidationError as error:
        problem = settings_error(error, file, "smtp")
        key = str(error.errors()[0]["loc"][0])
        if env.get(ENV_PREFIX + key.upper(), "") != "":
            raise InputError(problem.message, file=ENV_PREFIX + key.upper()) from None
        raise problem from None
    changes: dict[str, Any] = {"host": settings.host.strip()}
    if settings.provider or settings.region:
        changes.update(provider_values(settings, values, file, env))
    if "port" not in values and "port" not in changes:
        changes["port"] = DEFAULT_PORTS[changes.get("security", settings.security)]
    if settings.cafile and env.get(ENV_PREFIX + "CAFILE", "") == "":
        # A relative path in the settings file is relative to that file, wherever the command runs.
        changes["cafile"] = str(file.folder / settings.cafile)
    return settings.model_copy(update=changes)


def expectation(kind: str, minimum: float) -> str:
    return {
        "port": "is not a port number",
        "whole": f"must be a whole number, {minimum:g} or more",
        "number": f"must be a number of at least {minimum:g}",
        "text": "must be a string",
    }[kind]


def checked(kind: str, value: Any, minimum: float) -> Any:
    """`value` if it is a `kind` at least `minimum`, else ValueError."""
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError
    if kind in ("port", "whole"):
        if not isinstance(value, int) or value < minimum or (kind == "port" and value > 65535):
            raise ValueError
        return value
    if not math.isfinite(value) or value < minimum:
        raise ValueError
    return float(value)


def from_env(name: str, kind: str, text: str, minimum: float, key: str) -> Any:
    """A variable's text as the kind of value its setting takes: "25" is a port, "25.7" is not."""
    try:
        if kind == "text":
            value: Any = text
        elif kind in ("port", "whole"):
            if not text.strip().isdigit():
                raise ValueError
            value = int(text)
        else:
            value = float(text)
        return checked(kind, value, minimum)
    except ValueError:
        raise InputError(f"[smtp] {key}: {text!r} {expectation(kind, minimum)}", file=name) from None


def provider_values(
    settings: SmtpSettings, given: Mapping[str, Any], file: SettingsFile, env: Mapping[str, str]
) -> dict[str, Any]:
    """Host, security (and SendGrid's user) from the provider, where the table and environment give none; the
    region checked against the provider."""
    region = settings.region.strip().lower()

    def refuse(key: str, message: str) -> InputError:
        name = ENV_PREFIX + key.upper()
        if env.get(name, "") != "":
            return InputError(f"[smtp] {key}: {message}", file=name)
        return InputError(f"[smtp] {key}: {message}", file=file.path, line=file.line(key))

    if not settings.provider:
        raise refuse("region", "only for a provider that has regions (ses, mailgun)")
    provider = PROVIDERS[settings.provider]
    host = provider.host
    if provider.regions is not None:
        if region and region not in provider.regions:
            raise refuse("region", f"{provider.name} has {', '.join(provider.regions)}, not {region!r}")
        host = provider.regions[region or next(iter(provider.regions))]
    elif provider.region_required:
        if not region:
            raise refuse("provider", f'{provider.name} needs the region of your account: e.g. region = "eu-west-1"')
        if not AWS_REGION.fullmatch(region):
            raise refuse("region", f'{region!r} is not an AWS region: e.g. region = "eu-west-1"')
        host = host.format(region=region)
    elif region:
        raise refuse("region", f"{provider.name} has no regions; remove region")
    changes: dict[str, Any] = {}
    if "host" not in given:
        changes["host"] = host
    if "security" not in given:
        changes["security"] = provider.security
        if "port" not in given:
            changes["port"] = provider.port
    if provider.user and "user" not in given:
        changes["user"] = provider.user
    return changes
