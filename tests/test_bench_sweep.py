"""bench/sweep.py brings a pool's pages into issues the ways an editor does and builds, checks, exports and publishes
them: what it prints per way in, over pages written here by hand (two articles and a page of menus)."""

import gzip
import subprocess
import sys
from pathlib import Path

SWEEP = Path(__file__).resolve().parent.parent / "bench" / "sweep.py"
PARAGRAPHS = [
    "The harbour bridge will close to traffic for six weeks from Monday while engineers replace the joints that "
    "carry its deck, the city council said on Thursday, in the largest repair since the bridge opened in 1968.",
    "Buses will run on the ring road instead, and the ferry will add a crossing every half hour at peak times, the "
    "council said, asking drivers to leave earlier and to expect queues at both ends of the ring road.",
    "Shop owners on both banks said they feared losing customers during the works, and asked the council to fund a "
    "free ferry, which the mayor said she would consider at the council's meeting next month.",
]


def lay_out(pages: Path, key: str, headline: str, paragraphs: list[str]) -> None:
    """A page as bench/unseen.py lays one out: its pasted text, its saved HTML (gzipped) and its copy, its picture's
    address naming no file (on such a copy "Add a page" failed, 23 of the read pools' copies)."""
    picture = '<figure><img src="https://news.example.org/images/bridge?width=600" alt="The bridge at dawn"></figure>'
    body = f"<h1>{headline}</h1>{picture}" + "".join(f"<p>{text}</p>" for text in paragraphs)
    html = f"<html><head><title>{headline}</title></head><body><article>{body}</article></body></html>"
    (pages / f"{key}.txt").write_text("\n".join(["Home", "News", headline, *paragraphs]), "utf-8")
    (pages / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8"), mtime=0))
    (pages / f"{key}.copied.html").write_text(body, "utf-8")


def test_a_pools_pages_go_the_whole_way_and_a_page_with_no_article_is_named_refused(tmp_path):
    pages = tmp_path / "pool" / "pages"
    pages.mkdir(parents=True)
    lay_out(pages, "bridge", "Harbour bridge to close for six weeks", PARAGRAPHS)
    lay_out(pages, "ferry", "Ferry adds crossings while the bridge is shut", PARAGRAPHS[1:] + PARAGRAPHS[:1])
    lay_out(pages, "menus", "Sections", ["News", "Sport", "Weather"])
    ways = ["--way", "import text", "--way", "desk copy"]
    run = subprocess.run([sys.executable, str(SWEEP), str(tmp_path / "pool"), "--per-issue", "3", *ways],
                         capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert [line.split()[:2] for line in lines if not line.startswith(" ")] == [["import", "text"], ["desk", "copy"]]
    for line in (line for line in lines if not line.startswith(" ")):
        assert line.split(maxsplit=2)[2] == "3 pages in,   1 refused,     2 stories built, 0 bugs", line
    refusals = [line for line in lines if line.startswith("    refused")]
    assert len(refusals) == 2 and all("holds no article" in line for line in refusals), lines


def test_a_folder_without_pages_is_named(tmp_path):
    run = subprocess.run([sys.executable, str(SWEEP), str(tmp_path)], capture_output=True, text=True, check=False)
    assert (
        run.returncode == 1
        and run.stderr.strip() == f"{tmp_path}: no pages/ folder; see `python bench/sweep.py --help`"
    )
