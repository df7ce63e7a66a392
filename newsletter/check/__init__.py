"""A build folder (issue.json, email.html, email.txt) -> findings: what to fix before sending, and where.

issue: every check over a build, in order; findings: what a check reports; page: the parsed email and the
story each link or image comes from; size, links, images, envelope, text and theme: the checks; online:
what the email loads from the issue's published folder is uploaded (asked over HTTP only with --online);
report: the whole command, a build folder -> its findings and verdict.

Each name below is imported from its module when first asked for: `newsletter build` asks only whether the
email is clipped, and should not pay for parsing HTML and checking envelopes it does not do.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names as the type checker sees them (`X as X`: re-exported)
    from newsletter.colour import contrast as contrast

    from .findings import Finding as Finding
    from .findings import Level as Level
    from .findings import ordered as ordered
    from .findings import tally as tally
    from .issue import Tagging as Tagging
    from .issue import check_build_notices as check_build_notices
    from .issue import check_files as check_files
    from .issue import check_issue as check_issue
    from .issue import count_tagged as count_tagged
    from .online import published_urls as published_urls
    from .page import Page as Page
    from .page import StoryIndex as StoryIndex
    from .page import parse_html as parse_html
    from .report import Report as Report
    from .report import check_build as check_build
    from .size import CLIP_ERROR as CLIP_ERROR
    from .size import CLIP_WARN as CLIP_WARN
    from .size import clip_finding as clip_finding
    from .text import placeholders as placeholders
    from .text import refuse_placeholders as refuse_placeholders

WHERE = {
    "contrast": "newsletter.colour",
    **dict.fromkeys(("Finding", "Level", "ordered", "tally"), ".findings"),
    **dict.fromkeys(("Tagging", "check_build_notices", "check_files", "check_issue", "count_tagged"), ".issue"),
    "published_urls": ".online",
    **dict.fromkeys(("Page", "StoryIndex", "parse_html"), ".page"),
    **dict.fromkeys(("Report", "check_build"), ".report"),
    **dict.fromkeys(("CLIP_ERROR", "CLIP_WARN", "clip_finding"), ".size"),
    **dict.fromkeys(("placeholders", "refuse_placeholders"), ".text"),
}


def __getattr__(name: str) -> Any:
    if name not in WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(WHERE[name], __name__), name)
    globals()[name] = value
    return value
