"""MJML string (+ the CSS to inline) -> email HTML string: mjml-python, then premailer."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
import types
from pathlib import Path
from typing import Any

from .errors import RenderError
from .offline import import_premailer
from .patterns import regex

STYLE_OPEN = regex(r"<style(?=[\s>])")
# MRML closes one Outlook-only comment and opens the next right after, thousands of times in a long issue;
# the Node compiler merges them. Only MJML writes these markers: story text arrives escaped.
SPLIT_CONDITIONAL = regex(r"<!\[endif\]--><!--\[if mso \| IE\]>")
OUTLOOK_ONLY = regex(r"<!--\[if mso \| IE\]>.*?<!\[endif\]-->", re.S)
CLASS_ATTRIBUTE = regex(r' class="([^"]*)"')
IMG_FLOAT = regex(r"<img\b[^>]*float", re.IGNORECASE)
STYLE_TEXT = regex(r"<style[^>]*>(.*?)</style>", re.S)
TITLE = regex(r"<title>(.*?)</title>", re.S)
# The body's label, which MRML copies from <mj-title> in Rust's debug form of the string.
ARTICLE_LABEL = regex(r'(<div aria-label=")[^"]*(" aria-roledescription="email")')
# A tag with a backslash in it: MRML writes every attribute value in Rust's debug form (see plain_attributes).
ESCAPED_TAG = regex(r"<[a-zA-Z][^<>]*\\[^<>]*>")
ATTRIBUTE_VALUE = regex(r'="([^"]*)"')
DEBUG_ESCAPE = regex(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|(.))", re.S)
DEBUG_CHARACTERS = {"t": "\t", "n": "\n", "r": "\r", "0": "\0", '"': "&quot;"}


def compile_email(mjml: str, inline_css: str, *, cache: Path | None = None) -> str:
    """Compile MJML with MRML, then write `inline_css` into style attributes.

    The <style> blocks MJML writes (layout, phone and dark-mode rules) are marked for premailer to skip:
    they stay in the head as they are, and premailer parses only the CSS meant for inlining. With a
    `cache` folder, premailer's parse of that CSS is kept there between runs (see parsed_rules).
    """
    html = drop_unused_outlook_classes(SPLIT_CONDITIONAL.sub("", titled(plain_attributes(mjml_to_html(mjml)))))
    html = STYLE_OPEN.sub('<style data-premailer="ignore"', html)
    return inline(html, inline_css, cache=cache)


def plain_attributes(html: str) -> str:
    """Attribute values as the template wrote them. MRML writes each in Rust's debug form: a backslash doubled, a
    no-break space, a joiner or a combining accent as the text `\\u{a0}`, which a screen reader spells out of an
    aria-label or an image's alt text ("Présidentielle : ..." as a French page writes it). Text between tags is
    left as it was; a tag without a backslash holds nothing to undo."""
    if "\\" not in html:
        return html

    def character(escape: re.Match[str]) -> str:
        code, other = escape[1], escape[2]
        return chr(int(code, 16)) if code else DEBUG_CHARACTERS.get(other, other)

    def values(tag: re.Match[str]) -> str:
        return ATTRIBUTE_VALUE.sub(lambda value: f'="{DEBUG_ESCAPE.sub(character, value[1])}"', tag[0])

    return ESCAPED_TAG.sub(values, html)


def titled(html: str) -> str:
    """The email's label for screen readers, as its <title> says it.

    MRML writes the title into the body's aria-label in Rust's debug form: a no-break space, an emoji's
    variation selector (🗳️), a joiner or a combining accent becomes the text `\\u{fe0f}`, which a screen
    reader spells out. The <title> it writes holds the subject as the template escaped it."""
    title = TITLE.search(html)
    if title is None:
        return html
    text = title[1].replace('"', "&quot;")
    return ARTICLE_LABEL.sub(lambda label: f"{label[1]}{text}{label[2]}", html, count=1)


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


# How premailer is run: the same for every email, so its parse of the same CSS is the same too.
OPTIONS: dict[str, Any] = {
    "allow_network": False,
    "allow_loading_external_files": False,
    "disable_validation": True,
    "cssutils_logging_level": logging.CRITICAL,
    "strip_important": False,
    "remove_classes": False,
    # Absolute links are made by render.py; premailer must not rewrite tokens such as %%{unsubscribe_url}%%.
    "disable_link_rewrites": True,
    "method": "html",
}


@functools.cache
def premailer_class() -> Any:
    """Premailer, except that its parse of the CSS to inline comes from parsed_rules: parsing and
    serialising the same CSS with cssutils on every render was 85% of premailer's time."""
    Premailer: Any = import_premailer()

    class ParseOnce(Premailer):  # type: ignore[misc]  # premailer ships no types: its class is Any
        def __init__(self, html: str, *, css_cache: Path | None, **options: Any) -> None:
            super().__init__(html, **options)
            self.css_cache = css_cache

        def _parse_style_rules(self, css_body: str, ruleset_index: int) -> tuple[list[Any], list[Any]]:
            rules, leftover = parsed_rules(css_body, ruleset_index, self.css_cache)
            return list(rules), list(leftover)

        def transform(self, *args: Any, **kwargs: Any) -> Any:
            return selecting_by_class(Premailer.transform)(self, *args, **kwargs)

    return ParseOnce


