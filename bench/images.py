"""Benchmark: real-size generated photos -> the bytes the build publishes for a lead and a card, against the budget
and against a plain resize-and-save of the same photo (Pillow, JPEG quality 90 / lossless PNG, metadata kept).

Run from the repository:  python bench/images.py

The photos are generated (no photo files in the repository, none fetched): soft shapes under a crowd of small
ones and sensor noise, at camera sizes, stored as a camera stores them (high-quality JPEG with EXIF, GPS and an
ICC profile), plus a cut-out PNG with a transparent background. Generated detail is busier than most real
photos (noise compresses badly), so the figures are on the heavy side.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
KB = 1024


def photo(width: int, height: int, seed: int):  # type: ignore[no-untyped-def]
    """A photo's statistics: gradients, large soft shapes, a crowd of small sharp ones, sensor noise."""
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    small = (width // 4, height // 4)
    picture = Image.merge(
        "RGB",
        [
            Image.linear_gradient("L").resize(small),
            Image.linear_gradient("L").rotate(90).resize(small),
            Image.new("L", small, 120),
        ],
    )
    draw = ImageDraw.Draw(picture)
    for _ in range(80):
        x, y, r = rnd.randrange(small[0]), rnd.randrange(small[1]), rnd.randrange(10, small[0] // 6)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in range(3)))
    picture = picture.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(picture)
    for _ in range(width * height // 4000):  # a crowd: detail at every scale a resize keeps
        x, y, r = rnd.randrange(width), rnd.randrange(height // 2, height), rnd.randrange(2, max(3, width // 200))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in range(3)))
    return Image.blend(picture, Image.effect_noise((width, height), 24).convert("RGB"), 0.12)


def camera_file(folder: Path, name: str, width: int, height: int, seed: int) -> Path:
    from PIL import ImageCms

    picture = photo(width, height, seed)
    exif = picture.getexif()
    exif[0x0110] = "Generated Camera"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 31.0, 12.5), 3: "E", 4: (13.0, 24.0, 3.0)})
    path = folder / name
    picture.save(
        path,
        "JPEG",
        quality=95,
        exif=exif,
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
    )
    return path


def camera_files(folder: Path, count: int, width: int = 6000, height: int = 4000) -> list[Path]:
    """`count` different camera photos, as camera_file() stores them, from one generated scene turned, mirrored
    and toned (generating a 24 MP scene takes seconds; each file still differs in every byte)."""
    from PIL import Image, ImageCms

    scene = photo(width, height, 11)
    turns = [None, Image.Transpose.FLIP_LEFT_RIGHT, Image.Transpose.FLIP_TOP_BOTTOM, Image.Transpose.ROTATE_180]
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    paths = []
    for number in range(count):
        picture = scene if turns[number % 4] is None else scene.transpose(turns[number % 4])
        if number // 4 % 2:
            picture = picture.point(lambda value: value * 7 // 8 + 16)  # another light
        exif = picture.getexif()
        exif[0x0110] = "Generated Camera"
        exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 31.0, float(number)), 3: "E", 4: (13.0, 24.0, 3.0)})
        path = folder / f"camera-{number + 1}.jpg"
        picture.save(path, "JPEG", quality=95, exif=exif, icc_profile=profile)
        paths.append(path)
    return paths


def cutout_file(folder: Path, width: int, height: int) -> Path:
    from PIL import Image, ImageDraw, ImageFilter

    picture = photo(width, height, 7).convert("RGBA")
    mask = Image.new("L", (width // 10, height // 10), 0)
    ImageDraw.Draw(mask).ellipse((width // 100, height // 100, width // 11, height // 11), fill=255)
    picture.putalpha(mask.filter(ImageFilter.GaussianBlur(3)).resize((width, height)))
    path = folder / "cutout.png"
    picture.save(path, "PNG")
    return path


def plain_save(path: Path, width: int) -> int:
    """The reference: what resizing the photo and saving it again, with no budget, would publish."""
    from PIL import Image

    with Image.open(path) as opened:
        picture = opened.copy()
        info = dict(opened.info)
    if picture.width > width:
        picture = picture.resize((width, round(picture.height * width / picture.width)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if picture.mode == "RGBA":
        picture.save(out, "PNG")
    else:
        picture.save(out, "JPEG", quality=90, exif=info.get("exif", b""), icc_profile=info.get("icc_profile"))
    return len(out.getvalue())


def measure() -> list[dict[str, object]]:
    from newsletter.images import CARD_BUDGET, CARD_WIDTH, LEAD_BUDGET, LEAD_WIDTH, process

    rows = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        files = [
            ("phone photo 4032×3024", camera_file(folder, "phone.jpg", 4032, 3024, 1)),
            ("camera photo 6000×4000", camera_file(folder, "camera.jpg", 6000, 4000, 2)),
            ("portrait 2000×3000", camera_file(folder, "portrait.jpg", 2000, 3000, 3)),
            ("cut-out PNG 3000×2000, transparent", cutout_file(folder, 3000, 2000)),
        ]
        for label, path in files:
            for role, width, budget in (("lead", LEAD_WIDTH, LEAD_BUDGET), ("card", CARD_WIDTH, CARD_BUDGET)):
                started = time.process_time()
                built = process(path, width, budget, where=path, src=path.name)
                seconds = time.process_time() - started
                reference = plain_save(path, width)
                size = len(built.data)
                rows.append(
                    {
                        "measure": f"image bytes, {role}: {label} ({path.stat().st_size / KB / KB:.1f} MB) -> "
                        f"{built.width}×{built.height} {built.name.rsplit('.', 1)[1]}, {seconds:.2f} s CPU",
                        "ours": f"{size / KB:.0f} KB",
                        "reference": f"{reference / KB:.0f} KB",
                        "ratio": f"{size / reference:.2f}×",
                        "goal": f"<= {budget // KB} KB",
                        "met": size <= budget,
                    }
                )
    return rows


def rows() -> list[dict[str, object]]:
    """Rows for bench/run.py's table: per photo and use, our bytes, a plain resave's bytes, the budget."""
    return measure()


def main() -> None:
    print(f"{'measure':<96} {'ours':>7} {'plain':>7} {'ratio':>6}  {'budget':>10}")
    for row in measure():
        status = "met" if row["met"] else "MISSED"
        figures = f"{row['ours']:>7} {row['reference']:>7} {row['ratio']:>6}  {row['goal']:>10}"
        print(f"{row['measure']:<96} {figures}  {status}", flush=True)
    print(
        "plain = the same photo resized to the same width and saved by Pillow at JPEG quality 90 (PNG: lossless),"
        " its metadata kept, no budget."
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
