"""Gmail's limits: the clip over 102 KB, and the 16 KB of <style> it keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsletter.text import human_size

from .findings import Finding

if TYPE_CHECKING:
    from .page import Page  # parsing HTML is not needed to tell whether a size is clipped (`newsletter build`)

KB = 1024
CLIP_WARN = 100 * KB
# Gmail shows "[Message clipped]" above 102 KB and hides everything after, the unsubscribe link included.
CLIP_ERROR = 102 * KB
# Gmail drops a <style> block that goes over 16 KB, and with it the responsive and dark-mode rules.
STYLE_LIMIT = 16 * KB


def check_size(html: str, page: Page, html_name: str) -> list[Finding]:
    clipped = clip_finding(len(html.encode("utf-8")), html_name)
    findings = [clipped] if clipped else []
    styles = sum(len(style.encode("utf-8")) for style in page.styles)
    if styles > STYLE_LIMIT:
        findings.append(
            Finding(
                "warning",
                "size",
                f"<style> blocks total {human_size(styles)}; Gmail drops style "
                "blocks over 16 KB, and with them the phone and dark-mode rules: trim the theme's "
                "CSS (templates/email/head.css)",
                file=html_name,
            )
        )
    return findings


def clip_finding(size: int, html_name: str) -> Finding | None:
    """Gmail's clip, for an email.html of `size` bytes: an error above it, a warning close to it."""
    if size > CLIP_ERROR:
        return Finding(
            "error",
            "size",
            f"email.html is {human_size(size)}; Gmail clips it above 102 KB and "
            "hides the rest, unsubscribe link included: move items to the web version",
            file=html_name,
        )
    if size > CLIP_WARN:
        return Finding(
            "warning",
            "size",
            f"email.html is {human_size(size)}, close to Gmail's 102 KB clip: drop an item or shorten teasers",
            file=html_name,
        )
    return None
