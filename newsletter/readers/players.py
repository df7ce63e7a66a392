"""A video player's lines in a pasted page: its labels ("Now Playing", "Up Next") and its button naming the video
("Click to play video: 'Travellers stranded at the terminal'"). The title under such a label, or named by such a
button, is a video's, about the article as it may be: it ranks below the lines that could be the article's own
headline, and stands in for it only when nothing else does (flagged, as any guess is)."""

from __future__ import annotations

from newsletter.patterns import regex

PLAYER_LABEL = regex(r"(?i)^(?:now playing|up next|next up|playing next|watch next|next video|coming up next)\s*:?$")
PLAY_BUTTON = regex(r"(?i)^(?:click to play|play|watch)(?: the)? video\s*:?\s*[‘'\"“](?P<title>.+)[’'\"”]$")
BUTTON_NEAR = 3  # lines at most between the player's button and the title it names (its length between them)
VIDEO_RANK = 1.0  # what a video's title loses: all that a headline's length, its date and a second copy give a line


def video_title(texts: list[str], i: int) -> bool:
    """Line i is a video's title: right under the player's label, or named by its button nearby."""
    if i and PLAYER_LABEL.match(texts[i - 1]):
        return True
    return any(
        (button := PLAY_BUTTON.match(texts[j])) is not None and button["title"].strip() == texts[i]
        for j in range(max(0, i - BUTTON_NEAR), min(len(texts), i + BUTTON_NEAR + 1))
        if j != i
    )


def played(texts: list[str], scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The candidates' scores, a video's title's lowered."""
    return [(value - VIDEO_RANK if video_title(texts, i) else value, i) for value, i in scored]
