"""newsletter.toml (optional) + an issue's brand overrides + the brand a pasted page names -> Brand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .load import SettingsFile, read_settings_file
from .models import Brand

CONFIG_NAME = "newsletter.toml"
# Sections other stages read from the same file (smtp for sending, schedule for `new`, tracking for links).
CONFIG_SECTIONS = {"brand", "smtp", "schedule", "tracking"}


def read_config(path: Path | None) -> SettingsFile:
    """The settings file: `path`, else ./newsletter.toml (empty when there is none)."""
    return read_settings_file(path or Path(CONFIG_NAME), CONFIG_SECTIONS, optional=path is None)


def load_brand(config: Path | None, *, overrides: dict[str, Any] | None = None,
               overrides_file: SettingsFile | None = None, page_brand: str = "") -> Brand:
    """Brand settings: newsletter.toml's [brand], then issue.toml's [brand] (`overrides`, read from
    `overrides_file`), then the page's name. A bad value is named in the file it came from."""
    config_file = read_config(config)
    merged = merge(config_file.data.get("brand", {}), overrides or {})
    if page_brand and "name" not in merged:
        merged["name"] = page_brand
    try:
        brand = Brand.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        keys = [str(part) for part in first["loc"]]
        where = overrides_file if overrides_file is not None and holds(overrides or {}, keys) else config_file
        # Our own validators say what is wrong in words; pydantic's other messages are short enough.
        message = str(first["ctx"]["error"]) if first["type"] == "value_error" else first["msg"].lower()
        raise InputError(f"[brand] {'.'.join(keys)}: {message}", file=where.path, line=where.line(keys[-1])) from None
    # Names and addresses that go into mail headers: refused here, with their line, rather than at send time.
    from .text import header_problem

    for keys in (["name"], ["sender", "name"], ["sender", "email"], ["reply_to"]):
        value = merged.get(keys[0], {}).get(keys[1], "") if len(keys) == 2 else merged.get(keys[0], "")
        problem = header_problem(value) if isinstance(value, str) else None
        if problem:
            where = overrides_file if overrides_file is not None and holds(overrides or {}, keys) else config_file
            if not holds(where.data.get("brand", {}), keys):  # the brand a pasted page names
                raise InputError(f"the brand name the pasted page gives, {value!r}, {problem}, which would forge "
                                 "mail headers; set [brand] name in newsletter.toml")
            raise InputError(f"[brand] {'.'.join(keys)}: {value!r} {problem}, which would forge mail headers",
                             file=where.path, line=where.line(keys[-1]))
    return brand


def holds(data: dict[str, Any], keys: list[str]) -> bool:
    """Whether the nested tables of `data` hold the key path `keys`."""
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return False
        data = data[key]
    return True


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result