# A class selector as the CSS to inline writes them: `.nl-h3`, nothing escaped, nothing else.
PLAIN_CLASS = regex(r"\.(-?[A-Za-z_][A-Za-z0-9_-]*)")
# The class names in a class attribute, as XPath's normalize-space() splits them (cssselect's test of `.name`)
CLASS_NAMES = regex(r"[^ \t\n\r]+")


def selecting_by_class(transform: Any) -> Any:
    """premailer's own transform, except that a rule with a plain class selector finds its elements in an index
    of the document's classes, made in one walk of the tree.

    premailer selects each rule's elements with an XPath query over the whole document: one walk per rule, 55
    of them, each slower per element as the document outgrows the processor's caches, so the inlining of a
    1,000-story email took 22× the time of a 100-story one. The index finds the same elements in the same
    (document) order; any other selector is premailer's. A premailer whose transform does not select through
    `_create_cssselector` runs unchanged.
    """
    if "_create_cssselector" not in transform.__code__.co_names:
        return transform
    index = ClassIndex(transform.__globals__["_create_cssselector"])
    names = {**transform.__globals__, "_create_cssselector": index.selector}
    swapped = types.FunctionType(
        transform.__code__, names, transform.__name__, transform.__defaults__, transform.__closure__
    )
    swapped.__kwdefaults__ = transform.__kwdefaults__
    return swapped


class ClassIndex:
    """The elements of one document by class name, made when a selector first asks."""

    def __init__(self, css_selector: Any) -> None:
        self.css_selector = css_selector  # premailer's, for every other selector
        self.page: Any = None
        self.elements: dict[str, list[Any]] = {}

    def selector(self, css: str) -> Any:
        plain = PLAIN_CLASS.fullmatch(css)
        if plain is None:
            return self.css_selector(css)
        name = plain.group(1)
        return lambda page: list(self.of(page).get(name, ()))

    def of(self, page: Any) -> dict[str, list[Any]]:
        if page is not self.page:
            from lxml import etree

            self.page, self.elements = page, {}
            for element in page.iter(etree.Element):
                value = element.get("class")
                if value:
                    for name in dict.fromkeys(CLASS_NAMES.findall(value)):  # an element once per name
                        self.elements.setdefault(name, []).append(element)
        return self.elements


