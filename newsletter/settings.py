"""newsletter.toml (optional) + an issue's brand overrides + the brand a pasted page names -> Brand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError
from .load import key_line, parse_toml, unknown_keys
from .models import Brand
from .text import read_text

CONFIG_NAME = "newsletter.toml"
# Sections other stages read from the same file (smtp for sending).
CONFIG_SECTIONS = {"brand", "smtp"}


def read_config(path: Path | None) -> dict[str, Any]:
    """The settings file as a dict: `path`, else ./newsletter.toml if there is one, else {}."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.exists():
            return {}
    text = read_text(path)
    data = parse_toml(text, path)
    unknown_keys(data, CONFIG_SECTIONS, path, text)
    return data


def load_brand(config: Path | None, *, overrides: dict[str, Any] | None = None, page_brand: str = "") -> Brand:
    """Brand settings: newsletter.toml's [brand], then issue.toml's [brand], then the page's name."""
    data = read_config(config).get("brand", {})
    merged = merge(data, overrides or {})
    if page_brand and "name" not in merged:
        merged["name"] = page_brand
    try:
        return Brand.model_validate(merged)
    except ValidationError as error:
        first = error.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        where = config or Path(CONFIG_NAME)
        line = key_line(where.read_text("utf-8"), str(first["loc"][-1])) if where.exists() else None
        raise InputError(f"[brand] {key}: {first['msg'].lower()}", file=where, line=line) from None


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result
