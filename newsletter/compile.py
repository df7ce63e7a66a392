"""MJML string (+ the CSS to inline) -> email HTML string: mjml-python, then premailer."""

from __future__ import annotations

import importlib
import logging
import re
import sys
import types

from .errors import RenderError

STYLE_OPEN = re.compile(r"<style(?=[\s>])")
# MRML closes one Outlook-only comment and opens the next right after, thousands of times in a long issue;
# the Node compiler merges them. Only MJML writes these markers: story text arrives escaped.
SPLIT_CONDITIONAL = re.compile(r"<!\[endif\]--><!--\[if mso \| IE\]>")
OUTLOOK_ONLY = re.compile(r"<!--\[if mso \| IE\]>.*?<!\[endif\]-->", re.S)
CLASS_ATTRIBUTE = re.compile(r' class="([^"]*)"')
STYLE_TEXT = re.compile(r"<style[^>]*>(.*?)</style>", re.S)


def compile_email(mjml: str, inline_css: str) -> str:
    """Compile MJML with MRML, then write `inline_css` into style attributes.

    The <style> blocks MJML writes (layout, phone and dark-mode rules) are marked for premailer to skip:
    they stay in the head as they are, and premailer parses only the CSS meant for inlining.
    """
    html = drop_unused_outlook_classes(SPLIT_CONDITIONAL.sub("", mjml_to_html(mjml)))
    html = STYLE_OPEN.sub('<style data-premailer="ignore"', html)
    return inline(html, inline_css)


def drop_unused_outlook_classes(html: str) -> str:
    """MRML copies every css-class into the Outlook-only markup as `<name>-outlook`, once or twice per card;
    drop those no style rule names (all of ours), as a style can only reach them by name."""
    styles = "".join(STYLE_TEXT.findall(html))

    def clean(attribute: re.Match[str]) -> str:
        kept = [name for name in attribute.group(1).split() if not name.endswith("-outlook") or name in styles]
        return f' class="{" ".join(kept)}"' if kept else ""

    return OUTLOOK_ONLY.sub(lambda block: CLASS_ATTRIBUTE.sub(clean, block.group(0)), html)


def mjml_to_html(mjml: str) -> str:
    import mjml as mrml  # mjml-python: a wrapper of MRML, the Rust port of MJML

    try:
        # fonts={}: no Google Fonts <link>s; the theme's font stacks need no web font.
        return mrml.mjml2html(mjml, disable_comments=True, fonts={})
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # a Rust panic reaches Python as a BaseException subclass
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise RenderError(f"the MJML engine could not compile the email: {message}", file="email.mjml") from None


# The inline CSS of one theme, parsed once per process: (css, ruleset index) -> premailer's (rules, leftover).
PARSED: dict[tuple[str, int], tuple[list, list]] = {}  # type: ignore[type-arg]


def import_premailer():  # type: ignore[no-untyped-def]
    """premailer's Premailer class, imported without `requests`.

    premailer imports `requests` at the top, only to fetch stylesheets over the network, which we never let
    it do (allow_network=False); importing `requests` is a sixth of a cold build (bench/run.py --profile).
    While premailer is imported, `requests` is a placeholder module that imports the real one on first use.
    """
    if "premailer.premailer" not in sys.modules and "requests" not in sys.modules:
        placeholder = types.ModuleType("requests", "Imports the real requests on first use.")
        placeholder.__getattr__ = lambda name: getattr(importlib.import_module("requests"), name)  # type: ignore[method-assign]
        sys.modules["requests"] = placeholder
        try:
            import premailer.premailer  # noqa: F401
        finally:
            if sys.modules.get("requests") is placeholder:
                del sys.modules["requests"]
    from premailer import Premailer

    return Premailer


def premailer_class():  # type: ignore[no-untyped-def]
    Premailer = import_premailer()

    class ParseOnce(Premailer):  # type: ignore[misc]
        """Premailer, except that the same CSS is parsed and serialised by cssutils only once per process:
        doing it again on every render was 85% of premailer's time (bench/run.py --profile)."""

        def _parse_style_rules(self, css_body, ruleset_index):  # type: ignore[no-untyped-def]
            key = (css_body, ruleset_index)
            if key not in PARSED:
                if len(PARSED) > 16:
                    PARSED.clear()
                PARSED[key] = super()._parse_style_rules(css_body, ruleset_index)
            rules, leftover = PARSED[key]
            return list(rules), list(leftover)

    return ParseOnce


def inline(html: str, css: str) -> str:
    try:
        result = premailer_class()(
            html,
            css_text=css,
            allow_network=False,
            allow_loading_external_files=False,
            disable_validation=True,
            cssutils_logging_level=logging.CRITICAL,
            strip_important=False,
            remove_classes=False,
            # Absolute links are made by render.py; premailer must not rewrite tokens such as %%{unsubscribe_url}%%.
            disable_link_rewrites=True,
            method="html",
        ).transform()
    except Exception as error:
        raise RenderError(f"inlining the email's CSS failed: {error}") from None
    # Premailer leaves the marker on the styles it cannot see: those inside Outlook's conditional comments.
    result = result.replace(' data-premailer="ignore"', "")
    return with_doctype(result)


def with_doctype(html: str) -> str:
    # lxml drops the doctype; without it clients render in quirks mode.
    return html if html.lstrip().lower().startswith("<!doctype") else "<!doctype html>\n" + html
