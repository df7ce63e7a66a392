"""The golden inputs the tests and the bench share: the sample issues, the date they build with, and a
generated Markdown issue of any size."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_d493ddfd58091a34.txt"  # a pasted GZERO Media page
EXAMPLE = ROOT / "examples" / "markdown-issue"  # the Markdown sample issue
DATE = dt.date(2026, 11, 24)
SLUG = "2026-11-24-issue-48"  # the Markdown sample's build folder at DATE

PARAGRAPH = (
    "Colombians return to the polls on Sunday for a runoff that pollsters call too close to call. The first "
    "round left the two finalists less than two points apart, and both campaigns spent the last week on the "
    "Caribbean coast, where turnout was lowest."
)


def write_issue(folder: Path, *, items: int) -> Path:
    """A realistic Markdown issue: a full lead, then `items` "More from" items with link, image and teaser."""
    folder.mkdir(parents=True)
    (folder / "issue.toml").write_text(
        'subject = "Runoff week: Bogotá votes, Brussels waits"\n'
        "number = 48\n"
        'lead = "000-lead.md"\n\n'
        "[brand]\n"
        'name = "The Ballot Brief"\n'
        'web_base_url = "https://news.example.org/issues"\n'
        'postal_address = "The Ballot Brief, 12 Example Street, Springfield 00000"\n'
        'unsubscribe_url = "https://news.example.org/unsubscribe"\n',
        encoding="utf-8",
    )
    (folder / "000-lead.md").write_text(
        "---\n"
        "headline: Colombia's runoff turns on turnout in the Caribbean coast\n"
        "url: https://news.example.org/2026/11/colombia-runoff\n"
        "image:\n"
        "  src: https://images.example.org/2026/11/bogota-rally.jpg\n"
        "  alt: Supporters wave yellow flags at a rally in Bogotá's Plaza de Bolívar\n"
        "  width: 1200\n"
        "  height: 675\n"
        "caption: Supporters at the closing rally in Bogotá's Plaza de Bolívar on Sunday.\n"
        "credit: REUTERS/Example Photographer\n"
        "---\n\n" + "\n\n".join([PARAGRAPH] * 5) + "\n",
        encoding="utf-8",
    )
    for number in range(1, items + 1):
        (folder / f"{number:03d}-item.md").write_text(
            "---\n"
            f"headline: Item {number} - a regional election campaign enters its final week\n"
            f"url: https://news.example.org/2026/11/item-{number}-regional-election-final-week\n"
            "image:\n"
            f"  src: https://images.example.org/2026/11/item-{number}.jpg\n"
            f"  alt: Campaign posters on a wall in the capital, item {number}\n"
            "  width: 1200\n"
            "  height: 800\n"
            f"teaser: Polls show the incumbent {number % 9 + 1} points ahead as both campaigns court undecided "
            f"voters in district {number}, where turnout decided the last three races.\n"
            "---\n",
            encoding="utf-8",
        )
    return folder


def record_again(folder: Path) -> None:
    """A build's record (build.json) written anew for its files as they are now: a build folder as another
    version of `build` might have written it, which every command reads as built instead of refusing it as
    edited."""
    from newsletter.buildfolder import RECORD_NAME, make_record

    files = sorted(path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    (folder / RECORD_NAME).write_bytes(
        make_record(
            {path.relative_to(folder).as_posix(): path.read_bytes() for path in files if path.name != RECORD_NAME}
        )
    )
