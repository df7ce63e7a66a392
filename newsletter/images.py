"""Local image files an issue names -> images fit to publish (Pillow): upright, sRGB, no metadata, twice
their display width, recompressed, named by a hash of their content; and the issue pointing at them.

A photo's EXIF can hold where it was taken and the camera's serial number: nothing of it leaves the
editor's machine. The same file and settings always give the same bytes (and so the same name).
"""

from __future__ import annotations

import difflib
import hashlib
import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError
from .models import Issue, Story

FOLDER = "images"  # inside the build folder, published with it
# Twice the width each image is shown at (a 600 px email), so it is sharp on high-density screens.
LEAD_WIDTH = 1200
CARD_WIDTH = 600  # a card is half the email wide; on a phone, one card fills the width
# What one image may weigh in the email: a lead photo, a card (and a logo).
LEAD_BUDGET = 250 * 1024
CARD_BUDGET = 120 * 1024
JPEG_QUALITIES = (82, 76, 70, 64, 58, 52)
PNG_COLOURS = (256, 128, 64)
MAX_PIXELS = 210_000_000  # a 200 MP phone photo; a bigger "photo" is more likely a decompression bomb


@dataclass(frozen=True)
class Built:
    """One image as published: its name in the build folder, its bytes and its size in pixels."""

    name: str  # images/<hash>.jpg
    data: bytes
    width: int
    height: int


@dataclass
class Published:
    """The images an issue's local files became, and the files they were read from."""

    files: dict[str, bytes] = field(default_factory=dict)  # images/<hash>.<ext> -> bytes
    sources: list[Path] = field(default_factory=list)


def is_local(src: str) -> bool:
    """A path to a file on the editor's disk, not an address: no scheme, not //host/..."""
    src = src.strip()
    return bool(src) and not urlsplit(src).scheme and not src.startswith("//")


def is_built(src: str) -> bool:
    """An image this tool made: it lives in the build folder's images/."""
    return src.startswith(FOLDER + "/") and "/" not in src[len(FOLDER) + 1 :]


def publish_images(issue: Issue, *, logo_root: Path = Path(".")) -> tuple[Issue, Published]:
    """The issue with every local image (story photos, the logo and its dark variant) made into a file of
    the build's images/ folder, width and height set; remote https images are left as they are.

    Story images are found relative to their story file; the logo relative to `logo_root` (the folder
    of the settings file that names it).
    """
    published = Published()

    def story_image(story: Story, width: int, budget: int) -> Story:
        image = story.image
        if not is_local(image.src):
            return story
        built = make(
            Path(story.source.file).parent, image.src, width, budget, where=Path(story.source.file), published=published
        )
        return story.model_copy(
            update={
                "image": image.model_copy(
                    update={
                        "src": built.name,
                        "file": image.file or image.src,
                        "width": built.width,
                        "height": built.height,
                    }
                )
            }
        )

    lead = story_image(issue.lead, LEAD_WIDTH, LEAD_BUDGET)
    sections = [
        section.model_copy(
            update={"stories": [story_image(story, CARD_WIDTH, CARD_BUDGET) for story in section.stories]}
        )
        for section in issue.sections
    ]
    brand = issue.brand
    logo = brand.logo
    updates: dict[str, object] = {}
    for key in ("src", "dark_src"):
        src = getattr(logo, key)
        if is_local(src):
            built = make(
                logo_root, src, 2 * logo.width, CARD_BUDGET, where=settings_file(logo_root, src), published=published
            )
            updates[key] = built.name
            if key == "src" and logo.height is None:
                updates["height"] = round(logo.width * built.height / built.width)
    if updates:
        brand = brand.model_copy(update={"logo": logo.model_copy(update=updates)})
    result = issue.model_copy(update={"lead": lead, "sections": sections, "brand": brand})
    result._images = dict(published.files)
    result._image_files = [str(path) for path in published.sources]
    return result, published


