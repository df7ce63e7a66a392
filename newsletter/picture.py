"""One image file's bytes -> the picture fit to send (Pillow): decoded within a memory budget, upright, eight bits
a channel, sRGB, at most twice its display width, recompressed under its weight budget; plain values in and out.

images.py makes several at once in threads (Pillow decodes, resizes and encodes without holding the GIL). Python's
warning filters are one for the whole process, so the two places that read Pillow's warnings (a decompression
bomb, a skipped orientation tag) take WARNINGS while they do, and are brief; the caller silences the rest."""

from __future__ import annotations

import difflib
import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from .text import human_size

if TYPE_CHECKING:
    from PIL.Image import Image as Picture

JPEG_QUALITIES = (82, 76, 70, 64, 58, 52)
PNG_COLOURS = (256, 128, 64)
MAX_PIXELS = 210_000_000  # a 200 MP phone photo; a bigger "photo" is more likely a decompression bomb
# Memory one image may take while it is made, checked from its header before a pixel is decoded: pixels (after
# a JPEG's reduced decode) × 4 bytes (Pillow holds RGB, RGBA, CMYK and widened 16-bit grey as 4 bytes a pixel)
# × 3 copies (decoded, converted, turned or profiled). Up to 89 million pixels; the pool runs one per CPU.
MEMORY_BUDGET = 1024 * 1024 * 1024
BYTES_PER_PIXEL = 4
COPIES = 3
ORIENTATION = 0x0112  # the EXIF tag saying which way up the camera was held
TALLEST = 20  # height / width: past it no inbox shows the picture whole, and JPEG's 65,500 px limit comes near
WARNINGS = threading.RLock()  # held while a thread changes the process's warning filters to read Pillow's warnings


class ImageProblem(Exception):
    """What is wrong with an image file's content, in the editor's words; the caller names the file and line."""


def made_from(content: bytes, width: int, budget: int) -> tuple[bytes, int, int]:
    """An image file's bytes -> (the bytes to publish, width, height); ImageProblem for whatever stops it.
    Pillow's notes on what it skips (a corrupt maker note...) are the caller's to silence (see quiet())."""
    try:
        return made_picture(content, width, budget)
    except ImageProblem:
        raise
    except MemoryError:
        raise ImageProblem("needs more memory than this machine has: resize it before adding it") from None
    except Exception as error:  # any failure in a decoder (EXIF, DDS, ...) is the file's, said in one line
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        raise ImageProblem(
            f"cannot be read ({reason}): the file is damaged or in a form Pillow cannot handle; "
            "export it again as JPEG or PNG"
        ) from None


@contextmanager
def quiet() -> Iterator[None]:
    """Pillow's warnings on stderr about what it skips (a corrupt maker note...) are not the editor's concern,
    except where they matter, which decode() and orientation() read themselves. Entered by the thread that
    starts the work, around all of it: filters changed in several threads at once would not be restored."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


@contextmanager
def warnings_of_this_thread() -> Iterator[list[str]]:
    """The warnings this thread raises inside, as text, whatever other threads raise meanwhile: the filters are
    the process's, so they are changed under WARNINGS, and what the others raise is not counted (nor shown)."""
    mine = threading.get_ident()
    seen: list[str] = []

    def note(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        if threading.get_ident() == mine:
            seen.append(str(message))

    with WARNINGS, warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = note
        yield seen


def made_picture(content: bytes, width: int, budget: int) -> tuple[bytes, int, int]:
    picture = decode(content, width)
    picture = upright(picture)
    if picture.height > TALLEST * picture.width:
        raise ImageProblem(
            f"is {picture.width}×{picture.height} pixels, more than {TALLEST} times as tall as it is wide: "
            "no inbox shows it whole; crop it, or split it into several images"
        )
    picture = eight_bit(picture)
    if picture.mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        picture = fit(picture, width)  # before the colour profile: a sixth of the pixels to convert
    picture = srgb(picture)
    transparent = has_transparency(picture)
    graphic = picture.mode == "P" and not transparent  # a few flat colours (a logo, a chart): PNG keeps it crisp
    picture = fit(picture.convert("RGBA" if transparent else "RGB"), width)
    data, picture = compress(picture, budget, png=transparent or graphic)
    return data, picture.width, picture.height


def fit(picture: Picture, width: int) -> Picture:
    """At most `width` pixels wide, in proportion; never enlarged."""
    from PIL import Image as Pil

    if picture.width <= width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), Pil.Resampling.LANCZOS)


def decode(content: bytes, width: int) -> Picture:
    """The decoded image, or an ImageProblem that says what is wrong with the file and what to do."""
    from PIL import Image as Pil
    from PIL import UnidentifiedImageError

    Pil.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with WARNINGS, warnings.catch_warnings():  # Pillow warns of a bomb when it opens the file
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            picture = Pil.open(io.BytesIO(content))
            # A JPEG decodes at 1/2, 1/4 or 1/8 size when that still covers `width` once it is turned the way
            # its EXIF says: a 24 MP photo decodes in a fraction of the time.
            if picture.format in ("JPEG", "MPO"):  # the others decode whole
                picture.draft(picture.mode, (1, width) if turned(picture) else (width, 1))
            check_memory(*picture.size)
        picture.load()  # a truncated file fails here, not half-way through a resize
    except UnidentifiedImageError:
        raise ImageProblem(
            "is not an image Pillow can read (JPEG, PNG, GIF, WebP...): export the photo again as JPEG or PNG"
        ) from None
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning):
        raise ImageProblem(
            f"has more than {MAX_PIXELS // 1_000_000} million pixels: resize it before adding it"
        ) from None
    except OSError as error:
        reason = " ".join((error.strerror or str(error)).split())
        raise ImageProblem(
            f"cannot be read ({reason}): the file is damaged or incomplete; copy or export it again"
        ) from None
    except (ValueError, SyntaxError) as error:
        raise ImageProblem(f"cannot be read ({error}): export the photo again as JPEG or PNG") from None
    return picture


