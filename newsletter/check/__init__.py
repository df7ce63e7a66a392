"""A build folder (issue.json, email.html, email.txt) -> findings: what to fix before sending, and where.

issue: every check over a build, in order; findings: what a check reports; page: the parsed email and the
story each link or image comes from; size, links, images, envelope, text and theme: the checks; online:
what the email loads from the issue's published folder is uploaded (asked over HTTP only with --online);
report: the whole command, a build folder -> its findings and verdict.
"""

from newsletter.colour import contrast

from .findings import Finding, Level, ordered, tally
from .issue import Tagging, check_build_notices, check_files, check_issue, count_tagged
from .online import published_urls
from .page import Page, StoryIndex, parse_html
from .report import Report, check_build
from .size import CLIP_ERROR, CLIP_WARN, clip_finding

__all__ = [
    "CLIP_ERROR",
    "CLIP_WARN",
    "Finding",
    "Level",
    "Page",
    "Report",
    "StoryIndex",
    "Tagging",
    "check_build",
    "check_build_notices",
    "check_files",
    "check_issue",
    "clip_finding",
    "contrast",
    "count_tagged",
    "ordered",
    "parse_html",
    "published_urls",
    "tally",
]
