"""Bad and hostile image files (issue 28): every colour mode published right, every decoder failure one line
naming the story's line, sizes and memory checked before anything is decoded, and a fuzz test over damaged
files of many formats. Every file is generated here.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageCms
from test_images import build, built_images, issue

from newsletter import images, picture
from newsletter.errors import InputError
from newsletter.images import CARD_BUDGET, CARD_WIDTH, process


@pytest.fixture(autouse=True)
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def one_line_error(tmp_path: Path, folder: Path, src: str) -> str:
    result = build(tmp_path, folder)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = result.output.strip()
    assert "\n" not in line, result.output
    assert line.startswith(f"error: {folder / '01-lead.md'}:5: image {src!r} "), line
    assert not (tmp_path / "out").exists()  # nothing half-written
    return line


def published(tmp_path: Path, folder: Path) -> Image.Image:
    result = build(tmp_path, folder)
    assert result.exit_code == 0, result.output
    [data] = built_images(tmp_path).values()
    return Image.open(io.BytesIO(data))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_16_bit_greyscale_png_is_published_grey_not_white(tmp_path):
    folder = issue(tmp_path, "photos/scan.png")
    # Dark on the left, light on the right, in 16-bit values (Pillow's convert("RGB") made it all white).
    scan = Image.linear_gradient("L").rotate(90).resize((900, 600)).convert("I").point(lambda v: v * 257)
    scan.convert("I;16").save(folder / "photos" / "scan.png")
    picture = published(tmp_path, folder).convert("L")
    left, middle, right = (picture.getpixel((x, 300)) for x in (5, 450, 894))
    assert left < 40 and 100 < middle < 160 and right > 200, (left, middle, right)


@pytest.mark.parametrize(
    "mode, fill, expected",
    [
        ("F", 0.5, (128, 128, 128)),  # a float TIFF of 0..1 values
        ("I", 30000, (117, 117, 117)),  # a 32-bit greyscale TIFF holding 16-bit values
        ("LAB", (128, 128, 128), (119, 119, 119)),  # CIE L*a*b*, mid grey
        ("1", 1, (255, 255, 255)),
        ("YCbCr", (76, 85, 255), (254, 0, 0)),  # red
    ],
)
def test_every_colour_mode_is_published_with_its_colours(tmp_path, mode, fill, expected):
    folder = issue(tmp_path, "photos/odd.tif")
    Image.new(mode, (300, 200), fill).save(folder / "photos" / "odd.tif", "TIFF")
    picture = published(tmp_path, folder).convert("RGB")
    assert all(abs(a - b) <= 3 for a, b in zip(picture.getpixel((150, 100)), expected, strict=True)), picture.getpixel(
        (150, 100)
    )


def test_an_image_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    folder = issue(tmp_path, "photos/huge.jpg")
    with open(folder / "photos" / "huge.jpg", "wb") as huge:  # 3 GB on paper, nothing on disk
        huge.truncate(3 * 1024**3)
    line = one_line_error(tmp_path, folder, "photos/huge.jpg")
    assert "is 3072.0 MB, over the 100.0 MB limit for an image file: export the photo again smaller" in line


@pytest.mark.parametrize(
    "make, kind",
    [(lambda path: os.mkfifo(path), "a named pipe (FIFO)"), (lambda path: path.mkdir(), "a folder")],
    ids=["fifo", "folder"],
)
def test_an_image_that_is_not_a_regular_file_is_named_without_waiting_on_it(tmp_path, make, kind):
    folder = issue(tmp_path, "photos/rally.jpg")
    make(folder / "photos" / "rally.jpg")
    line = one_line_error(tmp_path, folder, "photos/rally.jpg")
    assert line.endswith(f"image 'photos/rally.jpg' is {kind}, not an image file"), line


def test_a_huge_rgba_png_with_a_profile_is_refused_by_its_memory_before_decoding(tmp_path):
    folder = issue(tmp_path, "photos/poster.png")
    ihdr = struct.pack(">IIBBBBB", 14_000, 14_000, 8, 6, 0, 0, 0)  # 196 million RGBA pixels, a few bytes of data
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    (folder / "photos" / "poster.png").write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"iCCP", b"sRGB\x00\x00" + zlib.compress(profile))
        + png_chunk(b"IDAT", zlib.compress(b"\0" * 100))
        + png_chunk(b"IEND", b"")
    )
    line = one_line_error(tmp_path, folder, "photos/poster.png")
    assert "is 14000×14000 pixels, which would take 2243.0 MB of memory to make fit" in line, line
    assert "over the 1024.0 MB budget: resize it before adding it" in line


def test_the_memory_budget_counts_pixels_after_a_jpegs_reduced_decode():
    # A 200 MP photo decodes at 1/8 for a 1,200 px lead: well within budget, so it is not refused.
    width, height = 16_000, 12_000
    assert width * height * picture.BYTES_PER_PIXEL * picture.COPIES > picture.MEMORY_BUDGET
    picture.check_memory(width // 8, height // 8)
    with pytest.raises(picture.ImageProblem):
        picture.check_memory(width, height)


def jpeg_with_exif(exif: bytes) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 200, 30)).save(out, "JPEG", exif=exif)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        jpeg_with_exif(b"Exif\x00\x00garbage, not a TIFF header"),
        # The orientation tag (0x0112) claims 0x7fffff06 values: Pillow skips it, so the way up is unknown.
        jpeg_with_exif(b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x06\xff\xff\x7f\x00\x01\x00\x00"),
    ],
    ids=["not-tiff", "orientation-skipped"],
)
def test_damaged_exif_is_one_line_naming_the_photo(tmp_path, data):
    folder = issue(tmp_path, "photos/rally.jpg")
    (folder / "photos" / "rally.jpg").write_bytes(data)
    line = one_line_error(tmp_path, folder, "photos/rally.jpg")
    assert "has damaged EXIF metadata (" in line and "export it again from a photo editor" in line, line


def dds() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 200, 30)).save(out, "DDS")
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        dds()[:100],
        dds()[:80] + struct.pack("<I", 4) + b"XXXX" + dds()[88:],
        dds()[:12] + struct.pack("<I", 0x7FFFFFFF) + dds()[16:],
    ],
    ids=["truncated-header", "unknown-pixel-format", "absurd-height"],
)
def test_a_damaged_dds_is_one_line_naming_the_file(tmp_path, data):
    folder = issue(tmp_path, "photos/texture.dds")
    (folder / "photos" / "texture.dds").write_bytes(data)
    one_line_error(tmp_path, folder, "photos/texture.dds")


def test_a_very_tall_lead_image_is_one_line_naming_it(tmp_path):
    folder = issue(tmp_path, "photos/scroll.png")
    Image.new("RGB", (1000, 70_000), (240, 240, 240)).save(folder / "photos" / "scroll.png")
    line = one_line_error(tmp_path, folder, "photos/scroll.png")
    assert "is 1000×70000 pixels, more than 20 times as tall as it is wide" in line, line


# --- fuzz --------------------------------------------------------------------------------------------------


def seed_files() -> list[bytes]:
    """Small valid files of many formats and modes, for the fuzzer to damage."""
    files = []
    base = Image.linear_gradient("L").resize((40, 30))
    for fmt, mode in [
        ("JPEG", "RGB"),
        ("JPEG", "CMYK"),
        ("PNG", "RGBA"),
        ("PNG", "P"),
        ("PNG", "I;16"),
        ("GIF", "P"),
        ("WEBP", "RGB"),
        ("TIFF", "F"),
        ("BMP", "RGB"),
        ("DDS", "RGB"),
        ("ICO", "RGBA"),
        ("TGA", "RGB"),
        ("PPM", "RGB"),
    ]:
        out = io.BytesIO()
        picture = base.convert("I").point(lambda v: v * 257).convert("I;16") if mode == "I;16" else base.convert(mode)
        exif = picture.getexif()
        exif[0x0112] = 6
        picture.save(out, fmt, **({"exif": exif} if fmt in ("JPEG", "PNG", "WEBP") else {}))
        files.append(out.getvalue())
    return files


SEEDS = seed_files()


@st.composite
def damaged(draw) -> bytes:  # type: ignore[no-untyped-def]
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "number"]))
        place = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip" and data:
            data[place] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[place : place + draw(st.integers(1, 64))]
        elif action == "insert":
            data[place:place] = draw(st.binary(min_size=1, max_size=16))
        elif len(data) >= place + 4:  # a size or offset field made huge, zero or negative
            data[place : place + 4] = draw(st.sampled_from([b"\xff\xff\xff\x7f", b"\x00\x00\x00\x00", b"\xff" * 4]))
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=damaged())
def test_damaged_images_of_many_formats_are_made_or_refused_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "photo.img").write_bytes(data)
    story = folder / "story.md"
    story.write_text("---\nimage:\n  src: photo.img\n---\n")
    images.MADE.clear()
    images.HASHED.clear()
    try:
        built = process(folder / "photo.img", CARD_WIDTH, CARD_BUDGET, where=story, src="photo.img")
    except InputError as error:
        message = str(error)
        assert message.startswith(f"{story}:3: image 'photo.img' "), message
        assert "\n" not in message
    else:
        assert built.data[:3] in (b"\xff\xd8\xff", b"\x89PN") and len(built.data) <= CARD_BUDGET
        assert 1 <= built.width <= CARD_WIDTH


@pytest.mark.parametrize(
    "src, place",
    [("/tmp/elsewhere/secret.png", "absolute"), ("../secret.png", "parent"), ("photos/link.png", "symlink")],
)
def test_a_photo_outside_the_issue_folder_is_refused_and_nothing_is_published(tmp_path, src, place):
    secret = tmp_path / "secret.png"
    Image.new("RGB", (40, 30), "red").save(secret)
    folder = issue(tmp_path, src.replace("/tmp/elsewhere/secret.png", str(secret)))
    (folder / "photos" / "link.png").symlink_to(secret)
    shown = str(secret) if place == "absolute" else src
    line = one_line_error(tmp_path, folder, shown)
    assert line.endswith(f"image {shown!r} is outside the issue folder; copy the photo into the issue folder (photos/)")
    assert not (tmp_path / "out").exists()


def test_a_photo_in_a_symlink_loop_is_one_line_naming_it_not_an_internal_error(tmp_path):
    folder = issue(tmp_path, "photos/a.png")
    (folder / "photos" / "a.png").symlink_to("b.png")
    (folder / "photos" / "b.png").symlink_to("a.png")
    line = one_line_error(tmp_path, folder, "photos/a.png")
    assert line.endswith("image 'photos/a.png' cannot be read (Too many levels of symbolic links)"), line


@pytest.mark.parametrize("place", ["absolute", "symlink"])
@pytest.mark.parametrize("key", ["src", "dark_src"])
def test_a_logo_the_issue_toml_names_outside_the_issue_folder_is_refused(tmp_path, key, place):
    secret = tmp_path / "secret.png"
    Image.new("RGB", (40, 30), "red").save(secret)
    folder = issue(tmp_path, "https://images.example.org/lead.jpg")
    (folder / "logo.png").symlink_to(secret)
    src = str(secret) if place == "absolute" else "logo.png"
    logo = {"src": "https://images.example.org/masthead.png", "dark_src": ""} | {key: src}
    with (folder / "issue.toml").open("a") as toml:
        toml.write('[brand.logo]\nalt = "The Ballot Brief"\nwidth = 240\n')
        toml.write("".join(f'{name} = "{value}"\n' for name, value in logo.items() if value))
    result = build(tmp_path, folder)
    assert result.exit_code == 1, result.output
    line = result.output.strip()
    assert line == (
        f"error: {folder / 'issue.toml'}:{9 if key == 'src' else 10}: image {src!r} is outside the issue folder; "
        "copy the logo into the issue folder, or name it in newsletter.toml"
    ), line
    assert not (tmp_path / "out").exists()


def test_a_photo_name_too_long_for_the_file_system_is_one_line_at_its_story(tmp_path):
    src = "photos/" + "a" * 300 + ".png"
    folder = issue(tmp_path, src)
    line = one_line_error(tmp_path, folder, src)
    assert line.endswith(f"image {src!r} cannot be read (File name too long): fix the path"), line


def test_a_missing_photo_whose_src_held_an_invisible_character_is_named_at_its_line(tmp_path):
    folder = issue(tmp_path, "photos/rally\u200b.jpg")  # the reader removes the zero-width space from the src
    line = one_line_error(tmp_path, folder, "photos/rally.jpg")
    assert "image 'photos/rally.jpg' is not there" in line, line
