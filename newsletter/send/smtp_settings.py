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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsletter.errors import InputError
from newsletter.headers import header_problem

ENV_PREFIX = "NEWSLETTER_SMTP_"
PASSWORD_ENV = ENV_PREFIX + "PASSWORD"
SECURITIES = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
# key -> (kind, default, minimum): every setting, in the file and as NEWSLETTER_SMTP_<KEY>.
SETTINGS: dict[str, tuple[str, Any, float]] = {
    "host": ("text", "", 0),
    "port": ("port", None, 1),
    "security": ("text", "starttls", 0),
    "user": ("text", "", 0),
    "cafile": ("text", "", 0),
    "timeout": ("number", 30.0, 0.001),  # seconds, for the connection and every reply
    "rate": ("number", 0.0, 0.0),  # messages per second; 0: as fast as the server takes them
    "retries": ("whole", 4, 0),  # tries again after a temporary failure, waiting retry_delay, then twice as long...
    "retry_delay": ("number", 2.0, 0.0),
    "connections": ("whole", 1, 1),  # messages in flight at once, each on its own connection
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


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = DEFAULT_PORTS["starttls"]
    security: str = "starttls"
    user: str = ""
    password: Secret = field(default_factory=lambda: Secret(""), repr=False)
    timeout: float = 30.0
    rate: float = 0.0
    cafile: str = ""  # extra certificate authority (a company relay, a test server)
    retries: int = 4
    retry_delay: float = 2.0
    connections: int = 1

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
    from newsletter.settings import read_config
    from newsletter.text import unknown_keys

    env = os.environ if env is None else env
    file = read_config(config)
    where = file.path
    data = file.data.get("smtp", {})
    if not isinstance(data, dict):
        raise InputError("smtp must be a table: [smtp]", file=where, line=file.line("smtp"))
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

    values: dict[str, Any] = {}
    for key, (kind, default, minimum) in SETTINGS.items():
        name = ENV_PREFIX + key.upper()
        if env.get(name, "") != "":
            values[key] = from_env(name, kind, env[name], minimum, key)
        elif key in data:
            values[key] = from_file(key, kind, data[key], minimum, where, file.line(key))
        elif default is not None:
            values[key] = default

    def origin(key: str) -> tuple[object, int | None]:
        name = ENV_PREFIX + key.upper()
        return (name, None) if env.get(name, "") != "" else (where, file.line(key))

    security = str(values["security"]).lower()
    if security not in SECURITIES:
        source, line = origin("security")
        raise InputError(
            f"[smtp] security: {values['security']!r} is not one of {', '.join(SECURITIES)}", file=source, line=line
        )
    for key in ("host", "user"):
        problem = header_problem(values[key])
        if problem:
            source, line = origin(key)
            raise InputError(f"[smtp] {key}: {problem}", file=source, line=line)
    cafile = values["cafile"]
    if cafile and env.get(ENV_PREFIX + "CAFILE", "") == "":
        # A relative path in the settings file is relative to that file, wherever the command runs.
        cafile = str(where.parent / cafile)
    return SmtpSettings(
        host=values["host"].strip(),
        port=values.get("port", DEFAULT_PORTS[security]),
        security=security,
        user=values["user"],
        password=Secret(env.get(PASSWORD_ENV, "")),
        timeout=values["timeout"],
        rate=values["rate"],
        cafile=cafile,
        retries=values["retries"],
        retry_delay=values["retry_delay"],
        connections=values["connections"],
    )


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


def from_file(key: str, kind: str, value: Any, minimum: float, where: Path, line: int | None) -> Any:
    try:
        return checked(kind, value, minimum)
    except ValueError:
        raise InputError(f"[smtp] {key}: {value!r} {expectation(kind, minimum)}", file=where, line=line) from None


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