def settings_file(root: Path, src: str) -> Path:
    """The settings file that names the logo, for the error message."""
    for name in ("issue.toml", "newsletter.toml"):
        path = root / name
        try:
            if src in path.read_text("utf-8"):
                return path
        except (OSError, UnicodeDecodeError):
            continue
    return root / "newsletter.toml"


def make(root: Path, src: str, width: int, budget: int, *, where: Path, published: Published) -> Built:
    path = root / src.strip()
    built = process(path, width, budget, where=where, src=src)
    published.files[built.name] = built.data
    if path not in published.sources:
        published.sources.append(path)
    return built


def fail(where: Path, src: str, message: str) -> InputError:
    """`story.md:5: image 'photos/x.jpg' <message>`, at the line that names the image."""
    return InputError(f"image {src!r} {message}", file=where, line=line_naming(where, src))


def line_naming(file: Path, src: str) -> int | None:
    try:
        lines = file.read_text("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, start=1) if src.strip() in line), None)


# Made images by (file content, width, budget): the preview rebuilds on every save of a story, and a photo
# that did not change is not decoded and compressed again.
MADE: dict[tuple[bytes, int, int], Built] = {}
MADE_LIMIT = 64


def process(path: Path, width: int, budget: int, *, where: Path, src: str) -> Built:
    """One file -> the image as published; an InputError naming `where` for a missing or broken file."""
    from PIL import Image as Pil

    content = read_file(path, where=where, src=src)
    key = (hashlib.sha256(content).digest(), width, budget)
    if key in MADE:
        return MADE[key]
    picture = decode(content, width, where=where, src=src)
    picture = upright_srgb(picture)
    transparent = has_transparency(picture)
    graphic = picture.mode == "P" and not transparent  # a few flat colours (a logo, a chart): PNG keeps it crisp
    picture = picture.convert("RGBA" if transparent else "RGB")
    if picture.width > width:  # never enlarged
        height = max(1, round(picture.height * width / picture.width))
        picture = picture.resize((width, height), Pil.Resampling.LANCZOS)
    data, picture = compress(picture, budget, png=transparent or graphic)
    digest = hashlib.sha256(data).hexdigest()[:16]
    suffix = ".png" if data.startswith(b"\x89PNG") else ".jpg"
    built = Built(name=f"{FOLDER}/{digest}{suffix}", data=data, width=picture.width, height=picture.height)
    if len(MADE) >= MADE_LIMIT:
        MADE.pop(next(iter(MADE)))
    MADE[key] = built
    return built


def read_file(path: Path, *, where: Path, src: str) -> bytes:
    if not path.is_file():
        hint = close_file(path)
        raise fail(
            where,
            src,
            f"is not there (looked for {path}){hint}: fix the path, or write `image: false` "
            "for a story without a picture",
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise fail(where, src, f"cannot be read ({error.strerror or error}): check the file's permissions") from None


def decode(content: bytes, width: int, *, where: Path, src: str):  # type: ignore[no-untyped-def]
    """The decoded image, or an error that says what is wrong with the file and what to do."""
    from PIL import Image as Pil
    from PIL import UnidentifiedImageError

    Pil.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            with Pil.open(io.BytesIO(content)) as opened:
                # A JPEG decodes at 1/2, 1/4 or 1/8 size when that still covers `width` either way up
                # (the camera may have turned it): a 24 MP photo decodes in a fraction of the time.
                opened.draft(opened.mode, (width, width))
                opened.load()  # a truncated file fails here, not half-way through a resize
                picture = opened.copy()
                picture.info = dict(opened.info)
    except UnidentifiedImageError:
        raise fail(
            where,
            src,
            "is not an image Pillow can read (JPEG, PNG, GIF, WebP...): export the photo again as JPEG or PNG",
        ) from None
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning):
        raise fail(
            where, src, f"has more than {MAX_PIXELS // 1_000_000} million pixels: resize it before adding it"
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise fail(
            where, src, f"cannot be read ({reason}): the file is damaged or incomplete; copy or export it again"
        ) from None
    except (ValueError, SyntaxError) as error:
        raise fail(where, src, f"cannot be read ({error}): export the photo again as JPEG or PNG") from None
    return picture


def close_file(path: Path) -> str:
    try:
        names = [entry.name for entry in path.parent.iterdir()]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, names, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def upright_srgb(picture):  # type: ignore[no-untyped-def]
    """The camera's orientation applied, the colours converted to sRGB, and every bit of metadata gone."""
    from PIL import ImageCms, ImageOps

    picture = ImageOps.exif_transpose(picture) or picture
    icc = picture.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if picture.mode in ("RGBA", "LA", "PA") else "RGB"
            if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
                picture = picture.convert(mode)
            picture = ImageCms.profileToProfile(picture, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are, read as sRGB
    if picture.mode == "CMYK":
        picture = picture.convert("RGB")
    picture.info = {}  # EXIF, GPS, XMP, comments, the ICC profile: sRGB is what a browser assumes
    return picture


def has_transparency(picture) -> bool:  # type: ignore[no-untyped-def]
    if picture.mode == "P" and "transparency" in picture.info:
        return True
    if picture.mode in ("RGBA", "LA", "PA"):
        return picture.getchannel("A").getextrema()[0] < 255
    return False


def compress(picture, budget: int, *, png: bool):  # type: ignore[no-untyped-def]
    """The first encoding that fits the budget: less quality (or fewer colours) first, then fewer pixels."""
    from PIL import Image as Pil

    while True:
        attempts = [None, *PNG_COLOURS] if png else JPEG_QUALITIES
        for level in attempts:
            data = encode(picture, png=png, level=level)
            if len(data) <= budget:
                return data, picture
        if picture.width <= 64:
            return data, picture
        size = (max(1, picture.width * 4 // 5), max(1, picture.height * 4 // 5))
        picture = picture.resize(size, Pil.Resampling.LANCZOS)


def encode(picture, *, png: bool, level: int | None) -> bytes:  # type: ignore[no-untyped-def]
    """JPEG at quality `level`; PNG lossless (None) or with a palette of `level` colours (alpha kept)."""
    from PIL import Image as Pil

    out = io.BytesIO()
    if not png:
        picture.save(out, "JPEG", quality=level, optimize=True, progressive=True, subsampling="4:2:0")
    elif level is None:
        picture.save(out, "PNG", compress_level=6)  # zlib's default: a third of level 9's time, a few % larger
    else:
        method = Pil.Quantize.FASTOCTREE if picture.mode == "RGBA" else Pil.Quantize.MEDIANCUT
        picture.quantize(colors=level, method=method, dither=Pil.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# The built images again: for the .eml and sends, which carry them inline when nothing is published


def built_names(issue: Issue) -> list[str]:
    """The images/<hash> files an issue shows, in the order it shows them."""
    logo = issue.brand.logo
    names = [logo.src, logo.dark_src] + [story.image.src for story in issue.stories]
    return list(dict.fromkeys(name for name in names if is_built(name)))


@dataclass(frozen=True)
class Related:
    """An image carried inside the message, which the HTML names as cid:<content_id>."""

    content_id: str
    name: str
    data: bytes

    @property
    def subtype(self) -> str:
        return "png" if self.name.endswith(".png") else "jpeg"


def inline_images(html: str, images: dict[str, bytes]) -> tuple[str, list[Related]]:
    """The HTML with each `src="images/..."` it holds pointing at a part of the message instead."""
    related = []
    for name, data in sorted(images.items()):
        attribute = f'src="{name}"'
        if attribute not in html:
            continue
        part = Related(content_id=f"{Path(name).name}@newsletter", name=name, data=data)
        html = html.replace(attribute, f'src="cid:{part.content_id}"')
        related.append(part)
    return html, related
