"""A finding: one thing to fix, where, and for which story; errors first."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, NamedTuple

from newsletter.errors import place
from newsletter.models import Story

Level = Literal["error", "warning"]


class Finding(NamedTuple):
    """One thing to fix: an error stops the send, a warning does not."""

    level: Level
    check: str
    message: str
    file: str = ""
    line: int | None = None
    story: str = ""
    choices: tuple[str, ...] = ()  # what the editor may take instead (a guessed headline's next likeliest lines)
    guess: bool = False  # the story's headline is a guess: the editor may keep it, or take one of `choices`

    def __str__(self) -> str:
        story = f" ({self.story})" if self.story else ""
        return f"{self.level}: {place(self.file, self.line)}{self.message}{story}"

    def as_dict(self) -> dict[str, object]:
        return {key: value for key, value in self._asdict().items() if key not in ("choices", "guess") or value}


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Each finding once, errors first, then warnings, each in the order found."""
    # One bad address in a headline link and its "Read →" link is one thing to fix.
    unique = list(dict.fromkeys(findings))
    return sorted(unique, key=lambda finding: finding.level != "error")


def tally(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings) among `findings`: any error stops the send."""
    levels = [finding.level for finding in findings]
    return levels.count("error"), levels.count("warning")


def story_finding(level: Level, check: str, message: str, story: Story) -> Finding:
    return Finding(level, check, message, file=story.source.file, line=story.source.line, story=story.headline)


def image_finding(level: Level, message: str, story: Story) -> Finding:
    """A finding about a story's local image, at the line of the story file that names it (when it is at hand)."""
    from newsletter.images import line_naming

    line = line_naming(Path(story.source.file), story.image.file) if story.image.file else None
    return Finding(
        level, "images", message, file=story.source.file, line=line or story.source.line, story=story.headline
    )


def shown(url: str, limit: int = 60) -> str:
    return url if len(url) <= limit else url[: limit - 3] + "..."
