"""`newsletter check` as a library: a build folder -> its findings, the tag count and the verdict, said as
text or as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, tally
from .issue import Tagging, check_issue, count_tagged
from .online import published_urls


@dataclass(frozen=True)
class Report:
    """What checking one build found: any error stops the send."""

    folder: Path
    findings: list[Finding]
    tagging: Tagging | None  # None: the issue has no [tracking]
    online: bool  # the web server was asked (--online)
    asked: int = 0  # addresses under web_base_url asked for
    missing: int = 0  # of those, the ones that did not answer 200

    @property
    def errors(self) -> int:
        return tally(self.findings)[0]

    @property
    def warnings(self) -> int:
        return tally(self.findings)[1]

    def as_dict(self) -> dict[str, object]:
        """The report as `--format json` prints it."""
        report: dict[str, object] = {
            "issue": str(self.folder),
            "ok": not self.errors,
            "errors": self.errors,
            "warnings": self.warnings,
            "findings": [finding.as_dict() for finding in self.findings],
        }
        if self.tagging is not None:
            tagging = self.tagging
            report["tracking"] = {"tagged": tagging.tagged, "links": tagging.links, "params": tagging.params}
        if self.online:
            report["online"] = {"asked": self.asked, "missing": self.missing}
        return report

    def summary(self) -> list[str]:
        """The lines after the findings: the tag count, what the web server answered, and the verdict."""
        lines = [str(self.tagging)] if self.tagging is not None else []
        if self.online:
            lines.append(
                f"online: {self.asked - self.missing} of {self.asked} address(es) under web_base_url answered 200"
            )
        verdict = "not safe to send" if self.errors else "safe to send"
        if not self.errors and any(finding.check == "upload" for finding in self.findings):
            verdict = "safe to send once it is uploaded (`newsletter check --online` says)"
        return [*lines, f"{self.folder}: {self.errors} error(s), {self.warnings} warning(s): {verdict}"]


def check_build(folder: Path | None, *, online: bool = False) -> Report:
    """Check the build in `folder` (None: the newest under build/); `online`: ask the web server too."""
    from newsletter.buildfolder import latest_build, read_build

    folder = folder if folder is not None else latest_build()
    build = read_build(folder)  # read once: the checks and the tag count share it
    findings = check_issue(folder, build, online=online)
    tagging = count_tagged(build.issue, build.html)
    asked = len(published_urls(build.issue, build.html)) if online else 0
    missing = sum(finding.check == "online" for finding in findings)
    return Report(folder, findings, tagging, online, asked, missing)
