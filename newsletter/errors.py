"""Exceptions the library raises; only cli.py turns them into a message and an exit code.

NewsletterError
 ├── InputError        a story, folder or settings file cannot be read as given
 ├── RenderError       the templates or the MJML engine failed
 ├── HeaderError       a value cannot go into a mail header: it would forge one, or make a line too long
 ├── AddressError      an email address is not one
 ├── OutputError       an output file or folder cannot be written
 └── SendError         sending through SMTP failed as a whole

Any other exception is a bug: `doing(step, file)` around a stage's work names what it was doing, so the
command line can say where in one line (`internal error while reading issue/a.md: ...`).
"""

import contextlib
from collections.abc import Iterator

STEP = "newsletter_step"  # the attribute `doing` leaves on an exception nobody foresaw


def place(file: object = None, line: int | None = None) -> str:
    """The `file:line: ` (or `file: `) that starts every message naming a place; "" for none."""
    if not file:
        return ""
    return f"{file}:{line}: " if line else f"{file}: "


class NewsletterError(Exception):
    """Something the editor can fix; str(error) is the one-line message."""

    def __init__(self, message: str, *, file: object = None, line: int | None = None):
        self.message = message  # without the file and line
        self.file = str(file) if file is not None else None
        self.line = line
        super().__init__(f"{place(self.file, line)}{message}")


class InputError(NewsletterError):
    """A story, folder or settings file cannot be read as given."""


class RenderError(NewsletterError):
    """The templates or the MJML engine failed."""


class HeaderError(NewsletterError):
    """A value cannot go into a mail header: it would forge one (a line break, a control character, as
    written or once its encoded words decode), or make a header line longer than mail servers take."""


class AddressError(NewsletterError):
    """An email address is not one."""


class OutputError(NewsletterError):
    """An output file or folder cannot be written (a file in the way, no permission, a full disk)."""


class SendError(NewsletterError):
    """Sending through SMTP failed as a whole."""


@contextlib.contextmanager
def doing(step: str, file: object = None) -> Iterator[None]:
    """Name the step (and file) the code inside works on, for an exception it did not foresee: the innermost
    `doing` an exception leaves names it."""
    try:
        yield
    except NewsletterError:
        raise
    except BaseException as error:
        if not isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit) and not hasattr(error, STEP):
            with contextlib.suppress(AttributeError, TypeError):
                setattr(error, STEP, (step, str(file) if file is not None else ""))
        raise


def step_of(error: BaseException, step: str, file: object = None) -> tuple[str, str]:
    """The step and file `doing` left on `error`, else the ones given."""
    found = getattr(error, STEP, None)
    if isinstance(found, tuple):
        return found
    return step, str(file) if file is not None else ""


def internal_error(step: str, file: str, error: BaseException) -> str:
    """The one line for a bug: what the tool was doing, where, the exception, and what to do."""
    message = " ".join(str(error).split())
    message = message[:300] + "..." if len(message) > 300 else message
    where = f"{step} {file}" if file else step
    return f"internal error while {where}: {type(error).__name__}: {message}; please report it with newsletter -v"


def error_line(error: BaseException, step: str, subject: object = None) -> str:
    """The one line any exception becomes on the command line: the library's own message; a file system refusal
    the library did not foresee, with its file; else a bug (or a Rust panic inside mjml-python, a BaseException),
    with the step and file `doing` left on it, or else the command's `step` and `subject`."""
    if isinstance(error, NewsletterError):
        return str(error)
    if isinstance(error, OSError):
        return f"{place(error.filename)}{error.strerror or error}"
    return internal_error(*step_of(error, step, subject), error)