@functools.lru_cache(maxsize=16)
def parsed_rules(css: str, ruleset_index: int, cache: Path | None) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """premailer's (rules, leftover) for `css`: once per process, and kept in `cache`/css between runs,
    in a file named by a hash of the CSS and the parser's versions (a changed theme gets a new file;
    deleting the folder only costs one parse). The file also keeps what premailer's csstext_to_pairs
    makes of each rule's declarations, which premailer would otherwise parse with cssutils once a run."""
    Premailer = import_premailer()
    file = None
    if cache is not None:
        file = cache / "css" / f"{hashlib.sha256(cache_key(css, ruleset_index).encode()).hexdigest()}.json"
        stored = read_rules(file)
        if stored is not None:
            rules, leftover, pairs = stored
            remember_pairs(pairs)
            return rules, leftover
    rules, leftover = Premailer._parse_style_rules(Premailer("", **OPTIONS), css, ruleset_index)
    parsed = tuple(rules), tuple(leftover)
    # Rules are (specificity, selector, declarations); leftover ones may be cssutils objects: not stored.
    if file is not None and all(isinstance(rule, tuple) for rule in leftover):
        from premailer.merge_style import csstext_to_pairs

        validate = not OPTIONS["disable_validation"]  # as premailer calls it
        write_rules(file, parsed, {bulk: csstext_to_pairs(bulk, validate=validate) for _, _, bulk in rules})
    return parsed


def cache_key(css: str, ruleset_index: int) -> str:
    """What a parse depends on: the CSS, premailer's options and the parsers' versions (cssutils has no
    version attribute: its installed file stands for it, cheaper than reading package metadata)."""
    import cssutils
    import premailer

    installed = Path(cssutils.__file__).stat()
    return json.dumps(
        [
            css,
            ruleset_index,
            premailer.__version__,
            cssutils.__file__,
            installed.st_mtime_ns,
            installed.st_size,
            sorted(map(str, OPTIONS.items())),
        ]
    )


def remember_pairs(pairs: dict[str, list[tuple[str, str]]]) -> None:
    """Put stored csstext_to_pairs results where premailer looks first: its own function cache."""
    import cachetools.keys
    from premailer.cache import cache, cache_access_lock

    validate = not OPTIONS["disable_validation"]
    with cache_access_lock:
        for bulk, found in pairs.items():
            cache[cachetools.keys.hashkey(bulk, validate=validate)] = found


def read_rules(file: Path) -> tuple[tuple[Any, ...], tuple[Any, ...], dict[str, Any]] | None:
    try:
        stored = json.loads(file.read_text(encoding="utf-8"))
        rules = tuple((tuple(specificity), str(selector), str(bulk)) for specificity, selector, bulk in stored["rules"])
        leftover = tuple((str(selector), str(bulk)) for selector, bulk in stored["leftover"])
        pairs = {
            str(bulk): [(str(name), str(value)) for name, value in found] for bulk, found in stored["pairs"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, or not what we wrote: parse again
    return rules, leftover, pairs


def write_rules(file: Path, parsed: tuple[tuple[Any, ...], tuple[Any, ...]], pairs: dict[str, Any]) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=file.parent, delete=False, suffix=".tmp") as out:
            json.dump({"rules": parsed[0], "leftover": parsed[1], "pairs": pairs}, out)
        os.replace(out.name, file)
    except OSError:
        pass  # a read-only cache folder: parse on each run, as without a cache


def inline(html: str, css: str, *, cache: Path | None = None) -> str:
    try:
        # Outlook's align="left|right" for floated images costs a cssutils parse of every image's style:
        # only where something floats (none of the packaged templates do).
        floats = "float" in css.lower() or IMG_FLOAT.search(html) is not None
        result = premailer_class()(
            html, css_cache=cache, css_text=css, align_floating_images=floats, **OPTIONS
        ).transform()
    except Exception as error:
        raise RenderError(f"inlining the email's CSS failed: {error}") from None
    check_nothing_lost(html, result)
    # Premailer leaves the marker on the styles it cannot see: those inside Outlook's conditional comments.
    result = result.replace(' data-premailer="ignore"', "")
    return with_doctype(result)


def check_nothing_lost(before: str, after: str) -> None:
    """lxml stops reading at a text past its limit (10 MB) and premailer returns what was read: an email that
    ends there, without its footer or unsubscribe link. Every table cell that went in must come out."""
    if after.count("</td>") < before.count("</td>"):
        raise RenderError(
            "the HTML parser (lxml) stopped before the end of the email, which would lose its end "
            "(footer, unsubscribe link): a paragraph is too long for it; shorten the longest story"
        )


def with_doctype(html: str) -> str:
    # lxml drops the doctype; without it clients render in quirks mode.
    return html if html.lstrip().lower().startswith("<!doctype") else "<!doctype html>\n" + html
