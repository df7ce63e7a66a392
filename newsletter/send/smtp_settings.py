"""newsletter.toml's [smtp] table + NEWSLETTER_SMTP_* variables -> validated SmtpSettings.

Every value is checked for its type and range where it is given (a port of 25.7 is refused, not cut to
25), every documented variable is read, and a NEWSLETTER_SMTP_* variable that is not a setting is
refused by name. The password comes only from the environment and never shows itself.
"""

from __future__ import annotations

import base64
import difflib
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, Field, ValidationInfo, field_validator

from newsletter.errors import InputError
from newsletter.headers import header_problem
from newsletter.settings import Problem, Table

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
}
MAX_DELAY = 60.0


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
        return f"{self.server} ({self.security}{login})"

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
    if "port" not in values:
        changes["port"] = DEFAULT_PORTS[settings.security]
    if settings.cafile and env.get(ENV_PREFIX + "CAFILE", "") == "":
        # A relative path in the settings file is relative to that file, wherever the command runs.
        changes["cafile"] = str(where.parent / settings.cafile)
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