def turned(picture: Picture) -> bool:
    """Whether the EXIF orientation turns the picture a quarter (its width becomes its height)."""
    return orientation(picture) in (5, 6, 7, 8)


def orientation(picture: Picture) -> object:
    """The EXIF orientation; damaged EXIF (or an orientation tag Pillow skips) is an ImageProblem, not a photo
    shown on its side. Pillow parses EXIF once per picture: what it warns of is seen here or never."""
    try:
        with warnings_of_this_thread() as warned:
            exif = picture.getexif()
            if picture.info.get("exif") and not exif:  # a block Pillow read nothing from: parse it to know why
                from PIL import Image as Pil

                exif = Pil.Exif()
                exif.load(picture.info["exif"])
            value = exif.get(ORIENTATION)
    except Exception as error:  # Pillow's EXIF parser fails in many ways on damaged tags
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
    else:
        skipped = [message for message in warned if f"tag {ORIENTATION}" in message]
        if not skipped:
            return value
        reason = skipped[0]  # Pillow skipped the orientation tag: the photo could be on its side
    raise ImageProblem(
        f"has damaged EXIF metadata ({reason}), so which way up it goes cannot be read: "
        "export it again from a photo editor"
    )


def check_memory(width: int, height: int) -> None:
    needed = width * height * BYTES_PER_PIXEL * COPIES
    if needed > MEMORY_BUDGET:
        raise ImageProblem(
            f"is {width}×{height} pixels, which would take {human_size(needed)} of memory to make fit "
            f"(pixels × {BYTES_PER_PIXEL} bytes × {COPIES} copies), over the {human_size(MEMORY_BUDGET)} budget: "
            "resize it before adding it"
        )


def close_file(path: Path) -> str:
    try:
        names = [entry.name for entry in path.parent.iterdir()]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, names, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def upright(picture: Picture) -> Picture:
    """The camera's orientation applied (EXIF read after the pixels, as a PNG's may be, checked again)."""
    from PIL import ImageOps

    orientation(picture)
    try:
        ImageOps.exif_transpose(picture, in_place=True)  # no copy of the pixels when it is upright
    except Exception as error:  # an orientation Pillow cannot apply
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        raise ImageProblem(
            f"has damaged EXIF metadata ({reason}), so which way up it goes cannot be read: "
            "export it again from a photo editor"
        ) from None
    return picture


def eight_bit(picture: Picture) -> Picture:
    """16- and 32-bit greyscale and float images scaled to 8-bit grey: Pillow's convert() clips them (a 16-bit
    scan would turn white). 16-bit values are divided by 256; 32-bit integers and floats are read as 8-bit,
    16-bit or 0..1 values by their range, else stretched from their darkest to their lightest."""
    mode = picture.mode
    if mode.startswith("I;16"):
        return picture.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if mode not in ("I", "F"):
        return picture
    low, high = cast("tuple[float, float]", picture.getextrema())  # one band: its lowest and highest
    if mode == "F" and low >= 0 and high <= 1:
        scale, offset = 255.0, 0.0
    elif low >= 0 and high <= 255:
        scale, offset = 1.0, 0.0
    elif low >= 0 and high <= 65535:
        scale, offset = 1 / 256, 0.0
    else:
        scale = 255 / max(high - low, 1)
        offset = -low * scale
    return picture.point(lambda value: value * scale + offset).convert("L")


def srgb(picture: Picture) -> Picture:
    """The colours converted to sRGB, and every bit of metadata gone."""
    from PIL import ImageCms

    icc = picture.info.get("icc_profile")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if picture.mode in ("RGBA", "LA", "PA") else "RGB"
            if picture.mode not in ("RGB", "RGBA", "CMYK", "L"):
                picture = picture.convert(mode)
            converted = ImageCms.profileToProfile(picture, source, ImageCms.createProfile("sRGB"), outputMode=mode)
            picture = converted or picture  # None only when converting in place, which this is not
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are, read as sRGB
    if picture.mode in ("CMYK", "YCbCr", "HSV", "LAB", "RGBX", "1"):
        picture = picture.convert("RGB" if picture.mode != "1" else "L")
    picture.info = {}  # EXIF, GPS, XMP, comments, the ICC profile: sRGB is what a browser assumes
    return picture


def has_transparency(picture: Picture) -> bool:
    if picture.mode == "P" and "transparency" in picture.info:
        return True
    if picture.mode in ("RGBA", "LA", "PA"):
        return cast("tuple[int, int]", picture.getchannel("A").getextrema())[0] < 255
    return False


def compress(picture: Picture, budget: int, *, png: bool) -> tuple[bytes, Picture]:
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


def encode(picture: Picture, *, png: bool, level: int | None) -> bytes:
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
