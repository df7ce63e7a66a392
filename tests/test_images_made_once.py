"""Each photo is made once: kept by a hash of its content and settings in the cache folder (and in memory),
never decoded again while it is unchanged; the photos a build has not seen are made side by side in
threads, to the very bytes they get one at a time.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import threading
import warnings
from pathlib import Path

import pytest
from PIL import Image
from test_images import BASE, CARD, LEAD, phone_photo, photo

from newsletter import images
from newsletter.build import build
from newsletter.errors import InputError
from newsletter.images import CARD_BUDGET, CARD_WIDTH, LEAD_BUDGET, LEAD_WIDTH, Job, make_all

DATE = "2026-11-24"


@pytest.fixture(autouse=True)
def forget(monkeypatch):
    """Each test starts with nothing remembered in this process, as a new `newsletter build` does."""
    monkeypatch.setattr(images, "MADE", {})
    monkeypatch.setattr(images, "HASHED", {})


def three_photos(folder: Path) -> Path:
    """An issue of a lead and two cards, each with a photo of another kind: a phone JPEG on its side, a
    transparent PNG, a 16-bit greyscale scan."""
    (folder / "photos").mkdir(parents=True)
    phone_photo(folder / "photos" / "rally.jpg")
    cutout = photo(900, 600, seed=3).convert("RGBA")
    cutout.putalpha(Image.linear_gradient("L").resize((900, 600)))
    cutout.save(folder / "photos" / "cutout.png")
    Image.linear_gradient("L").resize((800, 500)).convert("I").point(lambda v: v * 257).convert("I;16").save(
        folder / "photos" / "scan.png"
    )
    (folder / "01-lead.md").write_text(LEAD.format(src="photos/rally.jpg"))
    (folder / "02-card.md").write_text(CARD.format(src="photos/cutout.png"))
    (folder / "03-card.md").write_text(
        CARD.format(src="photos/scan.png")
        .replace("Brussels", "Vienna")
        .replace("/eu", "/at")
        .replace("Short.", "Vienna counts.")
    )
    (folder / "issue.toml").write_text(
        f'lead = "01-lead.md"\n[brand]\nname = "The Ballot Brief"\nweb_base_url = "{BASE}"\n'
    )
    return folder


def jobs(folder: Path) -> list[Job]:
    return [
        Job(folder / "photos" / "rally.jpg", LEAD_WIDTH, LEAD_BUDGET, folder / "01-lead.md", "photos/rally.jpg"),
        Job(folder / "photos" / "cutout.png", CARD_WIDTH, CARD_BUDGET, folder / "02-card.md", "photos/cutout.png"),
        Job(folder / "photos" / "scan.png", CARD_WIDTH, CARD_BUDGET, folder / "03-card.md", "photos/scan.png"),
    ]


def test_photos_made_side_by_side_are_the_bytes_made_one_at_a_time(tmp_path, monkeypatch):
    folder = three_photos(tmp_path / "issue")
    alone = make_all(jobs(folder), cache=None, workers=1)
    monkeypatch.setattr(images, "MADE", {})
    monkeypatch.setattr(images, "HASHED", {})
    monkeypatch.setattr(images, "cpus", lambda: 3)  # three threads even on a smaller machine
    made_in = []
    made_from = images.made_from

    def noting(*args):
        made_in.append(threading.current_thread().name)
        return made_from(*args)

    monkeypatch.setattr(images, "made_from", noting)
    pooled = make_all(jobs(folder), cache=None, workers=None)
    assert all(name.startswith("newsletter-image") for name in made_in) and len(made_in) == 3
    assert [built.data for built in pooled.values()] == [built.data for built in alone.values()]
    assert [(built.name, built.width, built.height) for built in pooled.values()] == [
        (built.name, built.width, built.height) for built in alone.values()
    ]
    assert len({built.name for built in pooled.values()}) == 3
    assert [built.name[-4:] for built in pooled.values()] == [".jpg", ".png", ".jpg"]


def test_a_photo_whose_orientation_pillow_skips_is_refused_when_made_beside_others(tmp_path, monkeypatch):
    """Pillow says it skipped a photo's orientation tag only as a warning, and warning filters are one for the
    whole process: made in threads beside photos that warn of other things, the skipped tag is still seen (and
    the filters are as they were afterwards)."""
    folder = three_photos(tmp_path / "issue")
    out = io.BytesIO()
    exif = b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x06\xff\xff\x7f\x00\x01\x00\x00"
    Image.new("RGB", (2400, 1600), (10, 200, 30)).save(out, "JPEG", exif=exif)
    (folder / "photos" / "scan.png").unlink()
    (folder / "photos" / "sideways.jpg").write_bytes(out.getvalue())
    monkeypatch.setattr(images, "cpus", lambda: 3)
    before = list(warnings.filters)
    side = [
        *jobs(folder)[:2],
        Job(folder / "photos" / "sideways.jpg", CARD_WIDTH, CARD_BUDGET, folder / "03-card.md", "photos/sideways.jpg"),
    ]
    for _ in range(5):  # the threads interleave differently each time
        monkeypatch.setattr(images, "MADE", {})
        monkeypatch.setattr(images, "HASHED", {})
        with pytest.raises(InputError, match="has damaged EXIF metadata"):
            make_all(side, cache=None, workers=None)
    assert warnings.filters == before


def test_the_first_broken_photo_in_the_issue_is_the_error_when_made_side_by_side(tmp_path, monkeypatch):
    folder = three_photos(tmp_path / "issue")
    (folder / "photos" / "cutout.png").write_bytes((folder / "photos" / "cutout.png").read_bytes()[:3000])
    (folder / "photos" / "scan.png").write_text("not a picture")
    monkeypatch.setattr(images, "cpus", lambda: 2)
    with pytest.raises(InputError) as raised:
        make_all(jobs(folder), cache=None, workers=None)
    assert str(raised.value).startswith(f"{folder / '02-card.md'}:5: image 'photos/cutout.png' cannot be read (")
    assert "\n" not in str(raised.value)


def test_a_rebuild_takes_every_photo_from_the_cache_folder_without_decoding_one(tmp_path, monkeypatch):
    folder = three_photos(tmp_path / "issue")
    cache = tmp_path / "cache"
    day = dt.date.fromisoformat(DATE)
    first = build(folder, out=tmp_path / "first", date=day, cache=cache)
    made = sorted(path for path in (cache / "images").iterdir() if path.is_file())
    assert len(made) == 3 and len(list((cache / "images" / "seen").iterdir())) == 3
    monkeypatch.setattr(images, "MADE", {})
    monkeypatch.setattr(images, "HASHED", {})

    def no_decoding(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("an unchanged photo was read or made again")

    monkeypatch.setattr(images, "made_from", no_decoding)
    monkeypatch.setattr(images, "read_image", no_decoding)  # unchanged since hashed: not even read
    again = build(folder, out=tmp_path / "again", date=day, cache=cache)
    assert again.files == first.files
    for name in first.files:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "first" / name).read_bytes(), name
    # A damaged entry (a crash mid-write, a stray edit) is not trusted: that photo is made again, the same.
    monkeypatch.undo()
    monkeypatch.setattr(images, "MADE", {})
    monkeypatch.setattr(images, "HASHED", {})
    made[0].write_bytes(b"12 34\nnot an image")
    build(folder, out=tmp_path / "mended", date=day, cache=cache)
    assert (tmp_path / "mended" / "email.html").read_bytes() == (tmp_path / "first" / "email.html").read_bytes()
    assert made[0].read_bytes().split(b"\n", 1)[1][:3] in (b"\xff\xd8\xff", b"\x89PN")


def test_a_photo_changed_on_disk_is_made_again_and_an_unchanged_one_is_not_even_read(tmp_path, monkeypatch):
    folder = three_photos(tmp_path / "issue")
    before = make_all(jobs(folder), cache=None, workers=1)
    reads = []
    real_read = images.read_image
    monkeypatch.setattr(images, "read_image", lambda job: reads.append(job.src) or real_read(job))
    Image.new("RGB", (700, 400), (200, 30, 30)).save(folder / "photos" / "rally.jpg")  # the editor saves it again
    after = make_all(jobs(folder), cache=None, workers=1)
    assert reads == ["photos/rally.jpg"]  # the preview's next save reads only the photo that changed
    changed = jobs(folder)[0]
    assert after[changed].name != before[changed].name
    assert Image.open(io.BytesIO(after[changed].data)).size == (700, 400)
    assert [after[job] for job in jobs(folder)[1:]] == [before[job] for job in jobs(folder)[1:]]


def test_a_first_build_from_the_command_line_makes_the_photos_side_by_side_and_fills_the_cache(tmp_path):
    folder = three_photos(tmp_path / "issue")
    env = {**os.environ, "NEWSLETTER_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "newsletter", "build", str(folder), "--date", DATE]
    outs = []
    for name in ("cold", "warm"):
        done = subprocess.run(
            [*command, "--out", str(tmp_path / name)], env=env, capture_output=True, text=True, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        outs.append({path.name: path.read_bytes() for path in (tmp_path / name / "images").iterdir()})
    assert outs[0] == outs[1] and len(outs[0]) == 3
    assert len([path for path in (tmp_path / "cache" / "images").iterdir() if path.is_file()]) == 3
    # The editor replaces a photo between two runs: the next build reads it, whatever an earlier run noted.
    photo(900, 600, seed=5).save(folder / "photos" / "rally.jpg")
    done = subprocess.run([*command, "--out", str(tmp_path / "edited")], env=env, capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    edited = {path.name: path.read_bytes() for path in (tmp_path / "edited" / "images").iterdir()}
    assert len(edited) == 3 and len(set(edited) & set(outs[0])) == 2


def test_a_warning_another_thread_raises_meanwhile_is_not_taken_for_the_photos_own():
    """Pillow says it skipped a photo's orientation tag only as a warning; a thread making another photo at the
    same moment may warn of the same tag in its own photo. Each photo is judged by its own warnings."""
    from newsletter import picture

    asked, warned = threading.Event(), threading.Event()

    def other_photo() -> None:
        asked.wait(timeout=10)
        warnings.warn(f"Possibly corrupted field tag {picture.ORIENTATION}", UserWarning, stacklevel=1)
        warned.set()

    class Clean:
        """A photo whose EXIF reads cleanly, read while another thread warns."""

        info: dict[str, bytes] = {}

        def getexif(self) -> dict[int, int]:
            asked.set()
            warned.wait(timeout=10)
            return {picture.ORIENTATION: 1}

    other = threading.Thread(target=other_photo)
    other.start()
    try:
        assert picture.orientation(Clean()) == 1  # type: ignore[arg-type]
    finally:
        other.join(timeout=10)
    assert warned.is_set()
